"""The canvas of every opgave, and for Vitale kernen the whole depth: effectketen, a
conversation on the items, indicatoren, realisatieplan and begroting."""

import datetime
import itertools
from decimal import Decimal

from canvas.models import (
    Begrotingsregel,
    Blok,
    Bron,
    CanvasItem,
    Financier,
    FinancierSoort,
    Indicator,
    ItemStatus,
    Meting,
    Mijlpaal,
    Reactie,
    Schakel,
    Soort,
    Uitvoering,
    UitvoeringStatus,
)
from opgaven.models import Opgave

from . import upsert

# titel -> {blok: [items]}: what each opgave's team wrote in the canvas
CANVAS = {
    "Vitale kernen": {
        Blok.BELEIDSDOELEN: [
            "Elke kern heeft in 2028 een laagdrempelige ontmoetingsplek.",
            "Inwoners ervaren hun kern als leefbaar (leefbaarometer ≥ 7).",
        ],
        Blok.PRESTATIES_EFFECTEN: [
            "8 dorpshuizen vernieuwd of multifunctioneel ingericht.",
            "Minder inwoners voelen zich geïsoleerd in de kleine kernen.",
        ],
        Blok.ACTIVITEITEN: [
            "Opgavesprints per kern op de plek waar het speelt.",
            "Dorpsbudget per kern voor eigen initiatieven.",
        ],
        Blok.BEGROTING: [
            "De gemeente draagt het grootste deel uit programma 3; de Regio Deal betaalt de dorpshuizen mee.",
            "De provincie vult aan uit het Leefbaarheidsfonds zolang de kernen zelf meebetalen.",
        ],
    },
    "Dementievriendelijke gemeente": {
        Blok.BELEIDSDOELEN: ["Mensen met dementie wonen langer thuis met passende ondersteuning."],
        Blok.DOELGROEPEN: [
            "Mensen met dementie en hun mantelzorgers.",
            "Winkeliers en verenigingen.",
        ],
        Blok.ACTIVITEITEN: [
            "Thematafel dementie met zorgaanbieders en Alzheimer Café.",
            "Training 'herkennen en helpen' voor 60 winkeliers.",
        ],
        Blok.BEGROTING: [
            "Het zorgkantoor betaalt het casemanagement; de gemeente de trainingen en de thematafel.",
        ],
    },
    "Eenzaamheid onder ouderen": {
        Blok.BELEIDSDOELEN: ["Het aandeel ernstig eenzame 75-plussers daalt van 14% naar 10%."],
        Blok.ACTIVITEITEN: [
            "Huisbezoeken aan alle 80-jarigen door vrijwilligers.",
            "Vervoer naar ontmoetingsplekken met de buurtbus.",
        ],
        Blok.BEGROTING: ["Het Fonds Ouderen Maasdal betaalt de vrijwilligersvergoedingen mee."],
    },
    "Woningtekort voor starters en senioren": {
        Blok.BELEIDSDOELEN: ["600 woningen erbij tot 2030, waarvan 40% betaalbaar."],
        Blok.ACTIVITEITEN: [
            "Prestatieafspraken met Woonstichting Maasdal.",
            "Knarrenhof-initiatief in Broekhoven ondersteunen.",
        ],
        Blok.BEGROTING: [
            "De grondexploitatie staat apart in de begroting; hier alleen wat de opgave zelf kost.",
            "De Woningbouwimpuls van het Rijk is toegekend voor de eerste 200 woningen.",
        ],
    },
    "Energietransitie in de wijken": {
        Blok.BELEIDSDOELEN: ["De Schans is in 2030 aardgasvrij-ready."],
        Blok.ACTIVITEITEN: [
            "Energiecoaches aan huis.",
            "Wijkwarmteplan met bewonerscoöperatie.",
        ],
        Blok.BEGROTING: ["Het Programma Aardgasvrije Wijken van het Rijk draagt de wijkaanpak."],
    },
    "Mobiliteit in de kleine kernen": {
        Blok.BELEIDSDOELEN: ["Elke kern is zes dagen per week bereikbaar zonder eigen auto."],
        Blok.ACTIVITEITEN: [
            "Buurtbus uitbreiden met vrijwillige chauffeurs.",
            "Deelauto's bij dorpshuizen.",
        ],
    },
    "Kansengelijkheid voor jongeren": {
        Blok.BELEIDSDOELEN: ["Voortijdig schoolverlaten daalt naar onder 1,5%."]
    },
    "Armoede en schulden": {
        Blok.ACTIVITEITEN: ["Vroegsignalering met woningcorporaties en energieleveranciers."]
    },
    "Klimaatadaptatie en wateroverlast": {
        Blok.SAMENWERKING: ["Waterschap Maas en Peel als mede-eigenaar."]
    },
    "Leefbaar centrum Maasdal": {
        Blok.ACTIVITEITEN: ["Leegstaande panden transformeren naar wonen en ontmoeten."]
    },
    "Gezond opgroeien": {Blok.BELEIDSDOELEN: ["Overgewicht bij 4-12 jarigen daalt met 10%."]},
    "Veilige woonwijken en ondermijning": {
        Blok.ROLLEN: [
            "Burgemeester: bestuurlijke aanpak; politie en RIEC: informatie-uitwisseling."
        ]
    },
    "Werk en meedoen": {Blok.ACTIVITEITEN: ["Leerwerkplekken bij lokale ondernemers."]},
    "Toekomst van het buitengebied": {
        Blok.SAMENWERKING: ["Provincie en LTO als partners in de gebiedsaanpak."]
    },
}
# Filled in for every opgave where the opgave itself has no item in that block.
STANDAARD_ITEMS = {
    Blok.BELEIDSDOELEN: "Inwoners ervaren verbetering op '{titel}' (inwonerspanel, nulmeting 2026).",
    Blok.PRESTATIES_EFFECTEN: "Jaarlijkse monitor met indicatoren voor '{titel}' (waarstaatjegemeente.nl).",
    Blok.DOELGROEPEN: "Inwoners van de betrokken kernen en wijken, met extra aandacht voor kwetsbare groepen.",
    Blok.ROLLEN: "Gemeente als regisseur; partners als mede-eigenaar van de aanpak.",
    Blok.ACTIVITEITEN: "Thematafel '{titel}' elk kwartaal, op een plek waar de opgave tastbaar is.",
    Blok.COMMUNICATIE: "Nieuwsbrief en bijeenkomsten in de kernen; terugkoppeling op alle inbreng.",
    Blok.ORGANISATIE: "Opgaveteam met medewerkers uit verschillende afdelingen en partners.",
    Blok.BEGROTING: "De gemeente betaalt uit het programma Maatschappelijke opgaven; partners dragen bij in menskracht en geld.",
    Blok.PARTICIPATIE: "Inwoners coproduceren de aanpak; dorpsraden adviseren over de uitvoering.",
    Blok.SAMENWERKING: "Samenwerkingsovereenkomst met de belangrijkste partners.",
}


