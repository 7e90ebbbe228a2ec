import hashlib

import pytest
from django.urls import reverse

from rapportages import services
from rapportages.models import Rapportage, Status
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for


@pytest.fixture
def klaar(users, opgave):
    CanvasItemFactory(opgave=opgave, tekst="Doel voor de raad")
    rapportage = Rapportage.objects.create(
        opgave=opgave, aangevraagd_door=users["teamlid"], totaal=1
    )
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR
    return rapportage


def _pdf(response) -> bytes:
    return b"".join(response.streaming_content)


def test_render_keeps_checksum_and_data_behind_the_report(klaar, opgave):
    with klaar.bestand.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == klaar.checksum
    eerste = klaar.gegevens["opgaven"][0]
    assert eerste["id"] == opgave.pk
    assert "Doel voor de raad" in eerste["w_vragen"]["Wat willen we bereiken?"]["Beleidsdoelen"]


def test_raadslid_reads_only_published_reports(users, klaar):
    raadslid = client_for(users["raadslid"])
    detail = reverse("rapportages:rapportage-detail", args=[klaar.pk])
    download = reverse("rapportages:rapportage-download", args=[klaar.pk])
    assert raadslid.get(detail).status_code == 404
    assert raadslid.get(download).status_code == 404
    assert klaar.titel not in raadslid.get(reverse("rapportages:rapportage-list")).content.decode()

    response = client_for(users["regisseur"]).post(
        reverse("rapportages:rapportage-publiceren", args=[klaar.pk])
    )
    assert response.status_code == 302
    klaar.refresh_from_db()
    assert klaar.gepubliceerd_door == users["regisseur"]

    assert (
        klaar.titel.split("<")[0]
        in raadslid.get(reverse("rapportages:rapportage-list")).content.decode()
    )
    pdf = _pdf(raadslid.get(download))
    assert hashlib.sha256(pdf).hexdigest() == klaar.checksum
    assert klaar.checksum in raadslid.get(detail).content.decode()


@pytest.mark.parametrize(
    "rol", ["teamlid", "teamlid_ander", "medewerker", "regisseur2", "raadslid"]
)
def test_only_the_regisseur_or_beheerder_publishes(users, klaar, rol):
    response = client_for(users[rol]).post(
        reverse("rapportages:rapportage-publiceren", args=[klaar.pk])
    )
    assert response.status_code in (403, 404)
    klaar.refresh_from_db()
    assert klaar.gepubliceerd_op is None


def test_a_published_report_never_changes(users, klaar):
    client_for(users["beheerder"]).post(
        reverse("rapportages:rapportage-publiceren", args=[klaar.pk])
    )
    klaar.refresh_from_db()
    gepubliceerd_op, checksum = klaar.gepubliceerd_op, klaar.checksum
    # Publishing again or rendering again changes nothing.
    client_for(users["beheerder"]).post(
        reverse("rapportages:rapportage-publiceren", args=[klaar.pk])
    )
    services.rapportage_render(rapportage_id=klaar.pk)
    klaar.refresh_from_db()
    assert (klaar.gepubliceerd_op, klaar.checksum, klaar.pogingen) == (gepubliceerd_op, checksum, 1)


def test_a_tampered_file_is_not_delivered(users, klaar):
    client_for(users["beheerder"]).post(
        reverse("rapportages:rapportage-publiceren", args=[klaar.pk])
    )
    with open(klaar.bestand.path, "ab") as handle:
        handle.write(b"% gewijzigd")
    response = client_for(users["raadslid"]).get(
        reverse("rapportages:rapportage-download", args=[klaar.pk])
    )
    assert response.status_code == 409
    assert "wijkt af van de vastgestelde versie" in response.content.decode()


def test_tampered_file_is_not_published(users, klaar):
    with open(klaar.bestand.path, "ab") as handle:
        handle.write(b"% gewijzigd")
    response = client_for(users["beheerder"]).post(
        reverse("rapportages:rapportage-publiceren", args=[klaar.pk]), follow=True
    )
    assert "komt niet overeen met het controlegetal" in response.content.decode()
    klaar.refresh_from_db()
    assert klaar.gepubliceerd_op is None
