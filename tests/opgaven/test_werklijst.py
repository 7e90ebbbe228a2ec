"""What waits for me: each role's worklist on the start page, computed from the rules, with
links to the exact place, overdue first, in queries that do not grow with the list."""

import datetime
import re
from collections import Counter
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Rol, User
from core import werklijst
from participatie.models import Afspraak, Contactmoment, Vervolgactie
from tests.accounts.factories import UserFactory
from tests.conftest import client_for, tel_queries
from tests.demo_kopie import demodata
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    BijeenkomstFactory,
    ThematafelFactory,
)

# What waits in the demo municipality on 7 December 2026, per role and kind.
DEMO = {
    "bestuurder": {"Bestuurlijk akkoord": 1, "Prioriteit besluiten": 1, "Motie of toezegging": 1},
    "regisseur": {
        "Motie of toezegging": 1,
        "Afspraak": 4,
        "Bijdrage schrijven": 7,
        "Terugkoppeling": 1,
        "Signaal beantwoorden": 1,
    },
    "teamlid": {"Actiepunt": 1, "Signaal beantwoorden": 1},
    "partner": {"Afspraak": 2},
    "medewerker": {"Uw signaal wacht op antwoord": 1},
    "beheerder": {"Signaal beantwoorden": 1},
}


def _taken(html: str) -> list[tuple[str, str, bool]]:
    """(kind, link, overdue) of every item in the page's worklist, in order."""
    lijst = html.split('id="werklijst"', 1)[1].split("</section>", 1)[0]
    return [
        (unescape(soort), unescape(link), "app-werklijst__taak--te-laat" in klasse)
        for klasse, soort, link in re.findall(
            r'<li class="([^"]*)">\s*<strong>([^<]*)</strong>: <a class="utrecht-link" '
            r'href="([^"]*)"',
            lijst,
        )
    ]


@pytest.mark.django_db(transaction=True)
def test_each_role_sees_what_waits_for_it_in_the_demo_and_every_link_opens_its_place():
    demodata()
    verwachting = {rol: dict(soorten) for rol, soorten in DEMO.items()}
    if timezone.localdate() != datetime.date(2026, 12, 7):
        # Which P&C moment comes next depends on the day: counted on the day it was taken.
        verwachting["regisseur"].pop("Bijdrage schrijven")
    for username, verwacht in verwachting.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        taken = _taken(client.get(reverse("home")).content.decode())
        geteld = Counter(soort for soort, _link, _laat in taken)
        for soort, aantal in verwacht.items():
            assert geteld[soort] == aantal, (username, soort, geteld)
        # Overdue first.
        laat = [te_laat for _s, _l, te_laat in taken]
        assert laat == sorted(laat, reverse=True), (username, taken)
        for soort, link, _laat in taken:
            pad, _, anker = link.partition("#")
            response = client.get(pad)
            assert response.status_code == 200, (username, soort, link)
            if anker:
                assert f'id="{anker}"' in response.content.decode(), (username, soort, link)


def test_nothing_waits_says_so(users):
    html = client_for(users["medewerker"]).get(reverse("home"))
    assert "Er wacht nu niets op u." in html.content.decode()


def test_an_overdue_action_point_is_marked_and_comes_first(users, opgave):
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    ActiepuntFactory(eigenaar=users["teamlid"], omschrijving="Later")
    ActiepuntFactory(eigenaar=users["teamlid"], omschrijving="Vergeten", deadline=gisteren)
    html = client_for(users["teamlid"]).get(reverse("home")).content.decode()
    taken = _taken(html)
    assert [te_laat for _s, _l, te_laat in taken] == [True, False]
    assert html.index("Vergeten") < html.index("Later")
    assert "te laat" in html.split('id="werklijst"', 1)[1].split("Later", 1)[0]


def test_a_source_registered_twice_is_refused():
    with pytest.raises(ValueError, match="al geregistreerd"):
        werklijst.registreer("participatie-actiepunten", lambda user, vandaag: [])


@pytest.mark.parametrize("rol", [Rol.OPGAVEREGISSEUR, Rol.TEAMLID])
def test_the_start_page_reads_its_worklist_in_the_same_queries_however_long(users, opgave, rol):
    """3, 30 and 300 things waiting (action points, commitments, follow-ups): the same
    number of queries for the start page."""
    user = users["regisseur"] if rol == Rol.OPGAVEREGISSEUR else users["teamlid"]
    client = client_for(user)
    betrokken = BetrokkenheidFactory(opgave=opgave).stakeholder
    contact = Contactmoment.objects.create(
        opgave=opgave, datum=timezone.localdate(), soort="gesprek", samenvatting="s"
    )
    tellingen = []
    gemaakt = 0
    for totaal in (3, 30, 300):
        for i in range(gemaakt, totaal):
            ActiepuntFactory(eigenaar=user)
            Afspraak.objects.create(
                opgave=opgave,
                omschrijving=f"Afspraak {i}",
                belover=betrokken,
                eigenaar=user,
                deadline=timezone.localdate() + datetime.timedelta(days=i - 10),
            )
            Vervolgactie.objects.create(
                contactmoment=contact,
                omschrijving=f"Vervolg {i}",
                eigenaar=user,
                deadline=timezone.localdate(),
            )
        gemaakt = totaal
        tellingen.append(tel_queries(client, reverse("home")))
    assert tellingen[0] == tellingen[1] == tellingen[2], tellingen
    # And the list shows at most PER_BRON of each kind.
    taken = _taken(client.get(reverse("home")).content.decode())
    assert Counter(s for s, _l, _t in taken)["Afspraak"] == werklijst.PER_BRON


