"""A fictional municipality to walk through: Gemeente Maasdal with twelve kernen.

Idempotent: every row is found by its natural key and brought to the same state, so
running the command twice leaves the same data. Demo logins use the password "demo"
and the command refuses to run unless OPGAVENREGIE_DEMODATA is switched on.
"""

import datetime
import itertools
import random
import zlib
import zoneinfo
from decimal import Decimal

import pghistory
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Rol, User
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
from opgaven.models import (
    Domein,
    Fase,
    FaseWijziging,
    Gebied,
    GebiedSoort,
    Opgave,
    OpgaveRelatie,
    Schaal,
)
from participatie.models import (
    Actiepunt,
    Betrokkenheid,
    BetrokkenheidRol,
    Bijeenkomst,
    Grondslag,
    Houding,
    Inbreng,
    Opgavesprint,
    Persona,
    Reisstap,
    Signaal,
    Stakeholder,
    StakeholderSoort,
    Thematafel,
    Vorm,
)
from rapportages import bijdragen
from rapportages.models import Bijdrage, BijdrageStatus, MomentSoort, PcMoment

DEMO_WACHTWOORD = "demo"

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

GEBRUIKERS = [
    ("beheerder", "Bea", "Bakker", Rol.BEHEERDER, ""),
    ("regisseur", "Ilse", "de Regt", Rol.OPGAVEREGISSEUR, ""),
    ("regisseur2", "Youssef", "El Amrani", Rol.OPGAVEREGISSEUR, ""),
    ("teamlid", "Tom", "Jansen", Rol.TEAMLID, "Woonstichting Maasdal"),
    ("medewerker", "Mila", "Vermeulen", Rol.MEDEWERKER, ""),
    ("raadslid", "Ruud", "van Dijk", Rol.RAADSLID, ""),
]

