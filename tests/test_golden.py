"""Each catalogue query on the bundled corpus against its expected result in tests/golden/.

After a deliberate change to extraction or to a query, rewrite the files with
`pytest tests/test_golden.py --update-golden` and review the diff.
"""
import csv
import io
from pathlib import Path

import pytest

from kg.queries import bind_parameters, list_queries, load_query

GOLDEN = Path(__file__).parent / "golden"


def result_rows(store, name) -> list[list[str]]:
    q = load_query(name)
    variables, rows = store.select(q.text, bind_parameters(q, {}, store))
    return [variables] + sorted([["" if v is None else v for v in r] for r in rows])


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_golden_catalogue_query_matches_expected(built_store, name, request):
    rows = result_rows(built_store, name)
    path = GOLDEN / f"{name}.csv"
    if request.config.getoption("--update-golden"):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
    expected = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows == expected
