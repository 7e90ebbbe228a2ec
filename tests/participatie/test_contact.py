import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from participatie.models import Afspraak, Contactmoment, Vervolgactie
from tests.conftest import client_for, tel_queries
from tests.participatie.factories import BetrokkenheidFactory

VANDAAG = timezone.localdate()


@pytest.fixture
def betrokken(opgave):
    return [BetrokkenheidFactory(opgave=opgave).stakeholder for _ in range(2)]


def _contact(client, opgave, stakeholders, **extra):
    data = {
        "contact-datum": VANDAAG.isoformat(),
        "contact-soort": "gesprek",
        "contact-richting": "uitgaand",
        "contact-stakeholders": [s.pk for s in stakeholders],
        "contact-samenvatting": "Gesproken over de ontmoetingsplek.",
    }
    data.update(extra)
    return client.post(reverse("participatie:contactmoment-create", args=[opgave.pk]), data)


def _afspraak(client, opgave, **extra):
    data = {
        "afspraak-omschrijving": "De woningcorporatie stelt de ruimte beschikbaar.",
        "afspraak-belover": "",
        "afspraak-ontvanger": "",
        "afspraak-eigenaar": "",
        "afspraak-deadline": (VANDAAG + datetime.timedelta(days=30)).isoformat(),
        "afspraak-bijdrage": "",
    }
    data.update(extra)
    return client.post(reverse("participatie:afspraak-create", args=[opgave.pk]), data)


def test_contact_with_follow_up_is_recorded(users, opgave, betrokken):
    response = _contact(
        client_for(users["teamlid"]),
        opgave,
        betrokken,
        **{
            "contact-deelnemers": [users["teamlid"].pk],
            "contact-vervolg_omschrijving": "Offerte opvragen",
            "contact-vervolg_eigenaar": users["teamlid"].pk,
            "contact-vervolg_deadline": (VANDAAG + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    contact = Contactmoment.objects.get()
    assert set(contact.stakeholders.all()) == set(betrokken)
    assert contact.vastgelegd_door == users["teamlid"]
    assert Vervolgactie.objects.get().eigenaar == users["teamlid"]


def test_colleagues_are_searched_and_the_team_speaks_for_the_municipality(users, opgave):
    """At scale: the contact page listed every colleague three times (two owner selects and the
    participants' checkboxes, 118 kB at scale). Owners are searched; the participants are
    the regisseur and the team."""
    buiten = users["teamlid_ander"]  # on another opgave's team
    client = client_for(users["regisseur"])
    pagina = client.get(reverse("participatie:contact", args=[opgave.pk])).content.decode()
    for veld in ("contact-vervolg_eigenaar", "afspraak-eigenaar"):
        assert f'name="{veld}_zoek"' in pagina and f'<select name="{veld}"' not in pagina
    aangeboden = set(re.findall(r'name="contact-deelnemers" value="(\d+)"', pagina))
    team = [opgave.opgaveregisseur_id, *opgave.teamleden.values_list("pk", flat=True)]
    assert aangeboden == {str(pk) for pk in team} and str(users["teamlid"].pk) in aangeboden
    assert escape(str(buiten)) not in pagina
    response = _contact(
        client,
        opgave,
        [BetrokkenheidFactory(opgave=opgave).stakeholder],
        **{"contact-deelnemers": [buiten.pk]},
    )
    assert response.status_code == 422 and not Contactmoment.objects.exists()
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_stakeholders_of_another_opgave_cannot_attend(users, opgave, andere_opgave):
    vreemd = BetrokkenheidFactory(opgave=andere_opgave).stakeholder
    response = _contact(client_for(users["regisseur"]), opgave, [vreemd])
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Contactmoment.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"contact-datum": (VANDAAG + datetime.timedelta(days=2)).isoformat()},
            "de datum ligt in de toekomst",
        ),
        ({"contact-samenvatting": ""}, "Vat samen wat er besproken is."),
        (
            {"contact-vervolg_omschrijving": "Alleen een omschrijving"},
            "de eigenaar en de uiterste datum",
        ),
    ],
)
def test_bad_contact_is_explained(users, opgave, betrokken, extra, message):
    response = _contact(client_for(users["regisseur"]), opgave, betrokken, **extra)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Contactmoment.objects.exists()


