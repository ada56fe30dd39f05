"""Verb classes: the role cues a lemma gives in every form and voice.

`data/patterns.yaml` lists lemmas by class (`verb_classes.organise`, `verb_classes.take_part`)
and the nouns of the organiser role (`organiser_nouns`). Each lemma yields its forms
(host, hosts, hosted, hosting; run, ran) and each form a cue with its direction: the active
past takes the actors before it ("the RSO and IOM co-hosted …"), the passive with "by" the
actors after it ("… was put together by the RSO"), a role noun both ("X and Y were co-hosts",
"the co-hosts were X and Y", "X and Y acted as co-chairs"); a bare "as co-chair" is left out, since it
names a standing role as often as this event's ("Indonesia, as Co-Chair of the Bali Process").

>>> forms("co-host")
('co-host', 'co-hosts', 'co-hosted', 'co-hosted')
>>> forms("run", {"run": ["ran", "run"]})
('run', 'runs', 'ran', 'run')
"""
from __future__ import annotations

from .words import WORDS

__all__ = ["forms", "class_cues"]

VOWELS = "aeiou"
SHORT_DOUBLING = frozenset(WORDS["short_doubling"])


def _third(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in VOWELS:
        return verb[:-1] + "ied"
    return verb + "ed"


def forms(lemma: str, irregular: dict | None = None) -> tuple[str, str, str, str]:
    """(base, third person, past, past participle) of a verb or a verb phrase ("put together")."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    past, participle = (irregular or {}).get(head, (None, None))
    if past is None and "-" in head:  # "co-lead" as "lead"
        prefix, _, base = head.rpartition("-")
        found = (irregular or {}).get(base)
        if found:
            past, participle = f"{prefix}-{found[0]}", f"{prefix}-{found[1]}"
    past = past or _past(head)
    return head + tail, _third(head) + tail, past + tail, (participle or past) + tail


def gerund(lemma: str) -> str:
    """The -ing form: host -> hosting, co-chair -> co-chairing, convene -> convening, run -> running.

    >>> gerund("convene"), gerund("run"), gerund("put together")
    ('convening', 'running', 'putting together')
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e") and not head.endswith("ee"):
        head = head[:-1]
    elif len(head) >= 3 and head[-1] not in VOWELS + "wxy" and head[-2] in VOWELS and head[-3] not in VOWELS \
            and head.rpartition("-")[2] in SHORT_DOUBLING:
        head += head[-1]
    return head + "ing" + tail


def class_cues(patterns: dict) -> dict[str, dict[str, list[str]]]:
    """{"organiser"|"participant": {"after": [...], "before": [...]}} from the verb classes."""
    irregular = patterns.get("irregular_verbs", {})
    classes = patterns.get("verb_classes", {})
    out: dict[str, dict[str, list[str]]] = {"organiser": {"after": [], "before": []},
                                            "participant": {"after": [], "before": []}}
    for role, key in (("organiser", "organise"), ("participant", "take_part")):
        for lemma in classes.get(key, []):
            base, third, past, participle = forms(lemma, irregular)
            out[role]["before"] += [past, f"jointly {past}"]  # news reports in the past; "co-chairs the
            # Bali Process" and "holds this function each year" are standing roles, not this event's
            out[role]["after"] += [f"{participle} by", f"jointly {participle} by", f"was {participle} by",
                                   f"were {participle} by", f"is {participle} by", f"are {participle} by",
                                   f"{gerund(lemma)} were", f"{gerund(lemma)} was"]  # "Co-chairing were X and Y"
    for noun in patterns.get("organiser_nouns", []):
        plural = noun if noun.endswith("s") else noun + "s"
        for n in (noun, plural):
            out["organiser"]["before"] += [f"were {n}", f"were the {n}", f"was {n}", f"was the {n}",
                                           f"acted as {n}", f"served as {n}"]
            out["organiser"]["after"] += [f"{n} were", f"{n} was"]
    return out
