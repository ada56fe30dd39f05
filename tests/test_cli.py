import json

from click.testing import CliRunner

from kg.cli import main

from .conftest import ARTICLES, GOLD, N_ARTICLES, SEED


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def test_cli_extract_writes_gold_format(tmp_path):
    r = run("extract", SEED, "--format", "json", "--out", tmp_path)
    assert r.exit_code == 0
    data = json.loads((tmp_path / f"{SEED.stem}.json").read_text())
    assert set(data) == {"article", "states", "organisations", "people", "places", "events"}


def test_cli_build_then_query_csv(tmp_path):
    store, out = tmp_path / "store", tmp_path / "out"
    r = run("build", "--articles", ARTICLES, "--store", store, "--out", out)
    assert r.exit_code == 0, r.output
    assert f"{N_ARTICLES} articles" in r.output and (out / "graph.trig").exists() and (out / "index.html").exists()
    assert f"wrote {out / 'index.html'}: the explorer," in r.output
    r = run("query", "SELECT ?s WHERE { ?s a kg:MemberState }", "--store", store, "--format", "csv")
    lines = r.output.strip().splitlines()
    assert lines[0] == "s" and len(lines) == 46


def test_cli_query_json_is_sparql_results(tmp_path):
    store = tmp_path / "store"
    run("ingest", SEED, "--store", store)
    r = run("query", "SELECT ?l WHERE { ?s a kg:Article ; rdfs:label ?l }", "--store", store, "--format", "json")
    data = json.loads(r.output)
    assert data["head"]["vars"] == ["l"] and len(data["results"]["bindings"]) == 1


def test_cli_ingest_bad_path_exits_nonzero_with_message(tmp_path):
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "missing"), "--store", str(tmp_path / "s")])
    assert r.exit_code == 1 and "no such file" in r.output


def test_cli_query_on_missing_store_is_clean_error(tmp_path):
    r = CliRunner().invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and "run `kg ingest`" in r.output


def test_cli_eval_prints_macro_f1():
    r = run("eval", GOLD, ARTICLES)
    assert r.exit_code == 0 and "macro F1" in r.output


def test_cli_export_and_viz(tmp_path):
    store = tmp_path / "store"
    run("ingest", ARTICLES, "--store", store)
    assert run("export", "--format", "ttl", "-o", tmp_path / "g.ttl", "--store", store).exit_code == 0
    assert run("viz", "-o", tmp_path / "v.html", "--store", store).exit_code == 0
    assert (tmp_path / "g.ttl").stat().st_size > 10000 and (tmp_path / "v.html").exists()


def test_cli_query_timeout_is_a_clean_error(tmp_path):
    store = tmp_path / "store"
    run("ingest", ARTICLES, "--store", store)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    r = CliRunner().invoke(main, ["query", slow, "--store", str(store), "--timeout", "0.5"])
    assert r.exit_code == 1 and "did not finish within 0.5 s" in r.output


def test_cli_network_prints_metrics(tmp_path):
    store = tmp_path / "store"
    run("ingest", ARTICLES, "--store", store)
    r = run("network", "--projection", "states", "--store", store, "--csv", tmp_path / "m.csv")
    assert r.exit_code == 0 and "pagerank" in r.output and (tmp_path / "m.csv").exists()


def test_cli_query_markdown_xml_and_construct(tmp_path):
    store = tmp_path / "store"
    run("ingest", SEED, "--store", store)
    md = run("query", "SELECT ?s WHERE { ?s a kg:Article }", "--store", store, "--format", "markdown").output
    assert md.splitlines()[0] == "| s |" and md.splitlines()[1] == "|---|"
    xml = run("query", "SELECT ?s WHERE { ?s a kg:Article }", "--store", store, "--format", "xml").output
    assert "<sparql" in xml and "kg/article/" in xml
    ttl = run("query", "CONSTRUCT { ?s a kg:Article } WHERE { ?s a kg:Article }", "--store", store,
              "--format", "ttl", "-o", tmp_path / "c.ttl")
    assert ttl.exit_code == 0 and "kg:Article" in (tmp_path / "c.ttl").read_text()


def test_cli_catalogue_query_with_parameter(tmp_path):
    store = tmp_path / "store"
    run("ingest", ARTICLES, "--store", store)
    r = run("query", "state-representatives", "--param", "state=Indonesia", "--store", store, "--format", "csv")
    assert r.exit_code == 0 and "Caka Alverdi Awal" in r.output
    assert run("queries").output.count("\n") >= 15
    assert "# title:" in run("queries", "show", "state-pairs").output


def test_cli_long_inline_query_is_run_not_taken_for_a_file(tmp_path):
    run("ingest", SEED, "--store", tmp_path / "store")
    query = "SELECT ?s WHERE { ?s a kg:Article } #" + "x" * 300
    r = run("query", query, "--store", tmp_path / "store", "--format", "csv")
    assert (r.exit_code, r.output.splitlines()[0]) == (0, "s")


