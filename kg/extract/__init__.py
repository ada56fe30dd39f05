"""Extraction: an `Article` in, an `Extraction` (the gold-file shape) out.

Offline and deterministic. The article is analysed once (`analyse_article`, a
`kg.extract.document.Analysis`): sentences and tokens → state/organisation/place
mentions (gazetteer + patterns) → people and roles → events with dates and the
rules' candidate organisers, participants and places → the dependency parse of
the sentences that hold candidates. Then trained models decide each event's
organisers, participants and place from the candidates and their features
(`kg.extract.decisions`, weights in `kg/models/extraction.json`, made by
`kg train`). Each entity keeps the sentences it came from as `Evidence`.

>>> from kg.sources import read_article
>>> x = extract_article(read_article("data/articles/2024-03-11-indonesia-rso-consular-training.txt"))
>>> x.events[0].start, x.events[0].end
('2024-02-21', '2024-02-23')
"""
from __future__ import annotations

from typing import Literal

from ..lexicon import Lexicon, load_lexicon
from ..model import Article, Extraction
from .assemble import build_registry
from .decisions import DecisionModels, decide, load_models
from .document import Analysis, parse_candidate_sentences
from .entities import add_listed_bodies, find_mentions
from .events import find_events
from .frame import add_frame_places, read_frame
from .names import candidate_pieces, name_seeds
from .gazetteer import Gazetteer, build_gazetteer
from .people import add_table_bodies, find_people
from .proposals import merge_mentions, merge_people
from .text import split_sentences

__all__ = ["extract_article", "analyse_article"]


def _with_proposed_names(article: Article, sentences, mentions, people, lexicon: Lexicon, names):
    """`people` found again with the proposed names that pass the lexicon and the article's usage as seeds."""
    if names == "default":
        from ..ner import default_name_finder
        names = default_name_finder()
    pieces = candidate_pieces(sentences, mentions, people, lexicon) if names is not None else []
    seeds = name_seeds(article.text, sentences, mentions, people, names(pieces), lexicon) if pieces else {}
    return find_people(sentences, mentions, lexicon, seeds) if seeds else people


_GAZETTEERS: dict[int, tuple[Lexicon, Gazetteer]] = {}


def _gazetteer(lexicon: Lexicon) -> Gazetteer:
    cached = _GAZETTEERS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = _GAZETTEERS[id(lexicon)] = (lexicon, build_gazetteer(lexicon))
    return cached[1]


def analyse_article(article: Article, lexicon: Lexicon | None = None, ner=None, names="default",
                    parser="default") -> Analysis:
    """The article analysed once: mentions, people, the rules' events and candidates, the parse.

    `ner` (optional) is a callable giving `Proposal`s for a text, e.g. `kg.ner.load_ner("spacy:…")`:
    names the rules missed are added from it; the rules keep what they found.
    `names` proposes person names for pieces of text (kg.ner.default_name_finder by default;
    None for the rules alone). `parser` parses (offset, text) pieces (kg.ner.parse_sentences by
    default; None for no parse).
    """
    lexicon = lexicon or load_lexicon()
    sentences = split_sentences(article.text)
    frame = read_frame(article)
    mentions = add_frame_places(frame, sentences, find_mentions(sentences, lexicon, _gazetteer(lexicon), article.text),
                                lexicon)
    proposals = ner(article.text) if ner is not None else []
    if proposals:
        mentions = merge_mentions(article.text, sentences, mentions, proposals, lexicon)
    people = find_people(sentences, mentions, lexicon)
    people = _with_proposed_names(article, sentences, mentions, people, lexicon, names)
    mentions = [m for m in mentions if not m.facts.in_person]  # "Dr. Retna Sari": a name, not the city
    mentions, people = add_listed_bodies(sentences, mentions, people, lexicon)
    add_table_bodies(sentences, mentions, people)
    if proposals:
        people = merge_people(sentences, mentions, people, proposals)
    events = find_events(article, sentences, mentions, people, lexicon, frame)
    if parser == "default":
        from ..ner import parse_sentences
        parser = parse_sentences
    parses = parse_candidate_sentences(sentences, mentions, people, events, parser)
    return Analysis(article, lexicon, sentences, frame, mentions, people, events,
                    build_registry(mentions, people, lexicon), parses)


def extract_article(article: Article, lexicon: Lexicon | None = None, ner=None, names="default",
                    models: DecisionModels | Literal["default"] | None = "default") -> Extraction:
    """Everything the article body says about states, organisations, people, places and events.

    `models` decides roles and places (the shipped models by default; None for the rules'
    own choices, which needs no parse). `ner` and `names` as in `analyse_article`.
    """
    chosen = load_models() if models == "default" else models
    analysis = analyse_article(article, lexicon, ner, names, parser="default" if chosen is not None else None)
    return decide(analysis, chosen)
