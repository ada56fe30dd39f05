"""The `kg` command line: each command parses options, calls one library function, prints."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import KgError

DEFAULT_STORE = Path("outputs/store")
DEFAULT_ARTICLES = Path("data/articles")


def STORE_OPTION(func):
    """--store PATH and --endpoint URL: the embedded store, or a shared SPARQL server."""
    func = click.option("--endpoint", default=None, metavar="URL",
                        help="Use a SPARQL 1.1 server (query URL, e.g. http://host:7878/query) instead of --store.")(func)
    return click.option("--store", "store_path", type=click.Path(path_type=Path), default=DEFAULT_STORE,
                        show_default=True, help="Folder of the embedded store.")(func)


class KgGroup(click.Group):
    """Turns every KgError into a clean one-line error and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=KgGroup)
@click.version_option(__version__, prog_name="kg")
def main():
    """A knowledge graph of the Bali Process from news articles."""


def _open(store_path: Path, read_only: bool = False, endpoint: str | None = None):
    from .store import GraphStore, RemoteStore
    if endpoint:
        return RemoteStore(endpoint)
    return GraphStore.open_read_only(store_path) if read_only else GraphStore.on_disk(store_path)


WORKERS_OPTION = click.option("--workers", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
                              help="Extraction processes (one per core is a good start).")
NER_OPTION = click.option("--ner", metavar="spacy:MODEL",
                          help="Also take PERSON/ORG/GPE names from an installed spaCy pipeline (default: rules only).")
BATCH_OPTION = click.option("--batch-size", type=click.IntRange(1, 100_000), default=100, show_default=True,
                            help="New articles written per store transaction.")


def _print_report(report) -> None:
    for path, problem in report.failed:
        click.echo(f"error: {path}: {problem}", err=True)
    for path, note in report.notes:
        click.echo(f"note: {path}: {note}", err=True)
    for path, other in report.duplicates:
        click.echo(f"skipped: {path}: same article as {other}", err=True)
    click.echo(f"ingest: {report.summary()}; {report.triples} triples written")


DEFAULT_ARCHIVE = Path("outputs/archive")


def FETCH_OPTIONS(func):
    """The crawl's options, shared by `kg fetch` and `kg ingest URL…`."""
    options = [
        click.option("--archive", "archive", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_ARCHIVE,
                     show_default=True, help="Folder of the web archive (one .warc.gz per fetch run)."),
        click.option("--match", metavar="REGEX", help="Article links: URLs in which this regular expression is "
                     "found (others on a listing page are not followed)."),
        click.option("--contact", envvar="KG_CONTACT", metavar="EMAIL|URL",
                     help="How site owners reach you; sent in the User-Agent (or set KG_CONTACT)."),
        click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True,
                     help="Seconds between two requests to one host (a longer robots.txt Crawl-delay wins)."),
        click.option("--timeout", "fetch_timeout", type=click.FloatRange(0.01), default=30.0, show_default=True,
                     help="Seconds to connect and to receive a whole response."),
        click.option("--max-bytes", type=click.IntRange(1), default=20 * 1024 * 1024, show_default=True,
                     help="Largest response read."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                     help="Further tries after a 429, a 5xx or a network error (with backoff, honouring Retry-After)."),
        click.option("--backoff", type=click.FloatRange(0), default=2.0, show_default=True,
                     help="First wait before a retry without Retry-After, in seconds (doubled each time)."),
        click.option("--max-pages", type=click.IntRange(1), default=500, show_default=True,
                     help="Sitemaps, feeds and listing pages read at most."),
        click.option("--allow-private", is_flag=True, help="Also fetch from private and loopback addresses."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _fetch_options(o: dict, dry_run: bool = False):
    from .fetch import FetchOptions
    return FetchOptions(contact=o["contact"], match=o["match"], delay=o["delay"], timeout=o["fetch_timeout"],
                        max_bytes=o["max_bytes"], retries=o["retries"], backoff=o["backoff"],
                        max_pages=o["max_pages"], allow_private=o["allow_private"], dry_run=dry_run)


class _Progress:
    """A progress bar on stderr, only when stderr is a terminal; its length is known at the first step."""

    def __init__(self, label: str, length: int | None = None):
        self.label, self.length = label, length
        self.bar: Any = None

    def step(self, _item: str = "", total: int | None = None) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total or self.length or 1, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _print_fetch(report) -> None:
    for url, problem in report.failed:
        click.echo(f"failed: {url}: {problem}", err=True)
    for url in report.refused:
        click.echo(f"refused by robots.txt: {url}", err=True)
    for url, state in report.planned:
        click.echo(f"would fetch {url} ({state})")
    where = f"; wrote {report.archive}" if report.archive else ""
    click.echo(f"fetch: {report.summary()}{where}")


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Read sitemaps, feeds and listings, list the articles; fetch none.")
@FETCH_OPTIONS
def fetch(urls, dry_run, **options):
    """Fetch articles politely into a web archive (WARC): from page URLs, sitemaps, feeds or listing pages.

    \b
    Examples:
      kg fetch https://rso.baliprocess.net/sitemap.xml --match '/news/' --contact me@uni.edu
      kg fetch https://www.baliprocess.net/feed/ --contact me@uni.edu --dry-run
      kg ingest outputs/archive                      # then read the archive into the store
    """
    from .fetch import fetch_site
    progress = _Progress("fetching")
    try:
        report = fetch_site(urls, options["archive"], _fetch_options(options, dry_run), progress.step)
    finally:
        progress.close()
    _print_fetch(report)
    if report.failed:
        sys.exit(1)


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--infer", type=click.Choice(["rdfs"]), help="Also materialise the RDFS subclass/subproperty closure.")
@WORKERS_OPTION
@BATCH_OPTION
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for a local "
                   "cluster of --workers processes.")
