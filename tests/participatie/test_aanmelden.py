"""A resident signs up for a session on the public site: double opt-in by mail (read from a
real SMTP server), places and a waiting list that moves up, and everything sent wrong."""

import datetime
import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from participatie import aanmelden
from participatie.forms.meedoen import AanmeldForm
from participatie.models import Aanmelding, AanmeldingStatus
from tests import hostile
from tests.conftest import client_for
from tests.participatie.factories import BijeenkomstFactory, PublicatieFactory, ThematafelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessie(opgave, settings):
    settings.MEEDOEN_MIN_SECONDEN = 0
    publicatie = PublicatieFactory(opgave=opgave, slug="kernen")
    bijeenkomst = BijeenkomstFactory(
        thematafel=ThematafelFactory(opgaven=[opgave]), aanmelden_open=True, plaatsen=1
    )
    return publicatie, bijeenkomst


def _url(bijeenkomst) -> str:
    return reverse("participatie:meedoen-aanmelden", args=["kernen", bijeenkomst.pk])


def _gegevens(**anders) -> dict:
    return {
        "naam": "Fatima Yilmaz",
        "email": "fatima@voorbeeld.nl",
        "opmerking": "Ik kom met een rollator.",
        "website": "",
        "begonnen": AanmeldForm().fields["begonnen"].initial,
    } | anders


def _met(postbus, aantal: int, onderwerp: str):
    """The mail of the first ``aantal`` whose subject holds ``onderwerp`` (arrival order in
    the Maildir is not kept)."""
    [bericht] = [b for b in postbus.berichten(aantal) if onderwerp in b["Subject"]]
    return bericht


def _link(bericht) -> str:
    tekst = bericht.get_body(("plain",)).get_content()
    return re.search(r"http://testserver(/meedoen/aanmelding/\S+/)", tekst)[1]


def test_sign_up_confirm_wait_and_move_up(sessie, postbus):
    _publicatie, bijeenkomst = sessie
    bezoeker = Client()
    antwoord = bezoeker.post(_url(bijeenkomst), _gegevens())
    assert antwoord.status_code == 302 and antwoord["Location"] == "/meedoen/kernen/verstuurd/"
    [bericht] = postbus.berichten(1)
    assert bericht["To"] == "fatima@voorbeeld.nl" and "Bevestig" in bericht["Subject"]
    eerste = Aanmelding.objects.get()
    assert eerste.status == AanmeldingStatus.TE_BEVESTIGEN  # not counted before the link
    link = _link(bericht)
    assert "nog niet bevestigd" in bezoeker.get(link).text  # a mail scanner opens it: no change
    assert Aanmelding.objects.get().status == AanmeldingStatus.TE_BEVESTIGEN

    assert bezoeker.post(link, {"actie": "bevestigen"}).status_code == 302
    eerste.refresh_from_db()
    assert eerste.status == AanmeldingStatus.AANGEMELD
    bevestigd = _met(postbus, 2, "U bent aangemeld")
    [ics] = [d for d in bevestigd.iter_attachments() if d.get_content_type() == "text/calendar"]
    assert "/meedoen/kernen/" in ics.get_content()
    bezoeker.post(link, {"actie": "bevestigen"})  # again: nothing changes, no mail
    assert len(postbus.berichten(3, timeout=1)) == 2

    # The only place is taken: the next one waits, and moves up when the first cancels.
    tweede = Client()
    tweede.post(_url(bijeenkomst), _gegevens(naam="Piet", email="piet@voorbeeld.nl"))
    [nieuw] = [b for b in postbus.berichten(3) if b["To"] == "piet@voorbeeld.nl"]
    tweede.post(_link(nieuw), {"actie": "bevestigen"})
    assert _met(postbus, 4, "wachtlijst")["To"] == "piet@voorbeeld.nl"
    assert Aanmelding.objects.get(naam="Piet").status == AanmeldingStatus.WACHTLIJST
    bezoeker.post(link, {"actie": "afmelden"})
    assert Aanmelding.objects.get(naam="Piet").status == AanmeldingStatus.AANGEMELD
    assert _met(postbus, 5, "plek voor u")["To"] == "piet@voorbeeld.nl"
    eerste.refresh_from_db()
    assert eerste.status == AanmeldingStatus.AFGEMELD


def test_what_is_sent_wrong_is_refused_in_dutch_and_stored_once(sessie, postbus, settings):
    _publicatie, bijeenkomst = sessie
    bezoeker = Client()
    # Twice the same address (also in capitals, also at once): one sign-up.
    bezoeker.post(_url(bijeenkomst), _gegevens())
    bezoeker.post(_url(bijeenkomst), _gegevens(email="Fatima@Voorbeeld.NL"))
    assert Aanmelding.objects.count() == 1
    # Hostile text is kept as text; the page and the mail never run it.
    bezoeker.post(_url(bijeenkomst), _gegevens(naam=hostile.SCRIPT, email="x@voorbeeld.nl"))
    assert Aanmelding.objects.filter(naam=hostile.SCRIPT).exists()
    for fout, verwacht in (
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in"),
        ({"opmerking": "x" * 100_000}, "Zorg dat deze waarde"),
        ({"naam": ""}, "Vul uw naam in."),
        ({"begonnen": "vervalst"}, "Het formulier stond te lang open"),
    ):
        antwoord = bezoeker.post(_url(bijeenkomst), _gegevens(email="n@voorbeeld.nl") | fout)
        assert antwoord.status_code == 422 and verwacht in antwoord.text, fout
    nul = bezoeker.post(_url(bijeenkomst), _gegevens(naam="a\x00b", email="nul@x.nl"))
    assert nul.status_code == 422 and not Aanmelding.objects.filter(email="nul@x.nl").exists()
    # A robot: it fills the field people do not see, or is quicker than anyone types.
    antwoord = bezoeker.post(_url(bijeenkomst), _gegevens(website="http://spam", email="r@x.nl"))
    assert antwoord.status_code == 302 and not Aanmelding.objects.filter(email="r@x.nl").exists()
    settings.MEEDOEN_MIN_SECONDEN = 30
    antwoord = bezoeker.post(_url(bijeenkomst), _gegevens(email="snel@x.nl"))
    assert antwoord.status_code == 422 and "Dat ging erg snel" in antwoord.text
    assert Aanmelding.objects.count() == 2


