"""The scale data set (``manage.py schaaldata``): a province's worth of opgaven and
stakeholders on top of the demo, reproducible from a seed, for bench/.

Built with bulk inserts: the history triggers still fire (they live in the database), and
afterwards every event written by this run is spread over the two years before now, in
the order it was written, so the pages see two years of history."""

import datetime
import random

from django.db import connection

from accounts.models import Rol, User
from core.geschiedenis import event_modellen, herschrijven
from opgaven.models import Domein, Fase, Gebied, GebiedSoort, Opgave, Teamlidmaatschap, Voortgang
from participatie.models import Grondslag, Stakeholder, StakeholderSoort, Vorm

from .gevarieerd import BATCH, maak_opgaven

VOORZETSELS = ["Stichting", "Vereniging", "Dorpsraad", "Coöperatie", "Buurtteam", "Zorggroep"]
PLAATSEN = ["Peize", "Maasdal", "Oosterwolde", "Zuidbroek", "Veldhoven", "Ter Aar", "Ee"]
VOORNAMEN = ["Anna", "Bram", "Fatima", "Jan", "Lotte", "Mohammed", "Noor", "Sven", "Ying"]
ACHTERNAMEN = ["de Boer", "Bakker", "Yildiz", "Visser", "Smit", "Meijer", "El Idrissi", "Mulder"]
HISTORIE = datetime.timedelta(days=730)


def marker(seed: int) -> str:
    """The username of the first generated regisseur: present once the set exists."""
    return f"schaal-{seed}-regisseur-0"


def maak_schaaldata(users: dict, *, opgaven: int, stakeholders: int, seed: int) -> dict:
    """``opgaven`` opgaven (directed by the demo regisseurs and one generated regisseur per
    twenty, teams of 2-5), ``stakeholders`` stakeholders (a third of them persons), about
    ten betrokkenheden per opgave, a thematafel for one opgave in six; returns counts."""
    rnd = random.Random(seed)
    eigen = _gebruikers(seed, "regisseur", max(1, opgaven // 20), Rol.OPGAVEREGISSEUR)
    regisseurs = [users["regisseur"], users["regisseur2"], *eigen]
    collega = _gebruikers(seed, "teamlid", max(5, opgaven // 15), Rol.TEAMLID)
    collega.append(users["teamlid"])
    mensen = Stakeholder.objects.bulk_create(
        (_stakeholder(rnd, i) for i in range(stakeholders)), batch_size=BATCH
    )
    nieuw = maak_opgaven(
        opgaven,
        seed,
        regisseurs=regisseurs,
        stakeholders=mensen,
        betrokken_max=min(20, len(mensen)),
        kans_tafel=min(1.0, 500 / opgaven),
    )
    _teams_en_gebieden(rnd, nieuw, collega)
    _voortgang_over_de_tijd(rnd, nieuw)
    _historie_verspreiden()
    return {"opgaven": len(nieuw), "stakeholders": len(mensen)}


def _gebruikers(seed: int, soort: str, n: int, rol: str) -> list[User]:
    return User.objects.bulk_create(
        User(
            username=f"schaal-{seed}-{soort}-{i}",
            first_name=VOORNAMEN[i % len(VOORNAMEN)],
            last_name=f"{ACHTERNAMEN[i % len(ACHTERNAMEN)]} {i}",
            rol=rol,
            email=f"{soort}{i}@schaal.example",
        )
        for i in range(n)
    )


def _stakeholder(rnd: random.Random, i: int) -> Stakeholder:
    if i % 3 == 0:
        return Stakeholder(
            naam=f"{rnd.choice(VOORNAMEN)} {rnd.choice(ACHTERNAMEN)} {i}",
            soort=StakeholderSoort.INWONER,
            vorm=Vorm.PERSOON,
            grondslag=Grondslag.PUBLIEKE_TAAK,
            doel="Deelname aan een thematafel",
            bewaren_tot=datetime.date(2030, 1, 1),
        )
    return Stakeholder(
        naam=f"{rnd.choice(VOORZETSELS)} {rnd.choice(PLAATSEN)} {i}",
        soort=rnd.choice(StakeholderSoort.values),
    )


def _teams_en_gebieden(rnd: random.Random, opgaven: list[Opgave], collega: list[User]) -> None:
    gebieden = list(Gebied.objects.exclude(soort=GebiedSoort.GEMEENTE).order_by("pk"))
    domeinen = list(Domein.objects.order_by("pk"))
    team, in_gebied, in_domein = [], [], []
    for opgave in opgaven:
        for lid in rnd.sample(collega, min(len(collega), rnd.randint(2, 5))):
            team.append(Teamlidmaatschap(opgave=opgave, user=lid))
        for gebied in rnd.sample(gebieden, min(len(gebieden), rnd.randint(0, 2))):
            in_gebied.append(Opgave.gebieden.through(opgave=opgave, gebied=gebied))
        for domein in rnd.sample(domeinen, min(len(domeinen), rnd.randint(1, 2))):
            in_domein.append(Opgave.domeinen.through(opgave=opgave, domein=domein))
    Teamlidmaatschap.objects.bulk_create(team, batch_size=BATCH)
    Opgave.gebieden.through.objects.bulk_create(in_gebied, batch_size=BATCH)
    Opgave.domeinen.through.objects.bulk_create(in_domein, batch_size=BATCH)


def _voortgang_over_de_tijd(rnd: random.Random, opgaven: list[Opgave]) -> None:
    """Four rounds of progress reports and phase changes on a third of the opgaven."""
    for _ronde in range(4):
        for waarde in Voortgang.values:
            gekozen = [o.pk for o in opgaven if rnd.random() < 0.11]
            Opgave.objects.filter(pk__in=gekozen).update(voortgang=waarde)
        gekozen = [o.pk for o in opgaven if rnd.random() < 0.1]
        Opgave.objects.filter(pk__in=gekozen).update(fase=rnd.choice(Fase.values))


def _historie_verspreiden() -> None:
    """Move this run's events back over two years, keeping the order they were written in.

    The triggers stamp events with now(), the start of the transaction this runs in, so
    ``pgh_created_at >= now()`` selects exactly this run's events."""
    modellen = event_modellen()
    with herschrijven(*modellen), connection.cursor() as cursor:
        for model in modellen:
            tabel = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(
                f"UPDATE {tabel} SET pgh_created_at = now() - %s * (run.hi - pgh_id)::float8"  # noqa: S608 (table names from the models)
                " / (run.hi - run.lo + 1)"
                f" FROM (SELECT min(pgh_id) AS lo, max(pgh_id) AS hi FROM {tabel}"
                " WHERE pgh_created_at >= now()) AS run WHERE pgh_created_at >= now()",
                [HISTORIE],
            )
