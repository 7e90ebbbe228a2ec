"""Opgaven: the areas and domains they use, the beleidsagenda, phases, samenhang."""

import datetime

from accounts.models import User
from opgaven.models import (
    Domein,
    Fase,
    FaseWijziging,
    Gebied,
    GebiedSoort,
    Opgave,
    OpgaveRelatie,
    Prioriteitsvoorstel,
    Schaal,
)

from . import upsert

GEMEENTE = ("Gemeente Maasdal", "GM9901")
KERNEN = [
    "Maasdal",
    "Broekhoven",
    "Heidebeek",
    "Lindenrode",
    "Meerveld",
    "Oosterwolde",
    "Sint Aldegonde",
    "Vennekamp",
    "Weerdendonk",
    "IJsselt",
    "Achterhei",
    "Kerkebosch",
]
WIJKEN_MAASDAL = ["Maasdal-Centrum", "Maasdal-Noord", "De Schans"]

# titel, schaal, fase, kernen, bedoeling
OPGAVEN = [
    (
        "Vitale kernen",
        Schaal.GEMEENTE,
        Fase.CONCRETISEREN,
        KERNEN[1:9],
        "In onze dorpen verdwijnen winkels, de school en de pinautomaat. Inwoners willen "
        "elkaar blijven ontmoeten en zo lang mogelijk in hun eigen kern wonen. Samen met "
        "dorpsraden en partners zorgen we dat elke kern een plek heeft waar het leven samenkomt.",
    ),
    (
        "Dementievriendelijke gemeente",
        Schaal.GEMEENTE,
        Fase.REALISEREN,
        KERNEN[:6],
        "Mensen met dementie en hun mantelzorgers horen erbij en kunnen meedoen. Winkels, "
        "verenigingen en buren weten wat dementie is en hoe ze kunnen helpen.",
    ),
    (
        "Eenzaamheid onder ouderen",
        Schaal.GEMEENTE,
        Fase.FORMULEREN,
        KERNEN,
        "Eén op de drie ouderen in Maasdal voelt zich eenzaam. We willen dat niemand er "
        "alleen voor staat en dat ontmoeting vanzelfsprekend is, ook voor wie slecht ter been is.",
    ),
    (
        "Woningtekort voor starters en senioren",
        Schaal.GEMEENTE,
        Fase.REALISEREN,
        KERNEN[:4],
        "Jongeren trekken weg omdat ze geen betaalbare woning vinden, ouderen vinden geen "
        "geschikte woning in hun eigen dorp. Samen met corporaties bouwen we voor beide.",
    ),
    (
        "Energietransitie in de wijken",
        Schaal.WIJK,
        Fase.VERKENNEN,
        WIJKEN_MAASDAL,
        "Wijken van het aardgas af op een manier die betaalbaar is voor iedereen, met "
        "bewoners die meebeslissen over het tempo en de aanpak.",
    ),
    (
        "Mobiliteit in de kleine kernen",
        Schaal.REGIO,
        Fase.FORMULEREN,
        KERNEN[6:],
        "Zonder auto kom je in de kleine kernen nergens. We zorgen voor vervoer op maat "
        "naar werk, school, zorg en ontmoeting.",
    ),
    (
        "Kansengelijkheid voor jongeren",
        Schaal.GEMEENTE,
        Fase.CONCRETISEREN,
        WIJKEN_MAASDAL,
        "Waar je wieg staat mag niet bepalen hoe ver je komt. Scholen, sport en jongerenwerk "
        "werken samen rond elk kind dat extra steun nodig heeft.",
    ),
    (
        "Armoede en schulden",
        Schaal.GEMEENTE,
        Fase.REALISEREN,
        [],
        "Inwoners met geldzorgen worden eerder gevonden en zonder schaamte geholpen, "
        "voordat schulden problematisch worden.",
    ),
    (
        "Klimaatadaptatie en wateroverlast",
        Schaal.REGIO,
        Fase.VERKENNEN,
        KERNEN[:3],
        "Hevige buien en droogte vragen om een groenere, sponsachtige inrichting van "
        "straten en tuinen, samen met het waterschap.",
    ),
    (
        "Leefbaar centrum Maasdal",
        Schaal.WIJK,
        Fase.REALISEREN,
        ["Maasdal-Centrum"],
        "Een levendig centrum waar ondernemers, bewoners en bezoekers elkaar ontmoeten, "
        "ook na winkelsluiting.",
    ),
    (
        "Gezond opgroeien",
        Schaal.GEMEENTE,
        Fase.FORMULEREN,
        [],
        "Kinderen groeien op in een omgeving die gezond kiezen makkelijk maakt: bewegen, "
        "gezond eten en een rookvrije generatie.",
    ),
    (
        "Veilige woonwijken en ondermijning",
        Schaal.GEMEENTE,
        Fase.LEREN,
        WIJKEN_MAASDAL,
        "Inwoners voelen zich veilig en criminelen krijgen geen voet aan de grond in "
        "bedrijventerreinen en buitengebied.",
    ),
    (
        "Werk en meedoen",
        Schaal.REGIO,
        Fase.CONCRETISEREN,
        [],
        "Iedereen die kan werken, werkt naar vermogen; wie dat niet kan, doet op een "
        "andere manier mee.",
    ),
    (
        "Toekomst van het buitengebied",
        Schaal.PROVINCIE,
        Fase.VERKENNEN,
        KERNEN[8:],
        "Boeren, natuur en recreatie delen de ruimte; stoppende agrariërs krijgen "
        "perspectief en de dorpen profiteren mee.",
    ),
]

