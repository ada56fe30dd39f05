"""Lexicons, ontology and catalogue queries: the checkout's folders, else the copy in the wheel."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg.resources import resource_dir

ROOT = Path(__file__).resolve().parent.parent


def test_resources_checkout_folders_are_used():
    assert (resource_dir("data"), resource_dir("ontology")) == (ROOT / "data", ROOT / "ontology")


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(out)],
                   check=True, capture_output=True)
    site = out / "site"
    with zipfile.ZipFile(next(out.glob("kg-*.whl"))) as wheel:
        wheel.extractall(site)
    return site


def test_resources_wheel_carries_lexicons_ontology_and_queries(unpacked_wheel):
    packaged = unpacked_wheel / "kg" / "_resources"
    names = {p.relative_to(packaged).as_posix() for p in packaged.rglob("*") if p.is_file()}
    expected = {f"data/{p.name}" for p in (ROOT / "data").glob("*.*")} | \
        {f"data/maps/{p.name}" for p in (ROOT / "data" / "maps").glob("*.json")} | \
        {p.relative_to(ROOT).as_posix() for p in (ROOT / "ontology").rglob("*") if p.suffix in {".ttl", ".rq"}}
    assert names == expected


def test_resources_wheel_carries_the_pages_scripts_and_styles(unpacked_wheel):
    assets = {p.name for p in (unpacked_wheel / "kg" / "assets").iterdir()}
    assert assets == {p.name for p in (ROOT / "kg" / "assets").iterdir()}


def test_resources_installed_package_works_from_another_folder(unpacked_wheel, tmp_path):
    run = subprocess.run([sys.executable, "-m", "kg", "queries"], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(unpacked_wheel), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0 and "state-pairs" in run.stdout
