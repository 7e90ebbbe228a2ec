"""Participatie: the stakeholder register, positions per opgave, and a thematafel with a
held and a planned session, a sprint, a persona and a signal."""

import datetime
import random
import zlib
import zoneinfo

from django.conf import settings

from canvas.models import Blok
from opgaven.models import Opgave
from participatie.models import (
    Actiepunt,
    Afspraak,
    Betrokkenheid,
    BetrokkenheidRol,
    Bijeenkomst,
    Grondslag,
    Houding,
    Inbreng,
    Opgavesprint,
    Partnerkoppeling,
    Persona,
    Publicatie,
    Reisstap,
    Signaal,
    Stakeholder,
    StakeholderSoort,
    Thematafel,
    Vorm,
)

from . import upsert
from .opgaven import KERNEN

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


def stakeholders() -> list[Stakeholder]:
    """Organisations per kern and in the region, and sixty residents (persons, AVG)."""
    wanted = [
        (naam.format(kern=kern), soort) for kern in KERNEN for naam, soort in ORGANISATIES_PER_KERN
    ]
    wanted += REGIONALE_ORGANISATIES
    rng = random.Random(1901)
    namen = sorted({f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}" for _ in range(120)})[:60]
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


def betrokkenheden(opgave: Opgave, stakeholders, rng: random.Random) -> None:
    """Eight to sixteen stakeholders in position, some still to climb the ladder."""
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


def participatie(users) -> None:
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
    betrokken = list(Stakeholder.objects.filter(betrokkenheden__opgave=kernen).order_by("naam")[:4])
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


def meedoen() -> None:
    """Vitale kernen on the public site for residents, written in plain language."""
    kernen = Opgave.objects.get(titel="Vitale kernen")
    upsert(
        Publicatie,
        opgave=kernen,
        defaults={
            "slug": "vitale-kernen",
            "titel": "Vitale kernen: fijn wonen in elk dorp",
            "tekst": "In de kleine kernen van Maasdal sluiten winkels en verdwijnt de bus. "
            "Ouderen willen in hun eigen dorp blijven wonen, jongeren vinden er geen huis.\n\n"
            "Daarom werken we samen met dorpsraden, verenigingen en inwoners aan een plek om "
            "elkaar te ontmoeten in elke kern, en aan woningen voor jong en oud. U kunt "
            "meepraten op de bijeenkomsten hieronder.",
            "contact": "Team Vitale kernen: vitalekernen@maasdal.example of 14 0123.",
            "gepubliceerd": True,
        },
    )


def afspraken(users) -> None:
    """The partner works for Woonstichting Maasdal; on their first opgave it has made
    afspraken with the municipality (and another organisation too, which they do not see)."""
    woonstichting = Stakeholder.objects.get(naam="Woonstichting Maasdal")
    upsert(Partnerkoppeling, user=users["partner"], defaults={"organisatie": woonstichting})
    opgave = Opgave.objects.filter(teamleden=users["partner"]).order_by("rang", "pk").first()
    andere = Stakeholder.objects.filter(vorm=Vorm.ORGANISATIE).exclude(pk=woonstichting.pk)
    for omschrijving, belover, ontvanger, deadline in [
        (
            "Twee huurderswoningen beschikbaar als ontmoetingsplek.",
            woonstichting,
            None,
            (2027, 2, 1),
        ),
        ("Vergunning voor de verbouwing binnen acht weken.", None, woonstichting, (2027, 1, 15)),
        ("Huurders uitnodigen voor de thematafel.", woonstichting, None, (2026, 11, 1)),
        (
            "Vrijwilligers werven voor de koffieochtend.",
            andere.order_by("naam").first(),
            None,
            (2027, 3, 1),
        ),
    ]:
        upsert(
            Afspraak,
            opgave=opgave,
            omschrijving=omschrijving,
            defaults={
                "belover": belover,
                "ontvanger": ontvanger,
                "eigenaar": opgave.opgaveregisseur,
                "deadline": datetime.date(*deadline),
            },
        )
