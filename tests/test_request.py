"""kg.request: one reading of a request, as the HTTP and SPARQL 1.1 protocols define it (pure, no server)."""
import pytest

from kg.request import (GraphStore, Head, MediaType, Query, RequestError, Target, Update, read_form,
                        read_graph_store, read_media_type, read_protocol, read_target)

BOTH = frozenset({"query", "update"})


def refusal(call, *args) -> tuple[int, str]:
    with pytest.raises(RequestError) as caught:
        call(*args)
    return caught.value.status, caught.value.message


def test_request_target_keeps_the_path_as_sent_and_decodes_the_parameters():
    assert read_target("/%71uery?%71uery=A+b%2bc&x") == Target("/%71uery", (("query", "A b+c"), ("x", "")))


@pytest.mark.parametrize("target", ["http://127.0.0.1:7878/query", "*", "/query#frag", "/qu ery", "/quéry", ""])
def test_request_target_refuses_what_is_not_a_printable_path(target):
    assert refusal(read_target, target)[0] == 400


def test_request_form_decodes_names_values_plus_and_utf8():
    assert read_form(b"%71uery=%C3%A9+%2B&&default-graph-uri=urn%3Ag&flag", "the form") == \
        (("query", "é +"), ("default-graph-uri", "urn:g"), ("flag", ""))


@pytest.mark.parametrize("body", [b"query=%zz", b"query=%4", b"query=%C3%28"])
def test_request_form_refuses_broken_percent_encoding_and_bad_utf8(body):
    assert refusal(read_form, body, "the form")[0] == 400


def test_request_form_refuses_more_than_a_thousand_fields():
    assert refusal(read_form, b"a=1&" * 1001, "the form") == (400, "the form has 1001 parameters; at most 1000 are read")


def test_request_media_type_is_read_in_any_case_with_its_parameters():
    assert read_media_type(' Application/SPARQL-Query ;Charset="UTF-8"; ; x=y\t') == \
        MediaType("application/sparql-query", (("charset", "UTF-8"), ("x", "y")))


@pytest.mark.parametrize("value", [None, "", "sparql-query", "application/sparql-query x", "a/b; charset"])
def test_request_media_type_refuses_what_is_not_one(value):
    assert refusal(read_media_type, value)[0] == 415


def post(content_type: str, target: str = "/sparql") -> Head:
    return Head("POST", target, (("Content-Type", content_type),))


def test_request_protocol_reads_get_form_and_direct_post_alike():
    query = Query("ASK {}", ("urn:d",), ("urn:n",))
    target = read_target("/sparql?default-graph-uri=urn%3Ad")
    assert read_protocol(Head("GET", "/sparql"), read_target("/sparql?query=ASK+%7B%7D&default-graph-uri=urn:d"
                                                              "&named-graph-uri=urn:n"), b"", BOTH) == query
    assert read_protocol(post("application/x-www-form-urlencoded"), target,
                         b"query=ASK%20{}&named-graph-uri=urn:n", BOTH) == query
    assert read_protocol(post("application/sparql-query"), read_target("/sparql?default-graph-uri=urn%3Ad&"
                                                                        "named-graph-uri=urn%3An"), b"ASK {}", BOTH) == query


def test_request_protocol_reads_an_update_with_its_using_graphs():
    assert read_protocol(post("application/sparql-update"), read_target("/update?using-graph-uri=urn:u"),
                         b"CLEAR ALL", frozenset({"update"})) == Update("CLEAR ALL", ("urn:u",))


@pytest.mark.parametrize("target, content_type, body, status", [
    ("/sparql", "application/x-www-form-urlencoded", b"query=ASK{}&query=ASK{}", 400),       # repeated
    ("/sparql?query=ASK{}", "application/sparql-query", b"ASK {}", 400),                     # URL and body
    ("/sparql", "application/x-www-form-urlencoded", b"query=ASK{}&update=CLEAR+ALL", 400),  # both kinds
    ("/sparql", "application/x-www-form-urlencoded", b"default-graph-uri=urn:g", 400),       # neither
    ("/sparql", "application/sparql-query; charset=latin-1", b"ASK {}", 415),
    ("/sparql", "text/plain", b"ASK {}", 415),
    ("/sparql", "application/sparql-query", b"ASK { \xff }", 400),
])
def test_request_protocol_refuses_ambiguous_or_unreadable_requests(target, content_type, body, status):
    assert refusal(read_protocol, post(content_type, target), read_target(target), body, BOTH)[0] == status


def test_request_protocol_refuses_an_update_on_a_query_route_and_by_get():
    assert refusal(read_protocol, post("application/sparql-update", "/query"), read_target("/query"), b"CLEAR ALL",
                   frozenset({"query"})) == (415, "a POST here takes application/sparql-query or "
                                                  "application/x-www-form-urlencoded, not application/sparql-update")
    assert refusal(read_protocol, Head("GET", "/sparql"), read_target("/sparql?update=CLEAR+ALL"), b"", BOTH)[0] == 400


def test_request_graph_store_reads_graph_default_or_the_dataset():
    put = Head("PUT", "/store", (("content-type", "Text/Turtle; charset=utf-8"),))
    assert read_graph_store(put, read_target("/store?graph=urn%3Ag"), b"<a:a> <a:b> <a:c> .") == \
        GraphStore("PUT", "urn:g", False, "text/turtle", b"<a:a> <a:b> <a:c> .")
    assert read_graph_store(Head("GET", "/store"), read_target("/store?default="), b"ignored") == \
        GraphStore("GET", None, True)
    assert read_graph_store(Head("DELETE", "/store"), read_target("/store"), b"") == GraphStore("DELETE")


@pytest.mark.parametrize("target", ["/store?graph=urn:a&default", "/store?graph=urn:a&graph=urn:b"])
def test_request_graph_store_refuses_two_targets(target):
    assert refusal(read_graph_store, Head("GET", "/store"), read_target(target), b"")[0] == 400


def test_request_repeated_header_is_refused():
    head = Head("POST", "/query", (("Content-Type", "application/sparql-query"), ("content-type", "text/plain")))
    assert refusal(head.header, "Content-Type") == (400, "the header Content-Type is given 2 times; give it once")