DOMEINEN = [
    "Wonen",
    "Zorg en welzijn",
    "Participatie",
    "Economie",
    "Mobiliteit",
    "Klimaat en energie",
    "Openbare ruimte",
    "Veiligheid",
    "Onderwijs",
    "Werk en inkomen",
]
PORTEFEUILLEHOUDERS = [
    "Wethouder A. Hermans (Sociaal domein)",
    "Wethouder M. Kurt (Wonen en ruimte)",
    "Burgemeester E. van Loon (Veiligheid)",
]
# titel -> domeinen, herkomst, prioriteit, portefeuillehouder (index), voortgang
PROFIEL = {
    "Vitale kernen": (
        ["Wonen", "Zorg en welzijn", "Participatie"],
        "coalitieakkoord",
        "hoog",
        0,
        "op_koers",
    ),
    "Dementievriendelijke gemeente": (
        ["Zorg en welzijn", "Participatie"],
        "inwonerinitiatief",
        "hoog",
        0,
        "op_koers",
    ),
    "Eenzaamheid onder ouderen": (
        ["Zorg en welzijn", "Participatie"],
        "raadsprogramma",
        "hoog",
        0,
        "aandacht",
    ),
    "Woningtekort voor starters en senioren": (["Wonen"], "coalitieakkoord", "hoog", 1, "risico"),
    "Energietransitie in de wijken": (
        ["Klimaat en energie", "Wonen"],
        "rijk",
        "middel",
        1,
        "aandacht",
    ),
    "Mobiliteit in de kleine kernen": (
        ["Mobiliteit", "Zorg en welzijn"],
        "regionaal",
        "middel",
        1,
        "op_koers",
    ),
    "Kansengelijkheid voor jongeren": (
        ["Onderwijs", "Zorg en welzijn"],
        "raadsprogramma",
        "middel",
        0,
        "op_koers",
    ),
    "Armoede en schulden": (
        ["Werk en inkomen", "Zorg en welzijn"],
        "coalitieakkoord",
        "hoog",
        0,
        "aandacht",
    ),
    "Klimaatadaptatie en wateroverlast": (
        ["Klimaat en energie", "Openbare ruimte"],
        "regionaal",
        "middel",
        1,
        "op_koers",
    ),
    "Leefbaar centrum Maasdal": (
        ["Economie", "Openbare ruimte"],
        "raadsprogramma",
        "laag",
        1,
        "op_koers",
    ),
    "Gezond opgroeien": (["Zorg en welzijn", "Onderwijs"], "rijk", "middel", 0, "op_koers"),
    "Veilige woonwijken en ondermijning": (
        ["Veiligheid"],
        "coalitieakkoord",
        "middel",
        2,
        "op_koers",
    ),
    "Werk en meedoen": (["Werk en inkomen", "Economie"], "regionaal", "laag", 0, "op_koers"),
    "Toekomst van het buitengebied": (
        ["Economie", "Klimaat en energie", "Openbare ruimte"],
        "rijk",
        "laag",
        1,
        "aandacht",
    ),
}
SAMENHANG = [
    ("Vitale kernen", "versterkt", "Eenzaamheid onder ouderen", "Ontmoetingsplekken in de kernen."),
    (
        "Vitale kernen",
        "raakt_aan",
        "Mobiliteit in de kleine kernen",
        "Bereikbaarheid van voorzieningen.",
    ),
    (
        "Woningtekort voor starters en senioren",
        "botst_met",
        "Klimaatadaptatie en wateroverlast",
        "Bouwen in laaggelegen gebieden.",
    ),
    ("Dementievriendelijke gemeente", "versterkt", "Eenzaamheid onder ouderen", ""),
    ("Armoede en schulden", "raakt_aan", "Kansengelijkheid voor jongeren", "Kinderen in armoede."),
    ("Energietransitie in de wijken", "raakt_aan", "Armoede en schulden", "Energiearmoede."),
]
MOTIVERING = {
    "hoog": "Grote impact op kwetsbare inwoners en een expliciete ambitie in het coalitieakkoord.",
    "middel": "Belangrijk, maar partners hebben de trekkersrol; de gemeente faciliteert.",
    "laag": "Loopt via bestaande programma's; extra inzet pas na 2027.",
}


