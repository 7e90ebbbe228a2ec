"""Varied report data, reproducible from a seed (for tests and bench/, not the demo): what a real programme looks like, and
what breaks a report (held and planned sessions, sessions moved ahead after they took place,
inbreng with and without terugkoppeling, budgets over several years and financiers,
indicators with and without measurements, afspraken in every status, names of forty
letters and unbroken strings in every table)."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from accounts.models import Rol, User
from canvas.models import (
    Begrotingsregel,
    Blok,
    Bron,
    CanvasItem,
    Financier,
    FinancierSoort,
    Indicator,
    Meting,
)
from opgaven.models import Fase, Opgave, Prioriteit, Voortgang
from participatie.models import (
    Afspraak,
    AfspraakStatus,
    Betrokkenheid,
    BetrokkenheidRol,
    Bijeenkomst,
    Inbreng,
    InbrengSoort,
    Stakeholder,
    StakeholderSoort,
    Terugkoppeling,
    Thematafel,
)

LANG = "Woningcorporatiesamenwerkingsverband"
ONGEBROKEN = "x" * 90
BATCH = 5000


def maak_opgaven(
    n: int,
    seed: int = 16,
    *,
    regisseurs: list[User] | None = None,
    stakeholders: list[Stakeholder] | None = None,
    betrokken_max: int = 4,
    kans_tafel: float = 0.8,
) -> list[Opgave]:
    """``n`` opgaven, each different, in bulk (a hundred in a few seconds).

    By default with their own regisseur and ``n / 2`` organisations; the scale data set
    (``schaal.py``) passes its own regisseurs and stakeholders, up to ``betrokken_max``
    betrokkenheden per opgave and a thematafel for a share ``kans_tafel`` of them."""
    rnd = random.Random(seed)
    nu = timezone.now()
    if regisseurs is None:
        regisseur, _ = User.objects.get_or_create(
            username=f"regisseur-gevarieerd-{seed}",
            defaults={"first_name": "Zoë", "last_name": "de Vries", "rol": Rol.OPGAVEREGISSEUR},
        )
        regisseurs = [regisseur]
    opgaven = Opgave.objects.bulk_create(
        Opgave(
            titel=f"Opgave {i:03d} {LANG}" if i % 7 == 0 else f"Opgave {i:03d} vitale kernen",
            maatschappelijke_bedoeling=f"Bedoeling {i}",
            fase=rnd.choice(Fase.values),
            voortgang=rnd.choice(Voortgang.values),
            prioriteit=rnd.choice(Prioriteit.values),
            rang=n - i,  # the agenda's order is not the order of creation
            opgaveregisseur=regisseurs[i % len(regisseurs)],
        )
        for i in range(n)
    )
    if stakeholders is None:
        stakeholders = Stakeholder.objects.bulk_create(
            Stakeholder(
                naam=f"{LANG}{i} Belanghebbendenvertegenwoordiging"
                if i % 5 == 0
                else f"Stichting {i}",
                soort=rnd.choice(StakeholderSoort.values),
            )
            for i in range(max(10, n // 2))
        )
    betrokkenheden, items, tafels, financiers = [], [], [], []
    for i, opgave in enumerate(opgaven):
        for s in rnd.sample(stakeholders, rnd.randint(0, betrokken_max)):
            betrokkenheden.append(
                Betrokkenheid(
                    opgave=opgave,
                    stakeholder=s,
                    rol=rnd.choice(BetrokkenheidRol.values),
                    invloed=rnd.randint(1, 5),
                    belang=rnd.randint(1, 5),
                )
            )
        for j in range(rnd.randint(1, 3)):
            tekst = f"{LANG} {ONGEBROKEN}" if i % 11 == 0 and j == 0 else f"Activiteit {i}.{j}"
            items.append(CanvasItem(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst=tekst, volgorde=j))
        items.append(
            CanvasItem(
                opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, tekst=f"Effect {i}", volgorde=9
            )
        )
        for j in range(rnd.randint(0, 3)):
            financiers.append(
                Financier(
                    opgave=opgave,
                    naam=f"Provinciale {LANG}subsidieregeling" if j == 2 else f"Financier {i}.{j}",
                    soort=rnd.choice(FinancierSoort.values),
                    begrotingsprogramma=ONGEBROKEN if i % 13 == 0 else "",
                )
            )
        if rnd.random() < kans_tafel:
            tafels.append(Thematafel(thema=f"Tafel {i}", doel="Samen verder"))
    Betrokkenheid.objects.bulk_create(betrokkenheden, batch_size=BATCH)
    CanvasItem.objects.bulk_create(items, batch_size=BATCH)
    Financier.objects.bulk_create(financiers, batch_size=BATCH)
    tafels = Thematafel.objects.bulk_create(tafels, batch_size=BATCH)

    activiteiten, effecten, per_financier = {}, {}, {}
    for item in items:
        doel = activiteiten if item.blok == Blok.ACTIVITEITEN else effecten
        doel.setdefault(item.opgave_id, []).append(item)
    for f in financiers:
        per_financier.setdefault(f.opgave_id, []).append(f)

    regels, indicatoren, afspraken = [], [], []
    for i, opgave in enumerate(opgaven):
        for f in per_financier.get(opgave.pk, []):
            for jaar in rnd.sample([2025, 2026, 2027, 2028], rnd.randint(1, 3)):
                for activiteit in rnd.sample(activiteiten[opgave.pk], 1):
                    begroot = Decimal(rnd.randint(0, 9_999_999_99)) / 100
                    if i % 17 == 0:
                        begroot = Decimal("9999999999.99")
                    regels.append(
                        Begrotingsregel(
                            opgave=opgave,
                            jaar=jaar,
                            activiteit=activiteit,
                            financier=f,
                            begroot=begroot,
                            realisatie=(begroot * Decimal(rnd.randint(0, 120)) / 100).quantize(
                                Decimal("0.01")
                            ),
                        )
                    )
        for j in range(rnd.randint(0, 2)):
            indicatoren.append(
                Indicator(
                    item=effecten[opgave.pk][0],
                    naam=f"Indicator {i}.{j}",
                    eenheid="%",
                    bron=rnd.choice(Bron.values),
                    nulmeting=Decimal(rnd.randint(0, 50)),
                    nulmeting_datum=datetime.date(2024, 1, 1),
                    streefwaarde=Decimal(rnd.randint(50, 100)),
                    streefdatum=datetime.date(2030, 1, 1),
                )
            )
        for j in range(rnd.randint(0, 3)):
            belover = rnd.choice([None, *stakeholders[:5]])
            afspraken.append(
                Afspraak(
                    opgave=opgave,
                    omschrijving=f"{LANG} levert {ONGEBROKEN} aan"
                    if i % 9 == 0
                    else f"Afspraak {j}",
                    belover=belover,
                    ontvanger=None if belover else stakeholders[i % len(stakeholders)],
                    eigenaar=opgave.opgaveregisseur,
                    deadline=datetime.date(2027, 1 + j, 1),
                    status=rnd.choice(AfspraakStatus.values),
                )
            )
    Begrotingsregel.objects.bulk_create(regels, batch_size=BATCH)
    Afspraak.objects.bulk_create(afspraken, batch_size=BATCH)
    indicatoren = Indicator.objects.bulk_create(indicatoren, batch_size=BATCH)
    Meting.objects.bulk_create(
        Meting(
            indicator=ind, datum=datetime.date(2024 + k, 6, 1), waarde=Decimal(rnd.randint(0, 100))
        )
        for ind in indicatoren
        for k in range(rnd.randint(0, 3))
    )

    bijeenkomsten = []
    for t, tafel in enumerate(tafels):
        tafel.opgaven.set(rnd.sample(opgaven, min(len(opgaven), rnd.randint(1, 2))))
        for k in range(rnd.randint(1, 4)):
            verleden = rnd.random() < 0.6
            begin = nu + datetime.timedelta(days=(-30 * (k + 1) if verleden else 7 * (k + 1)))
            bijeenkomsten.append(
                Bijeenkomst(
                    thematafel=tafel,
                    begint_op=begin,
                    eindigt_op=begin + datetime.timedelta(hours=2),
                    locatie=f"Dorpshuis {t}",
                )
            )
    bijeenkomsten = Bijeenkomst.objects.bulk_create(bijeenkomsten)
    inbreng = []
    for b in bijeenkomsten:
        if b.begint_op > nu:
            if rnd.random() < 0.2:  # recorded, then moved ahead: it still took place
                b.aanwezig.add(rnd.choice(stakeholders))
            continue
        for _ in range(rnd.randint(0, 4)):
            inbreng.append(
                Inbreng(
                    bijeenkomst=b,
                    soort=rnd.choice(InbrengSoort.values),
                    tekst="Meer bankjes",
                    terugkoppeling=rnd.choice(Terugkoppeling.values),
                    toelichting="Past niet binnen de opgave",
                )
            )
    Inbreng.objects.bulk_create(inbreng, batch_size=BATCH)
    return opgaven
