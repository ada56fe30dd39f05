import json

import pytest

from kg.errors import SourceError
from kg.sources import iter_source_files, parse_date, read_article, read_articles

from .conftest import ARTICLES, SEED


def test_sources_txt_reads_metadata_and_drops_reading_line():
    a = read_article(SEED)
    assert a.title.startswith("Indonesia and RSO collaborate")
    assert (a.date, a.category, a.format) == ("2024-03-11", "Event", "txt")
    assert "You are reading" not in a.text
    assert a.text.startswith("The Ministry of Foreign Affairs of the Republic of Indonesia")


def test_sources_txt_drops_teaser_block():
    a = read_article(SEED)
    assert "More News Articles" not in a.text
    assert "Cyber-scam centres have become" not in a.text
    assert "Cox's Bazar" not in a.text


def test_sources_html_keeps_only_article_body():
    a = read_article(ARTICLES / "2024-05-02-bali-process-senior-officials-meetings-kuala-lumpur.html")
    assert a.date == "2024-05-02" and a.category == "Event"
    assert a.url.startswith("https://rso.baliprocess.net/")
    assert a.text.startswith("The 18th Bali Process Steering Group meeting")
    for boilerplate in ("Skip to content", "Subscribe", "Privacy Policy", "gtag", "More News Articles",
                        "Jakarta hosts the 2024", "Rajanakarn"):
        assert boilerplate not in a.text


def test_sources_md_reads_front_matter_and_strips_markup():
    a = read_article(ARTICLES / "2023-04-07-rso-policy-brief-trapped-in-deceit.md")
    assert a.date == "2023-04-07" and a.url.startswith("https://")
    assert a.title.startswith("New RSO policy brief")
    assert "**" not in a.text and "# " not in a.text
    assert "Regional Support Office of the Bali Process (RSO)" in a.text


def test_sources_jsonl_reads_each_line_and_reports_bad_ones(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"title": "One", "date": "2024-01-02", "url": "https://x.org/1", "text": "Thailand met."}),
        "{not json",
        json.dumps({"title": "No text", "date": "2024-01-03"}),
    ]), encoding="utf-8")
    items = list(read_articles(f))
    assert items[0].title == "One" and items[0].date == "2024-01-02"
    assert isinstance(items[1], SourceError) and "batch.jsonl:2" in str(items[1])
    assert isinstance(items[2], SourceError) and "no 'text'" in str(items[2])


def test_sources_walks_folders_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "y.md").write_text("# T\n\nBody.", encoding="utf-8")
    files = [p.name for p in iter_source_files([tmp_path])]
    assert files == ["y.md", "x.txt"] or sorted(files) == ["x.txt", "y.md"]


def test_sources_empty_file_is_a_clear_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n", encoding="utf-8")
    with pytest.raises(SourceError, match="empty.txt: the file is empty"):
        read_article(f)


def test_sources_binary_under_text_suffix_is_refused(tmp_path):
    f = tmp_path / "scan.txt"
    f.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    with pytest.raises(SourceError, match="PDF"):
        read_article(f)


