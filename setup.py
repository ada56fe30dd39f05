"""Build hook: the wheel carries the lexicons and the ontology as package data (kg/_resources)."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = {"data": ["*.csv", "*.yaml", "maps/*.json"], "ontology": ["*.ttl", "queries/*.rq"]}


class BuildWithResources(build_py):
    """build_py, then copy data/*.csv|yaml and ontology/ into kg/_resources of the build."""

    def run(self):
        super().run()
        for folder, patterns in RESOURCES.items():
            for pattern in patterns:
                for source in sorted((ROOT / folder).glob(pattern)):
                    target = Path(self.build_lib) / "kg" / "_resources" / folder / source.relative_to(ROOT / folder)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildWithResources})
