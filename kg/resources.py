"""Where the lexicons, the ontology, the SHACL shapes and the catalogue queries are.

In a checkout they are the top-level `data/` and `ontology/` folders, where researchers look
for them and edit them; an installed wheel carries a copy in the package (`kg/_resources/`,
written at build time by `setup.py`), so `kg` works from any folder.

>>> (resource_dir("data") / "patterns.yaml").exists()
True
"""
from __future__ import annotations

from pathlib import Path

from .errors import KgError

__all__ = ["resource_dir", "MARKERS"]

MARKERS = {"data": "patterns.yaml", "ontology": "kg.ttl"}  # a file each folder must hold
PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The `data` or `ontology` folder: the checkout's own, else the copy installed with the package."""
    for folder in (PACKAGE.parent / name, PACKAGE / "_resources" / name):
        if (folder / MARKERS[name]).is_file():
            return folder
    raise KgError(f"the {name}/ folder of kg is missing (no {MARKERS[name]} beside the package); "
                  "reinstall kg (pip install .) or run it from a checkout")