@NER_OPTION
@STORE_OPTION
@FETCH_OPTIONS
def ingest(sources, infer, workers, batch_size, dask_address, ner, store_path, endpoint, **fetch_options):
    """Read articles (files, folders, web archives, or URLs to fetch first) into the store; unchanged articles are skipped.

    \b
    Examples:
      kg ingest data/articles
      kg ingest ~/saved-pages --workers 2
      kg ingest outputs/archive                   # .warc / .warc.gz files of `kg fetch`
      kg ingest https://rso.baliprocess.net/feed/ --contact me@uni.edu   # fetched into --archive, then read
      kg ingest new/ --endpoint http://127.0.0.1:7878/query
    """
    from contextlib import nullcontext

    from .pipeline import count_sources, fetch_and_ingest
    urls = [s for s in sources if _is_url(s)]
    paths = [Path(s) for s in sources if not _is_url(s)]
    store = _open(store_path, endpoint=endpoint)
    if dask_address:
        from .cluster import dask_executor
        executor = dask_executor(dask_address, workers)
    else:
        executor = nullcontext()
    fetching = _Progress("fetching")
    ingesting = _Progress("ingesting", count_sources(paths) if sys.stderr.isatty() else None)
    try:
        with executor as pool:
            fetched, report = fetch_and_ingest(urls, paths, store, fetch_options["archive"],
                                               _fetch_options(fetch_options), fetching.step,
                                               progress=ingesting.step, workers=workers, batch_size=batch_size,
                                               executor=pool, ner=ner)
    finally:
        fetching.close()
        ingesting.close()
    if urls:
        _print_fetch(fetched)
    _print_report(report)
    if infer:
        from .inference import infer_rdfs
        click.echo(f"inference: {infer_rdfs(store)} triples in the inferred graph")
    if not report.ok or fetched.failed:
        sys.exit(1)


@main.command()
@click.argument("article")
@STORE_OPTION
def remove(article, store_path, endpoint):
    """Remove an article's graph (by file name or stem) from the store.

    \b
    Examples:
      kg remove 2024-03-11-indonesia-rso-consular-training.txt
    """
    from .pipeline import remove_article
    if remove_article(_open(store_path, endpoint=endpoint), article):
        click.echo(f"removed {article}")
    else:
        raise click.ClickException(f"no article {article!r} in the store")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "nq"]), default="json", show_default=True,
              help="json: the gold-annotation format; nq: each article's named graph as N-Quads, for bulk loaders.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for one <article stem>.json (or .nq) per article.")
