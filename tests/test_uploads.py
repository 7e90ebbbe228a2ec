"""Every upload endpoint against the files an attacker sends: a fast Dutch refusal, and the
process's memory stays flat (its peak RSS is measured around each request).

The endpoints: the stakeholder import (xlsx or CSV), the indicator CSV import, the
griffie's list of moties (CSV) and the logo in the huisstijl. Linux's clear_refs resets
the peak (VmHWM) before each request, so what is measured is that request alone.
"""

import datetime
import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from openpyxl import Workbook
from PIL import Image

from canvas.models import Blok, Indicator
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for

MB = 1024 * 1024
PLAFOND = 100 * MB  # peak RSS above the process's RSS before the request


def _xlsx(blad=None, extra=None) -> bytes:
    """A one-row workbook, its sheet rewritten by ``blad`` and/or a member ``extra`` added."""
    werkboek = Workbook()
    werkboek.active.append(["naam", "soort"])
    werkboek.active.append(["Stichting Bom", "maatschappelijke_organisatie"])
    bron = io.BytesIO()
    werkboek.save(bron)
    uit = io.BytesIO()
    with zipfile.ZipFile(bron) as oud, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for deel in oud.infolist():
            inhoud = oud.read(deel.filename)
            if blad and deel.filename == "xl/worksheets/sheet1.xml":
                inhoud = blad(inhoud)
            nieuw.writestr(deel.filename, inhoud)
        if extra:
            with nieuw.open(extra, "w", force_zip64=True) as handle:
                for _ in range(200):
                    handle.write(bytes(MB))
    return uit.getvalue()


def _enorm(xml: bytes) -> bytes:
    xml = xml.replace(b'<dimension ref="A1:B2" />', b'<dimension ref="A1:XFD1048576" />')
    laatste = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xml.replace(b"</sheetData>", laatste + b"</sheetData>")


def _diep(xml: bytes) -> bytes:
    """A third row whose cell holds 200,000 nested elements."""
    nest = b"<x>" * 200_000 + b"</x>" * 200_000
    rij = b'<row r="3"><c r="A3" t="inlineStr"><is><t>' + nest + b"</t></is></c></row>"
    return xml.replace(b"</sheetData>", rij + b"</sheetData>")


DIEPE_XML = b'<?xml version="1.0"?>' + b"<a>" * 200_000 + b"</a>" * 200_000


def _png(breedte: int, hoogte: int) -> bytes:
    """A real PNG header claiming these pixels, with a tiny body (a decompression bomb)."""
    uit = io.BytesIO()
    Image.new("1", (breedte, hoogte)).save(uit, "PNG", optimize=True)
    return uit.getvalue()


BESTANDEN = {
    "zip-bom": ("bom.xlsx", lambda: _xlsx(extra="xl/media/nul.bin")),
    "enorme-afmeting": ("bom.xlsx", lambda: _xlsx(blad=_enorm)),
    "diepe-xml-in-xlsx": ("diep.xlsx", lambda: _xlsx(blad=_diep)),
    "diepe-xml": ("diep.csv", lambda: DIEPE_XML),
    "pixelbom": ("bom.png", lambda: _png(30_000, 30_000)),
    "50-mb": ("groot.csv", lambda: b"15-03-2026;1\n" * (50 * MB // 13)),
}


def _stakeholders(users, opgave):
    return client_for(users["regisseur"]), reverse("participatie:stakeholder-import"), {}, "bestand"


def _indicatoren(users, opgave):
    effect = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort="effect")
    indicator = Indicator.objects.create(
        item=effect,
        naam="Eenzaamheid",
        eenheid="%",
        bron="eigen",
        nulmeting=10,
        nulmeting_datum=datetime.date(2025, 1, 1),
        streefwaarde=5,
        streefdatum=datetime.date(2028, 1, 1),
    )
    url = reverse("canvas:metingen-import", args=[opgave.pk])
    return client_for(users["regisseur"]), url, {"import-indicator": indicator.pk}, "import-bestand"


def _logo(users, opgave):
    data = {"naam": "Gemeente Maasdal", "thema": "voorbeeld"}
    return client_for(users["beheerder"]), reverse("huisstijl"), data, "logo"


def _moties(users, opgave):
    return (
        client_for(users["beheerder"]),
        reverse("rapportages:moties-import"),
        {},
        "import-bestand",
    )


ENDPOINTS = {
    "stakeholderimport": _stakeholders,
    "indicatorimport": _indicatoren,
    "logo": _logo,
    "motie-import": _moties,
}


def _rss() -> int:
    with open("/proc/self/status") as status:
        return {
            regel.split(":")[0]: int(regel.split()[1]) * 1024
            for regel in status
            if regel.startswith(("VmRSS", "VmHWM"))
        }


@pytest.mark.parametrize("bestand", BESTANDEN)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_upload_refuses_hostile_files_fast_small_and_in_dutch(
    users, opgave, endpoint, bestand
):
    client, url, data, veld = ENDPOINTS[endpoint](users, opgave)
    naam, maak = BESTANDEN[bestand]
    # Encoded before measuring: the multipart body is the client's memory, not the server's.
    body = encode_multipart(BOUNDARY, data | {veld: SimpleUploadedFile(naam, maak())})
    with open("/proc/self/clear_refs", "w") as reset:
        reset.write("5")  # the peak RSS starts again from the current RSS
    voor = _rss()["VmRSS"]
    begin = time.monotonic()
    response = client.generic("POST", url, body, content_type=MULTIPART_CONTENT)
    duur = time.monotonic() - begin
    piek = _rss()["VmHWM"] - voor
    print(f"{endpoint} {bestand}: {response.status_code} in {duur:.2f} s, +{piek / MB:.0f} MB")
    # Seconds, not minutes: the unbounded reads took minutes and gigabytes. A deep
    # XML row took 2.2 s once on this 2-core machine under a full test run.
    assert duur < 4, f"{duur:.1f} s"
    assert piek < PLAFOND, f"+{piek / MB:.0f} MB"
    html = response.content.decode()
    if (endpoint, bestand) == ("stakeholderimport", "diepe-xml-in-xlsx"):
        # A valid workbook whose extra row holds nested elements and no text: read in
        # bounded time and memory as the one row it has, which the preview shows.
        assert response.status_code == 200 and "1 rij" in html
        return
    assert 400 <= response.status_code < 500, response.status_code
    fout = "utrecht-form-field-error-message" in html or "utrecht-alert--error" in html
    assert fout, html[-3000:]
