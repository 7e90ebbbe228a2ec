import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from participatie.models import Stakeholder
from tests import hostile
from tests.conftest import client_for

KOP = [
    "naam",
    "soort",
    "vorm",
    "organisatie",
    "kvk_nummer",
    "email",
    "telefoon",
    "grondslag",
    "doel",
    "bewaren_tot",
]
SLECHT = {
    5: {"naam": ""},  # no name
    50: {"soort": "heelal"},
    100: {"email": "geen-email"},
    150: {"kvk_nummer": "123"},
    200: {"vorm": "persoon", "soort": "inwoner", "grondslag": ""},
    250: {"vorm": "persoon", "soort": "inwoner", "bewaren_tot": "31-02-2027"},
    300: {"organisatie": "Bestaat Niet BV"},
    350: {"naam": "Organisatie 0"},  # duplicate of row 2 in the same file
    400: {"vorm": "robot"},
    450: {"email": "org1@voorbeeld.example"},  # duplicate e-mail of an earlier row
}


def _rijen(n=1000):
    rijen = []
    for i in range(n):
        rij = dict.fromkeys(KOP, "")
        rij.update(
            naam=f"Organisatie {i}",
            soort="maatschappelijke organisatie",
            email=f"org{i}@voorbeeld.example",
        )
        bestandsrij = i + 2
        rij.update(SLECHT.get(bestandsrij, {}))
        rijen.append(rij)
    rijen[600].update(naam=hostile.FORMULA, email="")
    rijen[601].update(
        naam="Zoë Persoon",
        soort="inwoner",
        vorm="persoon",
        organisatie="Organisatie 7",
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot="31-12-2028",
        email="",
    )
    return rijen


def _csv(rijen) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=KOP, delimiter=";")
    writer.writeheader()
    writer.writerows(rijen)
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(rijen) -> bytes:
    werkboek = Workbook()
    blad = werkboek.active
    blad.append(KOP)
    for rij in rijen:
        blad.append([rij[k] for k in KOP])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("naam", "maak"), [("stakeholders.csv", _csv), ("stakeholders.xlsx", _xlsx)]
)
def test_1000_rows_with_10_bad_import_990_and_name_the_10(users, naam, maak):
    client = client_for(users["regisseur"])
    url = reverse("participatie:stakeholder-import")
    preview = client.post(url, {"bestand": SimpleUploadedFile(naam, maak(_rijen()))})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "990 rijen kunnen worden geïmporteerd" in html
    assert "10 rijen worden overgeslagen" in html
    for rij in SLECHT:
        assert f">{rij}</td>" in html
    assert "onbekende soort" in html and "KvK-nummer moet uit acht cijfers" in html
    assert "organisatie &#x27;Bestaat Niet BV&#x27; staat niet in het register" in html
    assert not Stakeholder.objects.exists()  # nothing saved before confirmation

    bestand = client.session["stakeholder_import"]["bestand"]
    bevestigen = reverse("participatie:stakeholder-import-bevestigen")
    done = client.post(bevestigen, {"bevestig": bestand}, follow=True)
    assert "990 stakeholders geïmporteerd; 10 rijen overgeslagen." in done.content.decode()
    assert Stakeholder.objects.count() == 990
    assert Stakeholder.objects.get(naam=hostile.FORMULA)  # stored as text
    zoe = Stakeholder.objects.get(naam="Zoë Persoon")
    assert zoe.is_persoon and zoe.organisatie.naam == "Organisatie 7"

    # The same file again: everything is a duplicate now.
    again = client.post(url, {"bestand": SimpleUploadedFile(naam, maak(_rijen()))})
    assert "0 rijen kunnen worden geïmporteerd" in again.content.decode()


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("lijst.txt", b"naam\nx", "Alleen .csv- en .xlsx-bestanden"),
        ("lijst.csv", b"", "Het bestand is leeg."),
        ("lijst.csv", b'naam;soort\n"' + b"x" * 200_000 + b'";x', "kan niet worden gelezen"),
        ("lijst.csv", b"titel;soort\nx;ondernemer", "waaronder &#x27;naam&#x27;"),
        ("lijst.xlsx", b"PK\x03\x04 geen echt werkboek", "geen leesbaar Excel-bestand"),
    ],
)
def test_unreadable_files_are_explained(users, naam, inhoud, melding):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:stakeholder-import"), {"bestand": SimpleUploadedFile(naam, inhoud)}
    )
    assert response.status_code == 422
    assert melding in response.content.decode()


def test_confirming_an_unknown_file_imports_nothing(users):
    client = client_for(users["regisseur"])
    response = client.post(
        reverse("participatie:stakeholder-import-bevestigen"),
        {"bevestig": "../../etc/passwd"},
        follow=True,
    )
    assert "verlopen of al ingelezen" in response.content.decode()
    assert not Stakeholder.objects.exists()


@pytest.mark.parametrize("rol", ["medewerker", "raadslid"])
def test_readers_cannot_import(users, rol):
    response = client_for(users[rol]).post(
        reverse("participatie:stakeholder-import"),
        {"bestand": SimpleUploadedFile("x.csv", _csv(_rijen()[:3]))},
    )
    assert response.status_code == 403


