import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from core.models import Huisstijl
from tests.conftest import client_for


def _png(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (31, 58, 104)).save(buffer, format="PNG")
    return buffer.getvalue()


def _post(client, **data):
    data = {"naam": "Gemeente Lindewaard", "thema": "voorbeeld", **data}
    return client.post(reverse("huisstijl"), data)


def test_beheerder_sets_name_logo_and_theme(users):
    client = client_for(users["beheerder"])
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    assert _post(client, logo=logo).status_code == 302
    page = client.get(reverse("opgaven:opgave-list")).content.decode()
    assert "Gemeente Lindewaard" in page
    assert reverse("logo") in page
    response = client.get(reverse("logo"))
    assert response["Content-Type"] == "image/png"
    assert b"".join([response.content]).startswith(b"\x89PNG")


# Pillow warns about the bomb before the form refuses it: expected here.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"<svg onload=alert(1)></svg>", "geen geldige PNG- of JPEG-afbeelding"),
        ("logo.png", b"GIF89a" + b"\x00" * 20, "geen geldige PNG- of JPEG-afbeelding"),
        ("groot.png", b"\x89PNG" + b"\x00" * (600 * 1024), "te groot"),
        # A few kB that claim 100 million pixels: every PDF would unpack them.
        ("breed.png", _png((50_000, 2_000)), "hoogstens 4000 bij 4000 pixels"),
    ],
)
def test_bad_logos_are_refused_and_nothing_is_lost(users, name, content, message):
    client = client_for(users["beheerder"])
    _post(client, naam="Gemeente Maasdal")
    response = _post(client, naam="Anders", logo=SimpleUploadedFile(name, content))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert Huisstijl.huidige().naam == "Gemeente Maasdal"
    assert not Huisstijl.huidige().heeft_logo


def test_name_is_shown_literally(users):
    client = client_for(users["beheerder"])
    _post(client, naam="<script>alert(1)</script> Gemeente")
    html = client.get(reverse("home")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Gemeente" in html
    assert "<script>alert(1)</script> Gemeente" not in html


@pytest.mark.parametrize("rol", ["regisseur", "medewerker", "teamlid", "raadslid"])
def test_only_the_beheerder_changes_the_huisstijl(users, rol):
    client = client_for(users[rol])
    assert client.get(reverse("huisstijl")).status_code == 403
    assert _post(client).status_code == 403
    assert not Huisstijl.objects.exists()


def test_report_cover_carries_name_and_logo(users, opgave, tmp_path):
    _post(
        client_for(users["beheerder"]),
        logo=SimpleUploadedFile("logo.png", _png(), content_type="image/png"),
    )
    output = tmp_path / "r.pdf"
    call_command("rapportage", opgave="alle", output=str(output))
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(output), "-"], capture_output=True, check=True
    ).stdout
    assert "Gemeente Lindewaard" in text.decode()
    images = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(output)], capture_output=True, check=True
    )
    assert "png" in images.stdout.decode() or "image" in images.stdout.decode()
    assert len(images.stdout.decode().strip().splitlines()) >= 3  # header, rule, one image


def test_the_branding_is_read_once_per_page_however_many_parts_it_renders(users, opgave):
    """At scale: the hub renders its sections one by one, and each render read the branding."""
    client = client_for(users["regisseur"])
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(opgave.get_absolute_url()).status_code == 200
    huisstijl = [q for q in ctx.captured_queries if "core_huisstijl" in q["sql"]]
    assert len(huisstijl) == 1, len(huisstijl)


def test_an_htmx_answer_without_the_layout_does_not_read_the_branding(users, opgave):
    """A canvas block comes back without header or footer: nothing in it shows the branding."""
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvasitem-create", args=[opgave.pk, "activiteiten"])
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, {"activiteiten-tekst": "Buurtkamer"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Buurtkamer" in response.content.decode()
    assert not [q for q in ctx.captured_queries if "core_huisstijl" in q["sql"]]
