"""Every opgave's budget and indicator, in two steps (the spring and the autumn of 2026),
so the demo's two published reports differ: the jaarrekening 2025 reads the first, the
begroting 2027 the second. Vitale kernen has its own, in demo/seed/canvas.py."""

import datetime
from decimal import Decimal

from canvas.models import Begrotingsregel, Blok, Bron, Financier, FinancierSoort, Indicator, Meting
from opgaven.models import Opgave

from . import upsert

# Who pays beside the municipality, per opgave (Vitale kernen has its own, above).
PARTNERS = {
    "Dementievriendelijke gemeente": [("Zorgkantoor Limburg", FinancierSoort.PARTNER)],
    "Eenzaamheid onder ouderen": [("Fonds Ouderen Maasdal", FinancierSoort.PARTNER)],
    "Woningtekort voor starters en senioren": [
        ("Woonstichting Maasdal", FinancierSoort.PARTNER),
        ("Rijk (Woningbouwimpuls)", FinancierSoort.RIJK),
    ],
    "Energietransitie in de wijken": [("Rijk (Aardgasvrije Wijken)", FinancierSoort.RIJK)],
    "Mobiliteit in de kleine kernen": [("Provincie Limburg", FinancierSoort.PROVINCIE)],
    "Klimaatadaptatie en wateroverlast": [("Waterschap Maas en Peel", FinancierSoort.PARTNER)],
    "Leefbaar centrum Maasdal": [("Ondernemersvereniging Maasdal", FinancierSoort.PARTNER)],
    "Toekomst van het buitengebied": [("Provincie Limburg", FinancierSoort.PROVINCIE)],
}
PROGRAMMA = "Programma 6: Maatschappelijke opgaven"


def begroting_algemeen(opgave: Opgave, index: int, *, later: bool) -> None:
    """A budget over 2025-2027 for every activity, shared with the opgave's partners.

    In two steps, so the demo's first report (the jaarrekening 2025) shows an earlier stand
    than the second (the begroting 2027): first 2025 and 2026 with what was spent by the
    spring; ``later`` adds 2027 and what was spent in 2026 since. A line is created with its
    early figure and only ever moved forward, so running the seed again changes nothing."""
    financiers = [
        upsert(
            Financier,
            {"soort": FinancierSoort.GEMEENTE, "begrotingsprogramma": PROGRAMMA},
            opgave=opgave,
            naam="Gemeente Maasdal",
        )
    ] + [
        upsert(Financier, {"soort": soort}, opgave=opgave, naam=naam)
        for naam, soort in PARTNERS.get(opgave.titel, [])
    ]
    activiteiten = list(opgave.canvas_items.filter(blok=Blok.ACTIVITEITEN).order_by("volgorde"))
    basis = Decimal(20000 + 7500 * (index % 6))
    jaren = (2025, 2026, 2027) if later else (2025, 2026)
    for jaar in jaren:
        for a, activiteit in enumerate(activiteiten):
            for f, financier in enumerate(financiers):
                begroot = (basis * (Decimal("0.6") if f else 1) * (1 + a) / 2).quantize(Decimal(1))
                begroot += 5000 * (jaar - 2025)
                aandeel = {2025: Decimal("0.97"), 2026: Decimal("0.35"), 2027: Decimal(0)}[jaar]
                if later and jaar == 2026:
                    aandeel = Decimal("0.82")
                realisatie = (begroot * aandeel).quantize(Decimal("0.01"))
                regel, nieuw = Begrotingsregel.objects.get_or_create(
                    jaar=jaar,
                    activiteit=activiteit,
                    financier=financier,
                    defaults={"opgave": opgave, "begroot": begroot, "realisatie": realisatie},
                )
                if not nieuw and regel.realisatie < realisatie:
                    regel.realisatie = realisatie
                    regel.save(update_fields=["realisatie", "updated_at"])