def gebieden() -> dict[str, Gebied]:
    """The municipality, its kernen and the wijken of the main town."""
    gemeente = upsert(
        Gebied, naam=GEMEENTE[0], soort=GebiedSoort.GEMEENTE, defaults={"cbs_code": GEMEENTE[1]}
    )
    gebieden = {}
    for index, kern in enumerate(KERNEN, start=1):
        gebieden[kern] = upsert(
            Gebied,
            naam=kern,
            soort=GebiedSoort.KERN,
            defaults={"cbs_code": f"WK9901{index:02d}", "bovenliggend": gemeente},
        )
    for index, wijk in enumerate(WIJKEN_MAASDAL, start=1):
        gebieden[wijk] = upsert(
            Gebied,
            naam=wijk,
            soort=GebiedSoort.WIJK,
            defaults={"cbs_code": f"BU990101{index:02d}", "bovenliggend": gebieden["Maasdal"]},
        )
    return gebieden


def opgaven(gebieden, users) -> list[Opgave]:
    """The opgaven of the beleidsagenda, each with its phases, team and samenhang."""
    regisseurs = [users["regisseur"], users["regisseur2"]]
    domeinen = {naam: upsert(Domein, {"actief": True}, naam=naam) for naam in DOMEINEN}
    result = []
    for index, (titel, schaal, fase, kernen, bedoeling) in enumerate(OPGAVEN):
        opgave = upsert(
            Opgave,
            titel=titel,
            defaults={
                "schaal": schaal,
                "fase": fase,
                "maatschappelijke_bedoeling": bedoeling,
                "opgaveregisseur": regisseurs[index % 2],
                "herkomst": PROFIEL[titel][1],
                "prioriteit": PROFIEL[titel][2],
                "prioriteit_motivering": MOTIVERING[PROFIEL[titel][2]],
                "bestuurlijk_opdrachtgever": PORTEFEUILLEHOUDERS[PROFIEL[titel][3]],
                # The demo bestuurder is wethouder Hermans: her portefeuille in the app.
                "portefeuillehouder": users["bestuurder"] if PROFIEL[titel][3] == 0 else None,
                "voortgang": PROFIEL[titel][4],
                "rang": index + 1,
            },
        )
        opgave.gebieden.set([gebieden[k] for k in kernen])
        opgave.domeinen.set([domeinen[d] for d in PROFIEL[titel][0]])
        fasen(opgave, users["regisseur"])
        # The demo teamlid works on four opgaven and the partner (from the woningcorporatie)
        # on two of them, so "of another opgave" is real for both.
        team = [users["teamlid"]] if index < 4 else []
        opgave.teamleden.set(team + ([users["partner"]] if index < 2 else []))
        result.append(opgave)
    for van, soort, naar, toelichting in SAMENHANG:
        upsert(
            OpgaveRelatie,
            {"soort": soort, "toelichting": toelichting},
            van=Opgave.objects.get(titel=van),
            naar=Opgave.objects.get(titel=naar),
        )
    # A proposal that waits for the bestuurder: on her worklist.
    upsert(
        Prioriteitsvoorstel,
        {
            "prioriteit": "hoog",
            "motivering": "De buurtbus stopt in 2027; zonder vervoer raken drie kernen geïsoleerd.",
            "door": users["regisseur2"],
        },
        opgave=Opgave.objects.get(titel="Mobiliteit in de kleine kernen"),
        besluit="open",
    )
    return result


def fasen(opgave: Opgave, door: User) -> None:
    """A dated, explained route through the phases up to the current one."""
    fasen = list(Fase.values)
    huidige = fasen.index(opgave.fase)
    start = datetime.date(2025, 1, 15)
    for stap in range(huidige):
        upsert(
            FaseWijziging,
            {
                "datum": start + datetime.timedelta(days=120 * (stap + 1)),
                "toelichting": f"Afgerond: {Fase(fasen[stap]).label.lower()}, besproken met partners.",
                "door": door,
            },
            opgave=opgave,
            van_fase=fasen[stap],
            naar_fase=fasen[stap + 1],
        )