def test_links_that_are_not_ours_or_too_old_do_nothing(sessie, postbus, monkeypatch):
    publicatie, bijeenkomst = sessie
    aanmelding = Aanmelding.objects.create(
        bijeenkomst=bijeenkomst, publicatie=publicatie, naam="Oud", email="oud@voorbeeld.nl"
    )
    bezoeker = Client()
    vervalst = reverse("participatie:meedoen-aanmelding", args=["1:vervalst:bewijs"])
    assert bezoeker.get(vervalst).status_code == 404
    # A link mailed 49 hours ago cannot confirm any more; it can still cancel.
    import time

    nu = time.time()
    monkeypatch.setattr("django.core.signing.time.time", lambda: nu - 49 * 3600)
    oud = aanmelden.link(aanmelding).removeprefix("http://testserver")
    monkeypatch.undo()
    antwoord = bezoeker.post(oud, {"actie": "bevestigen"}, follow=True)
    assert "Deze link is verlopen" in antwoord.text
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.TE_BEVESTIGEN
    bezoeker.post(oud, {"actie": "afmelden"})
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.AFGEMELD
    assert signing.loads(oud.split("/")[-2], salt=aanmelden.ZOUT) == aanmelding.pk


def test_closed_sessions_and_unpublished_pages_take_no_sign_ups(sessie, opgave):
    publicatie, bijeenkomst = sessie
    dicht = BijeenkomstFactory(thematafel=bijeenkomst.thematafel, aanmelden_open=False)
    assert Client().get(_url(dicht)).status_code == 404
    publicatie.gepubliceerd = False
    publicatie.save()
    assert Client().get(_url(bijeenkomst)).status_code == 404


def test_a_mail_server_that_is_down_loses_nothing(sessie, settings, postbus):
    _publicatie, bijeenkomst = sessie
    mailers = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }
    antwoord = Client().post(_url(bijeenkomst), _gegevens())
    assert antwoord.status_code == 503 and "We konden u nu geen mail sturen" in antwoord.text
    assert "Fatima Yilmaz" in antwoord.text  # what was typed is still there
    settings.MAILERS = mailers
    assert Client().post(_url(bijeenkomst), _gegevens()).status_code == 302
    assert Aanmelding.objects.count() == 1 and len(postbus.berichten(1)) == 1


def test_the_team_sees_confirmed_sign_ups_and_old_ones_are_removed(sessie, users, settings):
    publicatie, bijeenkomst = sessie
    Aanmelding.objects.create(
        bijeenkomst=bijeenkomst,
        publicatie=publicatie,
        naam="Bevestigde Bewoner",
        email="b@voorbeeld.nl",
        status=AanmeldingStatus.AANGEMELD,
        opmerking="Rolstoel",
    )
    Aanmelding.objects.create(
        bijeenkomst=bijeenkomst, publicatie=publicatie, naam="Onbevestigd", email="o@x.nl"
    )
    pagina = client_for(users["teamlid"]).get(bijeenkomst.get_absolute_url()).text
    assert "Bevestigde Bewoner" in pagina and "Rolstoel" in pagina
    assert "Onbevestigd" not in pagina
    assert aanmelden.opruimen() == 0
    settings.MEEDOEN_AANMELDINGEN_BEWAREN_DAGEN = -30  # the session "ended" 30 days ago
    assert aanmelden.opruimen() == 2


def test_whoever_has_a_place_is_reminded_the_day_before_once(sessie, postbus):
    publicatie, bijeenkomst = sessie
    nu = timezone.localtime()
    morgen = nu.replace(hour=19, minute=30) + datetime.timedelta(days=1)
    bijeenkomst.begint_op, bijeenkomst.eindigt_op = morgen, morgen + datetime.timedelta(hours=2)
    bijeenkomst.save()

    def aanmelding(naam, status):
        return Aanmelding.objects.create(
            bijeenkomst=bijeenkomst,
            publicatie=publicatie,
            naam=naam,
            email=f"{naam.lower()}@voorbeeld.nl",
            status=status,
        )

    met_plek = aanmelding("Plek", AanmeldingStatus.AANGEMELD)
    aanmelding("Wacht", AanmeldingStatus.WACHTLIJST)
    aanmelding("Onbevestigd", AanmeldingStatus.TE_BEVESTIGEN)
    assert aanmelden.herinneren(nu - datetime.timedelta(days=1)) == 0  # two days before
    assert aanmelden.herinneren(nu) == 1
    [bericht] = postbus.berichten(1)
    assert bericht["To"] == "plek@voorbeeld.nl" and bericht["Subject"].startswith("Morgen:")
    assert any(d.get_content_type() == "text/calendar" for d in bericht.iter_attachments())
    assert aanmelden.herinneren(nu) == 0  # the second run sends nothing again
    met_plek.refresh_from_db()
    assert met_plek.herinnerd_op is not None
