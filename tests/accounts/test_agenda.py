"""A personal calendar feed behind a secret link: what is in it (and what is not), that it
is valid iCalendar, and that revoking or replacing the link ends the old one."""

import datetime
import re

import icalendar
from django.urls import reverse
from django.utils import timezone

from accounts.models import Agendafeed
from participatie.models import Afspraak
from rapportages.models import MomentSoort, PcMoment
from tests.conftest import client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BijeenkomstFactory,
    StakeholderFactory,
    ThematafelFactory,
)

VANDAAG = timezone.localdate()


def _link(client) -> str:
    response = client.post(reverse("accounts:agendafeed"))
    assert response.status_code == 200
    assert "Wij tonen hem niet nog eens" in response.text
    return re.search(r'value="(http://testserver/accounts/agenda/[^"]+\.ics)"', response.text)[1]


def _events(link: str) -> dict[str, icalendar.Event]:
    response = client_for(None).get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    agenda = icalendar.Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in agenda.walk("VEVENT")}
    for event in events.values():
        for veld in ("uid", "dtstamp", "dtstart", "dtend", "summary", "url"):
            assert veld in event, (veld, event)
        assert str(event["url"]).startswith("http://testserver/")
    return events


def test_the_feed_holds_my_sessions_deadlines_and_actions_and_nothing_else(
    users, opgave, andere_opgave
):
    regisseur = users["regisseur"]
    eigen = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))
    ander = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[andere_opgave]))
    oud = BijeenkomstFactory(
        thematafel=eigen.thematafel,
        begint_op=timezone.now() - datetime.timedelta(days=200),
        eindigt_op=timezone.now() - datetime.timedelta(days=200, hours=-2),
    )
    geleid = BijeenkomstFactory(
        thematafel=ThematafelFactory(opgaven=[andere_opgave], gespreksleider=regisseur)
    )
    actiepunt = ActiepuntFactory(eigenaar=regisseur)
    gereed = ActiepuntFactory(eigenaar=regisseur, status="gereed")
    van_een_ander = ActiepuntFactory(eigenaar=users["teamlid"])
    afspraak = Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Zaal <script>",
        ontvanger=StakeholderFactory(),
        eigenaar=regisseur,
        deadline=VANDAAG + datetime.timedelta(days=9),
    )
    moment = PcMoment.objects.create(
        soort=MomentSoort.BEGROTING, jaar=2027, deadline=VANDAAG + datetime.timedelta(days=20)
    )

    events = _events(_link(client_for(regisseur)))

    assert set(events) == {
        f"bijeenkomst-{eigen.pk}@opgavenregie",
        f"bijeenkomst-{geleid.pk}@opgavenregie",
        f"actiepunt-{actiepunt.pk}@opgavenregie",
        f"afspraak-{afspraak.pk}@opgavenregie",
        f"pc-moment-{moment.pk}@opgavenregie",
    }, (ander.pk, oud.pk, gereed.pk, van_een_ander.pk)
    deadline = events[f"pc-moment-{moment.pk}@opgavenregie"]
    assert deadline.decoded("dtstart") == moment.deadline
    assert str(deadline["summary"]) == "Deadline bijdragen: Begroting 2027"
    assert str(events[f"afspraak-{afspraak.pk}@opgavenregie"]["summary"]) == (
        "Afspraak: Zaal <script>"
    )
    sessie = events[f"bijeenkomst-{eigen.pk}@opgavenregie"]
    assert sessie.decoded("dtstart") == eigen.begint_op.replace(microsecond=0)
    assert str(sessie["url"]) == f"http://testserver{eigen.get_absolute_url()}"


def test_a_partner_sees_the_sessions_of_their_own_opgave_only(users, opgave, andere_opgave):
    eigen = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))
    BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[andere_opgave]))
    PcMoment.objects.create(soort=MomentSoort.BEGROTING, jaar=2027, deadline=VANDAAG)
    events = _events(_link(client_for(users["partner"])))
    # Sessions of the opgave whose team they are on; the P&C deadlines are the
    # municipality's to meet, not theirs.
    assert set(events) == {f"bijeenkomst-{eigen.pk}@opgavenregie"}


def test_a_new_link_or_revoking_ends_the_old_one(users, opgave):
    client = client_for(users["teamlid"])
    eerste = _link(client)
    tweede = _link(client)
    assert client_for(None).get(eerste).status_code == 404
    _events(tweede)
    assert Agendafeed.objects.get().laatst_gelezen_op is not None
    assert "Uw agenda haalde hem het laatst op" in client.get(reverse("accounts:agendafeed")).text
    # Only the hash is kept.
    geheim = tweede.rsplit("/", 1)[1].removesuffix(".ics")
    assert geheim not in Agendafeed.objects.values_list("sleutel", flat=True)
    assert client.post(reverse("accounts:agendafeed-intrekken")).status_code == 302
    assert client_for(None).get(tweede).status_code == 404
    assert not Agendafeed.objects.exists()


def test_an_inactive_account_or_a_guessed_secret_gets_404(users, opgave):
    link = _link(client_for(users["teamlid"]))
    for gok in ("x", "a" * 43, "../" * 10, "%00" * 20, "a" * 500):
        url = reverse("accounts:agendafeed-ics", args=[gok]) if "/" not in gok else link + gok
        assert client_for(None).get(url).status_code == 404
    users["teamlid"].is_active = False
    users["teamlid"].save()
    assert client_for(None).get(link).status_code == 404
