"""The reading room: a report in the browser as an overview and one page per opgave, and
search in what published reports say, with the passage and the page it is on.

A report's body is our own autoescaped template output (``rapportages/pdf/inhoud.html``,
kept with the report): its contents list, the overview and the moties, then one
``<section class="opgave" id="opgave-N">`` per opgave. ``delen`` cuts it there; user text
is escaped in it, so a ``</section>`` can only be the template's own.
"""

import re
from dataclasses import dataclass
from html import escape, unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVector
from django.db.models import F
from django.utils.safestring import SafeString, mark_safe

from .models import RapportageDeel

OVERZICHT = "overzicht"
_INHOUD = re.compile(r'<nav class="inhoud".*?</nav>', re.S)
_OPGAVE = re.compile(
    r'<section class="opgave" id="(opgave-\d+)">\s*'
    r'<h2 class="opgave__titel">(.*?)</h2>.*?</section>',
    re.S,
)
# ts_headline marks a hit with these; the passage is escaped and they become <mark>.
_BEGIN, _EIND = "\x02", "\x03"


@dataclass
class Deel:
    anker: str
    titel: str
    html: str


def delen(html: str) -> list[Deel]:
    """The overview (everything that is not an opgave, without the contents list, which each
    page draws itself) and each opgave's section, in the report's order."""
    opgaven = [Deel(m[1], unescape(m[2]), m[0]) for m in _OPGAVE.finditer(html)]
    rest = _OPGAVE.sub("", _INHOUD.sub("", html)).strip()
    return [Deel(OVERZICHT, "Overzicht", rest), *opgaven]


def platte_tekst(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u200b", "").split())


def opslaan(rapportage) -> None:
    """Store the report's pages (after it was made; replaces those of an earlier version)."""
    rapportage.delen.all().delete()
    RapportageDeel.objects.bulk_create(
        RapportageDeel(
            rapportage=rapportage,
            volgorde=i,
            anker=deel.anker,
            titel=deel.titel,
            html=deel.html,
            tekst=platte_tekst(deel.html),
        )
        for i, deel in enumerate(delen(rapportage.html))
    )


def _zoekvraag(tekst: str) -> SearchQuery:
    return SearchQuery(tekst, config="dutch", search_type="websearch")


def _gemarkeerd(fragment: str) -> SafeString:
    """A passage from ts_headline as safe HTML: escaped, the hits in <mark>."""
    # Escaped first: the passage is the reader's text, only the marks are ours.
    return mark_safe(escape(fragment).replace(_BEGIN, "<mark>").replace(_EIND, "</mark>"))


def treffers(rapportages, tekst: str, *, per_rapport: int = 3) -> dict[int, list[dict]]:
    """Per report (of ``rapportages``, already narrowed to what the reader may see) the
    pages that mention ``tekst`` (Dutch stemming: "eenzaam" finds "eenzaamheid"), each
    with a passage around the hits: {rapportage id: [{"anker", "titel", "passage"}]}."""
    vraag = _zoekvraag(tekst)
    rijen = (
        RapportageDeel.objects.filter(rapportage__in=rapportages)
        .annotate(zoek=SearchVector("tekst", config="dutch"))
        .filter(zoek=vraag)
        .annotate(
            passage=SearchHeadline(
                "tekst",
                vraag,
                config="dutch",
                start_sel=_BEGIN,
                stop_sel=_EIND,
                max_words=20,
                min_words=8,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .order_by("rapportage_id", "volgorde")
        .values("rapportage_id", "anker", "titel", "passage")
    )
    uit: dict[int, list[dict]] = {}
    for rij in rijen[:500]:
        lijst = uit.setdefault(rij["rapportage_id"], [])
        if len(lijst) < per_rapport:
            lijst.append(rij | {"passage": _gemarkeerd(rij["passage"])})
    return uit


def gemarkeerd(deel: RapportageDeel, tekst: str) -> SafeString:
    """The page's HTML with every hit of ``tekst`` in <mark>, the first one
    ``id="treffer"`` (the search result links there). PostgreSQL's parser keeps tags whole,
    so a mark never lands inside a tag."""
    if not tekst.strip():
        return mark_safe(deel.html)
    html = (
        RapportageDeel.objects.filter(pk=deel.pk)
        .annotate(
            gemarkeerd=SearchHeadline(
                F("html"),
                _zoekvraag(tekst),
                config="dutch",
                start_sel="<mark>",
                stop_sel="</mark>",
                highlight_all=True,
            )
        )
        .values_list("gemarkeerd", flat=True)
        .get()
    )
    # Our own escaped template output with marks between its tokens.
    return mark_safe(html.replace("<mark>", '<mark id="treffer">', 1))