@NER_OPTION
def extract(paths, fmt, out_dir, ner):
    """Extract entities and events from articles into files, one per article (no store needed).

    \b
    Examples:
      kg extract data/articles --format json --out /tmp/pred
      kg extract data/articles --format nq --out /tmp/nq
    """
    from .pipeline import extract_to_files
    written, failed = extract_to_files(paths, out_dir, fmt, ner)
    for where, problem in failed:
        click.echo(f"error: {where}: {problem}", err=True)
    click.echo(f"extract: {written} articles written to {out_dir}, {len(failed)} failed")
    if failed:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("articles_dir", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--predictions", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Score these prediction files instead of extracting ARTICLES_DIR.")
@click.option("--per-article", is_flag=True, help="Also print a line per article with missed and spurious items.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--by", "group_by", type=click.Choice(["source", "period"]),
              help="Also print macro F1 per group of articles (publisher or layout; period) beside the rest.")
@click.option("--cv", is_flag=True, help="Cross-validate the trained decisions: leave one family out, k folds by "
              "article, beside the in-sample and rules-alone figures.")
@click.option("--folds", type=click.IntRange(2, 50), default=5, show_default=True, help="Folds by article, with --cv.")
@NER_OPTION
def evaluate(gold_dir, articles_dir, predictions, per_article, as_json, group_by, cv, folds, ner):
    """Precision, recall and F1 of extraction against gold annotations (the corpus scoring rule).

    \b
    Examples:
      kg eval data/gold data/articles
      kg eval data/gold data/articles --per-article
      kg eval data/gold data/articles --by source     # leave-one-source-out view
      kg eval data/gold data/articles --cv            # scores of models that never saw the article
    """
    from .evaluate import CATEGORIES, article_groups, evaluate_articles, evaluate_dirs, scores_by_group
    from .ner import load_ner
    if cv:
        _print_cv(gold_dir, articles_dir or DEFAULT_ARTICLES, folds, as_json)
        return
    if predictions:
        total, per = evaluate_dirs(gold_dir, predictions)
    else:
        total, per = evaluate_articles(gold_dir, articles_dir or DEFAULT_ARTICLES, load_ner(ner))
    if as_json:
        out = {c: dict(zip(("precision", "recall", "f1"), total.prf(c))) for c in CATEGORIES}
        click.echo(json.dumps({"categories": out, "macro_f1": total.macro_f1, "articles": len(per)}, indent=2))
        return
    if per_article:
        for stem, sc in per.items():
            click.echo(f"{stem:70s} {sc.macro_f1:.3f}")
            for c in CATEGORIES:
                if sc.missed[c] or sc.spurious[c]:
                    click.echo(f"    {c}: missed {sc.missed[c]} spurious {sc.spurious[c]}")
    click.echo(f"{'category':20s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'pred':>5s} {'gold':>5s}")
    for c in CATEGORIES:
        p, r, f = total.prf(c)
        tp, npred, ngold = total.counts[c]
        click.echo(f"{c:20s} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {npred:5d} {ngold:5d}")
    click.echo(f"macro F1 over {len(CATEGORIES)} categories, {len(per)} articles: {total.macro_f1:.3f}")
    if group_by:
        groups = article_groups(articles_dir or DEFAULT_ARTICLES, group_by)
        click.echo(f"\n{group_by:30s} {'n':>3s} {'macro F1':>9s} {'others':>7s}  weakest category")
        for g in scores_by_group(per, groups):
            click.echo(f"{g.group:30s} {g.articles:3d} {g.macro_f1:9.3f} {g.others_macro_f1:7.3f}  {g.weakest}")


def _print_cv(gold_dir: Path, articles_dir: Path, folds: int, as_json: bool) -> None:
    from .corpus import load_corpus
    from .crossval import cross_validate
    from .evaluate import CATEGORIES
    report = cross_validate(load_corpus(gold_dir, articles_dir), folds)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    names = list(report.schemes)
    click.echo(f"{'category':20s} " + " ".join(f"{n[:22]:>22s}" for n in names))
    click.echo(f"{'':20s} " + " ".join(f"{'P     R     F1':>22s}" for _ in names))
    for c in CATEGORIES:
        cells = [" ".join(f"{x:5.3f}" for x in report.schemes[n].prf(c)) for n in names]
        click.echo(f"{c:20s} " + " ".join(f"{x:>22s}" for x in cells))
    click.echo(f"{'macro F1':20s} " + " ".join(f"{report.schemes[n].macro_f1:22.3f}" for n in names))
    click.echo(f"\n{'family (held out)':34s} {'n':>3s} {'held out':>9s} {'in sample':>10s}")
    for fam, (n, held, inside) in report.families.items():
        click.echo(f"{fam:34s} {n:3d} {held:9.3f} {inside:10.3f}")