# One indicator per opgave on its first beleidsdoel: name, unit, source, nulmeting,
# streefwaarde, the measurements by the spring of 2026 and the one of the autumn.
D = datetime.date
INDICATOREN = {
    "Dementievriendelijke gemeente": (
        "Dementievriendelijke winkels en verenigingen",
        "deelnemers",
        Bron.EIGEN,
        (12, D(2025, 1, 1)),
        (60, D(2027, 12, 31)),
        [(D(2025, 12, 1), 31)],
        (D(2026, 9, 1), 44),
    ),
    "Eenzaamheid onder ouderen": (
        "Ernstig eenzame 75-plussers",
        "%",
        Bron.GGD,
        (14, D(2022, 10, 1)),
        (10, D(2028, 10, 1)),
        [(D(2024, 10, 1), Decimal("13.2"))],
        (D(2026, 10, 1), Decimal("12.4")),
    ),
    "Woningtekort voor starters en senioren": (
        "Woningen opgeleverd sinds 2025",
        "woningen",
        Bron.CBS,
        (0, D(2025, 1, 1)),
        (600, D(2030, 12, 31)),
        [(D(2025, 12, 31), 96)],
        (D(2026, 9, 30), 171),
    ),
    "Energietransitie in de wijken": (
        "Woningen in De Schans aardgasvrij-ready",
        "%",
        Bron.EIGEN,
        (8, D(2024, 1, 1)),
        (100, D(2030, 12, 31)),
        [(D(2025, 12, 31), 19)],
        (D(2026, 9, 30), 24),
    ),
    "Mobiliteit in de kleine kernen": (
        "Kernen zes dagen per week bereikbaar zonder auto",
        "kernen",
        Bron.EIGEN,
        (5, D(2025, 1, 1)),
        (12, D(2028, 12, 31)),
        [(D(2025, 12, 1), 7)],
        (D(2026, 9, 1), 7),
    ),
    "Kansengelijkheid voor jongeren": (
        "Voortijdig schoolverlaters",
        "%",
        Bron.WSJG,
        (Decimal("2.1"), D(2023, 10, 1)),
        (Decimal("1.5"), D(2028, 10, 1)),
        [(D(2024, 10, 1), Decimal("1.9"))],
        (D(2025, 10, 1), Decimal("1.8")),
    ),
    "Armoede en schulden": (
        "Huishoudens in vroegsignalering geholpen",
        "huishoudens",
        Bron.EIGEN,
        (0, D(2025, 1, 1)),
        (400, D(2027, 12, 31)),
        [(D(2025, 12, 31), 143)],
        (D(2026, 9, 30), 228),
    ),
    "Klimaatadaptatie en wateroverlast": (
        "Straten met wateroverlast bij een bui van 70 mm",
        "straten",
        Bron.OVERIG,
        (23, D(2024, 1, 1)),
        (5, D(2030, 12, 31)),
        [(D(2025, 12, 31), 19)],
        (D(2026, 9, 30), 17),
    ),
    "Leefbaar centrum Maasdal": (
        "Leegstand in het centrum",
        "%",
        Bron.EIGEN,
        (11, D(2024, 1, 1)),
        (5, D(2028, 12, 31)),
        [(D(2025, 12, 31), 10)],
        (D(2026, 9, 30), 8),
    ),
    "Gezond opgroeien": (
        "Kinderen (4-12) met overgewicht",
        "%",
        Bron.GGD,
        (Decimal("14.5"), D(2023, 1, 1)),
        (13, D(2028, 1, 1)),
        [(D(2025, 1, 1), 14)],
        (D(2026, 1, 1), Decimal("13.9")),
    ),
    "Veilige woonwijken en ondermijning": (
        "Inwoners die zich veilig voelen in hun buurt",
        "%",
        Bron.WSJG,
        (78, D(2023, 1, 1)),
        (85, D(2027, 1, 1)),
        [(D(2025, 1, 1), 80)],
        (D(2026, 1, 1), 79),
    ),
    "Werk en meedoen": (
        "Leerwerkplekken bij lokale ondernemers",
        "plekken",
        Bron.EIGEN,
        (4, D(2025, 1, 1)),
        (40, D(2027, 12, 31)),
        [(D(2025, 12, 31), 17)],
        (D(2026, 9, 30), 26),
    ),
    "Toekomst van het buitengebied": (
        "Agrarische bedrijven met een toekomstplan",
        "bedrijven",
        Bron.EIGEN,
        (0, D(2025, 6, 1)),
        (120, D(2029, 12, 31)),
        [(D(2025, 12, 31), 22)],
        (D(2026, 9, 30), 37),
    ),
}


def indicator_algemeen(opgave: Opgave, *, later: bool) -> None:
    """The opgave's indicator with the measurements by the spring; ``later`` the autumn's."""
    if opgave.titel not in INDICATOREN:
        return
    naam, eenheid, bron, nul, streef, metingen, laatste = INDICATOREN[opgave.titel]
    doel = opgave.canvas_items.filter(blok=Blok.BELEIDSDOELEN).order_by("volgorde").first()
    indicator = upsert(
        Indicator,
        {
            "eenheid": eenheid,
            "bron": bron,
            "nulmeting": Decimal(nul[0]),
            "nulmeting_datum": nul[1],
            "streefwaarde": Decimal(streef[0]),
            "streefdatum": streef[1],
        },
        item=doel,
        naam=naam,
    )
    for datum, waarde in [*metingen, laatste] if later else metingen:
        upsert(Meting, {"waarde": Decimal(waarde)}, indicator=indicator, datum=datum)