def test_sources_cp1252_text_is_decoded_with_a_note(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("Title\n\nThe Minister\x92s visit".encode("latin-1"))
    a = read_article(f)
    assert "Minister’s" in a.text
    assert any("cp1252" in n for n in a.notes)


def test_sources_broken_front_matter_names_the_file(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text("---\ntitle: [unclosed\n---\nBody text.", encoding="utf-8")
    with pytest.raises(SourceError, match="bad.md: the YAML front matter is malformed"):
        read_article(f)


def test_sources_missing_path_is_reported():
    items = list(iter_source_files(["/no/such/folder"]))
    assert isinstance(items[0], SourceError) and "no such file" in str(items[0])


def test_sources_parse_date_forms():
    assert parse_date("02 May 2024") == "2024-05-02"
    assert parse_date("2023-12-05") == "2023-12-05"
    assert parse_date("2024-05-02T09:00:00+07:00") == "2024-05-02"
    assert parse_date("not a date") is None


def test_sources_txt_title_before_date_line(tmp_path):
    f = tmp_path / "copied.txt"
    f.write_text("Fiji and RSO hold workshop\nPosted on March 15, 2021 - News\n\nThe RSO met in Suva, Fiji.\n",
                 encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.date, a.category) == ("Fiji and RSO hold workshop", "2021-03-15", "News")
    assert a.text == "The RSO met in Suva, Fiji."


def test_sources_html_date_printed_in_a_date_element(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><body><div class='post'><h1>Workshop in Suva</h1><span class='post-date'>Posted on "
                 "15 March 2021</span><div class='entry-content'><p>The RSO met in Suva, Fiji, with officials "
                 "from Samoa and Tonga.</p></div></div></body></html>", encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.date) == ("Workshop in Suva", "2021-03-15")


def test_sources_html_without_h1_is_named_by_its_own_heading(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>News | Site</title></head><body><nav>Home</nav>"
                    "<div class='content'><h2 class='post-title'>Workshop on border management</h2>"
                    "<p>The RSO hosted a workshop on border management in Suva on 3 May 2024, with officials "
                    "from Fiji and Samoa.</p></div></body></html>", encoding="utf-8")
    a = read_article(page)
    assert a.title == "Workshop on border management"
    assert "Workshop on border management" not in a.text and a.text.startswith("The RSO hosted")


def test_sources_txt_page_label_above_the_date_is_no_title(tmp_path):
    f = tmp_path / "release.txt"
    f.write_text("Ministers of Fiji and Samoa welcome a regional dialogue on border management\nPress release\n"
                 "4 June 2024\n\nThe dialogue met in Apia.\n", encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.date, a.category) == (
        "Ministers of Fiji and Samoa welcome a regional dialogue on border management", "2024-06-04", "Press release")


def test_sources_txt_date_with_comma_and_a_labelled_field(tmp_path):
    f = tmp_path / "embassy.txt"
    f.write_text("Embassy briefs partners on the ministerial conference\n\n12 April, 2016 | Source: Embassy staff\n\n"
                 "The embassy held a briefing.\n", encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.date, a.category) == ("Embassy briefs partners on the ministerial conference", "2016-04-12", None)


def test_sources_txt_byline_then_date_after_a_bar(tmp_path):
    f = tmp_path / "paper.txt"
    f.write_text("Ministers to open regional conference\n\nAnn Loe, The Daily Courier, Denpasar | Wed, 14/09/2016\n\n"
                 "Ministers arrive today.\n", encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.date, a.text) == ("Ministers to open regional conference", "2016-09-14", "Ministers arrive today.")


def test_sources_txt_posted_by_line_and_share_footer(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("RSO hosts a forum side event\nPosted on November 2, 2018 by RSO staff\n"
                    "On 31 October 2018, the RSO hosted a side event in Perth.\n\n"
                    "Share this: Facebook Twitter\n\nRelated text that is not the article.\n", encoding="utf-8")
    a = read_article(page)
    assert (a.title, a.date) == ("RSO hosts a forum side event", "2018-11-02")
    assert a.text == "On 31 October 2018, the RSO hosted a side event in Perth."


def test_sources_md_front_matter_other_date_and_category_keys(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('---\ntitle: "Workshop: border management"\npublished: March 5, 2019\n'
                    "categories: [News, Events]\n---\n\nThe RSO hosted a workshop in Suva on 4 March.\n",
                    encoding="utf-8")
    a = read_article(page)
    assert (a.title, a.date, a.category) == ("Workshop: border management", "2019-03-05", "News")


def test_sources_editor_and_reporter_lines_end_the_body(tmp_path):
    from kg.sources import read_article
    path = tmp_path / "news.txt"
    path.write_text("Talks on smuggling\n\nSuva (Pacific Wire) - Fiji and Samoa met on Tuesday.\n\n"
                    "Reporter: Jane Roe\nEditor: John Doe\n")
    assert read_article(path).text == "Suva (Pacific Wire) - Fiji and Samoa met on Tuesday."


def test_sources_date_from_the_file_name_when_the_page_gives_none(tmp_path):
    f = tmp_path / "2019-08-14-officials-meet.txt"
    f.write_text("Officials meet in Jakarta\n\nJAKARTA, Aug 14 (Antara) - Officials from five states met today.",
                 encoding="utf-8")
    a = read_article(f)
    assert (a.date, "publication date taken from the file name" in a.notes) == ("2019-08-14", True)


LAYOUT_PAGE = ("<html><head><title>Bureau news</title></head><body><table width='800'><tr><td class='menu'>"
               "<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></td>"
               "<td class='content'><h2>Senior officials meet in Bangkok</h2><p>Senior officials met in Bangkok on "
               "4 June 2003 to review the work of the two expert groups and agree on next steps.</p>"
               "<p>Those attending were:</p><ul><li>Mr Tom Reed of the Department of Foreign Affairs;</li>"
               "<li>Ms Ana Cruz of the Immigration Bureau.</li></ul>"
               "<p>Observers:</p><table><tr><th>Country</th><th>Delegate</th></tr><tr><td>Fiji</td><td>Mr Sam Vula"
               "</td></tr><tr><td>Samoa</td><td>Ms Lena Tui</td></tr></table></td></tr></table></body></html>")


def test_sources_html_layout_table_reads_as_prose_and_lists(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(LAYOUT_PAGE, encoding="utf-8")
    lines = [line for line in read_article(page).text.split("\n") if line]
    assert lines[2:] == ["Those attending were:", "Mr Tom Reed of the Department of Foreign Affairs;",
                         "Ms Ana Cruz of the Immigration Bureau.", "Observers:", "| Country | Delegate |", "|---|---|",
                         "| Fiji | Mr Sam Vula |", "| Samoa | Ms Lena Tui |"]


def test_sources_txt_statement_heading_gives_the_frame(tmp_path):
    f = tmp_path / "statement.txt"
    f.write_text("Embassy of Fiji, Canberra — Statements\n\nSTATEMENT BY THE HEAD OF DELEGATION OF FIJI\n\n"
                 "Regional Forum on Border Management\nNadi, Viti Levu, Fiji\nWednesday, 5 June 2024\n\n"
                 "Madam Chair, distinguished delegates,\nFiji thanks the hosts for this forum.\n", encoding="utf-8")
    a = read_article(f)
    assert (a.header_date, a.header_place, a.text.split("\n\n")[2:4]) == \
        ("Wednesday, 5 June 2024", "Nadi, Viti Levu, Fiji", ["Nadi, Viti Levu, Fiji", "Wednesday, 5 June 2024"])


def test_sources_html_fact_table_gives_the_frame(tmp_path):
    page = tmp_path / "note.html"
    page.write_text("<html><body><main><h1>Concept Note: Pacific Returns Dialogue</h1><table>"
                    "<tr><th>Date</th><td>4-5 March 2025</td></tr><tr><th>Topic</th><td>Returns</td></tr>"
                    "<tr><th>Format</th><td>In person</td></tr><tr><th>Venue</th><td>Suva, Fiji</td></tr></table>"
                    "<p>The Pacific Returns Dialogue brings officials of the region together to compare how returns "
                    "and reintegration are handled, and to agree on shared steps for the year ahead.</p></main>"
                    "</body></html>", encoding="utf-8")
    a = read_article(page)
    assert (a.header_date, a.header_place) == ("4-5 March 2025", "Suva, Fiji")


def test_sources_txt_bulletin_sections_keep_their_date_lines_apart(tmp_path):
    f = tmp_path / "bulletin.txt"
    f.write_text("Pacific Migration Bulletin\n14 December 2012\n\n----------\nSUVA: RETURNS TALKS\n----------\n"
                 "Date: Friday, 1 June 2012 | Venue city: Suva, Fiji\nOfficials of Fiji and Samoa met.\n", encoding="utf-8")
    assert read_article(f).text.split("\n\n") == ["SUVA: RETURNS TALKS",
                                                   "Date: Friday, 1 June 2012 | Venue city: Suva, Fiji",
                                                   "Officials of Fiji and Samoa met."]


def test_sources_txt_label_date_and_reference_line(tmp_path):
    f = tmp_path / "release.txt"
    f.write_text("Minister for Home Affairs\nHome > Media releases\n\nMinister heads to Suva for returns talks\n\n"
                 "Media release | 3 May 2024 | MR 24/017\n\nThe Minister leaves for Suva today.\n", encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.date, a.category, a.text) == ("Minister heads to Suva for returns talks", "2024-05-03",
                                                     "Media release", "The Minister leaves for Suva today.")


def test_sources_txt_short_heading_line_stands_apart_from_the_paragraph(tmp_path):
    f = tmp_path / "update.txt"
    f.write_text("12 June 2018 | Event\nWorking group update\n\n>> 16 May: Annual meeting of the Working Group\n"
                 "On the Wednesday, the Working Group held its fourth meeting in Bangkok, with nineteen members taking "
                 "part and two observers.\n", encoding="utf-8")
    assert read_article(f).text.split("\n\n") == [
        ">> 16 May: Annual meeting of the Working Group",
        "On the Wednesday, the Working Group held its fourth meeting in Bangkok, with nineteen members taking part "
        "and two observers."]
