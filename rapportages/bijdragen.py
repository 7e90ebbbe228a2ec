"""A first draft of an opgave's contribution to a P&C moment, from what the canvas knows.

The team edits the draft; nothing here is saved by itself.
"""

from dataclasses import dataclass

from django.utils import formats

from canvas import indicatoren as indicatoren_module
from canvas.begroting import overzicht
from canvas.models import Blok, Indicator, Soort
from core.templatetags.opmaak import euro, met_eenheid, procent
from opgaven.models import Opgave

from .models import Bijdrage, PcMoment


@dataclass
class Voorstel:
    bereiken: str
    doen: str
    kosten: str


def voorstel(opgave: Opgave, moment: PcMoment) -> Voorstel:
    items = list(opgave.canvas_items.select_related("uitvoering"))
    per_blok: dict[str, list] = {}
    for item in items:
        per_blok.setdefault(item.blok, []).append(item)
    prestaties_effecten = per_blok.get(Blok.PRESTATIES_EFFECTEN, [])
    effecten = [i for i in prestaties_effecten if i.soort == Soort.EFFECT]
    prestaties = [i for i in prestaties_effecten if i.soort == Soort.PRESTATIE]
    indicatoren = Indicator.objects.filter(item__opgave=opgave).prefetch_related("metingen")
    return Voorstel(
        bereiken=_alinea(
            ("Beleidsdoelen", [i.tekst for i in per_blok.get(Blok.BELEIDSDOELEN, [])]),
            ("Effecten", [i.tekst for i in effecten]),
            ("Indicatoren", [_indicator(ind) for ind in indicatoren]),
        ),
        doen=_alinea(
            ("Activiteiten", [_activiteit(i) for i in per_blok.get(Blok.ACTIVITEITEN, [])]),
            ("Prestaties", [i.tekst for i in prestaties]),
        ),
        kosten=_kosten(opgave, moment.jaar),
    )


def _alinea(*delen: tuple[str, list[str]]) -> str:
    blokken = [
        f"{kop}\n" + "\n".join(f"- {regel}" for regel in regels) for kop, regels in delen if regels
    ]
    return "\n\n".join(blokken)


def _datum(datum) -> str:
    return formats.date_format(datum, "j F Y")


def _indicator(indicator: Indicator) -> str:
    metingen = list(indicator.metingen.all())
    oordeel = indicatoren_module.oordeel(indicator, metingen)
    eenheid = indicator.eenheid
    streef = (
        f"streefwaarde {met_eenheid(indicator.streefwaarde, eenheid)} "
        f"op {_datum(indicator.streefdatum)}"
    )
    if not metingen:
        nul = f"nulmeting {met_eenheid(indicator.nulmeting, eenheid)}"
        return f"{indicator.naam}: {nul}, {streef}; nog geen meting."
    laatste = max(metingen, key=lambda m: m.datum)
    stand = f"{met_eenheid(laatste.waarde, eenheid)} ({_datum(laatste.datum)})"
    return f"{indicator.naam}: {stand}, {streef}: {str(oordeel.label).lower()}."


def _activiteit(item) -> str:
    """The activity, how far it is and the partner organisation that carries it out. The
    colleague who owns it is not named: a bijdrage is published (officials by function)."""
    uitvoering = getattr(item, "uitvoering", None)
    delen = []
    if uitvoering is not None:
        delen.append(f"{uitvoering.get_status_display().lower()}, {procent(uitvoering.voortgang)}")
        if uitvoering.partner:
            delen.append(f"uitgevoerd door {uitvoering.partner}")
    return f"{item.tekst} ({'; '.join(delen)})" if delen else item.tekst


def _kosten(opgave: Opgave, jaar: int) -> str:
    regels = list(
        opgave.begrotingsregels.filter(jaar=jaar).select_related("activiteit", "financier")
    )
    if not regels:
        return f"Voor {jaar} staan nog geen begrotingsregels in het canvas."
    begroting = overzicht(regels, list(opgave.financiers.all()))
    regels_tekst = [
        f"{a.financier.naam}: {euro(a.bedrag.begroot)} ({procent(a.procent)})"
        for a in begroting.aandelen
        if a.bedrag.begroot or a.bedrag.realisatie
    ]
    return (
        f"Begroot {jaar}: {euro(begroting.totaal.begroot)}; "
        f"gerealiseerd: {euro(begroting.totaal.realisatie)}.\n"
        + "\n".join(f"- {regel}" for regel in regels_tekst)
    )


def begintekst(opgave: Opgave, moment: PcMoment, bijdrage: Bijdrage | None) -> dict:
    """What the contribution form starts with: the saved texts, or a draft (version 0)."""
    if bijdrage is None:
        return vars(voorstel(opgave, moment)) | {"versie": 0}
    velden = ["bereiken", "doen", "kosten", "versie"]
    return {veld: getattr(bijdrage, veld) for veld in velden}
