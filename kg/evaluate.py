"""Precision, recall and F1 of extractions against gold files (the rule of the corpus FORMAT.md).

Names match after case folding, trimming punctuation and collapsing white space,
against the gold name or any alias; entities are matched one-to-one; events
match on start date, or (without one) on names sharing half their words.
Figures are micro-averaged per category; macro F1 is their mean.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import KgError
from .lexicon import normalise

__all__ = ["CATEGORIES", "Scores", "score_article", "entity_resolvers", "match_events", "evaluate_dirs",
           "evaluate_predictions", "evaluate_articles"]

CATEGORIES = ("states", "organisations", "people", "places", "events", "affiliations", "event_organisers",
              "event_participants", "event_places", "event_dates")
STOPWORDS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with"}


def _names(entry) -> set[str]:
    if isinstance(entry, str):
        entry = {"name": entry}
    out = {normalise(entry.get("name"))} | {normalise(a) for a in entry.get("aliases") or []}
    out.discard("")
    return out


def _match_entities(gold: list, pred: list) -> dict[int, int]:
    gold_names = [_names(g) for g in gold]
    taken, mapping = set(), {}
    for pi, p in enumerate(pred):
        pn = _names(p)
        for gi, gn in enumerate(gold_names):
            if gi not in taken and pn & gn:
                taken.add(gi)
                mapping[pi] = gi
                break
    return mapping


def entity_resolvers(gold: list, pred: list):
    mapping = _match_entities(gold, pred)
    table = {n: gi for pi, gi in mapping.items() for n in _names(pred[pi])}
    gold_lookup: dict[str, int] = {}
    for gi, g in enumerate(gold):
        for n in _names(g):
            gold_lookup.setdefault(n, gi)
    return (lambda name: table.get(normalise(name))), (lambda name: gold_lookup.get(normalise(name)))


def _words(event) -> set[str]:
    return set(normalise(event.get("name")).split()) - STOPWORDS


def match_events(gold: list, pred: list) -> dict[int, int]:
    def same(p, g):
        if p.get("start") and g.get("start"):
            return p["start"] == g["start"]
        pw, gw = _words(p), _words(g)
        return bool(pw and gw) and len(pw & gw) / len(pw | gw) >= 0.5

    taken, mapping = set(), {}
    for pi, p in enumerate(pred):
        cands = [((p.get("kind") == g.get("kind"), len(_words(p) & _words(g))), -gi, gi)
                 for gi, g in enumerate(gold) if gi not in taken and same(p, g)]
        if cands:
            gi = max(cands)[2]
            taken.add(gi)
            mapping[pi] = gi
    return mapping


@dataclass
class Scores:
    counts: dict = field(default_factory=lambda: {c: [0, 0, 0] for c in CATEGORIES})  # tp, predicted, gold
    missed: dict = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    spurious: dict = field(default_factory=lambda: {c: [] for c in CATEGORIES})

    def add(self, other: "Scores") -> None:
        for c in CATEGORIES:
            for i in range(3):
                self.counts[c][i] += other.counts[c][i]

    def prf(self, category: str) -> tuple[float, float, float]:
        tp, npred, ngold = self.counts[category]
        p = tp / npred if npred else (1.0 if not ngold else 0.0)
        r = tp / ngold if ngold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def macro_f1(self) -> float:
        return sum(self.prf(c)[2] for c in CATEGORIES) / len(CATEGORIES)


def score_article(gold: dict, pred: dict) -> Scores:
    """Scores of one predicted article against its gold annotation."""
    sc = Scores()

    def add(cat, tp, npred, ngold):
        sc.counts[cat][0] += tp
        sc.counts[cat][1] += npred
        sc.counts[cat][2] += ngold

    for cat in ("states", "organisations", "people", "places"):
        g, p = gold.get(cat) or [], pred.get(cat) or []
        mapping = _match_entities(g, p)
        add(cat, len(mapping), len(p), len(g))
        sc.missed[cat] = [x["name"] for i, x in enumerate(g) if i not in set(mapping.values())]
        sc.spurious[cat] = [x["name"] for i, x in enumerate(p) if i not in mapping]
    actor_pred, actor_gold = entity_resolvers((gold.get("states") or []) + (gold.get("organisations") or []),
                                        (pred.get("states") or []) + (pred.get("organisations") or []))
    person_pred, person_gold = entity_resolvers(gold.get("people") or [], pred.get("people") or [])
    place_pred, place_gold = entity_resolvers(gold.get("places") or [], pred.get("places") or [])

    def add_pairs(cat, gpairs: dict, ppairs: dict) -> None:
        """Pairs keyed by matched indices, valued by readable "a: b" text for the missed/spurious lists."""
        tp = {k for k in ppairs if None not in k} & set(gpairs)
        add(cat, len(tp), len(ppairs), len(gpairs))
        sc.missed[cat] = [text for k, text in gpairs.items() if k not in tp]
        sc.spurious[cat] = [text for k, text in ppairs.items() if k not in tp]

    def pairs(people, rp, ro):
        return {(rp(p.get("name")), ro(r["organisation"])): f"{p.get('name')}: {r['organisation']}"
                for p in people for r in p.get("roles") or [] if r.get("organisation")}

    add_pairs("affiliations", pairs(gold.get("people") or [], person_gold, actor_gold),
              pairs(pred.get("people") or [], person_pred, actor_pred))
    g_ev, p_ev = gold.get("events") or [], pred.get("events") or []
    ev_map = match_events(g_ev, p_ev)
    add("events", len(ev_map), len(p_ev), len(g_ev))
    sc.missed["events"] = [e.get("name") for i, e in enumerate(g_ev) if i not in set(ev_map.values())]
    sc.spurious["events"] = [e.get("name") for i, e in enumerate(p_ev) if i not in ev_map]
    for cat, fld in (("event_organisers", "organisers"), ("event_participants", "participants")):
        add_pairs(cat, {(gi, actor_gold(n)): f"{e.get('name')}: {n}" for gi, e in enumerate(g_ev)
                        for n in e.get(fld) or []},
                  {(ev_map.get(pi), actor_pred(n)): f"{e.get('name')}: {n}" for pi, e in enumerate(p_ev)
                   for n in e.get(fld) or []})

    def where(name, rplace, ractor):
        if rplace(name) is not None:
            return ("place", rplace(name))
        return ("actor", ractor(name)) if ractor(name) is not None else None

    gset = {(gi, where(e["place"], place_gold, actor_gold)) for gi, e in enumerate(g_ev) if e.get("place")}
    pset = {(ev_map.get(pi), where(e["place"], place_pred, actor_pred)) for pi, e in enumerate(p_ev) if e.get("place")}
    add("event_places", len({x for x in pset if None not in x} & gset), len(pset), len(gset))
    sc.missed["event_places"] = [f"{g_ev[gi].get('name')}: {g_ev[gi]['place']}" for gi, w in sorted(gset - pset)]
    sc.spurious["event_places"] = [f"{e.get('name')}: {e['place']}" for pi, e in enumerate(p_ev) if e.get("place")
                                   and (ev_map.get(pi), where(e["place"], place_pred, actor_pred)) not in gset]
    dates_gold = {(gi, e.get("start"), e.get("end")) for gi, e in enumerate(g_ev) if e.get("start")}
    dates_pred = {(ev_map.get(pi), e.get("start"), e.get("end")) for pi, e in enumerate(p_ev) if e.get("start")}
    add("event_dates", len({x for x in dates_pred if x[0] is not None} & dates_gold), len(dates_pred), len(dates_gold))
    sc.missed["event_dates"] = [f"{g_ev[gi].get('name')}: {a}..{b}" for gi, a, b in sorted(dates_gold - dates_pred)]
    sc.spurious["event_dates"] = [f"{e.get('name')}: {e['start']}..{e.get('end')}" for pi, e in enumerate(p_ev)
                                  if e.get("start") and (ev_map.get(pi), e["start"], e.get("end")) not in dates_gold]
    return sc


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KgError(f"{path}: not a readable gold/prediction JSON file ({exc})") from exc


def evaluate_predictions(gold_dir: Path, predictions: dict[str, dict]) -> tuple[Scores, dict[str, Scores]]:
    """Total and per-article scores of `predictions` (stem → gold-shaped dict) against `gold_dir`."""
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if not gold_files:
        raise KgError(f"no gold files (*.json) in {gold_dir}")
    total, per_article = Scores(), {}
    for gf in gold_files:
        sc = score_article(_load(gf), predictions.get(gf.stem, {}))
        total.add(sc)
        per_article[gf.stem] = sc
    return total, per_article


def evaluate_dirs(gold_dir: Path, pred_dir: Path) -> tuple[Scores, dict[str, Scores]]:
    """Scores of the prediction files in `pred_dir` against the gold files in `gold_dir`."""
    preds = {p.stem: _load(p) for p in Path(pred_dir).glob("*.json")}
    return evaluate_predictions(gold_dir, preds)


def evaluate_articles(gold_dir: Path, articles_dir: Path, ner=None) -> tuple[Scores, dict[str, Scores]]:
    """Extract every article under `articles_dir` (with an optional NER proposer) and score it."""
    from .extract import extract_article
    from .sources import iter_source_files, read_articles
    preds = {}
    for item in iter_source_files([articles_dir]):
        if isinstance(item, Path):
            for a in read_articles(item):
                if not isinstance(a, KgError):
                    preds[a.stem] = extract_article(a, ner=ner).to_gold()
    return evaluate_predictions(gold_dir, preds)


@dataclass(frozen=True)
class GroupScore:
    """Macro F1 on one group of articles (a publisher or layout, a period) and on all the others."""

    group: str
    articles: int
    macro_f1: float
    others_macro_f1: float
    weakest: str


def source_group(article) -> str:
    """The publisher (the host of the article's URL) or, without a URL, its layout family.

    >>> from kg.model import Article
    >>> source_group(Article("a.md", "a", "md", "T", None, "https://www.example.org/x", None, "t", "0"))
    'example.org'
    >>> source_group(Article("a.txt", "a", "txt", "T", None, None, None, "t", "0"))
    'txt pages without URL'
    """
    if article.url:
        host = urlsplit(str(article.url)).hostname or ""
        return host.removeprefix("www.") or "unknown host"
    return f"{article.format} pages without URL"


def period_group(article) -> str:
    """The article's period: before 2023, 2023-2024, 2025 on (the corpus's eras of writing)."""
    year = article.year
    if year is None:
        return "undated"
    return "before 2023" if year < 2023 else ("2023-2024" if year < 2025 else "2025 on")


def scores_by_group(per_article: dict[str, Scores], groups: dict[str, str]) -> list[GroupScore]:
    """Each group's macro F1 beside the macro F1 of every other article (leave one group out)."""
    out = []
    for group in sorted(set(groups.values())):
        inside, outside = Scores(), Scores()
        for stem, sc in per_article.items():
            (inside if groups.get(stem) == group else outside).add(sc)
        n = sum(1 for stem in per_article if groups.get(stem) == group)
        if n:
            weakest = min(CATEGORIES, key=lambda c: inside.prf(c)[2])
            out.append(GroupScore(group, n, inside.macro_f1, outside.macro_f1,
                                  f"{weakest} {inside.prf(weakest)[2]:.2f}"))
    return out


def article_groups(articles_dir: Path, by: str) -> dict[str, str]:
    """stem -> group of every article under `articles_dir`, by "source" or "period"."""
    from .sources import iter_source_files, read_articles
    key = {"source": source_group, "period": period_group}[by]
    return {a.stem: key(a) for f in iter_source_files([articles_dir]) if isinstance(f, Path)
            for a in read_articles(f) if not isinstance(a, KgError)}