def canvas(opgave: Opgave) -> None:
    """The items the team wrote, or one standard item in a block they left empty."""
    items = CANVAS.get(opgave.titel, {})
    for blok in Blok:
        teksten = list(items.get(blok, [])) or [STANDAARD_ITEMS[blok].format(titel=opgave.titel)]
        for volgorde, tekst in enumerate(teksten, start=1):
            upsert(
                CanvasItem,
                opgave=opgave,
                blok=blok,
                volgorde=volgorde,
                defaults={"tekst": tekst},
            )
        CanvasItem.objects.filter(opgave=opgave, blok=blok, volgorde__gt=len(teksten)).delete()


def effectketen(opgave: Opgave) -> None:
    """One chain from activity to goal; the other items stay loose ends to show the check."""
    items = {i.tekst[:20]: i for i in opgave.canvas_items.all()}
    effect = upsert(CanvasItem, {"soort": Soort.EFFECT}, pk=items["Minder inwoners voel"].pk)
    keten = [items["Opgavesprints per ke"], items["8 dorpshuizen vernie"], effect]
    keten.append(items["Elke kern heeft in 2"])
    for van, naar in itertools.pairwise(keten):
        Schakel.objects.get_or_create(van=van, naar=naar)


def canvasgesprek(opgave: Opgave, users) -> None:
    """Owners, statuses and a short thread: the canvas is a conversation."""
    items = {i.tekst[:20]: i for i in opgave.canvas_items.all()}
    upsert(
        CanvasItem,
        {"eigenaar": users["regisseur"], "status": ItemStatus.AKKOORD},
        pk=items["Elke kern heeft in 2"].pk,
    )
    dorpsbudget = upsert(
        CanvasItem,
        {"eigenaar": users["teamlid"], "status": ItemStatus.IN_BESPREKING},
        pk=items["Dorpsbudget per kern"].pk,
    )
    for auteur, tekst in [
        (
            "teamlid",
            "Woonstichting Maasdal wil meebetalen als de dorpshuizen ook huurders bereiken.",
        ),
        ("regisseur", "Goed punt. Ik zet het op de agenda van de thematafel in maart."),
    ]:
        Reactie.objects.get_or_create(item=dorpsbudget, auteur=users[auteur], tekst=tekst)


