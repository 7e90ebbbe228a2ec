"""A partner's account is linked to their organisation in the register; on the hub of their
opgaven the partner sees the afspraken with that organisation, and no others."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from participatie.models import Afspraak, Partnerkoppeling
from tests.conftest import client_for, tel_queries
from tests.participatie.factories import PersoonFactory, StakeholderFactory

HTMX = {"HX-Request": "true"}


def _koppelen(client, persoon, organisatie) -> object:
    return client.post(
        reverse("participatie:partner-organisatie", args=[persoon.pk]),
        {"partner-organisatie": organisatie.pk if organisatie else ""},
        headers=HTMX,
    )


def _afspraak(opgave, omschrijving, **kwargs) -> Afspraak:
    return Afspraak.objects.create(
        opgave=opgave,
        omschrijving=omschrijving,
        eigenaar=opgave.opgaveregisseur,
        deadline=datetime.date(2027, 3, 1),
        **kwargs,
    )


def test_the_beheerder_links_a_partner_to_their_organisation(users):
    corporatie = StakeholderFactory(naam="Woonstichting Maasdal")
    beheerder, partner = client_for(users["beheerder"]), users["partner"]
    pagina = beheerder.get(reverse("accounts:gebruiker-detail", args=[partner.pk])).content
    assert "Nog aan geen organisatie" in pagina.decode()

    response = _koppelen(beheerder, partner, corporatie)
    assert response.status_code == 200
    assert "Werkt voor Woonstichting Maasdal" in response.content.decode()
    assert Partnerkoppeling.objects.get(user=partner).organisatie == corporatie
    geschiedenis = beheerder.get(reverse("accounts:gebruiker-detail", args=[partner.pk]))
    assert "Koppeling met een partnerorganisatie aangemaakt" in geschiedenis.content.decode()

    # A person is not an organisation; the link stays as it was.
    persoon = PersoonFactory(
        doel="d",
    )
    response = _koppelen(beheerder, partner, persoon)
    assert response.status_code == 422
    assert "Kies een organisatie uit de lijst." in response.content.decode()
    assert Partnerkoppeling.objects.get(user=partner).organisatie == corporatie

    assert _koppelen(beheerder, partner, None).status_code == 200
    assert not Partnerkoppeling.objects.filter(user=partner).exists()


def test_only_partners_are_linked_and_only_by_the_beheerder(users):
    corporatie = StakeholderFactory()
    assert (
        _koppelen(client_for(users["beheerder"]), users["teamlid"], corporatie).status_code == 404
    )
    for rol in ("regisseur", "bestuurder", "partner"):
        assert _koppelen(client_for(users[rol]), users["partner"], corporatie).status_code == 403
    assert not Partnerkoppeling.objects.exists()
    # The section is only on a partner's page.
    pagina = client_for(users["beheerder"]).get(
        reverse("accounts:gebruiker-detail", args=[users["teamlid"].pk])
    )
    assert "Partnerorganisatie" not in pagina.content.decode()


def test_a_partner_sees_the_afspraken_with_their_own_organisation_only(users, opgave):
    eigen, ander = StakeholderFactory(), StakeholderFactory()
    Partnerkoppeling.objects.create(user=users["partner"], organisatie=eigen)
    _afspraak(opgave, "Corporatie levert 12 woningen op", belover=eigen)
    _afspraak(opgave, "Gemeente regelt de vergunning", ontvanger=eigen)
    _afspraak(opgave, "Zorgaanbieder zet een wijkverpleegkundige in", belover=ander)
    hub = client_for(users["partner"]).get(opgave.get_absolute_url()).content.decode()
    assert f"Afspraken met {escape(eigen.naam)}" in hub
    assert "Corporatie levert 12 woningen op" in hub
    assert "Gemeente regelt de vergunning" in hub
    assert "wijkverpleegkundige" not in hub

    # The municipality's own people have the full contact page; no partner section for them.
    teamlid = client_for(users["teamlid"]).get(opgave.get_absolute_url()).content.decode()
    assert 'id="eigen-afspraken"' not in teamlid


def test_a_partner_without_a_link_is_told_why_they_see_no_afspraken(users, opgave):
    _afspraak(opgave, "Corporatie levert 12 woningen op", belover=StakeholderFactory())
    hub = client_for(users["partner"]).get(opgave.get_absolute_url()).content.decode()
    assert "nog niet aan uw organisatie gekoppeld" in hub
    assert "Corporatie levert" not in hub


def test_the_partners_hub_does_not_grow_with_afspraken(users, opgave):
    eigen = StakeholderFactory()
    Partnerkoppeling.objects.create(user=users["partner"], organisatie=eigen)
    client = client_for(users["partner"])
    _afspraak(opgave, "Eerste", belover=eigen)
    voor = tel_queries(client, opgave.get_absolute_url())
    for i in range(20):
        _afspraak(opgave, f"Nog een {i}", belover=eigen)
    assert tel_queries(client, opgave.get_absolute_url()) == voor


@pytest.mark.parametrize("rol", ["partner_ander", "raadslid"])
def test_the_hub_of_another_opgave_stays_closed(users, opgave, rol):
    assert client_for(users[rol]).get(opgave.get_absolute_url()).status_code == 404
