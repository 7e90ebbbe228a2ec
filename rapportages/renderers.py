"""Programme reports for the council: data from every app, rendered through core.pdf."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe  # our own autoescaped template output

from canvas import indicatoren as indicatoren_module
from canvas.begroting import Begroting, overzicht
from canvas.models import (
    W_VRAAG_BLOKKEN,
    Begrotingsregel,
    Blok,
    CanvasItem,
    Indicator,
    WVraag,
)
from core.models import Huisstijl
from core.pdf import render_pdf
from core.pdfbron import static_css
from core.templatetags.opmaak import met_eenheid
from opgaven.models import Opgave
from participatie.cijfers import met_participatiecijfers
from participatie.models import Afspraak, Betrokkenheid, Stakeholder
from participatie.openbaar import OpenbareBetrokkenen, openbare_betrokkenen, wie

from . import wijzigingen
from .models import Bijdrage, Motie, PcMoment, Stap


@dataclass
class WAntwoord:
    vraag: str
    blokken: list[tuple[str, list[str]]] = field(default_factory=list)
    tekst: str = ""  # the contribution's answer for a P&C moment, when there is one
    begroting: Begroting | None = None  # "Wat mag het kosten?" from the canvas: its amounts


@dataclass
class OpgaveInRapport:
    opgave: Opgave
    anker: str
    w_vragen: list[WAntwoord]
    # What may be published about its stakeholders: organisations and persons who consented
    # by name, every other person as a count (participatie.openbaar).
    betrokkenen: OpenbareBetrokkenen
    bijdrage: Bijdrage | None = None
    begroting: Begroting | None = None
    afspraken: list[tuple[Afspraak, str]] = field(default_factory=list)  # with who, as published
    vorige: dict | None = None  # {"titel", "datum"} of the previous published report
    indicatoren: list[dict] = field(default_factory=list)  # indicator, oordeel, grafiek
    moties: list[Motie] = field(default_factory=list)
    wijzigingen: list[str] = field(default_factory=list)


def opgaven_voor_rapport(opgaven: QuerySet[Opgave]) -> QuerySet[Opgave]:
    """The opgaven with everything a report shows, in a fixed number of queries."""
    return (
        met_participatiecijfers(opgaven.select_related("portefeuillehouder"))
        .prefetch_related(
            "gebieden",
            "financiers",
            Prefetch(
                "begrotingsregels",
                queryset=Begrotingsregel.objects.select_related("activiteit", "financier"),
            ),
            Prefetch(
                "afspraken",
                queryset=Afspraak.objects.select_related("belover").order_by("deadline", "pk"),
            ),
            Prefetch("moties", queryset=Motie.objects.order_by("status", "deadline", "nummer")),
            Prefetch(
                "canvas_items", queryset=CanvasItem.objects.order_by("blok", "volgorde", "pk")
            ),
            Prefetch(
                "betrokkenheden",
                queryset=Betrokkenheid.objects.select_related("stakeholder").order_by(
                    "-invloed", "-belang", "stakeholder__naam"
                ),
            ),
        )
        # The order of the beleidsagenda: what the council set first comes first.
        .order_by("rang", "titel", "pk")
    )


def _w_vragen(
    opgave: Opgave, bijdrage: Bijdrage | None = None, begroting: Begroting | None = None
) -> list[WAntwoord]:
    """The contribution's answers for the moment; without one, the canvas blocks, where
    "Wat mag het kosten?" gives the begroting's amounts and the block's items as the team's
    explanation of them (one source per figure)."""
    if bijdrage is not None:
        return [
            WAntwoord(vraag=str(WVraag.BEREIKEN.label), tekst=bijdrage.bereiken),
            WAntwoord(vraag=str(WVraag.DOEN.label), tekst=bijdrage.doen),
            WAntwoord(vraag=str(WVraag.KOSTEN.label), tekst=bijdrage.kosten),
        ]
    per_blok: dict[str, list[str]] = {}
    for item in opgave.canvas_items.all():
        per_blok.setdefault(item.blok, []).append(item.tekst)
    labels = {Blok.BEGROTING: "Toelichting van het team"}
    return [
        WAntwoord(
            vraag=str(vraag.label),
            blokken=[
                (labels.get(b, str(Blok(b).label)), per_blok.get(b, []))
                for b in W_VRAAG_BLOKKEN[vraag]
            ],
            begroting=begroting if vraag == WVraag.KOSTEN else None,
        )
        for vraag in WVraag
    ]


@dataclass
class Vaststelling:
    """Who vaststelde the report and when: on the cover of the definitive version."""

    door: str
    op: datetime.datetime


@dataclass
class Rapport:
    pdf: bytes
    gegevens: dict  # the data behind the PDF, kept with a published report
    html: str = ""  # everything after the cover, as read in the browser


def programmarapportage_pdf(
    opgaven: QuerySet[Opgave],
    *,
    titel: str,
    moment: PcMoment | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Cover, contents, and per opgave the three W-questions and its stakeholders, as PDF."""
    return programmarapportage(opgaven, titel=titel, moment=moment, on_progress=on_progress).pdf