def indicatoren(opgave: Opgave, *, later: bool = True) -> None:
    """One goal on track, one effect behind: the judgement shows both ways. The autumn's
    measurements come ``later``."""
    items = {i.tekst[:20]: i for i in opgave.canvas_items.all()}
    d = datetime.date
    for item, naam, eenheid, bron, nul, streef, metingen, najaar in [
        (
            items["Elke kern heeft in 2"],
            "Kernen met een ontmoetingsplek",
            "kernen",
            Bron.EIGEN,
            (Decimal(3), d(2025, 1, 1)),
            (Decimal(8), d(2028, 12, 31)),
            [(d(2025, 7, 1), Decimal(4)), (d(2026, 1, 1), Decimal(5))],
            [(d(2026, 9, 1), Decimal(6))],
        ),
        (
            items["Minder inwoners voel"],
            "Inwoners (65+) die zich eenzaam voelen",
            "%",
            Bron.GGD,
            (Decimal(48), d(2022, 10, 1)),
            (Decimal(40), d(2028, 10, 1)),
            [(d(2024, 10, 1), Decimal("46.5"))],
            [(d(2026, 10, 1), Decimal("44.8"))],
        ),
    ]:
        indicator = upsert(
            Indicator,
            {
                "eenheid": eenheid,
                "bron": bron,
                "nulmeting": nul[0],
                "nulmeting_datum": nul[1],
                "streefwaarde": streef[0],
                "streefdatum": streef[1],
            },
            item=item,
            naam=naam,
        )
        for datum, waarde in metingen + (najaar if later else []):
            upsert(Meting, {"waarde": waarde}, indicator=indicator, datum=datum)


def realisatieplan(opgave: Opgave, users) -> None:
    """Two planned activities: one running with a milestone reached, one waiting on the council."""
    items = {i.tekst[:20]: i for i in opgave.canvas_items.all()}
    d = datetime.date
    sprints, budget = items["Opgavesprints per ke"], items["Dorpsbudget per kern"]
    upsert(CanvasItem, {"eigenaar": users["regisseur"]}, pk=sprints.pk)
    for activiteit, plan, mijlpalen in [
        (
            sprints,
            {
                "start": d(2026, 1, 12),
                "eind": d(2027, 6, 30),
                "status": UitvoeringStatus.LOOPT,
                "voortgang": 40,
            },
            [
                ("Sprint 1 in Beekdal afgerond", d(2026, 3, 20), True),
                ("Alle acht kernen bezocht", d(2027, 3, 1), False),
            ],
        ),
        (
            budget,
            {
                "partner": "Dorpsraden Maasdal",
                "start": d(2026, 9, 1),
                "eind": d(2028, 12, 31),
                "status": UitvoeringStatus.VERTRAAGD,
                "voortgang": 10,
            },
            [("Regeling dorpsbudget vastgesteld door de raad", d(2026, 10, 1), False)],
        ),
    ]:
        upsert(Uitvoering, plan, activiteit=activiteit)
        for naam, datum, behaald in mijlpalen:
            upsert(Mijlpaal, {"datum": datum, "behaald": behaald}, activiteit=activiteit, naam=naam)


def begroting(opgave: Opgave, *, later: bool) -> None:
    """A budget shared by the municipality, a housing association, the province and the
    state; the 2027 lines and the rest of what 2026 spent come ``later`` (the second report)."""
    financiers = [
        upsert(
            Financier,
            {"soort": soort, "begrotingsprogramma": programma},
            opgave=opgave,
            naam=naam,
        )
        for naam, soort, programma in [
            ("Gemeente Maasdal", FinancierSoort.GEMEENTE, "Programma 3: Leefbare kernen"),
            ("Woonstichting Maasdal", FinancierSoort.PARTNER, ""),
            ("Provincie Limburg", FinancierSoort.PROVINCIE, "Leefbaarheidsfonds"),
            ("Rijk (Regio Deal)", FinancierSoort.RIJK, ""),
        ]
    ]
    activiteiten = list(opgave.canvas_items.filter(blok=Blok.ACTIVITEITEN).order_by("volgorde"))
    bedragen = {
        (2026, 0, 0): ("85000.00", "61250.40"),
        (2026, 0, 2): ("40000.00", "40000.00"),
        (2026, 1, 0): ("120000.00", "98412.75"),
        (2026, 1, 1): ("25000.00", "12500.00"),
        (2027, 0, 0): ("90000.00", "0.00"),
        (2027, 0, 3): ("150000.00", "0.00"),
        (2027, 1, 0): ("120000.00", "0.00"),
        (2027, 1, 1): ("30000.00", "0.00"),
    }
    for (jaar, a, f), (begroot, realisatie) in bedragen.items():
        if jaar == 2027 and not later:
            continue
        eerst = (Decimal(realisatie) * Decimal("0.4")).quantize(Decimal("0.01"))
        regel, _nieuw = Begrotingsregel.objects.get_or_create(
            jaar=jaar,
            activiteit=activiteiten[a],
            financier=financiers[f],
            defaults={"opgave": opgave, "begroot": Decimal(begroot), "realisatie": eerst},
        )
        if later and regel.realisatie < Decimal(realisatie):
            regel.realisatie = Decimal(realisatie)
            regel.save(update_fields=["realisatie", "updated_at"])


def vitale_kernen(opgave: Opgave, users, *, later: bool = True) -> None:
    """The canvas in depth, for one opgave; ``later`` what happened after the spring."""
    if not later:
        effectketen(opgave)
        canvasgesprek(opgave, users)
        realisatieplan(opgave, users)
    begroting(opgave, later=later)
    indicatoren(opgave, later=later)