def _xlsx_bytes(rijen) -> bytes:
    werkboek = Workbook()
    for rij in rijen:
        werkboek.active.append(rij)
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()


def _herpak(xlsx: bytes, wijzig=None, extra=None) -> bytes:
    """The same xlsx with one member rewritten (``wijzig``: name -> function) or a member
    added (``extra``: name -> chunks)."""
    import zipfile

    uit = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as bron,
        zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel,
    ):
        for deel in bron.infolist():
            inhoud = bron.read(deel.filename)
            if wijzig and deel.filename in wijzig:
                inhoud = wijzig[deel.filename](inhoud)
            doel.writestr(deel.filename, inhoud)
        for naam, stukken in (extra or {}).items():
            with doel.open(naam, "w", force_zip64=True) as handle:
                for stuk in stukken:
                    handle.write(stuk)
    return uit.getvalue()


def _enorm_blad(xml: bytes) -> bytes:
    """The sheet claims A1:XFD1048576 and has one cell in its very last row and column."""
    xml = xml.replace(b'<dimension ref="A1:B2" />', b'<dimension ref="A1:XFD1048576" />')
    assert b"XFD1048576" in xml
    laatste = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xml.replace(b"</sheetData>", laatste + b"</sheetData>")


def _entiteiten(xml: bytes) -> bytes:
    """A billion-laughs DOCTYPE in front of the sheet."""
    lachen = b'<!DOCTYPE x [<!ENTITY a "hahahahahahahahahaha">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10)
        for i in range(8)
    )
    xml = lachen + b"]>" + xml.replace(b"Stichting Bom", b"&i;")
    assert b"&i;" in xml
    return xml


GEWOON = _xlsx_bytes([["naam", "soort"], ["Stichting Bom", "maatschappelijke_organisatie"]])
BOMMEN = {
    "enorme-afmeting": (
        _herpak(GEWOON, {"xl/worksheets/sheet1.xml": _enorm_blad}),
        "Het werkblad loopt tot rij 1.048.576 en kolom 16384",
    ),
    "zip-bom": (
        _herpak(GEWOON, extra={"xl/media/nul.bin": [bytes(1024 * 1024)] * 60}),
        "uitgepakt te groot",
    ),
    "entiteiten": (
        _herpak(GEWOON, {"xl/worksheets/sheet1.xml": _entiteiten}),
        "geen leesbaar Excel-bestand",
    ),
    "te-groot": (bytes(6 * 1024 * 1024), "groter dan 5 MB"),
}


@pytest.mark.parametrize("soort", BOMMEN)
def test_a_hostile_workbook_is_answered_fast_and_small(users, soort):
    """Found by a probe: a 4.8 KB sheet claiming A1:XFD1048576 took 3.9 GB; a zip bomb 560 MB."""
    import time
    import tracemalloc

    inhoud, melding = BOMMEN[soort]
    client = client_for(users["regisseur"])
    tracemalloc.start()
    begin = time.monotonic()
    response = client.post(
        reverse("participatie:stakeholder-import"),
        {"bestand": SimpleUploadedFile("bom.xlsx", inhoud)},
    )
    duur = time.monotonic() - begin
    piek = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert duur < 2, duur
    assert piek < 80 * 1024 * 1024 + len(inhoud) * 3, piek
    assert response.status_code == 422
    assert melding in response.content.decode()


def test_a_kept_preview_is_private_and_expires(users, settings):
    import datetime
    import os
    from pathlib import Path

    from participatie import importeren

    client = client_for(users["regisseur"])
    client.post(
        reverse("participatie:stakeholder-import"),
        {"bestand": SimpleUploadedFile("lijst.xlsx", GEWOON)},
    )
    pad = Path(settings.MEDIA_ROOT) / "imports" / client.session["stakeholder_import"]["bestand"]
    assert pad.stat().st_mode & 0o777 == 0o600
    assert importeren.verlopen_voorbeelden_opruimen() == 0
    morgen = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1, minutes=1)
    assert importeren.verlopen_voorbeelden_opruimen(nu=morgen) >= 1
    assert not os.path.exists(pad)


def test_the_preview_does_not_tell_whose_e_mail_address_it_is(users, opgave):
    """Found by a probe: the preview named an address as a person's to whom contact details are
    hidden; now only who may see them reads "zelfde e-mailadres"."""
    from tests.participatie.factories import BetrokkenheidFactory, PersoonFactory

    persoon = PersoonFactory(
        naam="Anna Coenen",
        email="anna@voorbeeld.example",
    )
    BetrokkenheidFactory(opgave=opgave, stakeholder=persoon)
    rij = [{"naam": "Iemand Anders", "soort": "ondernemer", "email": "anna@voorbeeld.example"}]
    url = reverse("participatie:stakeholder-import")
    for rol, verwacht, niet in [
        ("teamlid_ander", "mogelijk dubbel met een bestaande inwoner", "zelfde e-mailadres"),
        ("regisseur", "zelfde e-mailadres", "mogelijk dubbel"),
    ]:
        html = (
            client_for(users[rol])
            .post(url, {"bestand": SimpleUploadedFile("l.csv", _csv(rij))})
            .content.decode()
        )
        assert verwacht in html and niet not in html, rol
