"""The example notebook runs from top to bottom on the bundled articles (as CI runs it)."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_examples_notebook_runs_and_shows_results():
    nb = nbformat.read(EXAMPLES / "explore.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    empty = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "code" and not c.outputs]
    assert (errors, empty) == ([], [])