def programmarapportage(
    opgaven: QuerySet[Opgave],
    *,
    titel: str,
    moment: PcMoment | None = None,
    vaststelling: Vaststelling | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_stap: Callable[[str], None] = lambda stap: None,
) -> Rapport:
    """The programme report and the data it shows; for a P&C moment, its contributions.

    ``on_stap`` hears each step (``Stap``): gathering the data (with ``on_progress`` per
    opgave), laying out the PDF, writing and checking it."""
    on_stap(Stap.GEGEVENS)
    huisstijl = Huisstijl.huidige()
    rows = list(opgaven_voor_rapport(opgaven))
    bijdragen = {b.opgave_id: b for b in moment.bijdragen.all()} if moment is not None else {}
    vorige = _vorige_per_opgave()
    namen_nu = _stakeholdernamen_nu(vorige)
    indicatoren = _indicatoren_per_opgave(rows)
    secties = []
    for index, opgave in enumerate(rows, start=1):
        bijdrage = bijdragen.get(opgave.pk)
        begroting = overzicht(list(opgave.begrotingsregels.all()), list(opgave.financiers.all()))
        secties.append(
            OpgaveInRapport(
                opgave=opgave,
                anker=f"opgave-{opgave.pk}",
                w_vragen=_w_vragen(opgave, bijdrage, begroting),
                betrokkenen=openbare_betrokkenen(list(opgave.betrokkenheden.all())),
                bijdrage=bijdrage,
                begroting=begroting,
                afspraken=[
                    (a, wie(a.belover, gemeente=huisstijl.naam)) for a in opgave.afspraken.all()
                ],
                indicatoren=indicatoren.get(opgave.pk, []),
                moties=list(opgave.moties.all()),
            )
        )
        sectie = secties[-1]
        if opgave.pk in vorige:
            rapport, oud = vorige[opgave.pk]
            sectie.vorige = {"titel": rapport.titel, "datum": rapport.gepubliceerd_op}
            sectie.wijzigingen = wijzigingen.sinds(oud, _opgave_gegevens(sectie), namen_nu.get)
        if on_progress:
            on_progress(index, len(rows))
    context = {
        "titel": titel,
        "moties": _moties(secties),
        "gemeente": huisstijl.naam,
        "logo": huisstijl.logo_data_uri(),
        "secties": secties,
        # What is missing, said once under the overview instead of rows of zeros.
        "zonder_begroting": [s.opgave.titel for s in secties if not s.begroting.jaren],
        "zonder_bijdrage": [s.opgave.titel for s in secties if s.bijdrage is None],
        "moment": moment,
        "vaststelling": vaststelling,
        "gemaakt_op": timezone.now(),
    }
    inhoud = render_to_string("rapportages/pdf/inhoud.html", context)
    html = render_to_string(
        "rapportages/pdf/programmarapportage.html", context | {"inhoud": mark_safe(inhoud)}
    )
    # the title comes from the template's <title>
    on_stap(Stap.OPMAKEN)
    pdf = render_pdf(
        html,
        static_css("css/pdf-fonts.css", "css/rapport.css"),
        na_opmaak=lambda: on_stap(Stap.CONTROLEREN),
    )
    return Rapport(pdf=pdf, gegevens=_gegevens(titel, huisstijl.naam, secties), html=inhoud)


