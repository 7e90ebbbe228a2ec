"""Beheer > Gebruikers: invite over real SMTP, change roles, switch accounts off, and the
guards (yourself, the last beheerder), with every step in the security log and the history."""

import logging
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pghistory.models import Events

from accounts.models import Rol, User
from opgaven.models import Teamlidmaatschap
from rapportages.exports import gebruiker_rijen
from tests.accounts.factories import UserFactory
from tests.conftest import beveiligingslog, client_for, smtp_mailers, tel_queries
from tests.opgaven.factories import OpgaveFactory

LINK = re.compile(r"https?://\S+/accounts/wachtwoord/instellen/\S+/")


def _security(caplog) -> list[dict]:
    return beveiligingslog(caplog)


def _uitnodigen(client, **velden):
    data = {
        "first_name": "Fatima",
        "last_name": "Bouali",
        "email": "F.Bouali@Woonstichting.example",
        "organisatie": "Woonstichting Maasdal",
        "rol": Rol.PARTNER,
    } | velden
    return client.post(reverse("accounts:gebruiker-uitnodigen"), data)


def test_an_invitation_arrives_over_smtp_and_its_link_sets_a_password_once(users, postbus, caplog):
    beheerder = client_for(users["beheerder"])
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = _uitnodigen(beheerder)
    nieuw = User.objects.get(username="f.bouali@woonstichting.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:gebruiker-detail", args=[nieuw.pk])
    assert not nieuw.has_usable_password()
    assert nieuw.rol == Rol.PARTNER
    assert any(e["action"] == "uitnodigen" for e in _security(caplog))

    [bericht] = postbus.berichten()
    assert bericht["To"] == "f.bouali@woonstichting.example"
    assert "Uitnodiging voor Opgavenregie" in bericht["Subject"]
    tekst = bericht.get_content()
    assert "Beste Fatima" in tekst
    assert "72 uur" in tekst
    link = LINK.search(tekst).group(0)

    anoniem = client_for(None)
    formulier = anoniem.get(link, follow=True)
    assert formulier.status_code == 200
    assert "Kies een wachtwoord voor f.bouali@woonstichting.example" in formulier.text
    url = formulier.redirect_chain[-1][0]
    te_kort = anoniem.post(url, {"new_password1": "kort", "new_password2": "kort"})
    assert te_kort.status_code == 422
    assert "te kort" in te_kort.text
    wachtwoord = "Lange zin als wachtwoord 2026"
    klaar = anoniem.post(url, {"new_password1": wachtwoord, "new_password2": wachtwoord})
    assert klaar.status_code == 302
    assert anoniem.login(username=nieuw.username, password=wachtwoord)
    # The link worked once.
    assert "werkt niet meer" in client_for(None).get(link, follow=True).text


def test_a_second_account_for_the_same_address_is_refused(users, postbus):
    UserFactory(username="bestaand", email="iemand@maasdal.example")
    response = _uitnodigen(client_for(users["beheerder"]), email="IEMAND@maasdal.example")
    assert response.status_code == 422
    assert "Er is al een account met dit e-mailadres" in response.text
    assert User.objects.filter(email__iexact="iemand@maasdal.example").count() == 1
    assert postbus.berichten(timeout=0.5) == []


def test_when_the_mail_server_is_down_the_account_stays_and_the_beheerder_is_told(users, settings):
    settings.MAILERS = smtp_mailers(9)  # nothing listens on port 9
    response = _uitnodigen(client_for(users["beheerder"]))
    assert response.status_code == 302
    pagina = client_for(users["beheerder"]).get(response["Location"])
    nieuw = User.objects.get(email="f.bouali@woonstichting.example")
    assert "Uitnodiging opnieuw versturen" in pagina.text
    assert not nieuw.has_usable_password()


