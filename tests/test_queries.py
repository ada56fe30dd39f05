import pytest

from kg.errors import QueryError
from kg.queries import bind_parameters, list_queries, load_query
from kg.store import is_select


def test_queries_catalogue_has_fifteen_documented_queries():
    queries = list_queries()
    assert len(queries) >= 15
    for q in queries:
        assert q.title and q.description, q.name


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_queries_each_returns_rows_with_defaults(built_store, name):
    q = load_query(name)
    result = built_store.query(q.text, bind_parameters(q, {}))
    assert is_select(result)
    assert len(list(result)) > 0


def test_queries_parameters_are_typed():
    q = load_query("events-per-state")
    with pytest.raises(QueryError, match="whole number"):
        bind_parameters(q, {"year": "2024 } ; DROP ALL"})


def test_queries_unknown_parameter_is_refused():
    with pytest.raises(QueryError, match="no parameter"):
        bind_parameters(load_query("events-per-state"), {"nope": "1"})


def test_queries_hostile_value_stays_a_literal(built_store):
    q = load_query("state-representatives")
    rows = list(built_store.query(q.text, bind_parameters(q, {"state": 'x" } ?s ?p ?o { "'})))
    assert rows == []
