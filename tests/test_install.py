"""A fresh machine: the wheel, installed by the pip that `python3 -m venv` brings (23.2), gives a working `kg`.

Slow (it installs every dependency into a new virtual environment) and needs PyPI: skipped when
PyPI cannot be reached, or with KG_SKIP_INSTALL_TEST=1; `-m "not slow"` leaves it out.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED

OLD_PIP = "23.2"
SOURCES = ["kg", "data", "ontology", "setup.py", "pyproject.toml", "README.md", "requirements-model.txt"]


def _run(*args, cwd=None, timeout=900) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"))})


def _copy_sources(target: Path) -> None:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_resources"))
        else:
            shutil.copy2(source, target / name)


@pytest.mark.slow
def test_install_old_pip_installs_a_working_kg(tmp_path):
    if os.environ.get("KG_SKIP_INSTALL_TEST"):
        pytest.skip("KG_SKIP_INSTALL_TEST is set")
    venv, src, dist, elsewhere = (tmp_path / n for n in ("venv", "src", "dist", "elsewhere"))
    base = getattr(sys, "_base_executable", sys.executable)
    assert _run(base, "-m", "venv", venv).returncode == 0
    pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
    if not _run(*pip, "--version").stdout.startswith(f"pip {OLD_PIP}"):
        got = _run(*pip, "install", "-q", f"pip=={OLD_PIP}.*", timeout=120)
        if got.returncode:
            pytest.skip(f"the venv's pip is not {OLD_PIP} and PyPI cannot be reached for it")
    probe = _run(*pip, "download", "-q", "--no-deps", "-d", tmp_path / "probe", "setuptools>=68", timeout=120)
    if probe.returncode:
        pytest.skip(f"PyPI cannot be reached (offline): {probe.stderr.strip()[-200:]}")
    src.mkdir()
    _copy_sources(src)
    built = _run(*pip, "wheel", "-q", "--no-deps", "-w", dist, src)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(dist.glob("kg-*.whl"))
    installed = _run(*pip, "install", "-q", wheel, timeout=1800)
    assert installed.returncode == 0, installed.stderr[-2000:]
    elsewhere.mkdir()
    result = _run(venv / "bin" / "kg", "extract", SEED, "--out", "out", cwd=elsewhere, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "extract: 1 articles written to out, 0 failed"
    data = json.loads((elsewhere / "out" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert data["article"] and data["states"]
