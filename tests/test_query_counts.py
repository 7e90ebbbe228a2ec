"""Pages cost the same number of queries with 3 or 30 related rows."""

from datetime import date

import pytest
from django.urls import reverse

from canvas.models import Blok
from opgaven.models import Domein, FaseWijziging, Opgave, OpgaveRelatie, VoortgangMelding
from participatie.models import Opgavesprint
from tests.accounts.factories import UserFactory
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries
from tests.opgaven.factories import GebiedFactory, OpgaveFactory
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    BijeenkomstFactory,
    InbrengFactory,
    SignaalFactory,
    ThematafelFactory,
)

# A session records its activity when more than SESSION_IDLE_SECONDS / 60 passed since the
# last time (three queries): making 300 rows can take that long on a slow machine.
VEEL_SECONDEN = 10**7


def _fill(opgave, n: int) -> None:
    blokken = list(Blok)
    for i in range(n):
        BetrokkenheidFactory(opgave=opgave)
        CanvasItemFactory(opgave=opgave, blok=blokken[i % len(blokken)])
        opgave.gebieden.add(GebiedFactory())
        opgave.teamleden.add(UserFactory(rol="teamlid"))
        opgave.domeinen.add(Domein.objects.create(naam=f"Domein {opgave.pk}-{i}"))
        FaseWijziging.objects.create(
            opgave=opgave,
            van_fase="verkennen",
            naar_fase="formuleren",
            datum=date(2026, 1, 1),
            toelichting="t",
            door=opgave.opgaveregisseur,
        )
        OpgaveRelatie.objects.create(van=opgave, naar=OpgaveFactory(), soort="raakt_aan")
        VoortgangMelding.objects.create(
            opgave=opgave, voortgang="risico", toelichting="t", door=opgave.opgaveregisseur
        )


WERKRUIMTE = [
    # every part of the opgave's workspace, and its header alone
    "opgaven:opgave-detail",
    "opgaven:opgave-team",
    "participatie:positie",
    "participatie:contact",
    "participatie:opgave-participatie",
    "canvas:canvas-detail",
    "rapportages:opgave-rapportages",
    "opgaven:opgave-geschiedenis",
    "opgaven:opgave-kop",
]


@pytest.mark.parametrize("url_name", WERKRUIMTE)
def test_queries_do_not_grow_with_related_rows(users, url_name, settings):
    """Each part of the workspace costs the same with 3, 30 and 300 related rows, and at
    most fifteen queries."""
    settings.SESSION_IDLE_SECONDS = VEEL_SECONDEN
    client = client_for(users["regisseur"])
    opgaven = [OpgaveFactory(opgaveregisseur=users["regisseur"]) for _ in range(3)]
    for opgave, n in zip(opgaven, (3, 30, 300), strict=True):
        _fill(opgave, n)
    counts = [tel_queries(client, reverse(url_name, args=[o.pk])) for o in opgaven]
    assert len(set(counts)) == 1 and max(counts) <= 15, counts


def _participatie(opgave, n: int, eigenaar) -> tuple:
    """A thematafel with n sessions, and in its first session n of everything."""
    tafel = ThematafelFactory(opgaven=[opgave])
    sessies = [BijeenkomstFactory(thematafel=tafel) for _ in range(n)]
    eerste = sessies[0]
    for i in range(n):
        stakeholder = BetrokkenheidFactory(opgave=opgave).stakeholder
        eerste.uitgenodigd.add(stakeholder)
        eerste.aanwezig.add(stakeholder)
        item = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
        InbrengFactory(
            bijeenkomst=eerste,
            stakeholder=stakeholder,
            blokken=[Blok.DOELGROEPEN],
            canvas_item=item if i % 2 else None,
        )
        ActiepuntFactory(bijeenkomst=eerste, eigenaar=eigenaar)
        SignaalFactory(opgave=opgave)
        Opgavesprint.objects.create(
            opgave=opgave,
            nummer=i + 1,
            startdatum=date(2027, 1, 1),
            einddatum=date(2027, 1, 20),
            doel="d",
            maatschappelijke_bedoeling="b",
            aanpak_tot_nu_toe="a",
        )
    return tafel, eerste