def test_a_locked_account_and_an_open_invitation_wait_for_the_beheerder(users, settings):
    from accounts import blokkade

    uitgenodigd = UserFactory(username="nieuw", last_login=None)
    uitgenodigd.set_unusable_password()
    uitgenodigd.save()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        blokkade.mislukt("TeamLid", "10.0.0.1")
    taken = _taken(client_for(users["beheerder"]).get(reverse("home")).content.decode())
    soorten = Counter(s for s, _l, _t in taken)
    assert soorten["Geblokkeerd account"] == 1
    assert soorten["Uitnodiging niet aangenomen"] == 1
    links = {s: link for s, link, _t in taken}
    assert links["Geblokkeerd account"].startswith(
        reverse("accounts:gebruiker-detail", args=[users["teamlid"].pk])
    )
    # Nobody else is shown the beheerder's work.
    anderen = _taken(client_for(users["regisseur"]).get(reverse("home")).content.decode())
    assert "Geblokkeerd account" not in {s for s, _l, _t in anderen}


def test_a_person_past_retention_waits_for_the_beheerder_alone(users):
    from tests.participatie.factories import PersoonFactory

    verlopen = PersoonFactory(naam="Jan Verlopen", bewaren_tot=datetime.date(2020, 1, 1))
    PersoonFactory(naam="Els Bewaard")  # until 2030
    taken = _taken(client_for(users["beheerder"]).get(reverse("home")).content.decode())
    bewaren = [(link, laat) for s, link, laat in taken if s == "Bewaartermijn verstreken"]
    detail = reverse("participatie:stakeholder-detail", args=[verlopen.pk])
    assert bewaren == [(f"{detail}#avg-kop", True)]
    anderen = _taken(client_for(users["regisseur"]).get(reverse("home")).content.decode())
    assert "Bewaartermijn verstreken" not in {s for s, _l, _t in anderen}


def _in_kop(response) -> int | None:
    """The header's count of what waits, or None when it shows none."""
    kop = response.content.decode().split("<main", 1)[0]
    gevonden = re.search(r'>Te doen <span class="app-teller">(\d+)<', kop)
    return int(gevonden.group(1)) if gevonden else None


def test_the_header_counts_anew_after_a_hand_off_and_after_ones_own_write(
    users, opgave, django_capture_on_commit_callbacks
):
    """Counted once and kept (a page does not pay for the whole list), but a melding to the
    person and the person's own write make the next page count anew."""
    from accounts.meldingen import melden
    from accounts.models import Meldingsoort

    teamlid = users["teamlid"]
    client = client_for(teamlid)
    pagina = reverse("opgaven:opgave-list")
    assert _in_kop(client.get(pagina)) is None
    tafel = ThematafelFactory(opgaven=[opgave])
    punt = ActiepuntFactory(eigenaar=teamlid, bijeenkomst=BijeenkomstFactory(thematafel=tafel))
    assert _in_kop(client.get(pagina)) is None  # kept: no hand-off told of it
    with django_capture_on_commit_callbacks(execute=True):
        melden(
            [teamlid],
            soort=Meldingsoort.ACTIEPUNT,
            sleutel=f"actiepunt:{punt.pk}",
            tekst="Actiepunt voor u",
            link="/",
        )
    response = client.get(pagina)
    assert _in_kop(response) == 1
    assert f'href="{reverse("home")}#werklijst"' in response.content.decode()
    # The start page and the header agree.
    assert len(_taken(client.get(reverse("home")).content.decode())) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participatie:actiepunt-status", args=[punt.bijeenkomst_id, punt.pk]),
            {"status": "gereed"},
        )
    assert response.status_code == 302, response.status_code
    assert _in_kop(client.get(pagina)) is None


def test_without_the_cache_every_page_still_answers_and_counts(users, settings):
    """Redis down: the header's count is read and kept in vain, the page counts for itself."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "werklijst": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    assert caches["werklijst"].__class__.__name__ == "RedisCache"
    from tests.participatie.factories import PersoonFactory

    PersoonFactory(bewaren_tot=datetime.date(2020, 1, 1))  # waits for the beheerder
    client = client_for(users["beheerder"])
    for url in (reverse("home"), reverse("opgaven:opgave-list")):
        response = client.get(url)
        assert response.status_code == 200, url
    assert _in_kop(client.get(reverse("opgaven:opgave-list"))) == 1
