"""Formats for pages and PDFs."""

from django.template import Context, Template

from core.templatetags.opmaak import ZACHTE_BREEK, breekbaar


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
