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