def _moties(secties: list[OpgaveInRapport]) -> list[tuple[Motie, list[str]]]:
    """The moties of the opgaven in this report, open ones first, each with the titles of
    the report's opgaven it concerns (in agenda order)."""
    moties: dict[int, tuple[Motie, list[str]]] = {}
    for sectie in secties:
        for motie in sectie.moties:
            moties.setdefault(motie.pk, (motie, []))[1].append(sectie.opgave.titel)
    return sorted(moties.values(), key=lambda m: (m[0].status, m[0].datum, m[0].nummer))


def _indicatoren_per_opgave(opgaven: list[Opgave]) -> dict[int, list[dict]]:
    """Indicators with their judgement and chart geometry, two queries for all opgaven."""
    per_opgave: dict[int, list[dict]] = {}
    rijen = (
        Indicator.objects.filter(item__opgave__in=opgaven)
        .select_related("item")
        .prefetch_related("metingen")
        .order_by("item__opgave_id", "item__blok", "item__volgorde", "naam", "pk")
    )
    for indicator in rijen:
        metingen = list(indicator.metingen.all())
        per_opgave.setdefault(indicator.item.opgave_id, []).append(
            {
                "indicator": indicator,
                "oordeel": indicatoren_module.oordeel(indicator, metingen),
                "grafiek": indicatoren_module.grafiek(indicator, metingen),
                "laatste": max(metingen, key=lambda m: m.datum) if metingen else None,
            }
        )
    return per_opgave


def _vorige_per_opgave() -> dict[int, tuple]:
    """Per opgave the most recent published report that had it, with the data it showed."""
    from .models import Rapportage

    vorige: dict[int, tuple] = {}
    gepubliceerd = (
        Rapportage.objects.filter(gepubliceerd_op__isnull=False)
        .select_related("opgave", "moment")
        .order_by("-gepubliceerd_op", "-pk")[:50]
    )
    for rapport in gepubliceerd:
        for oud in rapport.gegevens.get("opgaven", []):
            vorige.setdefault(oud["id"], (rapport, oud))
    return vorige


def _opgave_gegevens(s: OpgaveInRapport) -> dict:
    return {
        "id": s.opgave.pk,
        "titel": s.opgave.titel,
        "fase": s.opgave.fase,
        "voortgang": s.opgave.voortgang,
        "maatschappelijke_bedoeling": s.opgave.maatschappelijke_bedoeling,
        "w_vragen": {w.vraag: w.tekst or dict(w.blokken) for w in s.w_vragen},
        "begroot": str(s.begroting.totaal.begroot),
        "realisatie": str(s.begroting.totaal.realisatie),
        "bijdrage_status": s.bijdrage.status if s.bijdrage else None,
        # What the bestuurder reads before vaststellen (rapportages.vaststelling).
        "vorige": s.vorige["titel"] if s.vorige else None,
        "wijzigingen": s.wijzigingen,
        "indicatoren": [
            {
                "naam": r["indicator"].naam,
                "waarde": (
                    met_eenheid(r["laatste"].waarde, r["indicator"].eenheid)
                    if r["laatste"]
                    else "—"
                ),
                "oordeel": str(r["oordeel"]),
            }
            for r in s.indicatoren
        ],
        # What the report names, and no more: a person's position never leaves the app.
        "stakeholders": [
            {
                "id": b.stakeholder.pk,
                "naam": b.stakeholder.naam,
                "vorm": b.stakeholder.vorm,
                "rol": b.rol,
                "invloed": b.invloed,
                "belang": b.belang,
            }
            for b in s.betrokkenen.organisaties
        ]
        + [
            {"id": b.stakeholder.pk, "naam": b.stakeholder.naam, "vorm": b.stakeholder.vorm}
            for b in s.betrokkenen.genoemde_personen
        ],
        "personen": s.betrokkenen.aantal_personen,
    }


def _stakeholdernamen_nu(vorige: dict[int, tuple]) -> dict[int, str]:
    """The names that may be published now of the stakeholders in the previous reports'
    data (one query): a person erased since, or one who did not consent, is not named
    again from an old snapshot."""
    ids = {s["id"] for _r, oud in vorige.values() for s in oud.get("stakeholders", []) if "id" in s}
    rijen = Stakeholder.objects.filter(pk__in=ids)
    return {s.pk: s.publieke_naam for s in rijen if s.publieke_naam}


def _gegevens(titel: str, gemeente: str, secties: list[OpgaveInRapport]) -> dict:
    return {
        "titel": titel,
        "gemeente": gemeente,
        "opgaven": [_opgave_gegevens(s) for s in secties],
    }
