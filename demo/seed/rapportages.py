"""Two years of the P&C cycle; Vitale kernen wrote for two moments."""

import datetime

from accounts.models import User
from opgaven.models import Opgave
from rapportages import bijdragen as bijdragen_module
from rapportages import services
from rapportages.models import (
    Bijdrage,
    BijdrageStatus,
    MomentSoort,
    Motie,
    MotieSoort,
    MotieStatus,
    PcMoment,
    Rapportage,
)

from . import upsert


def pc_kalender() -> dict:
    """Two years of P&C moments, by (soort, jaar)."""
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
    return momenten


# Opgaven whose team has not yet written for the begroting 2027: what vaststellen warns of.
NOG_NIET_GESCHREVEN = {
    "Klimaatadaptatie en wateroverlast",
    "Veilige woonwijken en ondermijning",
    "Toekomst van het buitengebied",
}


def bijdragen(moment: PcMoment, opgaven, users, *, bestuurlijk: bool = True) -> None:
    """The contributions of ``opgaven`` to ``moment``, drafted from their canvas as the form
    offers them, with ambtelijk and (``bestuurlijk``) the wethouder's akkoord."""
    moment_op = datetime.datetime(2026, 9, 10, 14, 0, tzinfo=datetime.UTC)
    akkoord = {"ambtelijk_akkoord_door": users["regisseur"], "ambtelijk_akkoord_op": moment_op}
    status = BijdrageStatus.AMBTELIJK_AKKOORD
    if bestuurlijk:
        akkoord |= {
            "bestuurlijk_akkoord_door": users["bestuurder"],
            "bestuurlijk_akkoord_op": moment_op,
        }
        status = BijdrageStatus.BESTUURLIJK_AKKOORD
    for opgave in opgaven:
        if not Bijdrage.objects.filter(moment=moment, opgave=opgave).exists():
            Bijdrage.objects.create(
                moment=moment,
                opgave=opgave,
                status=status,
                bijgewerkt_door=users["regisseur"],
                **akkoord,
                **vars(bijdragen_module.voorstel(opgave, moment)),
            )


def gepubliceerde_rapportage(moment: PcMoment | None, opgave: Opgave | None = None) -> str:
    """The report for ``moment`` of all opgaven (or of ``opgave``), vastgesteld by the
    bestuurder and published, made here and now (the worker may not run yet); once."""
    gepubliceerd = Rapportage.objects.filter(gepubliceerd_op__isnull=False)
    if gepubliceerd.filter(moment=moment, opgave=opgave).exists():
        return f"De gepubliceerde rapportage voor {moment} was er al."
    rapportage = services.rapportage_aanvragen(
        opgave=opgave, user=User.objects.get(username="beheerder"), moment=moment
    )
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    services.rapportage_vaststellen(
        rapportage=rapportage, user=User.objects.get(username="bestuurder")
    )
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    return f"{rapportage.titel}: vastgesteld en gepubliceerd voor de raad."


MOTIES = [
    # soort, nummer, datum, titel, indieners, opgaven, deadline, afgedaan met
    (
        MotieSoort.MOTIE,
        "M2026-014",
        (2026, 3, 12),
        "Een ontmoetingsplek in elke kern",
        "Dorpsbelang, CDA",
        ["Vitale kernen", "Eenzaamheid onder ouderen"],
        (2026, 12, 31),
        "",
    ),
    (
        MotieSoort.MOTIE,
        "M2026-022",
        (2026, 5, 28),
        "Starterswoningen eerst voor jongeren uit de eigen kern",
        "VVD, PvdA",
        ["Woningtekort voor starters en senioren", "Vitale kernen"],
        (2026, 10, 1),
        "",
    ),
    (
        MotieSoort.TOEZEGGING,
        "T2026-007",
        (2026, 2, 5),
        "De raad krijgt voor de zomer de uitkomsten van de eenzaamheidsmonitor",
        "Wethouder Zorg",
        ["Eenzaamheid onder ouderen"],
        (2026, 7, 1),
        "Raadsinformatiebrief van 24 juni 2026; besproken in de commissie Samenleving.",
    ),
    (
        MotieSoort.AMENDEMENT,
        "A2026-003",
        (2026, 11, 6),
        "Dementievriendelijke inrichting van de openbare ruimte in de begroting 2027",
        "GroenLinks",
        ["Dementievriendelijke gemeente"],
        None,
        "Verwerkt in de begroting 2027 (programma Zorg, € 120.000).",
    ),
]


def moties(users) -> None:
    """A few moties, a toezegging and an amendement from the griffie's list, one overdue and
    two afgedaan, tied to the demo opgaven."""
    d = datetime.date
    for soort, nummer, datum, titel, indieners, opgaven, deadline, afgedaan in MOTIES:
        motie = upsert(
            Motie,
            {
                "datum": d(*datum),
                "titel": titel,
                "indieners": indieners,
                "deadline": d(*deadline) if deadline else None,
                "status": MotieStatus.AFGEDAAN if afgedaan else MotieStatus.IN_BEHANDELING,
                "toelichting": afgedaan,
                "status_door": users["regisseur"] if afgedaan else None,
                "status_op": datetime.datetime(2026, 6, 24, 10, 0, tzinfo=datetime.UTC)
                if afgedaan
                else None,
            },
            soort=soort,
            nummer=nummer,
        )
        motie.opgaven.set(Opgave.objects.filter(titel__in=opgaven))