@main.command()
@click.argument("gold_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("articles_dir", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the models (default: the models kg ships, kg/models/extraction.json).")
def train(gold_dir, articles_dir, out_path):
    """Train the extraction's decision models (roles, places) from annotated articles.

    \b
    Examples:
      kg train                                    # data/gold and data/articles, into the package
      kg train data/gold data/articles --out /tmp/models.json
    """
    from .extract.decisions import MODEL_PATH
    from .train import train_corpus
    result = train_corpus(gold_dir or DEFAULT_ARTICLES.parent / "gold", articles_dir or DEFAULT_ARTICLES,
                          out_path or MODEL_PATH)
    counts = ", ".join(f"{n} {d}" for d, n in result.candidates.items())
    click.echo(f"train: {result.articles} articles, candidates {counts}, {result.features} features; "
               f"wrote {result.path}")


def _render_result(result, fmt: str) -> str | bytes:
    from .store import is_boolean, is_select, serialize_results, serialize_triples
    if is_boolean(result):
        return "true" if bool(result) else "false"
    if not is_select(result):
        return serialize_triples(result, {"table": "ttl", "csv": "nt", "tsv": "nt", "json": "jsonld"}.get(fmt, fmt))
    if fmt in {"ttl", "nt", "jsonld"}:
        raise click.UsageError(f"--format {fmt} is for CONSTRUCT and DESCRIBE results; a SELECT gives "
                               "table, csv, tsv, json, xml or markdown")
    if fmt in {"csv", "tsv", "json", "xml"}:
        return serialize_results(result, fmt)
    variables = [v.value for v in result.variables]
    rows = [["" if s[v] is None else s[v].value for v in variables] for s in result]
    if fmt == "markdown":
        lines = ["| " + " | ".join(variables) + " |", "|" + "---|" * len(variables)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        return "\n".join(lines)
    width = shutil.get_terminal_size((160, 20)).columns
    cap = max(12, (width - 3 * len(variables)) // max(1, len(variables)))
    cells = [[c if len(c) <= cap else c[:cap - 1] + "…" for c in r] for r in rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(variables, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out)


def _with_timeout(work, seconds: float | None):
    """Run `work`; past `seconds`, stop with a clear message (the query thread is abandoned)."""
    if not seconds:
        return work()
    import threading
    box: dict = {}

    def run():
        try:
            box["value"] = work()
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise click.ClickException(f"the query did not finish within {seconds:g} s; narrow it or raise --timeout")
    if "error" in box:
        raise box["error"]
    return box["value"]


@main.command()
@click.argument("query", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the SPARQL query from a file.")
@click.option("--param", "params", multiple=True, help="NAME=VALUE for a catalogue query's parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "markdown", "ttl", "nt",
                                                     "jsonld"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the result here.")
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds.")
@click.option("--allow-service", is_flag=True, help="Let the query fetch from other servers with SERVICE (off by default).")
@STORE_OPTION
def query(query, query_file, params, fmt, output, timeout, allow_service, store_path, endpoint):
    """Run SPARQL (text, --file, or a catalogue query NAME) over all named graphs.

    \b
    Examples:
      kg query "SELECT ?name WHERE { ?s a kg:MemberState ; skos:prefLabel ?name }" --format csv
      kg query state-representatives --param state=Indonesia --format markdown
      kg query --file my-question.rq -o out.csv --format csv
    """
    from .queries import bind_parameters, is_catalogue_name, load_query
    store = _open(store_path, read_only=True, endpoint=endpoint)
    store.allow_service = allow_service
    if timeout and endpoint:
        store.timeout = timeout
    bindings = None
    if query_file:
        text = query_file.read_text(encoding="utf-8")
    elif query and is_catalogue_name(query):
        cq = load_query(query)
        values = {}
        for p in params:
            if "=" not in p:
                raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
            k, v = p.split("=", 1)
            values[k] = v
        text, bindings = cq.text, bind_parameters(cq, values, store)
    elif query:
        text = query
    else:
        raise click.UsageError("give a SPARQL query, --file Q.rq, or a catalogue query name (see `kg queries`)")
    out = _with_timeout(lambda: _render_result(store.query(text, bindings), fmt), timeout)
    data = out if isinstance(out, bytes) else (out + "\n").encode("utf-8")
    if output:
        output.write_bytes(data)
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@main.group(invoke_without_command=True)
@click.pass_context
def queries(ctx):
    """List the catalogue of research queries (ontology/queries).

    \b
    Examples:
      kg queries
      kg queries show state-pairs
    """
    if ctx.invoked_subcommand is None:
        from .queries import list_queries
        for q in list_queries():
            params = ", ".join(f"{p.name}:{p.type}={p.default or ''}" for p in q.parameters)
            click.echo(f"{q.name:28s} {q.title}" + (f"  [{params}]" if params else ""))


@queries.command(name="show")
@click.argument("name")
def queries_show(name):
    """Print one catalogue query, runnable as it is at any SPARQL endpoint (its PREFIX lines included).

    \b
    Examples:
      kg queries show state-pairs
      kg queries show events-per-state > q.rq && curl --data-urlencode query@q.rq http://127.0.0.1:7878/query
    """
    from .queries import load_query
    from .store import runnable_query
    click.echo(runnable_query(load_query(name).text))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "xml", "graphml", "gexf",
                                                     "csv", "json", "cytoscape"]), default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--projection", default="actors", show_default=True, help="Network projection for graph formats.")
@click.option("--since", help="Networks: first year of events.")
@click.option("--until", help="Networks: last year of events.")
@click.option("--theme", help="Networks: only events of this theme (e.g. people-smuggling).")
@click.option("--kind", help="Networks: only events of this kind (training, meeting, …).")
@STORE_OPTION
def export(fmt, output, projection, since, until, theme, kind, store_path, endpoint):
    """Export the store as RDF, or a network as GraphML/GEXF/CSV/JSON/Cytoscape.

    \b
    Examples:
      kg export --format trig -o outputs/graph.trig
      kg export --format gexf --projection states -o states.gexf
      kg export --format gexf --projection states --since 2023 --until 2024 -o states-2023-2024.gexf
    """
    from .export import export_store, written_files
    from .network import EventFilter
    export_store(_open(store_path, read_only=True, endpoint=endpoint), fmt, output, projection,
                 EventFilter(since, until, theme, kind))
    click.echo(f"wrote {' and '.join(str(p) for p in written_files(fmt, output))}")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("outputs/network.html"),
              show_default=True)
@click.option("--projection", default="actors", show_default=True,
              help="actors, states, organisations, organisation-event or affiliations.")
@click.option("--focus", help="Draw only the neighbourhood of this actor (label or IRI).")
@click.option("--depth", default=1, show_default=True, help="Neighbourhood radius for --focus.")
@click.option("--since", help="First year of events to draw.")
@click.option("--until", help="Last year of events to draw.")
@click.option("--size-by", default="pagerank", type=click.Choice(["pagerank", "degree", "weighted_degree",
                                                                    "betweenness"]), show_default=True)
@click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Draw a CONSTRUCT result, or a SELECT of ?source ?target pairs, from this .rq file.")
@click.option("--theme", help="Only events of this theme (e.g. people-smuggling).")
@click.option("--kind", help="Only events of this kind (training, meeting, …).")
@STORE_OPTION
def viz(output, projection, focus, depth, since, until, size_by, query_file, theme, kind, store_path, endpoint):
    """Write an interactive network as one self-contained HTML file (works offline).

    \b
    Examples:
      kg viz -o outputs/network.html
      kg viz --projection states --since 2023 --until 2024 -o states.html
    """
    from .explorer import write_network_html
    query = query_file.read_text(encoding="utf-8") if query_file else None
    path, summary = write_network_html(_open(store_path, read_only=True, endpoint=endpoint), output, projection,
                                       focus, depth, since, until, size_by, query, theme, kind)
    click.echo(f"wrote {path}: {summary}")


VIEW_HELP = {
    "timeline": "Write the timeline page: events on a time axis, a row per organiser or kind (works offline).",
    "map": "Write the map page: states shaded by their events, event places by count, a year range.",
    "charts": "Write the charts page (events per year by kind, participation per state) and each chart as SVG.",
}


def _view_command(view: str) -> None:
    """`kg timeline`, `kg map`, `kg charts`: one explorer page on its own."""
    @main.command(name=view, help=f"{VIEW_HELP[view]}\n\n\b\nExamples:\n  kg {view}\n"
                                   f"  kg {view} -o ~/bali/{view}.html")
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                  default=Path(f"outputs/{view}.html"), show_default=True)
    @STORE_OPTION
    def command(output, store_path, endpoint):
        from .explorer import write_view
        click.echo(f"wrote {write_view(_open(store_path, read_only=True, endpoint=endpoint), view, output)}")


for _view in VIEW_HELP:
    _view_command(_view)


@main.command()
@click.argument("name", required=False)
@click.option("--all", "every", is_flag=True, help="Write the profile of every state, organisation and person.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs/profiles"),
              show_default=True, help="Folder the profiles are written to.")
