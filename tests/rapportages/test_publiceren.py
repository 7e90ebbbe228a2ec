"""Vaststellen en publiceren: the college vaststelt the concept it read, the definitive
version names who and when on its cover, and only then does the council see it."""

import hashlib
import subprocess

import pytest
from django.urls import reverse
from django.utils.html import escape

from accounts.models import Melding, Rol
from opgaven.geschiedenis import geschiedenis
from rapportages import services
from rapportages.models import Rapportage, Status
from tests.accounts.factories import UserFactory
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for


@pytest.fixture
def klaar(users, opgave):
    opgave.portefeuillehouder = users["bestuurder"]
    opgave.save()
    CanvasItemFactory(opgave=opgave, tekst="Doel voor de raad")
    rapportage = Rapportage.objects.create(
        opgave=opgave, aangevraagd_door=users["teamlid"], totaal=1
    )
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR
    return rapportage


def _tekst(pad) -> str:
    return subprocess.run(
        ["pdftotext", str(pad), "-"], capture_output=True, check=True
    ).stdout.decode()


def _vaststellen(user, rapportage, **kwargs):
    url = reverse("rapportages:rapportage-vaststellen", args=[rapportage.pk])
    return client_for(user).post(url, **kwargs)


def _pdf(response) -> bytes:
    return b"".join(response.streaming_content)


def test_render_keeps_checksum_and_data_behind_the_report(klaar, opgave):
    with klaar.bestand.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == klaar.checksum
    eerste = klaar.gegevens["opgaven"][0]
    assert eerste["id"] == opgave.pk
    assert "Doel voor de raad" in eerste["w_vragen"]["Wat willen we bereiken?"]["Beleidsdoelen"]


def test_the_bestuurder_vaststelt_and_the_council_reads_the_definitive_version(
    users, klaar, opgave
):
    raadslid = client_for(users["raadslid"])
    detail = reverse("rapportages:rapportage-detail", args=[klaar.pk])
    download = reverse("rapportages:rapportage-download", args=[klaar.pk])
    concept = _tekst(klaar.bestand.path)
    assert "Concept: nog niet vastgesteld" in concept
    assert concept.count("CONCEPT: NIET VASTGESTELD") >= 2  # every page after the cover
    assert raadslid.get(detail).status_code == 404
    assert raadslid.get(download).status_code == 404

    assert _vaststellen(users["bestuurder"], klaar).status_code == 302
    klaar.refresh_from_db()
    assert klaar.vastgesteld_door == users["bestuurder"]
    # Who asked for it hears it (accounts.meldingen).
    melding = Melding.objects.get(ontvanger=users["teamlid"], tekst__startswith="Vastgesteld door")
    assert melding.link == detail
    assert (klaar.status, klaar.gepubliceerd_op) == (Status.WACHTRIJ, None)
    assert raadslid.get(detail).status_code == 404  # not before the definitive version

    services.rapportage_render(rapportage_id=klaar.pk)
    klaar.refresh_from_db()
    assert klaar.status == Status.KLAAR and klaar.gepubliceerd_op is not None
    definitief = _tekst(klaar.bestand.path)
    naam = str(users["bestuurder"])
    assert f"Vastgesteld door {naam} op" in " ".join(definitief.split())
    assert "CONCEPT" not in definitief

    lijst = raadslid.get(reverse("rapportages:rapportage-list")).content.decode()
    assert klaar.titel.split("<")[0] in lijst  # (the title is hostile, escaped on the page)
    pdf = _pdf(raadslid.get(download))
    assert hashlib.sha256(pdf).hexdigest() == klaar.checksum
    pagina = raadslid.get(detail).content.decode()
    assert klaar.checksum in pagina and escape(naam) in pagina

    # Both steps are in the report's history and the opgave's.
    acties = [g.actie for g in services_geschiedenis(klaar)]
    assert acties == ["gepubliceerd", "vastgesteld"]
    hub = [(g.wat, g.actie, g.wie) for g in geschiedenis(opgave, users["regisseur"])]
    assert ("rapportage", "vastgesteld", naam) in hub


