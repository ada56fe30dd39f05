"""Shared fixtures: real files from data/, real stores (in memory or under tmp_path)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "data" / "gold"
SEED = ARTICLES / "2024-03-11-indonesia-rso-consular-training.txt"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory):
    """A store built once from the bundled corpus (read it, do not change it)."""
    from kg.pipeline import ingest
    from kg.store import GraphStore
    path = tmp_path_factory.mktemp("store") / "store"
    store = GraphStore.on_disk(path)
    report = ingest([ARTICLES], store)
    assert report.ok, report.failed
    return store


@pytest.fixture
def articles_copy(tmp_path) -> Path:
    """A writable copy of the bundled articles."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.csv from the current code")
