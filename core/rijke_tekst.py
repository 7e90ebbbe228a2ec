"""Text people type with a little Markdown (paragraphs, "- " lists, **vet**, links): one
way to render it everywhere, on screen, in the PDFs, in the reading room and in the API.

Markdown lets raw HTML through, so what it makes is cleaned by nh3 with a small allowlist
(no scripts, styles, handlers, images or frames); a verslag from before Markdown was
sanitised HTML and is cleaned the same way.
"""

import re
from html import unescape

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "blockquote", "a"}

# A text written before Markdown: sanitised HTML, starting with one of its tags.
_HTML = re.compile(r"\s*<(p|ul|ol|h[1-6]|strong|em|a|br|blockquote)[\s>/]", re.IGNORECASE)
# A list item right under a line of text ("Beleidsdoelen" then "- ..."): CommonMark and
# people read it as a list; Python-Markdown wants a blank line first, which this adds.
_LIJST_NA_TEKST = re.compile(
    r"^(?![ \t]*(?:[-*+]|\d+[.)])[ \t])([^\n]*\S[^\n]*)\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])", re.M
)
# A run of 40 characters without a space, which no column of a PDF can hold.
_LANG_WOORD = re.compile(r"\S{40,}")
ZACHTE_BREEK = "\u200b"  # zero-width space: a place a line may break, invisible in text


def breekbaar(tekst: str) -> str:
    """The text with a possible line break every 20 characters inside very long words.

    For PDFs: WeasyPrint breaks a word that does not fit a column character by character,
    which takes minutes for a few thousand characters without a space (a pasted link, a
    hostile canvas item); with break opportunities it takes milliseconds.
    """
    return _LANG_WOORD.sub(
        lambda m: ZACHTE_BREEK.join(m[0][i : i + 20] for i in range(0, len(m[0]), 20)), tekst
    )


def schoon_html(html: str) -> SafeString:
    """Rich text a user typed, reduced to harmless markup: no scripts, styles or handlers."""
    # nh3 has just removed everything that could execute.
    return mark_safe(
        nh3.clean(
            html,
            tags=TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
        )
    )


def als_html(tekst: str) -> SafeString:
    """The text as clean HTML: Markdown as typed, or the sanitised HTML of an older text.
    Long words get break opportunities in the text between the tags, never in a link."""
    if not tekst:
        return mark_safe("")
    if not _HTML.match(tekst):
        tekst = _LIJST_NA_TEKST.sub(r"\1\n\n", tekst.replace("\r\n", "\n"))
        tekst = markdown.markdown(tekst, extensions=["sane_lists", "nl2br"])
    schoon = schoon_html(tekst)
    # Only the text between tags: an href keeps its characters.
    return mark_safe(re.sub(r"(?<=>)[^<]+", lambda m: breekbaar(m[0]), schoon))


def als_platte_tekst(tekst: str) -> str:
    """The text as it reads, without Markdown or tags: list items on lines of their own."""
    html = als_html(tekst).replace(ZACHTE_BREEK, "")
    html = re.sub(r"<li>", "• ", html)
    html = re.sub(r"</(p|li|h3|h4|blockquote)>|<br\s*/?>", "\n", html)
    regels = [" ".join(r.split()) for r in unescape(re.sub(r"<[^>]+>", "", html)).splitlines()]
    return "\n".join(r for r in regels if r not in ("", "•"))