def test_commitments_in_both_directions(users, opgave, betrokken):
    client = client_for(users["regisseur"])
    eigenaar = users["regisseur"].pk
    assert (
        _afspraak(
            client,
            opgave,
            **{
                "afspraak-belover": betrokken[0].pk,
                "afspraak-eigenaar": eigenaar,
                "afspraak-bijdrage": "12.500,50",
            },
        ).status_code
        == 302
    )
    assert (
        _afspraak(
            client, opgave, **{"afspraak-ontvanger": betrokken[1].pk, "afspraak-eigenaar": eigenaar}
        ).status_code
        == 302
    )
    afspraken = list(Afspraak.objects.order_by("pk"))
    assert afspraken[0].belover == betrokken[0] and afspraken[0].ontvanger is None
    assert str(afspraken[0].bijdrage) == "12500.50"
    assert afspraken[1].belover is None and afspraken[1].ontvanger == betrokken[1]
    html = client.get(reverse("participatie:contact", args=[opgave.pk])).content.decode()
    assert "€ 12.500,50" in html


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "kies wie belooft of aan wie"),
        ({"afspraak-bijdrage": "-5"}, "niet negatief"),
        ({"afspraak-deadline": ""}, "uiterlijk nagekomen"),
    ],
)
def test_bad_commitments_are_explained(users, opgave, betrokken, extra, message):
    data = {"afspraak-eigenaar": users["regisseur"].pk}
    if extra and "afspraak-belover" not in extra:
        data["afspraak-belover"] = betrokken[0].pk
    data.update(extra)
    response = _afspraak(client_for(users["regisseur"]), opgave, **data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Afspraak.objects.exists()


def test_self_promise_is_refused(users, opgave, betrokken):
    response = _afspraak(
        client_for(users["regisseur"]),
        opgave,
        **{
            "afspraak-belover": betrokken[0].pk,
            "afspraak-ontvanger": betrokken[0].pk,
            "afspraak-eigenaar": users["regisseur"].pk,
        },
    )
    assert response.status_code == 422
    assert "geen belofte aan zichzelf" in response.content.decode()


def test_overdue_commitment_stands_out_on_the_owners_home(users, opgave, betrokken):
    Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Zaal regelen",
        belover=betrokken[0],
        eigenaar=users["teamlid"],
        deadline=VANDAAG - datetime.timedelta(days=1),
    )
    eigen = client_for(users["teamlid"]).get(reverse("home")).content.decode()
    assert "Wat wacht op u" in eigen and "Zaal regelen" in eigen and "te laat" in eigen
    ander = client_for(users["regisseur"]).get(reverse("home")).content.decode()
    assert "Zaal regelen" not in ander


def test_readers_cannot_record(users, opgave, betrokken):
    for rol in ["medewerker", "teamlid_ander"]:
        client = client_for(users[rol])
        assert client.get(reverse("participatie:contact", args=[opgave.pk])).status_code == 200
        assert _contact(client, opgave, betrokken).status_code == 403
    assert (
        client_for(users["raadslid"])
        .get(reverse("participatie:contact", args=[opgave.pk]))
        .status_code
        == 404
    )
    assert not Contactmoment.objects.exists()


def test_contact_page_queries_do_not_grow(users, opgave, betrokken):
    client = client_for(users["regisseur"])

    def add(n):
        for i in range(n):
            c = Contactmoment.objects.create(
                opgave=opgave, datum=VANDAAG, soort="gesprek", samenvatting=f"c{i}"
            )
            c.stakeholders.set(betrokken)
            c.deelnemers.set([users["teamlid"]])
            Vervolgactie.objects.create(
                contactmoment=c, omschrijving="v", eigenaar=users["teamlid"], deadline=VANDAAG
            )
            Afspraak.objects.create(
                opgave=opgave,
                omschrijving="a",
                belover=betrokken[0],
                ontvanger=betrokken[1],
                eigenaar=users["teamlid"],
                deadline=VANDAAG,
            )

    def count():
        return tel_queries(client, reverse("participatie:contact", args=[opgave.pk]))

    add(3)
    klein = count()
    add(27)
    assert count() == klein


@pytest.mark.parametrize("deadline", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_deadline_outside_1900_2100_is_a_typing_error(users, opgave, deadline):
    """Found by a probe: 0001-01-01 and 9999-12-31 were accepted as deadlines (every date field of
    every form has the bounds, core.forms.NLDSFormMixin)."""
    response = _afspraak(client_for(users["teamlid"]), opgave, **{"afspraak-deadline": deadline})
    assert response.status_code == 422
    assert "Kies een datum tussen 1900 en 2100." in response.content.decode()
    assert not Afspraak.objects.exists()