# titel, schaal, fase, kernen, bedoeling, {blok: [items]}
OPGAVEN = [
    (
        "Vitale kernen",
        Schaal.GEMEENTE,
        Fase.CONCRETISEREN,
        KERNEN[1:9],
        "In onze dorpen verdwijnen winkels, de school en de pinautomaat. Inwoners willen "
        "elkaar blijven ontmoeten en zo lang mogelijk in hun eigen kern wonen. Samen met "
        "dorpsraden en partners zorgen we dat elke kern een plek heeft waar het leven samenkomt.",
        {
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
                "Gemeente: € 1.200.000 (programma Leefbaarheid) over 4 jaar.",
                "Provincie Limburg-Maas: € 400.000 subsidie vitale dorpen.",
            ],
        },
    ),
    (
        "Dementievriendelijke gemeente",
        Schaal.GEMEENTE,
        Fase.REALISEREN,
        KERNEN[:6],
        "Mensen met dementie en hun mantelzorgers horen erbij en kunnen meedoen. Winkels, "
        "verenigingen en buren weten wat dementie is en hoe ze kunnen helpen.",
        {
            Blok.BELEIDSDOELEN: [
                "Mensen met dementie wonen langer thuis met passende ondersteuning."
            ],
            Blok.DOELGROEPEN: [
                "Mensen met dementie en hun mantelzorgers.",
                "Winkeliers en verenigingen.",
            ],
            Blok.ACTIVITEITEN: [
                "Thematafel dementie met zorgaanbieders en Alzheimer Café.",
                "Training 'herkennen en helpen' voor 60 winkeliers.",
            ],
            Blok.BEGROTING: [
                "Gemeente: € 250.000 (programma Zorg en welzijn).",
                "Zorgkantoor: € 120.000 voor casemanagement.",
            ],
        },
    ),
    (
        "Eenzaamheid onder ouderen",
        Schaal.GEMEENTE,
        Fase.FORMULEREN,
        KERNEN,
        "Eén op de drie ouderen in Maasdal voelt zich eenzaam. We willen dat niemand er "
        "alleen voor staat en dat ontmoeting vanzelfsprekend is, ook voor wie slecht ter been is.",
        {
            Blok.BELEIDSDOELEN: ["Het aandeel ernstig eenzame 75-plussers daalt van 14% naar 10%."],
            Blok.ACTIVITEITEN: [
                "Huisbezoeken aan alle 80-jarigen door vrijwilligers.",
                "Vervoer naar ontmoetingsplekken met de buurtbus.",
            ],
            Blok.BEGROTING: ["Gemeente: € 180.000 per jaar.", "Fonds Ouderen Maasdal: € 40.000."],
        },
    ),
    (
        "Woningtekort voor starters en senioren",
        Schaal.GEMEENTE,
        Fase.REALISEREN,
        KERNEN[:4],
        "Jongeren trekken weg omdat ze geen betaalbare woning vinden, ouderen vinden geen "
        "geschikte woning in hun eigen dorp. Samen met corporaties bouwen we voor beide.",
        {
            Blok.BELEIDSDOELEN: ["600 woningen erbij tot 2030, waarvan 40% betaalbaar."],
            Blok.ACTIVITEITEN: [
                "Prestatieafspraken met Woonstichting Maasdal.",
                "Knarrenhof-initiatief in Broekhoven ondersteunen.",
            ],
            Blok.BEGROTING: [
                "Gemeente: € 2.000.000 grondexploitatie.",
                "Rijk: € 900.000 Woningbouwimpuls.",
            ],
        },
    ),
    (
        "Energietransitie in de wijken",
        Schaal.WIJK,
        Fase.VERKENNEN,
        WIJKEN_MAASDAL,
        "Wijken van het aardgas af op een manier die betaalbaar is voor iedereen, met "
        "bewoners die meebeslissen over het tempo en de aanpak.",
        {
            Blok.BELEIDSDOELEN: ["De Schans is in 2030 aardgasvrij-ready."],
            Blok.ACTIVITEITEN: [
                "Energiecoaches aan huis.",
                "Wijkwarmteplan met bewonerscoöperatie.",
            ],
            Blok.BEGROTING: ["Rijk: € 1.500.000 Programma Aardgasvrije Wijken."],
        },
    ),
    (
        "Mobiliteit in de kleine kernen",
        Schaal.REGIO,
        Fase.FORMULEREN,
        KERNEN[6:],
        "Zonder auto kom je in de kleine kernen nergens. We zorgen voor vervoer op maat "
        "naar werk, school, zorg en ontmoeting.",
        {
            Blok.BELEIDSDOELEN: ["Elke kern is zes dagen per week bereikbaar zonder eigen auto."],
            Blok.ACTIVITEITEN: [
                "Buurtbus uitbreiden met vrijwillige chauffeurs.",
                "Deelauto's bij dorpshuizen.",
            ],
        },
    ),
    (
        "Kansengelijkheid voor jongeren",
        Schaal.GEMEENTE,
        Fase.CONCRETISEREN,
        WIJKEN_MAASDAL,
        "Waar je wieg staat mag niet bepalen hoe ver je komt. Scholen, sport en jongerenwerk "
        "werken samen rond elk kind dat extra steun nodig heeft.",
        {Blok.BELEIDSDOELEN: ["Voortijdig schoolverlaten daalt naar onder 1,5%."]},
    ),
    (
        "Armoede en schulden",
        Schaal.GEMEENTE,
        Fase.REALISEREN,
        [],
        "Inwoners met geldzorgen worden eerder gevonden en zonder schaamte geholpen, "
        "voordat schulden problematisch worden.",
        {Blok.ACTIVITEITEN: ["Vroegsignalering met woningcorporaties en energieleveranciers."]},
    ),
    (
        "Klimaatadaptatie en wateroverlast",
        Schaal.REGIO,
        Fase.VERKENNEN,
        KERNEN[:3],
        "Hevige buien en droogte vragen om een groenere, sponsachtige inrichting van "
        "straten en tuinen, samen met het waterschap.",
        {Blok.SAMENWERKING: ["Waterschap Maas en Peel als mede-eigenaar."]},
    ),
    (
        "Leefbaar centrum Maasdal",
        Schaal.WIJK,
        Fase.REALISEREN,
        ["Maasdal-Centrum"],
        "Een levendig centrum waar ondernemers, bewoners en bezoekers elkaar ontmoeten, "
        "ook na winkelsluiting.",
        {Blok.ACTIVITEITEN: ["Leegstaande panden transformeren naar wonen en ontmoeten."]},
    ),
    (
        "Gezond opgroeien",
        Schaal.GEMEENTE,
        Fase.FORMULEREN,
        [],
        "Kinderen groeien op in een omgeving die gezond kiezen makkelijk maakt: bewegen, "
        "gezond eten en een rookvrije generatie.",
        {Blok.BELEIDSDOELEN: ["Overgewicht bij 4-12 jarigen daalt met 10%."]},
    ),
    (
        "Veilige woonwijken en ondermijning",
        Schaal.GEMEENTE,
        Fase.LEREN,
        WIJKEN_MAASDAL,
        "Inwoners voelen zich veilig en criminelen krijgen geen voet aan de grond in "
        "bedrijventerreinen en buitengebied.",
        {
            Blok.ROLLEN: [
                "Burgemeester: bestuurlijke aanpak; politie en RIEC: informatie-uitwisseling."
            ]
        },
    ),
    (
        "Werk en meedoen",
        Schaal.REGIO,
        Fase.CONCRETISEREN,
        [],
        "Iedereen die kan werken, werkt naar vermogen; wie dat niet kan, doet op een "
        "andere manier mee.",
        {Blok.ACTIVITEITEN: ["Leerwerkplekken bij lokale ondernemers."]},
    ),
    (
        "Toekomst van het buitengebied",
        Schaal.PROVINCIE,
        Fase.VERKENNEN,
        KERNEN[8:],
        "Boeren, natuur en recreatie delen de ruimte; stoppende agrariërs krijgen "
        "perspectief en de dorpen profiteren mee.",
        {Blok.SAMENWERKING: ["Provincie en LTO als partners in de gebiedsaanpak."]},
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

# Filled in for every opgave where the opgave itself has no item in that block.
STANDAARD_ITEMS = {
    Blok.BELEIDSDOELEN: "Inwoners ervaren verbetering op '{titel}' (inwonerspanel, nulmeting 2026).",
    Blok.PRESTATIES_EFFECTEN: "Jaarlijkse monitor met indicatoren voor '{titel}' (waarstaatjegemeente.nl).",
    Blok.DOELGROEPEN: "Inwoners van de betrokken kernen en wijken, met extra aandacht voor kwetsbare groepen.",
    Blok.ROLLEN: "Gemeente als regisseur; partners als mede-eigenaar van de aanpak.",
    Blok.ACTIVITEITEN: "Thematafel '{titel}' elk kwartaal, op een plek waar de opgave tastbaar is.",
    Blok.COMMUNICATIE: "Nieuwsbrief en bijeenkomsten in de kernen; terugkoppeling op alle inbreng.",
    Blok.ORGANISATIE: "Opgaveteam met medewerkers uit verschillende afdelingen en partners.",
    Blok.BEGROTING: "Gemeente: € 75.000 per jaar uit het programma Maatschappelijke opgaven.",
    Blok.PARTICIPATIE: "Inwoners coproduceren de aanpak; dorpsraden adviseren over de uitvoering.",
    Blok.SAMENWERKING: "Samenwerkingsovereenkomst met de belangrijkste partners.",
}

ORGANISATIES_PER_KERN = [
    ("Dorpsraad {kern}", StakeholderSoort.BELANGENORGANISATIE),
    ("Ondernemersvereniging {kern}", StakeholderSoort.ONDERNEMER),
    ("Basisschool De Klimop {kern}", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("Sportvereniging {kern}", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("Dorpshuis {kern}", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("Zonnebloem afdeling {kern}", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
]
REGIONALE_ORGANISATIES = [
    ("Woonstichting Maasdal", StakeholderSoort.WONINGCORPORATIE),
    ("Wonen Maas en Peel", StakeholderSoort.WONINGCORPORATIE),
    ("Zorggroep De Maasoever", StakeholderSoort.ZORGAANBIEDER),
    ("Thuiszorg Noord-Maas", StakeholderSoort.ZORGAANBIEDER),
    ("Alzheimer Café Maasdal", StakeholderSoort.BELANGENORGANISATIE),
    ("Welzijnsstichting Synthese Maasdal", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("GGD Maas en Heuvelland", StakeholderSoort.OVERHEID),
    ("Provincie Limburg-Maas", StakeholderSoort.OVERHEID),
    ("Waterschap Maas en Peel", StakeholderSoort.OVERHEID),
    ("Politie basisteam Maasdal", StakeholderSoort.OVERHEID),
    ("Hogeschool Zuyd-Maas lectoraat Participatie", StakeholderSoort.KENNISINSTELLING),
    ("Bibliotheek Maasdal", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("LTO afdeling Maasdal", StakeholderSoort.BELANGENORGANISATIE),
    ("Energiecoöperatie Maasdal Duurzaam", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("Buurtbus Vereniging Maasdal", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("Jongerenwerk Maasdal", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("MKB Maasdal", StakeholderSoort.ONDERNEMER),
    ("Rabobank Maas en Peel", StakeholderSoort.ONDERNEMER),
    ("Huisartsenpraktijk Lindenrode", StakeholderSoort.ZORGAANBIEDER),
    ("Schuldhulp Maatje Maasdal", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
    ("Zorgkantoor Limburg-Maas", StakeholderSoort.OVERHEID),
    ("Cliëntenraad Sociaal Domein", StakeholderSoort.BELANGENORGANISATIE),
    ("Seniorenraad Maasdal", StakeholderSoort.BELANGENORGANISATIE),
    ("Stichting Leergeld Maasdal", StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE),
]
VOORNAMEN = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Eva",
    "Fatima",
    "Gerrit",
    "Hanneke",
    "Ivo",
    "Joke",
    "Karim",
    "Lotte",
    "Mohamed",
    "Noor",
    "Pieter",
    "Rianne",
    "Sem",
    "Zoë",
]
ACHTERNAMEN = [
    "Peeters",
    "Janssen",
    "Hendriks",
    "Willems",
    "van den Berg",
    "Coenen",
    "Smeets",
    "Verhoeven",
    "Gerrits",
    "Ramaekers",
    "Bouwens",
    "Ĳzerman",
]


def upsert(model, defaults: dict, **lookup):
    """update_or_create that writes only what differs, so a rerun leaves no history."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults)
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, defaults[name])
    if changed:
        obj.save()
    return obj


class Command(BaseCommand):
    help = "Maakt (idempotent) demodata: Gemeente Maasdal met kernen, opgaven, stakeholders en canvassen."

    def handle(self, *args, **options):
        if not settings.DEMODATA_TOEGESTAAN:
            raise CommandError(
                "Demodata is uitgeschakeld in deze configuratie (OPGAVENREGIE_DEMODATA). "
                "Demodata met wachtwoord 'demo' hoort niet in productie."
            )
        with transaction.atomic(), pghistory.context(bron="demodata"):
            gebieden = self._gebieden()
            users = self._gebruikers()
            stakeholders = self._stakeholders()
            domeinen = {naam: upsert(Domein, {"actief": True}, naam=naam) for naam in DOMEINEN}
            self._opgaven(gebieden, users, stakeholders, domeinen)
            self._participatie(users)
            self._effectketen(Opgave.objects.get(titel="Vitale kernen"))
            self._begroting(Opgave.objects.get(titel="Vitale kernen"))
            self._canvasgesprek(Opgave.objects.get(titel="Vitale kernen"), users)
            self._indicatoren(Opgave.objects.get(titel="Vitale kernen"))
            self._realisatieplan(Opgave.objects.get(titel="Vitale kernen"), users)
            self._pc_kalender(Opgave.objects.get(titel="Vitale kernen"), users)
        self.stdout.write(
            f"Demodata klaar: {Opgave.objects.count()} opgaven, {Stakeholder.objects.count()} "
            f"stakeholders, {CanvasItem.objects.count()} canvasitems, {Gebied.objects.count()} gebieden."
        )
        self.stdout.write(
            "Inloggen kan als beheerder, regisseur, teamlid, medewerker of raadslid, wachtwoord 'demo'."
        )

    def _gebieden(self) -> dict[str, Gebied]:
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

    def _gebruikers(self) -> dict[str, User]:
        users = {}
        for username, voornaam, achternaam, rol, organisatie in GEBRUIKERS:
            user = upsert(
                User,
                username=username,
                defaults={
                    "first_name": voornaam,
                    "last_name": achternaam,
                    "rol": rol,
                    "organisatie": organisatie,
                    "email": f"{username}@maasdal.example",
                    "is_active": True,
                },
            )
            if not user.check_password(DEMO_WACHTWOORD):
                user.set_password(DEMO_WACHTWOORD)
                user.save(update_fields=["password"])
            users[username] = user
        return users

    def _stakeholders(self) -> list[Stakeholder]:
        wanted = [
            (naam.format(kern=kern), soort)
            for kern in KERNEN
            for naam, soort in ORGANISATIES_PER_KERN
        ]
        wanted += REGIONALE_ORGANISATIES
        rng = random.Random(1901)
        namen = sorted({f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}" for _ in range(120)})[
            :60
        ]
        wanted += [(naam, StakeholderSoort.INWONER) for naam in namen]
        result = []
        for naam, soort in wanted:
            slug = "".join(c for c in naam.lower() if c.isalnum())[:30]
            if soort == StakeholderSoort.INWONER:
                defaults = {
                    "soort": soort,
                    "vorm": Vorm.PERSOON,
                    "email": f"{slug}@voorbeeld.example",
                    "telefoon": f"06-{zlib.crc32(slug.encode()) % 10**8:08d}",
                    "grondslag": Grondslag.PUBLIEKE_TAAK,
                    "doel": "Contact over deelname aan thematafels en opgavesprints.",
                    "bewaren_tot": datetime.date(2028, 12, 31),
                }
            else:
                defaults = {
                    "soort": soort,
                    "vorm": Vorm.ORGANISATIE,
                    "email": f"info@{slug}.example",
                }
            result.append(upsert(Stakeholder, defaults, naam=naam))
        return result

    def _opgaven(self, gebieden, users, stakeholders, domeinen) -> None:
        regisseurs = [users["regisseur"], users["regisseur2"]]
        for index, (titel, schaal, fase, kernen, bedoeling, items) in enumerate(OPGAVEN):
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
                    "voortgang": PROFIEL[titel][4],
                    "rang": index + 1,
                },
            )
            opgave.gebieden.set([gebieden[k] for k in kernen])
            opgave.domeinen.set([domeinen[d] for d in PROFIEL[titel][0]])
            self._fasen(opgave, users["regisseur"])
            # The demo teamlid works on four opgaven, so "teamlid of another opgave" is real.
            opgave.teamleden.set([users["teamlid"]] if index < 4 else [])
            self._canvas(opgave, items)
            self._betrokkenheden(opgave, stakeholders, random.Random(index))
        for van, soort, naar, toelichting in SAMENHANG:
            upsert(
                OpgaveRelatie,
                {"soort": soort, "toelichting": toelichting},
                van=Opgave.objects.get(titel=van),
                naar=Opgave.objects.get(titel=naar),
            )

    def _effectketen(self, opgave: Opgave) -> None:
        """One chain from activity to goal; the other items stay loose ends to show the check."""
        items = {i.tekst[:20]: i for i in opgave.canvas_items.all()}
        effect = upsert(CanvasItem, {"soort": Soort.EFFECT}, pk=items["Minder inwoners voel"].pk)
        keten = [items["Opgavesprints per ke"], items["8 dorpshuizen vernie"], effect]
        keten.append(items["Elke kern heeft in 2"])
        for van, naar in itertools.pairwise(keten):
            Schakel.objects.get_or_create(van=van, naar=naar)

    def _canvasgesprek(self, opgave: Opgave, users) -> None:
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

    def _indicatoren(self, opgave: Opgave) -> None:
        """One goal on track, one effect behind: the judgement shows both ways."""
        items = {i.tekst[:20]: i for i in opgave.canvas_items.all()}
        d = datetime.date
        for item, naam, eenheid, bron, nul, streef, metingen in [
            (
                items["Elke kern heeft in 2"],
                "Kernen met een ontmoetingsplek",
                "aantal",
                Bron.EIGEN,
                (Decimal(3), d(2025, 1, 1)),
                (Decimal(8), d(2028, 12, 31)),
                [(d(2025, 7, 1), Decimal(4)), (d(2026, 1, 1), Decimal(5))],
            ),
            (
                items["Minder inwoners voel"],
                "Inwoners (65+) die zich eenzaam voelen",
                "%",
                Bron.GGD,
                (Decimal(48), d(2022, 10, 1)),
                (Decimal(40), d(2028, 10, 1)),
                [(d(2024, 10, 1), Decimal("46.5"))],
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
            for datum, waarde in metingen:
                upsert(Meting, {"waarde": waarde}, indicator=indicator, datum=datum)

    def _realisatieplan(self, opgave: Opgave, users) -> None:
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
                upsert(
                    Mijlpaal, {"datum": datum, "behaald": behaald}, activiteit=activiteit, naam=naam
                )

    def _pc_kalender(self, opgave: Opgave, users) -> None:
        """Two years of P&C moments; Vitale kernen wrote for two of them."""
        d = datetime.date
        momenten = {}
        for jaar in (2026, 2027):
            for soort, moment_jaar, deadline in [
                (MomentSoort.JAARREKENING, jaar - 1, d(jaar, 4, 1)),
                (MomentSoort.VOORJAARSNOTA, jaar, d(jaar, 4, 15)),
                (MomentSoort.BERAP1, jaar, d(jaar, 5, 15)),
                (MomentSoort.BEGROTING, jaar + 1, d(jaar, 9, 15)),
                (MomentSoort.BERAP2, jaar, d(jaar, 10, 15)),
            ]:
                momenten[(soort, moment_jaar)] = upsert(
                    PcMoment, {"deadline": deadline}, soort=soort, jaar=moment_jaar
                )
        for sleutel, status in [
            ((MomentSoort.BEGROTING, 2027), BijdrageStatus.VASTGESTELD),
            ((MomentSoort.BERAP2, 2026), BijdrageStatus.AMBTELIJK_AKKOORD),
        ]:
            moment = momenten[sleutel]
            if not Bijdrage.objects.filter(moment=moment, opgave=opgave).exists():
                tekst = vars(bijdragen.voorstel(opgave, moment))
                Bijdrage.objects.create(
                    moment=moment,
                    opgave=opgave,
                    status=status,
                    bijgewerkt_door=users["regisseur"],
                    **tekst,
                )

    def _begroting(self, opgave: Opgave) -> None:
        """A budget shared by the municipality, a housing association, the province and the state."""
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
            upsert(
                Begrotingsregel,
                {"opgave": opgave, "begroot": Decimal(begroot), "realisatie": Decimal(realisatie)},
                jaar=jaar,
                activiteit=activiteiten[a],
                financier=financiers[f],
            )

    def _participatie(self, users) -> None:
        """A thematafel with a held and a planned session, a sprint, a persona, a signal."""
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        kernen = Opgave.objects.get(titel="Vitale kernen")
        eenzaamheid = Opgave.objects.get(titel="Eenzaamheid onder ouderen")
        tafel = upsert(
            Thematafel,
            thema="Samen oud worden in de kernen",
            defaults={
                "gespreksleider": users["teamlid"],
                "doel": "Met ouderen, mantelzorgers en dorpsraden ontdekken wat nodig is om "
                "prettig oud te worden in de eigen kern.",
            },
        )
        tafel.opgaven.set([kernen, eenzaamheid])
        sprint = upsert(
            Opgavesprint,
            opgave=kernen,
            nummer=1,
            defaults={
                "startdatum": datetime.date(2026, 10, 5),
                "einddatum": datetime.date(2026, 10, 30),
                "doel": "In Oosterhout samen met de dorpsraad een ontmoetingsplek kiezen.",
                "maatschappelijke_bedoeling": kernen.maatschappelijke_bedoeling,
                "aanpak_tot_nu_toe": "Keukentafelgesprekken en een enquête van de dorpsraad.",
                "uitkomsten": "Het dorpshuis en de school delen een ruimte; proef vanaf januari.",
                "retrospectief": "Op de plek zelf praten werkte; de enquête bereikte weinig jongeren.",
            },
        )
        gehouden = upsert(
            Bijeenkomst,
            thematafel=tafel,
            begint_op=datetime.datetime(2026, 10, 14, 19, 30, tzinfo=tz),
            defaults={
                "eindigt_op": datetime.datetime(2026, 10, 14, 21, 30, tzinfo=tz),
                "locatie": "Dorpshuis De Linde, Oosterhout",
                "agenda": "1. Welkom\n2. Wat gaat goed in uw kern?\n3. Wat mist u?\n4. Prioriteren",
                "aantal_niet_geregistreerd": 9,
                "sprint": sprint,
                "verslag": "<p>Ruim twintig deelnemers. Ontmoeting en vervoer kwamen het "
                "vaakst terug.</p><ul><li>Koffieochtend gewenst</li><li>Buurtbus op zaterdag "
                "gemist</li></ul>",
            },
        )
        betrokken = list(
            Stakeholder.objects.filter(betrokkenheden__opgave=kernen).order_by("naam")[:4]
        )
        gehouden.uitgenodigd.set(betrokken)
        gehouden.aanwezig.set(betrokken[:3])
        upsert(
            Bijeenkomst,
            thematafel=tafel,
            begint_op=datetime.datetime(2027, 1, 20, 19, 30, tzinfo=tz),
            defaults={
                "eindigt_op": datetime.datetime(2027, 1, 20, 21, 30, tzinfo=tz),
                "locatie": "Basisschool De Wilg, Oosterhout",
                "agenda": "Terugkoppeling en de proef met de gedeelde ruimte.",
            },
        ).uitgenodigd.set(betrokken)
        inbreng = [
            (
                "idee",
                "Elke dinsdag een koffieochtend in het dorpshuis.",
                11,
                "in_onderzoek",
                "We onderzoeken met de dorpsraad wie de ochtend kan dragen.",
            ),
            (
                "zorg",
                "De buurtbus rijdt niet meer op zaterdag.",
                8,
                "niet_overgenomen",
                "De buurtbus is van de vervoerder; we brengen het in bij de provincie.",
            ),
            ("kans", "De basisschool wil een lokaal delen met het dorpshuis.", 6, "open", ""),
            ("signaal", "Ouderen weten niet waar ze met vragen terechtkunnen.", 5, "open", ""),
        ]
        for soort, tekst, stemmen, terugkoppeling, toelichting in inbreng:
            upsert(
                Inbreng,
                bijeenkomst=gehouden,
                tekst=tekst,
                defaults={
                    "soort": soort,
                    "stemmen": stemmen,
                    "blokken": [Blok.DOELGROEPEN, Blok.ACTIVITEITEN],
                    "terugkoppeling": terugkoppeling,
                    "toelichting": toelichting,
                },
            )
        upsert(
            Actiepunt,
            bijeenkomst=gehouden,
            omschrijving="Met de school afspraken maken over het delen van het lokaal.",
            defaults={"eigenaar": users["teamlid"], "deadline": datetime.date(2026, 12, 1)},
        )
        persona = upsert(
            Persona,
            opgave=kernen,
            naam="Riet (82), Oosterhout",
            defaults={
                "beschrijving": "Woont sinds haar man overleed alleen; fietst niet meer en heeft "
                "geen auto. Haar dochter woont in Utrecht."
            },
        )
        persona.doelgroepen.set(kernen.canvas_items.filter(blok=Blok.DOELGROEPEN)[:1])
        stappen = [
            ("De supermarkt in de kern sluit.", "Boodschappen alleen nog met de buurtbus."),
            ("Zoekt contact met anderen.", "Het dorpshuis is alleen open voor verenigingen."),
            ("Krijgt een uitnodiging voor de thematafel.", ""),
        ]
        for volgorde, (omschrijving, knelpunt) in enumerate(stappen, start=1):
            upsert(
                Reisstap,
                persona=persona,
                volgorde=volgorde,
                defaults={"omschrijving": omschrijving, "knelpunt": knelpunt},
            )
        upsert(
            Signaal,
            titel="Kostendelersnorm raakt inwonende mantelzorgers",
            defaults={
                "opgave": eenzaamheid,
                "beschrijving": "Een dochter die bij haar moeder intrekt om te zorgen, krijgt "
                "een lagere uitkering. Mensen zien daardoor af van mantelzorg.",
                "ingediend_door": users["medewerker"],
            },
        )

    def _fasen(self, opgave: Opgave, door: User) -> None:
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

    def _canvas(self, opgave: Opgave, items: dict) -> None:
        for blok in Blok:
            teksten = list(items.get(blok, [])) or [
                STANDAARD_ITEMS[blok].format(titel=opgave.titel)
            ]
            for volgorde, tekst in enumerate(teksten, start=1):
                upsert(
                    CanvasItem,
                    opgave=opgave,
                    blok=blok,
                    volgorde=volgorde,
                    defaults={"tekst": tekst},
                )
            CanvasItem.objects.filter(opgave=opgave, blok=blok, volgorde__gt=len(teksten)).delete()

    def _betrokkenheden(self, opgave: Opgave, stakeholders, rng: random.Random) -> None:
        gekozen = rng.sample(stakeholders, k=rng.randint(8, 16))
        for stakeholder in gekozen:
            ladder_nu = rng.randint(1, 3)
            ladder_gewenst = min(5, ladder_nu + rng.choice([0, 0, 1, 2]))
            upsert(
                Betrokkenheid,
                {
                    "rol": rng.choice(BetrokkenheidRol.values),
                    "invloed": rng.randint(1, 5),
                    "belang": rng.randint(1, 5),
                    "houding": rng.choice(Houding.values),
                    "ladder_nu": ladder_nu,
                    "ladder_gewenst": ladder_gewenst,
                    "acties": "Uitnodigen voor de volgende opgavesprint en de thematafel."
                    if ladder_gewenst > ladder_nu
                    else "",
                },
                opgave=opgave,
                stakeholder=stakeholder,
            )