def test_participation_pages_do_not_grow_with_rows(db, settings):
    """A thematafel with 3, 30 and 300 sessions, the first with as many of everything: each
    page costs the same at every size, and at most fifteen queries."""
    settings.SESSION_IDLE_SECONDS = VEEL_SECONDEN
    counts = {}
    for n in (3, 30, 300):
        regisseur = UserFactory(rol="opgaveregisseur")
        client = client_for(regisseur)
        opgave = OpgaveFactory(opgaveregisseur=regisseur)
        tafel, eerste = _participatie(opgave, n, regisseur)
        paginas = {
            "bijeenkomst": eerste.get_absolute_url(),
            "thematafel": tafel.get_absolute_url(),
            "opgave-participatie": reverse("participatie:opgave-participatie", args=[opgave.pk]),
            "overzicht": reverse("participatie:overzicht") + "?actiepunten=alle",
            "signalen": reverse("participatie:signaal-list"),
            "canvas": reverse("canvas:canvas-detail", args=[opgave.pk]),
        }
        for pagina, url in paginas.items():
            counts.setdefault(pagina, []).append(tel_queries(client, url))
    afwijkend = {p: c for p, c in counts.items() if len(set(c)) > 1 or max(c) > 15}
    assert not afwijkend, (afwijkend, counts)


SCHAAL = {
    # page: (who, url); the hub and the canvas grow per opgave, above.
    "start": ("regisseur", "/"),
    "start (beheerder)": ("beheerder", "/"),
    "beleidsagenda": ("regisseur", "/opgaven/"),
    "beleidsagenda (beheerder)": ("beheerder", "/opgaven/"),
    "agenda gefilterd": ("regisseur", "/opgaven/?fase={fase}&voortgang={voortgang}"),
    "agenda gezocht": ("regisseur", "/opgaven/?q=vitale+kernen"),
    "samenhang": ("regisseur", "/opgaven/samenhang/"),
    "wie werkt waaraan": ("regisseur", "/opgaven/wie-werkt-waaraan/"),
    "register": ("regisseur", "/stakeholders/"),
    "register (beheerder)": ("beheerder", "/stakeholders/"),
    "register gezocht": ("regisseur", "/stakeholders/?q=stichting"),
    "gedeelde stakeholders": ("regisseur", "/stakeholders/gedeeld/"),
    "participatie": ("regisseur", "/participatie/?actiepunten=alle"),
    "signalen": ("regisseur", "/signalen/"),
    "p&c-kalender": ("regisseur", "/rapportages/kalender/"),
    "gebied": ("regisseur", "/opgaven/gebieden/{gebied}/"),
    "gebruikers": ("beheerder", "/accounts/gebruikers/"),
}


def test_pages_cost_the_same_queries_with_3_30_and_300_opgaven(users, opgave, settings):
    """The scale data set generated small, grown from 3 to 30 to 300 opgaven (ten
    stakeholders each, teams, thematafels, history): every listed page costs the same
    number of queries at each size, and at most fifteen."""
    from demo.seed.schaal import maak_schaaldata

    settings.SESSION_IDLE_SECONDS = VEEL_SECONDEN
    clients = {wie: client_for(users[wie]) for wie in ("regisseur", "beheerder")}
    # The filter matches at every size (an empty page would skip its prefetches); the
    # gebied holds every opgave, with their stakeholders, sessions and indicators.
    gebied = GebiedFactory()
    # An open action point and open inbreng at every size: the participation overview's
    # lists page on their own, and an empty list sends no query for its rows.
    sessie = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=users["regisseur"])
    InbrengFactory(bijeenkomst=sessie)
    paginas = {
        page: (wie, url.format(fase=opgave.fase, voortgang=opgave.voortgang, gebied=gebied.pk))
        for page, (wie, url) in SCHAAL.items()
    }
    for wie, url in paginas.values():
        tel_queries(clients[wie], url)  # caches warm (branding, content types)
    counts = {page: [] for page in SCHAAL}
    for seed, erbij in ((1, 3), (2, 27), (3, 270)):
        maak_schaaldata(users, opgaven=erbij, stakeholders=10 * erbij, seed=seed)
        gebied.opgaven.add(*Opgave.objects.all())
        for page, (wie, url) in paginas.items():
            counts[page].append(tel_queries(clients[wie], url))
    afwijkend = {p: c for p, c in counts.items() if len(set(c)) > 1 or max(c) > 15}
    assert not afwijkend, (afwijkend, counts)
