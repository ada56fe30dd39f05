"""The closed word classes the readers use, read once from `data/words.yaml`.

>>> "said" in WORDS["speech_verbs"]
True
"""
from __future__ import annotations

from ..lexicon import read_word_yaml
from ..resources import resource_dir

__all__ = ["WORDS"]


def _read_words() -> dict:
    with open(resource_dir("data") / "words.yaml", encoding="utf-8") as f:
        return read_word_yaml(f.read())


WORDS: dict = _read_words()
