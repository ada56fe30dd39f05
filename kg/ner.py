"""Optional statistical NER (`--ner spacy:MODEL`): the only module that imports spaCy.

The default extraction is rule-based, offline and deterministic; a researcher who
has a spaCy pipeline installed can let it propose PERSON, ORG and GPE/LOC names the
rules missed (see kg.extract.proposals for how they are merged).

>>> ner = load_ner("spacy:en_core_web_sm")          # doctest: +SKIP
>>> extract_article(article, ner=ner)               # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Callable

from .errors import KgError
from .extract.proposals import Proposal

__all__ = ["NerError", "load_ner", "spacy_proposer"]


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
