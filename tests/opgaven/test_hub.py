"""An opgave's hub: profile, phases, progress, team and samenhang."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from opgaven.models import (
    FaseWijziging,
    Opgave,
    OpgaveRelatie,
    Teamlidmaatschap,
    VoortgangMelding,
)
from tests import hostile
from tests.accounts.factories import UserFactory
from tests.conftest import client_for

HTMX = {"HX-Request": "true"}


def _fase(client, opgave, van, naar, toelichting="Verkenning afgerond met de dorpsraden.", **extra):
    data = {
        "van_fase": van,
        "naar_fase": naar,
        "datum": timezone.localdate().isoformat(),
        "toelichting": toelichting,
    }
    data.update(extra)
    data = {f"fase-{key}": value for key, value in data.items()}
    return client.post(reverse("opgaven:opgave-fase", args=[opgave.pk]), data, headers=HTMX)


def _relatie(client, opgave, naar, soort="versterkt", toelichting="Samen ontmoeten."):
    return client.post(
        reverse("opgaven:relatie-create", args=[opgave.pk]),
        {
            "samenhang-naar": naar.pk if naar else "",
            "samenhang-soort": soort,
            "samenhang-toelichting": toelichting,
        },
        headers=HTMX,
    )


def _team(client, opgave, actie="toevoegen", lid=None, **data):
    if actie == "toevoegen":
        url = reverse("opgaven:opgave-team", args=[opgave.pk])
    else:
        url = reverse(f"opgaven:teamlid-{actie}", args=[opgave.pk, lid])
    return client.post(url, data, headers=HTMX)


def _data(**overrides):
    data = {
        "titel": "Vitale kernen",
        "maatschappelijke_bedoeling": "Ontmoeting in elk dorp.",
        "schaal": "kern",
        "prioriteit": "hoog",
        "prioriteit_motivering": "Eén op drie ouderen voelt zich eenzaam.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("titel", "   ", "Geef de opgave een titel."),
        ("titel", "x" * 201, "niet meer dan 200 tekens"),
        ("maatschappelijke_bedoeling", "", "Beschrijf de maatschappelijke bedoeling"),
        ("schaal", "heelal", "Selecteer een geldige keuze"),
        ("opgaveregisseur", "", "Kies wie de opgave regisseert."),
    ],
)
def test_bad_input_is_explained_in_dutch_and_nothing_is_lost(users, opgave, field, value, message):
    client = client_for(users["regisseur"])
    oud = opgave.titel
    data = _data(opgaveregisseur=users["regisseur"].pk)
    data[field] = value
    response = client.post(reverse("opgaven:opgave-update", args=[opgave.pk]), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert message in html
    # The error summary first, its item a link to the field (static/js/formulier.js moves
    # the focus there).
    samenvatting = html.split("data-foutoverzicht", 1)[1].split("</div>", 1)[0]
    assert "Dit is niet opgeslagen" in samenvatting
    assert f'href="#id_{field}"' in samenvatting and message in samenvatting
    assert 'aria-invalid="true"' in html
    opgave.refresh_from_db()
    assert opgave.titel == oud
    if field != "maatschappelijke_bedoeling":
        assert "Ontmoeting in elk dorp." in html  # what the user typed is still there


def test_hostile_text_is_shown_literally(users, opgave):
    client = client_for(users["medewerker"])
    for url in [reverse("opgaven:opgave-list"), opgave.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "<img src=x onerror" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<script>alert(1)</script>" not in html
    hub = client.get(opgave.get_absolute_url()).content.decode()
    assert "&lt;a hx-get=&quot;/accounts/uitloggen/&quot;" in hub
    assert hostile.DUTCH in hub


def test_history_names_who_changed_what(users, opgave):
    client = client_for(users["teamlid"])
    data = _data(titel="Nieuwe titel", risicos="Te weinig vrijwilligers")
    assert client.post(reverse("opgaven:opgave-update", args=[opgave.pk]), data).status_code == 302
    pagina = client.get(reverse("opgaven:opgave-geschiedenis", args=[opgave.pk]))
    geschiedenis = pagina.content.decode().split('id="geschiedenis"', 1)[1]
    assert str(users["teamlid"]).replace("<", "&lt;").replace(">", "&gt;") in geschiedenis
    assert "Opgave gewijzigd" in geschiedenis
    assert "Nieuwe titel" in geschiedenis
    assert "Te weinig vrijwilligers" in geschiedenis


def test_get_never_changes_state(users, opgave):
    client = client_for(users["beheerder"])
    before = Opgave.objects.get(pk=opgave.pk).updated_at
    client.get(reverse("opgaven:opgave-update", args=[opgave.pk]), {"titel": "Via GET"})
    assert Opgave.objects.get(pk=opgave.pk).updated_at == before


def test_teamlid_cannot_reassign_the_opgave(users, opgave):
    client = client_for(users["teamlid"])
    form = client.get(reverse("opgaven:opgave-update", args=[opgave.pk])).content.decode()
    assert 'name="opgaveregisseur"' not in form
    client.post(
        reverse("opgaven:opgave-update", args=[opgave.pk]),
        {
            "titel": "T",
            "maatschappelijke_bedoeling": "B",
            "schaal": "kern",
            "prioriteit": "hoog",
            "prioriteit_motivering": "M",
            "opgaveregisseur": users["teamlid"].pk,
        },
    )
    opgave.refresh_from_db()
    assert opgave.opgaveregisseur == users["regisseur"]
    assert opgave.titel == "T"


def test_end_before_start_is_refused(users, opgave):
    response = client_for(users["regisseur"]).post(
        reverse("opgaven:opgave-update", args=[opgave.pk]),
        {
            "titel": "T",
            "maatschappelijke_bedoeling": "B",
            "schaal": "kern",
            "prioriteit": "hoog",
            "prioriteit_motivering": "M",
            "opgaveregisseur": users["regisseur"].pk,
            "startdatum": "2027-01-01",
            "einddatum": "2026-01-01",
        },
    )
    assert response.status_code == 422
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()


def test_phase_change_is_dated_explained_and_shown(users, opgave):
    client = client_for(users["regisseur"])
    response = _fase(client, opgave, "verkennen", "formuleren")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="fase"')
    assert "Verkenning afgerond met de dorpsraden." in html
    opgave.refresh_from_db()
    assert opgave.fase == "formuleren"
    wijziging = FaseWijziging.objects.get()
    assert (wijziging.van_fase, wijziging.naar_fase, wijziging.door) == (
        "verkennen",
        "formuleren",
        users["regisseur"],
    )


def test_phase_change_from_a_stale_page_is_refused_not_applied_twice(users, opgave):
    a, b = client_for(users["regisseur"]), client_for(users["teamlid"])
    assert _fase(a, opgave, "verkennen", "formuleren").status_code == 200
    response = _fase(b, opgave, "verkennen", "formuleren")  # B's page still said "verkennen"
    assert response.status_code == 409
    assert "intussen al gewijzigd" in response.content.decode()
    assert FaseWijziging.objects.count() == 1
    opgave.refresh_from_db()
    assert opgave.fase == "formuleren"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"toelichting": "  "}, "Licht toe waarom"),
        ({"naar_fase": "verkennen"}, "Kies een andere fase"),
        (
            {"datum": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
            "niet in de toekomst",
        ),
        ({"datum": "31-02-2026"}, "geldige datum"),
        ({"naar_fase": "heelal"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_phase_change_is_explained(users, opgave, extra, message):
    response = _fase(client_for(users["regisseur"]), opgave, "verkennen", "formuleren", **extra)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not FaseWijziging.objects.exists()


def test_progress_report_keeps_its_history(users, opgave):
    client = client_for(users["teamlid"])
    url = reverse("opgaven:opgave-voortgang", args=[opgave.pk])
    client.post(
        url,
        {"voortgang-voortgang": "aandacht", "voortgang-toelichting": "Vrijwilligers haken af."},
        headers=HTMX,
    )
    response = client.post(
        url,
        {"voortgang-voortgang": "risico", "voortgang-toelichting": "Subsidie vervalt."},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vrijwilligers haken af." in html and "Subsidie vervalt." in html
    opgave.refresh_from_db()
    assert opgave.voortgang == "risico"
    assert VoortgangMelding.objects.count() == 2
    # The rest of the page follows: the workspace header reloads itself on the event the
    # response announces, and then shows the new judgement.
    assert "opgave-gewijzigd" in response["HX-Trigger-After-Settle"]
    kop = client.get(reverse("opgaven:opgave-kop", args=[opgave.pk]), headers=HTMX)
    assert kop.content.decode().lstrip().startswith('<div id="werkruimte-kop"')
    assert 'hx-trigger="opgave-gewijzigd from:body"' in kop.content.decode()
    assert "Risico" in kop.content.decode().split('id="kenmerken"', 1)[1]
    geschiedenis = client.get(reverse("opgaven:opgave-geschiedenis", args=[opgave.pk]))
    geschiedenis = geschiedenis.content.decode()
    assert "Aandacht nodig</del> → <ins>Risico" in geschiedenis  # labels, not codes
    empty = client.post(
        url, {"voortgang-voortgang": "op_koers", "voortgang-toelichting": ""}, headers=HTMX
    )
    assert empty.status_code == 422
    assert "Licht de voortgang toe." in empty.content.decode()


def test_regisseur_adds_changes_and_removes_a_team_member(users, opgave):
    client = client_for(users["regisseur"])
    response = _team(
        client,
        opgave,
        actie="toevoegen",
        **{"team-user": users["medewerker"].pk, "team-rol": "adviseur"},
    )
    assert response.status_code == 200
    lid = Teamlidmaatschap.objects.get(opgave=opgave, user=users["medewerker"])
    assert lid.rol == "adviseur"
    assert "Adviseur" in response.content.decode()
    _team(client, opgave, actie="rol", lid=lid.pk, rol="projectleider")
    lid.refresh_from_db()
    assert lid.rol == "projectleider"
    _team(client, opgave, actie="delete", lid=lid.pk)
    assert not Teamlidmaatschap.objects.filter(pk=lid.pk).exists()


@pytest.mark.parametrize("wie", ["raadslid", "teamlid"])
def test_raadsleden_and_current_members_cannot_be_added(users, opgave, wie):
    leden = Teamlidmaatschap.objects.filter(opgave=opgave).count()
    response = _team(
        client_for(users["regisseur"]),
        opgave,
        actie="toevoegen",
        **{"team-user": users[wie].pk, "team-rol": "kernteam"},
    )
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Teamlidmaatschap.objects.filter(opgave=opgave).count() == leden


def test_bad_role_changes_nothing(users, opgave):
    lid = Teamlidmaatschap.objects.get(opgave=opgave, user=users["teamlid"])
    response = _team(client_for(users["regisseur"]), opgave, actie="rol", lid=lid.pk, rol="koning")
    assert response.status_code == 422
    lid.refresh_from_db()
    assert lid.rol == "kernteam"


def test_member_of_another_opgave_cannot_be_touched_through_this_one(users, opgave, andere_opgave):
    ander = Teamlidmaatschap.objects.get(opgave=andere_opgave, user=users["teamlid_ander"])
    response = _team(client_for(users["regisseur"]), opgave, actie="delete", lid=ander.pk)
    assert response.status_code == 404
    assert Teamlidmaatschap.objects.filter(pk=ander.pk).exists()


def test_teamlid_cannot_change_the_team(users, opgave):
    lid = Teamlidmaatschap.objects.get(opgave=opgave, user=users["teamlid"])
    response = _team(client_for(users["teamlid"]), opgave, actie="delete", lid=lid.pk)
    assert response.status_code == 403
    assert Teamlidmaatschap.objects.filter(pk=lid.pk).exists()


def test_relation_is_shown_on_both_opgaven(users, opgave, andere_opgave):
    response = _relatie(client_for(users["regisseur"]), opgave, andere_opgave)
    assert response.status_code == 200
    assert "Deze opgave versterkt" in response.content.decode()
    andere_hub = (
        client_for(users["medewerker"]).get(andere_opgave.get_absolute_url()).content.decode()
    )
    assert "versterkt deze opgave" in andere_hub


def test_duplicate_in_either_direction_and_self_are_refused(users, opgave, andere_opgave):
    _relatie(client_for(users["regisseur"]), opgave, andere_opgave)
    terug = _relatie(client_for(users["regisseur2"]), andere_opgave, opgave, soort="botst_met")
    assert terug.status_code == 422
    assert "al vastgelegd" in terug.content.decode()
    zelf = client_for(users["regisseur"]).post(
        reverse("opgaven:relatie-create", args=[opgave.pk]),
        {"samenhang-naar": opgave.pk, "samenhang-soort": "versterkt"},
        headers=HTMX,
    )
    assert zelf.status_code == 422
    assert OpgaveRelatie.objects.count() == 1


def test_outsider_cannot_relate_or_delete(users, opgave, andere_opgave):
    relatie = OpgaveRelatie.objects.create(van=opgave, naar=andere_opgave, soort="raakt_aan")
    client = client_for(users["teamlid_ander"])
    assert _relatie(client, opgave, andere_opgave).status_code == 403
    url = reverse("opgaven:relatie-delete", args=[opgave.pk, relatie.pk])
    assert client.post(url).status_code == 403
    assert OpgaveRelatie.objects.exists()


def _prioriteit(client, opgave, prioriteit="hoog", motivering="Eén op drie ouderen is eenzaam."):
    return client.post(
        reverse("opgaven:opgave-prioriteit", args=[opgave.pk]),
        {"prioriteit-prioriteit": prioriteit, "prioriteit-motivering": motivering},
        headers=HTMX,
    )


def test_the_regisseur_proposes_a_priority_and_the_bestuurder_decides(users, opgave):
    opgave.prioriteit = "middel"
    opgave.save()
    regisseur, bestuurder = client_for(users["regisseur"]), client_for(users["bestuurder"])
    # The profile form no longer changes the priority of an existing opgave.
    bewerken = regisseur.get(reverse("opgaven:opgave-update", args=[opgave.pk])).content.decode()
    assert 'name="prioriteit"' not in bewerken

    response = _prioriteit(regisseur, opgave, "hoog", "Wachtlijsten lopen op.")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="prioriteit"')
    assert "stelde op" in html and "Wachtlijsten lopen op." in html
    opgave.refresh_from_db()
    assert opgave.prioriteit == "middel"  # a proposal, not a decision

    # A second proposal replaces the first; one waits at a time.
    _prioriteit(regisseur, opgave, "hoog", "Wachtlijsten lopen verder op.")
    voorstellen = list(opgave.prioriteitsvoorstellen.order_by("pk"))
    assert [v.besluit for v in voorstellen] == ["vervangen", "open"]

    # The bestuurder starts from the proposal and decides.
    hub = bestuurder.get(opgave.get_absolute_url()).content.decode()
    assert "Prioriteit vaststellen" in hub and "Wachtlijsten lopen verder op." in hub
    response = _prioriteit(bestuurder, opgave, "hoog", "Overgenomen: wachtlijsten.")
    assert "opgave-gewijzigd" in response["HX-Trigger-After-Settle"]
    opgave.refresh_from_db()
    assert (opgave.prioriteit, opgave.prioriteit_motivering) == (
        "hoog",
        "Overgenomen: wachtlijsten.",
    )
    voorstel = opgave.prioriteitsvoorstellen.get(besluit="overgenomen")
    assert voorstel.besloten_door == users["bestuurder"]

    # Deciding otherwise than proposed: the proposal is recorded as not taken over.
    _prioriteit(regisseur, opgave, "laag", "Het loopt vanzelf.")
    _prioriteit(bestuurder, opgave, "hoog", "Blijft hoog.")
    assert opgave.prioriteitsvoorstellen.filter(besluit="afgewezen").count() == 1
    geschiedenis = regisseur.get(reverse("opgaven:opgave-geschiedenis", args=[opgave.pk]))
    assert "Prioriteitsvoorstel" in geschiedenis.content.decode()


@pytest.mark.parametrize("rol", ["teamlid", "beheerder", "medewerker", "partner", "regisseur2"])
def test_others_neither_propose_nor_decide_and_see_no_form(users, opgave, rol):
    client = client_for(users[rol])
    assert _prioriteit(client, opgave).status_code == 403
    assert not opgave.prioriteitsvoorstellen.exists()
    assert "prioriteit-form" not in client.get(opgave.get_absolute_url()).content.decode()


def test_a_priority_without_motivation_is_explained_and_nothing_changes(users, opgave):
    response = _prioriteit(client_for(users["bestuurder"]), opgave, "laag", "   ")
    assert response.status_code == 422
    assert "Leg uit waarom de opgave deze prioriteit heeft." in response.content.decode()
    response = _prioriteit(client_for(users["bestuurder"]), opgave, "allerhoogst", "M")
    assert response.status_code == 422
    assert Opgave.objects.get(pk=opgave.pk).prioriteit == opgave.prioriteit


def test_team_changes_are_security_events(users, opgave, caplog):
    import logging

    from tests.conftest import beveiligingslog

    client = client_for(users["regisseur"])
    medewerker = users["medewerker"]
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        _team(client, opgave, **{"team-user": medewerker.pk, "team-rol": "kernteam"})
        lid = Teamlidmaatschap.objects.get(opgave=opgave, user=medewerker)
        _team(client, opgave, "rol", lid.pk, rol="adviseur")
        _team(client, opgave, "delete", lid.pk)
    events = [e for e in beveiligingslog(caplog) if e["action"].startswith("team_")]
    assert [e["action"] for e in events] == ["team_toevoegen", "team_rol", "team_verwijderen"]
    assert events[1]["object"] == f"opgave:{opgave.pk}:gebruiker:{medewerker.pk}:adviseur"
    assert {e["user"] for e in events} == {"regisseur"}


def test_the_team_picker_finds_colleagues_by_every_word_and_skips_the_team(users, opgave):
    url = reverse("opgaven:persoon-zoeken")
    client = client_for(users["regisseur"])
    partner = users["partner"]
    partner.first_name, partner.last_name = "Priya", "Sewdien"
    partner.save()
    zoek = "pri sew"
    html = client.get(url, {"team-user_zoek": zoek}).content.decode()
    assert "Priya Sewdien" in html
    in_team = client.get(url, {"team-user_zoek": zoek, "team_van": opgave.pk}).content.decode()
    assert opgave.teamleden.filter(pk=partner.pk).exists() and "Priya Sewdien" not in in_team
    niemand = client.get(url, {"team-user_zoek": users["raadslid"].username}).content.decode()
    assert 'role="option"' not in niemand  # raadsleden join no team


def test_the_regisseur_of_an_opgave_is_searched_among_regisseurs_and_beheerders(users, opgave):
    url = reverse("opgaven:persoon-zoeken")
    client = client_for(users["beheerder"])
    formulier = client.get(reverse("opgaven:opgave-update", args=[opgave.pk])).text
    assert 'name="opgaveregisseur_zoek"' in formulier
    assert "&quot;rol&quot;: &quot;opgaveregisseur,beheerder&quot;" in formulier

    def gevonden(**params) -> set[str]:
        html = client.get(url, {"opgaveregisseur_zoek": "", **params}).text
        return set(re.findall(r'data-waarde="(\d+)"', html))

    regisseurs = gevonden(rol="opgaveregisseur,beheerder")
    assert str(users["regisseur"].pk) in regisseurs and str(users["beheerder"].pk) in regisseurs
    assert str(users["teamlid"].pk) not in regisseurs and str(users["teamlid"].pk) in gevonden()
    for vreemd in ("<script>", "raadslid", ",,,"):  # no raadslid: ambtelijk only
        assert str(users["raadslid"].pk) not in gevonden(rol=vreemd)
    # Typed in full without JavaScript, a teamlid is not a regisseur: refused in Dutch.
    data = {"titel": opgave.titel, "opgaveregisseur_zoek": users["teamlid"].username}
    response = client.post(reverse("opgaven:opgave-update", args=[opgave.pk]), data)
    assert response.status_code == 422 and "Niets gevonden met deze naam" in response.text


def test_the_history_speaks_in_words_and_filters_by_kind(users, opgave):
    """Labels of choices and names of people, not codes and ids; one kind at a time."""
    client = client_for(users["regisseur"])
    lid = UserFactory(first_name="Mila", last_name="Vermeulen", rol="medewerker")
    assert _team(client, opgave, **{"team-user": lid.pk, "team-rol": "kernteam"}).status_code == 200
    lidmaatschap = Teamlidmaatschap.objects.get(opgave=opgave, user=lid)
    _team(client, opgave, actie="rol", lid=lidmaatschap.pk, rol="adviseur")
    _fase(client, opgave, "verkennen", "formuleren")
    url = reverse("opgaven:opgave-geschiedenis", args=[opgave.pk])

    html = client.get(url).content.decode()
    assert "Mila Vermeulen toegevoegd aan het team als Kernteam" in html
    assert "Rol van Mila Vermeulen in het team gewijzigd" in html
    assert "Kernteam</del> → <ins>Adviseur" in html
    assert "Verkennen en doorleven</del> → <ins>Formuleren" in html
    assert "verkennen</del>" not in html and "kernteam</del>" not in html

    alleen_team = client.get(url, {"soort": "opgaven.TeamlidmaatschapEvent"}).content.decode()
    assert "Mila Vermeulen toegevoegd" in alleen_team
    assert "Verkennen en doorleven</del>" not in alleen_team
    # An unknown kind shows everything rather than failing.
    assert client.get(url, {"soort": "<script>"}).status_code == 200


def test_a_closed_form_comes_on_demand_not_with_the_page(users, opgave):
    """At scale: the hub's forms (phase, progress, priority, samenhang) were rendered with every
    page, closed; now opening one asks for the page with ?formulier= (htmx takes the form
    from it; without JavaScript the link in its place goes there)."""
    client = client_for(users["regisseur"])
    url = opgave.get_absolute_url()
    fase = reverse("opgaven:opgave-fase", args=[opgave.pk])
    relatie = reverse("opgaven:relatie-create", args=[opgave.pk])
    pagina = client.get(url).content.decode()
    for naam in ("fase-form", "voortgang-form", "prioriteit-form", "relatie-form"):
        assert f'id="{naam}-openklap" hx-get="?formulier={naam}"' in pagina
        assert f'href="?formulier={naam}#{naam}-openklap"' in pagina
    assert f'action="{fase}"' not in pagina and f'action="{relatie}"' not in pagina

    for headers in ({}, HTMX):
        geopend = client.get(url, {"formulier": "fase-form"}, headers=headers).content.decode()
        assert 'id="fase-form-openklap" open' in geopend and f'action="{fase}"' in geopend
        assert f'action="{relatie}"' not in geopend  # the others stay closed

    vreemd = client.get(url, {"formulier": hostile.SCRIPT})
    assert vreemd.status_code == 200 and hostile.SCRIPT not in vreemd.content.decode()

    # Refused: the section comes back with its form open and the errors in it.
    fout = _fase(client, opgave, "verkennen", "formuleren", naar_fase="heelal")
    assert fout.status_code == 422 and 'id="fase-form-openklap" open' in fout.content.decode()


def test_a_partner_is_told_of_samenhang_they_cannot_see_not_that_there_is_none(
    users, opgave, andere_opgave
):
    OpgaveRelatie.objects.create(van=opgave, naar=andere_opgave, soort="raakt_aan")
    partner = client_for(users["partner"]).get(opgave.get_absolute_url()).content.decode()
    assert "Nog geen samenhang vastgelegd." not in partner
    assert "hangt ook samen met 1 opgave die u niet kunt inzien" in partner
    assert andere_opgave.get_absolute_url() not in partner
    regisseur = client_for(users["regisseur"]).get(opgave.get_absolute_url()).content.decode()
    assert andere_opgave.get_absolute_url() in regisseur and "niet kunt inzien" not in regisseur