@STORE_OPTION
def profile(name, every, out_dir, store_path, endpoint):
    """Write an actor's profile (HTML, and Markdown beside it): roles, events, partners.

    \b
    Examples:
      kg profile Indonesia
      kg profile "Regional Support Office" --out ~/bali/profiles
      kg profile --all
    """
    if bool(name) == every:
        raise click.UsageError("give one NAME, or --all")
    from .explorer import write_profiles
    paths = write_profiles(_open(store_path, read_only=True, endpoint=endpoint), out_dir, None if every else name)
    click.echo(f"wrote {len(paths)} files to {out_dir}" if every else "\n".join(f"wrote {p}" for p in paths))


@main.command()
@click.option("--articles", type=click.Path(exists=True, path_type=Path), default=DEFAULT_ARTICLES, show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True)
@click.option("--store", "store_path", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
              help="Folder of the embedded store.")
@WORKERS_OPTION
def build(articles, out_dir, store_path, workers):
    """The main job: ingest the articles, export TriG, write the explorer (outputs/index.html), print a summary.

    \b
    Examples:
      kg build
      kg build --articles ~/saved-pages --workers 2
    """
    from .report import build as run_build
    result = run_build(articles, store_path, out_dir, workers=workers)
    _print_report(result.report)
    click.echo(f"wrote {result.trig}")
    click.echo(f"wrote {result.explorer.index}: the explorer, {len(result.explorer.pages)} pages "
               f"({result.explorer.profiles} profiles)")
    click.echo(result.summary)
    if not result.report.ok:
        sys.exit(1)


