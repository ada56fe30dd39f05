from kg.namespaces import KG
from kg.pipeline import ingest, remove_article
from kg.rdf import article_iri
from kg.store import GraphStore

from .conftest import N_ARTICLES, SEED


def test_pipeline_ingest_twice_changes_nothing(articles_copy, tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    first = ingest([articles_copy], store)
    quads = store.count_quads()
    second = ingest([articles_copy], store)
    assert len(first.added) == N_ARTICLES and not second.added and not second.replaced
    assert len(second.unchanged) == N_ARTICLES
    assert store.count_quads() == quads


def test_pipeline_edited_article_replaces_its_graph(articles_copy, tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    ingest([articles_copy], store)
    target = articles_copy / SEED.name
    target.write_text(target.read_text(encoding="utf-8").replace("Timor-Leste, and Viet Nam", "and Viet Nam"),
                      encoding="utf-8")
    report = ingest([articles_copy], store)
    assert report.replaced == [str(target)]
    ask = "ASK { GRAPH <%s> { ?a kg:mentions <https://w3id.org/baliprocess-kg/state/TLS> } }" % article_iri(SEED.stem)
    assert not bool(store.query(ask))


def test_pipeline_duplicate_under_another_name_is_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.txt").write_bytes(SEED.read_bytes())
    report = ingest([folder], GraphStore.on_disk(tmp_path / "s"))
    assert len(report.added) == 1 and len(report.duplicates) == 1


def test_pipeline_bad_file_is_reported_and_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG....")
    report = ingest([folder], GraphStore.on_disk(tmp_path / "s"))
    assert len(report.added) == 1
    problems = dict(report.failed)
    assert "empty" in problems[str(folder / "empty.txt")]
    assert "unknown suffix" in problems[str(folder / "image.png")]


def test_pipeline_remove_article(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    ingest([SEED], store)
    assert remove_article(store, SEED.name)
    assert article_iri(SEED.stem) not in store.named_graphs()


def _nquads(store: GraphStore) -> set[bytes]:
    return set(store.dump("nq").splitlines())


def test_pipeline_workers_write_the_same_store_as_one_process(tmp_path):
    one = GraphStore.on_disk(tmp_path / "one")
    two = GraphStore.on_disk(tmp_path / "two")
    ingest([SEED.parent], one)
    report = ingest([SEED.parent], two, workers=2, batch_size=4)
    assert report.ok and len(report.added) == N_ARTICLES
    assert _nquads(one) == _nquads(two)


def test_pipeline_same_name_twice_in_one_run_is_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "a.md").write_text("---\ntitle: Other\ndate: 2024-01-02\n---\n\nThe RSO met in Bangkok, Thailand.\n",
                                 encoding="utf-8")
    report = ingest([folder], GraphStore.on_disk(tmp_path / "s"))
    assert len(report.added) == 1
    assert "same name" in dict(report.failed)[str(folder / "a.txt")] or \
        "same name" in dict(report.failed)[str(folder / "a.md")]


class _RefusesSamoa(GraphStore):
    """A real store that refuses any batch holding one particular article (a disk error, say)."""

    def add_graphs(self, graphs):
        if any("Samoa" in nt for _, nt in graphs):
            from kg.errors import StoreError
            raise StoreError("refused")
        return super().add_graphs(graphs)


def test_pipeline_failed_batch_is_retried_article_by_article(tmp_path):
    import pyoxigraph as ox
    folder = tmp_path / "in"
    folder.mkdir()
    for name, country in (("a", "Fiji"), ("b", "Samoa"), ("c", "Tonga")):
        (folder / f"{name}.md").write_text(f"---\ntitle: {country}\ndate: 2024-01-02\n---\n\n"
                                           f"Officials from {country} met on 2 January 2024.\n", encoding="utf-8")
    store = _RefusesSamoa(ox.Store())
    report = ingest([folder], store, batch_size=10)
    assert sorted(report.added) == [str(folder / "a.md"), str(folder / "c.md")]
    assert [path for path, _ in report.failed] == [str(folder / "b.md")]


def test_pipeline_extracted_nquads_are_the_stored_article_graphs(tmp_path, built_store):
    from kg.pipeline import extract_to_files
    written, failed = extract_to_files([SEED.parent], tmp_path / "nq", "nq")
    assert written == N_ARTICLES and not failed
    lines = {line for f in (tmp_path / "nq").glob("*.nq") for line in f.read_bytes().splitlines()}
    stored = {line for line in built_store.dump("nq").splitlines()
              if b"/graph/reference>" not in line and b"/graph/labels>" not in line}
    assert lines == stored


def test_pipeline_names_that_slug_alike_stay_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "東京.txt").write_text("Tokyo\n\nThe RSO met IOM in Bangkok on 3 May 2024.", encoding="utf-8")
    (tmp_path / "b" / "ملف.txt").write_text("File\n\nThe RSO met UNODC in Jakarta on 4 May 2024.", encoding="utf-8")
    store = GraphStore.in_memory()
    first, second = ingest([tmp_path / "a"], store), ingest([tmp_path / "b"], store)
    articles = [g for g in store.named_graphs() if "/article/" in g]
    assert (len(first.added), len(second.added), second.replaced, len(articles)) == (1, 1, [], 2)


def test_pipeline_same_name_from_another_folder_is_reported_not_replaced(tmp_path):
    for folder, place in (("a", "Bangkok"), ("b", "Jakarta")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(f"News\n\nThe RSO met IOM in {place} on 3 May 2024.")
    store = GraphStore.in_memory()
    ingest([tmp_path / "a"], store)
    second = ingest([tmp_path / "b"], store)
    assert (second.added, second.replaced, [p for p, _ in second.failed]) == ([], [], [str(tmp_path / "b" / "index.txt")])
    assert store.graph_value(article_iri("index"), str(KG.sourcePath)) == str(tmp_path / "a" / "index.txt")


def test_pipeline_extractor_fault_on_one_article_is_reported_and_batch_goes_on(tmp_path, monkeypatch):
    import kg.pipeline
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "odd.txt").write_text("Odd\n\nThe RSO convened a workshop in Suva on 3 May 2024.\n", encoding="utf-8")
    real = kg.pipeline.extract_article

    def faulty(article, **kwargs):
        if article.stem == "odd":
            raise IndexError("list index out of range")
        return real(article, **kwargs)
    monkeypatch.setattr(kg.pipeline, "extract_article", faulty)
    report = ingest([folder], GraphStore.on_disk(tmp_path / "s"))
    assert (report.added, dict(report.failed)[str(folder / "odd.txt")][:65]) == (
        [str(folder / "good.txt")], "the extractor failed on this article (IndexError: list index out ")
