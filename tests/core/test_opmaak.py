"""Formats for pages and PDFs."""

from django.template import Context, Template

from core.rijke_tekst import ZACHTE_BREEK
from core.templatetags.opmaak import breekbaar


def test_very_long_words_get_break_points_and_ordinary_text_is_untouched():
    assert breekbaar("Een gewone zin met woorden.") == "Een gewone zin met woorden."
    lang = "x" * 4000
    delen = breekbaar(f"begin {lang} eind").split()
    assert delen[0] == "begin" and delen[-1] == "eind"
    stukken = delen[1].split(ZACHTE_BREEK)
    assert "".join(stukken) == lang and {len(s) for s in stukken} == {20}
    assert breekbaar("") == "" and breekbaar(None) is None


def test_break_points_keep_the_text_escaped():
    html = Template("{% load opmaak %}{{ t|breekbaar }}").render(
        Context({"t": "<script>" + "a" * 50 + "</script>"})
    )
    assert "<script>" not in html and "&lt;script&gt;" in html.replace(ZACHTE_BREEK, "")


def test_numbers_are_written_the_dutch_way_everywhere():
    from decimal import Decimal

    from core.templatetags.opmaak import euro, euro_kort, getal, met_eenheid, procent

    assert [getal(w) for w in (46.5, Decimal("48.00"), 1200, "1234567.891", -3.25)] == [
        "46,5",
        "48",
        "1.200",
        "1.234.567,89",
        "-3,25",
    ]
    assert procent(Decimal("62.9")) == "62,9\u00a0%"
    assert met_eenheid(5, "kernen") == "5\u00a0kernen" and met_eenheid(None, "%") == ""
    assert euro(Decimal("1234.5")) == "€\u00a01.234,50" and euro_kort(660000) == "€\u00a0660.000"


def test_a_little_markdown_renders_the_same_way_and_never_executes():
    from core.rijke_tekst import als_html, als_platte_tekst

    getypt = (
        "Activiteiten\n- Sprints per kern\n- <img src=x onerror=alert(1)> **vet**\n\n"
        "[klik](javascript:alert(1)) [site](https://example.org/" + "a" * 60 + ")"
    )
    html = str(als_html(getypt))
    # A list right under a line of text is a list (as people type it, and as CommonMark reads it).
    assert "<p>Activiteiten</p>\n<ul>\n<li>Sprints per kern</li>" in html
    assert "<img" not in html and "onerror" not in html and "javascript" not in html
    assert "<strong>vet</strong>" in html
    # Break opportunities go into the text of a long link, never into its address.
    assert 'href="https://example.org/' + "a" * 60 + '"' in html
    assert als_platte_tekst(getypt).splitlines()[:3] == [
        "Activiteiten",
        "• Sprints per kern",
        "• vet",
    ]
    # A verslag from before Markdown (sanitised HTML) is cleaned the same way.
    assert str(als_html("<p>Oud <script>x</script>verslag</p>")) == "<p>Oud verslag</p>"