@main.command()
@STORE_OPTION
def validate(store_path, endpoint):
    """Check the store against the SHACL shapes in ontology/shapes.ttl.

    \b
    Examples:
      kg validate
      kg validate --endpoint http://127.0.0.1:7878/query
    """
    from .validate import validate_store
    violations = validate_store(_open(store_path, read_only=True, endpoint=endpoint))
    for v in violations:
        click.echo(f"{v.focus}\n    property: {v.path or '-'}\n    problem: {v.message}\n"
                   f"    article: {v.article or '(reference)'}")
    if violations:
        raise click.ClickException(f"{len(violations)} violations of the shapes")
    click.echo("the store conforms to ontology/shapes.ttl")


@main.command()
@click.argument("name_or_iri")
@STORE_OPTION
def explain(name_or_iri, store_path, endpoint):
    """Print an entity's facts and the sentences behind them.

    \b
    Examples:
      kg explain KEMLU
      kg explain "Regional Support Office of the Bali Process"
    """
    from .explain import explain_entity
    ex = explain_entity(_open(store_path, read_only=True, endpoint=endpoint), name_or_iri)
    click.echo(ex.iri)
    from .namespaces import PREFIXES

    def curie(value: str) -> str:
        for prefix, ns in PREFIXES.items():
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns):]}"
        return value

    for direction, p, other, label in ex.facts:
        arrow = "->" if direction == "out" else "<-"
        click.echo(f"  {arrow} {curie(p)}  {label or curie(other)}")
    if ex.statements:
        click.echo("facts and the sentences that say them:")
    last = None
    for relation, _event, event_label, _other, other_label, date, title, sentence in ex.statements:
        if (event_label, relation, other_label) != last:
            click.echo(f"  {event_label} —{curie(relation)}→ {other_label}")
            last = (event_label, relation, other_label)
        click.echo(f"      [{date or 'undated'}] {title}: “{sentence}”")
    click.echo("evidence:")
    for date, title, sentence in ex.evidence:
        click.echo(f"  [{date or 'undated'}] {title}\n      “{sentence}”")