def test_the_invitation_can_be_sent_again(users, postbus):
    nieuw = UserFactory(username="nieuw@maasdal.example", email="nieuw@maasdal.example")
    nieuw.set_unusable_password()
    nieuw.save()
    response = client_for(users["beheerder"]).post(
        reverse("accounts:gebruiker-uitnodiging", args=[nieuw.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert LINK.search(postbus.berichten()[0].get_content())


def test_role_changes_are_logged_and_kept_in_the_history(users, caplog):
    teamlid = users["teamlid"]
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client_for(users["beheerder"]).post(
            reverse("accounts:gebruiker-rol", args=[teamlid.pk]),
            {"rol": Rol.OPGAVEREGISSEUR},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200
    teamlid.refresh_from_db()
    assert teamlid.rol == Rol.OPGAVEREGISSEUR
    [event] = [e for e in _security(caplog) if e["action"] == "rol_wijzigen"]
    assert event["user"] == "beheerder"
    assert event["object"] == f"gebruiker:{teamlid.pk}:teamlid->opgaveregisseur"
    wijziging = Events.objects.tracks(teamlid).filter(pgh_label="update").get()
    assert wijziging.pgh_diff["rol"] == ["teamlid", "opgaveregisseur"]
    assert wijziging.pgh_context["user"] == users["beheerder"].pk
    pagina = client_for(users["beheerder"]).get(
        reverse("accounts:gebruiker-detail", args=[teamlid.pk])
    )
    assert "<del>Teamlid</del> → <ins>Opgaveregisseur</ins>" in pagina.text  # labels


def test_the_last_beheerder_keeps_the_role_and_nobody_switches_themselves_off(users):
    beheerder = users["beheerder"]
    client = client_for(beheerder)
    rol = client.post(
        reverse("accounts:gebruiker-rol", args=[beheerder.pk]),
        {"rol": Rol.MEDEWERKER},
        headers={"HX-Request": "true"},
    )
    assert rol.status_code == 422
    assert "Dit is de laatste beheerder" in rol.text
    uit = client.post(
        reverse("accounts:gebruiker-actief", args=[beheerder.pk]),
        {"actief": "nee"},
        headers={"HX-Request": "true"},
    )
    assert uit.status_code == 422
    assert "U kunt uw eigen account niet deactiveren" in uit.text
    beheerder.refresh_from_db()
    assert beheerder.rol == Rol.BEHEERDER
    assert beheerder.is_active

    # With a second beheerder, the first may step down.
    tweede = UserFactory(username="beheerder2", rol=Rol.BEHEERDER)
    assert (
        client_for(tweede)
        .post(reverse("accounts:gebruiker-rol", args=[beheerder.pk]), {"rol": Rol.MEDEWERKER})
        .status_code
        == 302
    )
    beheerder.refresh_from_db()
    assert beheerder.rol == Rol.MEDEWERKER


def test_a_deactivated_account_loses_its_open_session_and_keeps_its_name(users, caplog):
    teamlid = users["teamlid"]
    sessie = client_for(teamlid)
    assert sessie.get(reverse("home")).status_code == 200
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client_for(users["beheerder"]).post(
            reverse("accounts:gebruiker-actief", args=[teamlid.pk]), {"actief": "nee"}
        )
    assert response.status_code == 302
    assert any(e["action"] == "deactiveren" for e in _security(caplog))
    volgende = sessie.get(reverse("home"))
    assert volgende.status_code == 302
    assert volgende["Location"].startswith(reverse("accounts:login"))
    teamlid.refresh_from_db()
    assert not teamlid.is_active
    assert User.objects.filter(pk=teamlid.pk).exists()

    client_for(users["beheerder"]).post(
        reverse("accounts:gebruiker-actief", args=[teamlid.pk]), {"actief": "ja"}
    )
    teamlid.refresh_from_db()
    assert teamlid.is_active


def test_the_list_finds_people_and_shows_their_teams_in_constant_queries(users, opgave):
    client = client_for(users["beheerder"])
    url = reverse("accounts:gebruiker-list")
    pagina = client.get(url, {"q": "corporatie"}).text
    assert "1 account gevonden" in pagina  # the partner, by organisation
    assert "Corporatie" in pagina
    assert client.get(url, {"rol": Rol.RAADSLID}).text.count('scope="row"') == 1

    voor = tel_queries(client, url)
    for i in range(20):
        persoon = UserFactory(rol=Rol.TEAMLID)
        Teamlidmaatschap.objects.create(opgave=OpgaveFactory(), user=persoon)
        Teamlidmaatschap.objects.create(opgave=opgave, user=persoon, rol="adviseur")
        assert i >= 0
    assert tel_queries(client, url) == voor
    assert opgave.titel.split()[0] in client.get(url).text


def test_the_beheerder_puts_someone_on_a_team_from_their_page(users, andere_opgave):
    medewerker = users["medewerker"]
    client = client_for(users["beheerder"])
    url = reverse("opgaven:persoon-team-create", args=[medewerker.pk])
    response = client.post(
        url,
        {"team-opgave": andere_opgave.pk, "team-rol": "adviseur"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    lid = Teamlidmaatschap.objects.get(user=medewerker)
    assert lid.opgave == andere_opgave
    raadslid = users["raadslid"]
    geweigerd = client.post(
        reverse("opgaven:persoon-team-create", args=[raadslid.pk]),
        {"team-opgave": andere_opgave.pk, "team-rol": "adviseur"},
        headers={"HX-Request": "true"},
    )
    assert geweigerd.status_code == 422
    assert not Teamlidmaatschap.objects.filter(user=raadslid).exists()


def test_the_access_review_lists_every_account_with_role_and_teams(users, opgave):
    aantal, rijen = gebruiker_rijen(users["beheerder"])
    rijen = {r[1]: r for r in rijen}
    assert aantal == User.objects.count() == len(rijen)
    assert rijen["partner"][4] == "Partner"
    assert opgave.titel in rijen["teamlid"][7]
    assert "(Kernteam)" in rijen["teamlid"][7]
    assert gebruiker_rijen(users["medewerker"])[0] == 0
    refused = client_for(users["regisseur"]).post(
        reverse("rapportages:export-create"), {"soort": "gebruikers", "formaat": "csv"}
    )
    assert refused.status_code == 403


@pytest.mark.django_db
def test_maak_beheerder_creates_the_first_one_with_a_one_time_link(capsys):
    call_command("maak_beheerder", "Eerste@Gemeente.example", "--url", "https://app.example")
    beheerder = User.objects.get(username="eerste@gemeente.example")
    assert beheerder.rol == Rol.BEHEERDER
    assert not beheerder.has_usable_password()
    link = re.search(
        r"https://app\.example/accounts/wachtwoord/instellen/\S+/", capsys.readouterr().out
    )
    assert link
    assert (
        client_for(None)
        .get(link.group(0).removeprefix("https://app.example"), follow=True)
        .context["validlink"]
    )
    # Again for an existing account: it becomes beheerder, nothing is duplicated.
    medewerker = UserFactory(username="mila", email="mila@gemeente.example")
    call_command("maak_beheerder", "mila@gemeente.example")
    medewerker.refresh_from_db()
    assert medewerker.rol == Rol.BEHEERDER
    assert User.objects.filter(email__iexact="mila@gemeente.example").count() == 1


def test_a_forgotten_password_is_reset_through_a_mailed_link(users, postbus):
    teamlid = users["teamlid"]
    teamlid.email = "tom@maasdal.example"
    teamlid.save()
    anoniem = client_for(None)
    response = anoniem.post(
        reverse("accounts:wachtwoord-vergeten"), {"email": "tom@maasdal.example"}
    )
    assert response.status_code == 302
    [bericht] = postbus.berichten()
    assert bericht["Subject"] == "Nieuw wachtwoord voor Opgavenregie"
    link = LINK.search(bericht.get_content()).group(0)
    formulier = anoniem.get(link, follow=True)
    url = formulier.redirect_chain[-1][0]
    wachtwoord = "Een nieuw en lang wachtwoord"
    anoniem.post(url, {"new_password1": wachtwoord, "new_password2": wachtwoord})
    assert anoniem.login(username=teamlid.username, password=wachtwoord)


def test_the_list_names_five_teams_a_person_and_their_page_all_of_them(users):
    persoon = UserFactory(rol=Rol.TEAMLID, first_name="Veel", last_name="Teams")
    for letter in "GFEDCBA":  # made out of order: the list is in title order
        Teamlidmaatschap.objects.create(
            opgave=OpgaveFactory(titel=f"Opgave {letter}"), user=persoon
        )
    client = client_for(users["beheerder"])

    lijst = client.get(reverse("accounts:gebruiker-list"), {"q": "Veel"}).text
    assert "Opgave A, Opgave B, Opgave C, Opgave D, Opgave E en 2 andere" in lijst
    assert "Opgave F" not in lijst and "Opgave G" not in lijst
    pagina = client.get(reverse("accounts:gebruiker-detail", args=[persoon.pk])).text
    assert "Opgave F" in pagina and "Opgave G" in pagina