def services_geschiedenis(rapportage):
    from pghistory.models import Events

    from core.geschiedenis import beschrijf

    events = Events.objects.tracks(rapportage).order_by("-pgh_created_at", "-pgh_id")
    return beschrijf(events, lezer=rapportage.aangevraagd_door)


@pytest.mark.parametrize(
    "rol", ["teamlid", "regisseur", "beheerder", "medewerker", "regisseur2", "raadslid", "partner"]
)
def test_only_the_portefeuillehouder_vaststelt_a_report_of_one_opgave(users, klaar, rol):
    assert _vaststellen(users[rol], klaar).status_code in (403, 404)
    andere_bestuurder = UserFactory(rol=Rol.BESTUURDER)
    assert _vaststellen(andere_bestuurder, klaar).status_code == 403
    klaar.refresh_from_db()
    assert klaar.vastgesteld_op is None and klaar.status == Status.KLAAR


def test_any_bestuurder_vaststelt_the_report_of_all_opgaven(users, opgave):
    rapportage = Rapportage.objects.create(opgave=None, aangevraagd_door=users["beheerder"])
    services.rapportage_render(rapportage_id=rapportage.pk)
    assert _vaststellen(users["beheerder"], rapportage).status_code == 403
    assert _vaststellen(UserFactory(rol=Rol.BESTUURDER), rapportage).status_code == 302
    rapportage.refresh_from_db()
    assert rapportage.vastgesteld_op is not None


def test_a_vaststelling_lapses_when_the_data_changed_since_the_concept(users, klaar, opgave):
    _vaststellen(users["bestuurder"], klaar)
    opgave.maatschappelijke_bedoeling = "Bijgesteld na het lezen van het concept"
    opgave.save()
    services.rapportage_render(rapportage_id=klaar.pk)
    klaar.refresh_from_db()
    # Not published: what the bestuurder read is not what would go to the council.
    assert klaar.gepubliceerd_op is None and klaar.vastgesteld_op is None
    assert klaar.status == Status.WACHTRIJ and "vervallen" in klaar.melding
    services.rapportage_render(rapportage_id=klaar.pk)  # the new concept
    klaar.refresh_from_db()
    assert klaar.status == Status.KLAAR
    assert "Bijgesteld" in klaar.gegevens["opgaven"][0]["maatschappelijke_bedoeling"]
    pagina = client_for(users["bestuurder"]).get(klaar.get_absolute_url()).content.decode()
    assert "De vaststelling is vervallen" in pagina
    assert "Vaststellen en publiceren voor de raad" in pagina
    assert [g.actie for g in services_geschiedenis(klaar)] == [
        "vaststelling vervallen",
        "vastgesteld",
    ]


def test_a_published_report_never_changes(users, klaar):
    _vaststellen(users["bestuurder"], klaar)
    services.rapportage_render(rapportage_id=klaar.pk)
    klaar.refresh_from_db()
    gepubliceerd_op, checksum = klaar.gepubliceerd_op, klaar.checksum
    # Vaststellen again or rendering again changes nothing.
    _vaststellen(users["bestuurder"], klaar)
    services.rapportage_render(rapportage_id=klaar.pk)
    klaar.refresh_from_db()
    assert (klaar.gepubliceerd_op, klaar.checksum, klaar.pogingen) == (gepubliceerd_op, checksum, 1)


def test_a_tampered_file_is_not_delivered(users, klaar):
    _vaststellen(users["bestuurder"], klaar)
    services.rapportage_render(rapportage_id=klaar.pk)
    klaar.refresh_from_db()
    with open(klaar.bestand.path, "ab") as handle:
        handle.write(b"% gewijzigd")
    response = client_for(users["raadslid"]).get(
        reverse("rapportages:rapportage-download", args=[klaar.pk])
    )
    assert response.status_code == 409
    assert "wijkt af van de vastgestelde versie" in response.content.decode()


def test_a_tampered_concept_is_not_vastgesteld(users, klaar):
    with open(klaar.bestand.path, "ab") as handle:
        handle.write(b"% gewijzigd")
    response = _vaststellen(users["bestuurder"], klaar, follow=True)
    assert "komt niet overeen met het controlegetal" in response.content.decode()
    klaar.refresh_from_db()
    assert klaar.vastgesteld_op is None and klaar.gepubliceerd_op is None