@main.command()
@click.option("--port", default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Listen address (loopback by default).")
@click.option("--writable", is_flag=True, help="Accept SPARQL UPDATE at /update with the printed token "
                                                "(read-only by default).")
@click.option("--timeout", default=60, show_default=True, help="Query timeout in seconds.")
@click.option("--allow-service", is_flag=True, help="Let queries fetch from other servers with SERVICE (off by default).")
@click.option("--store", "store_path", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True)
def serve(port, host, writable, timeout, allow_service, store_path):
    """Serve the store over SPARQL 1.1 Protocol (/query) with Oxigraph's query page at /.

    \b
    Examples:
      kg serve                          # read-only, http://127.0.0.1:7878/
      KG_WRITE_TOKEN=secret kg serve --writable --store /srv/kg
      KG_ENDPOINT_TOKEN=secret kg ingest new/ --endpoint http://127.0.0.1:7878/query
    """
    from .server import TOKEN_VARIABLE, serve as run_server, write_token
    if not (store_path / "CURRENT").exists() and not writable:
        raise click.ClickException(f"no store at {store_path}; run `kg build` or `kg ingest` first")
    token = write_token() if writable else None

    def announce() -> None:
        click.echo(f"serving {store_path} at http://{host}:{port}/ — queries and the query page"
                   f"{'' if allow_service else ' (SERVICE off)'}; Ctrl-C stops it", err=True)
        if writable:
            click.echo(f"writes (SPARQL Update, Graph Store) need the header 'Authorization: Bearer {token}' "
                       f"(set {TOKEN_VARIABLE} to choose it; clients read KG_ENDPOINT_TOKEN)", err=True)
        else:
            click.echo("read-only: writes are refused", err=True)
        if host not in {"127.0.0.1", "localhost", "::1"}:
            click.echo(f"warning: listening on {host}, reachable from other machines", err=True)

    sys.exit(run_server(store_path, host, port, writable, timeout, token, allow_service, announce))


@main.command()
@click.option("--projection", default="actors", show_default=True)
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the table as CSV.")
@click.option("--top", default=25, show_default=True, help="Rows to print.")
@STORE_OPTION
def network(projection, csv_path, top, store_path, endpoint):
    """Network metrics: degree, weighted degree, betweenness, PageRank, community, and a summary.

    \b
    Examples:
      kg network --projection states --csv outputs/state-metrics.csv
      kg network --projection actors --top 10
    """
    from .network import build_network, summarise, write_metrics_csv
    g = build_network(_open(store_path, read_only=True, endpoint=endpoint), projection)
    s = summarise(g)
    click.echo(f"{projection}: {s['nodes']} nodes, {s['edges']} edges, density {s['density']}, "
               f"{s['components']} components")
    rows = sorted(g.nodes(data=True), key=lambda nd: -nd[1].get("pagerank", 0))
    click.echo(f"{'label':45s} {'type':13s} {'deg':>4s} {'wdeg':>5s} {'betw':>7s} {'pagerank':>8s} {'comm':>4s}")
    for _, d in rows[:top]:
        click.echo(f"{str(d.get('label'))[:45]:45s} {d.get('type', ''):13s} {d['degree']:4d} "
                   f"{d['weighted_degree']:5g} {d['betweenness']:7.4f} {d['pagerank']:8.4f} {d['community']:4d}")
    if csv_path:
        write_metrics_csv(g, csv_path)
        click.echo(f"wrote {csv_path}")


if __name__ == "__main__":  # pragma: no cover
    main()