def test_cli_triples_format_on_a_select_is_refused(tmp_path):
    run("ingest", SEED, "--store", tmp_path / "store")
    r = CliRunner().invoke(main, ["query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--store",
                                  str(tmp_path / "store"), "--format", "ttl"])
    assert (r.exit_code, "is for CONSTRUCT and DESCRIBE" in r.output) == (2, True)


def test_cli_export_csv_names_the_files_it_writes(tmp_path):
    run("ingest", SEED, "--store", tmp_path / "store")
    r = run("export", "--format", "csv", "-o", tmp_path / "states.csv", "--projection", "states",
            "--store", tmp_path / "store")
    written = [tmp_path / "states.nodes.csv", tmp_path / "states.edges.csv"]
    assert (r.output.strip(), [p.exists() for p in written]) == (f"wrote {written[0]} and {written[1]}", [True, True])


def test_cli_viz_year_range_cuts_the_states_network_and_reports_undated_events(tmp_path):
    store = tmp_path / "store"
    run("ingest", ARTICLES, "--store", store)
    every = run("viz", "--projection", "states", "-o", tmp_path / "all.html", "--store", store).output
    year = run("viz", "--projection", "states", "--since", "2024", "--until", "2024", "-o", tmp_path / "y.html",
               "--store", store).output
    edges = [int(out.split(" edges")[0].rsplit(" ", 1)[1]) for out in (every, year)]
    assert (edges[1] < edges[0], "undated events left out" in year, "undated" in every) == (True, True, False)


def test_cli_explain_gives_each_fact_with_the_sentence_that_says_it(tmp_path):
    run("ingest", SEED, "--store", tmp_path / "store")
    out = run("explain", "Indonesia", "--store", tmp_path / "store").output
    assert "facts and the sentences that say them:" in out and "—kg:participant→ Indonesia" in out


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,), command
        if hasattr(command, "commands"):
            yield from _commands(command, prefix + (name,))


def test_cli_every_command_help_gives_examples():
    missing = [" ".join(path) for path, _ in _commands(main) if "Examples:" not in run(*path, "--help").output]
    assert missing == []


def test_cli_network_is_a_command_not_a_group():
    assert run("network", "--help").output.splitlines()[0].endswith(" network [OPTIONS]")


def test_cli_version_names_the_package():
    assert run("--version").output.startswith("kg, version ")


def test_cli_shown_catalogue_query_runs_without_predeclared_prefixes():
    import pyoxigraph
    from kg.queries import list_queries
    broken = []
    for q in list_queries():
        text = run("queries", "show", q.name).output
        try:
            pyoxigraph.Store().query(text, substitutions={})
        except SyntaxError as exc:
            broken.append((q.name, str(exc)[:80]))
    assert broken == []


def test_cli_view_commands_write_their_page(tmp_path):
    run("ingest", SEED, "--store", tmp_path / "store")
    for view in ("timeline", "map", "charts"):
        r = run(view, "--store", tmp_path / "store", "-o", tmp_path / f"{view}.html")
        assert (r.exit_code, r.output) == (0, f"wrote {tmp_path / f'{view}.html'}\n")


def test_cli_profile_writes_html_and_markdown(tmp_path):
    run("ingest", SEED, "--store", tmp_path / "store")
    r = run("profile", "Indonesia", "--store", tmp_path / "store", "--out", tmp_path / "p")
    assert r.output == f"wrote {tmp_path / 'p' / 'state-IDN.html'}\nwrote {tmp_path / 'p' / 'state-IDN.md'}\n"


def test_cli_profile_needs_a_name_or_all(tmp_path):
    r = CliRunner().invoke(main, ["profile", "--store", str(tmp_path / "store")])
    assert (r.exit_code, "give one NAME, or --all" in r.output) == (2, True)


def test_cli_profile_of_a_place_is_refused(tmp_path):
    run("ingest", ARTICLES / "2024-03-11-indonesia-rso-consular-training.txt", "--store", tmp_path / "store")
    r = CliRunner().invoke(main, ["profile", "Bangkok", "--store", str(tmp_path / "store"), "--out", str(tmp_path)])
    assert (r.exit_code, "is not a state, an organisation or a person" in r.output) == (1, True)


def test_cli_eval_cv_prints_every_scheme_and_family(tmp_path):
    from .test_crossval import write_small_corpus
    gold, articles = write_small_corpus(tmp_path)
    r = run("eval", gold, articles, "--cv", "--folds", "3", "--json")
    data = json.loads(r.output)
    assert (r.exit_code, sorted(data["schemes"]), sorted(data["families"])) == \
        (0, ["3-fold by article", "in sample", "leave one family out", "rules alone"], ["A", "B", "C"])


def test_cli_train_writes_models_that_load(tmp_path):
    from kg.extract.decisions import read_models

    from .test_crossval import write_small_corpus
    gold, articles = write_small_corpus(tmp_path)
    r = run("train", gold, articles, "--out", tmp_path / "m.json")
    assert (r.exit_code, r.output.startswith("train: 9 articles"), read_models(tmp_path / "m.json").articles) == \
        (0, True, 9)
