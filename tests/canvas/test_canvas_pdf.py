"""The whole canvas on one A3 landscape page: read back and looked at."""

import io
import subprocess

import pypdf
import pytest
from django.urls import reverse

from accounts.models import User
from canvas.models import Blok, CanvasItem, CanvasVersie
from opgaven.models import Opgave
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.demo_kopie import demodata
from tests.documenten import maak_document

A3_LIGGEND = (1190.55, 841.89)  # points


def _pdf(client, opgave, **data):
    return maak_document(client, reverse("rapportages:document-canvas", args=[opgave.pk]), **data)


def _tekst(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.django_db
def test_demo_canvas_is_one_a3_landscape_page_with_every_block():
    demodata()
    opgave = Opgave.objects.get(titel="Vitale kernen")
    pdf = _pdf(client_for(User.objects.get(username="medewerker")), opgave)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 0), round(float(box.height), 0)) == tuple(
        round(x, 0) for x in A3_LIGGEND
    )
    tekst = " ".join(_tekst(pdf).split())
    for label in Blok.labels:
        assert str(label) in tekst
    for item in opgave.canvas_items.all():
        assert " ".join(item.tekst.split())[:40] in tekst
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    assert "Tagged:          yes" in info.stdout.decode()


def test_a_full_canvas_still_fits_one_page_and_nothing_is_cut(users, opgave, tmp_path):
    blokken = list(Blok)
    for i in range(80):
        CanvasItemFactory(
            opgave=opgave,
            blok=blokken[i % 10],
            tekst=f"Item{i:03d} " + "met een lange toelichting over wat we samen doen " * 3,
        )
    CanvasItemFactory(opgave=opgave, blok=Blok.ROLLEN, tekst=hostile.text())
    pdf = _pdf(client_for(users["regisseur"]), opgave)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    tekst = _tekst(pdf)
    assert all(f"Item{i:03d}" in tekst for i in range(80))
    # Looked at: the page renders to an image in landscape.
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-", str(tmp_path / "canvas")],
        input=pdf,
        check=True,
    )
    (png,) = tmp_path.glob("canvas*.png")
    breedte, hoogte = _png_size(png.read_bytes())
    assert breedte > hoogte * 1.3


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_a_frozen_version_prints_as_it_was(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Oude tekst van het doel")
    versie = CanvasVersie.vastleggen(opgave=opgave, naam="na sprint 2", user=users["regisseur"])
    CanvasItem.objects.filter(pk=item.pk).update(tekst="Nieuwe tekst van het doel")
    client = client_for(users["regisseur"])
    oud = _tekst(_pdf(client, opgave, versie=versie.pk))
    assert "Oude tekst van het doel" in oud and "Versie: na sprint 2" in oud
    assert "Nieuwe tekst van het doel" in _tekst(_pdf(client, opgave))


@pytest.mark.parametrize("versie", ["0", "abc", "99999999999999999999"])
def test_unknown_version_is_404(users, opgave, versie):
    response = client_for(users["regisseur"]).post(
        reverse("rapportages:document-canvas", args=[opgave.pk]), {"versie": versie}
    )
    assert response.status_code == 404


def test_another_opgaves_version_is_404(users, opgave, andere_opgave):
    vreemd = CanvasVersie.vastleggen(opgave=andere_opgave, naam="x", user=users["regisseur2"])
    response = client_for(users["regisseur"]).post(
        reverse("rapportages:document-canvas", args=[opgave.pk]), {"versie": vreemd.pk}
    )
    assert response.status_code == 404
