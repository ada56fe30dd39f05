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
    result = built_store.query(q.text, bind_parameters(q, {}, built_store))
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
    q = load_query("top-organisers")
    rows = list(built_store.query(q.text, bind_parameters(q, {"limit_kind": 'x" } ?s ?p ?o { "'}, built_store)))
    assert rows == []


def test_queries_entity_parameter_takes_any_name_of_the_entity(built_store):
    q = load_query("state-representatives")
    rows = [[str(v) for v in r] for r in built_store.select(q.text, bind_parameters(q, {"state": "republic of indonesia"},
                                                                                     built_store))[1]]
    assert rows == [[str(v) for v in r] for r in built_store.select(q.text, bind_parameters(q, {"state": "Indonesia"},
                                                                                            built_store))[1]] != []


def test_queries_entity_parameter_that_names_nothing_suggests_names(built_store):
    from kg.lookup import NameNotFound
    with pytest.raises(NameNotFound, match="did you mean 'Indonesia'"):
        bind_parameters(load_query("state-representatives"), {"state": "Indonesai"}, built_store)
