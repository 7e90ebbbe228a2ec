"""An opgave's documents: kept in every version, judged by their content, stored under a
random name, and served only through a view that checks who asks, as an attachment."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pghistory.models import Events

from core.bijlagen import keur
from opgaven.models import OpgaveBijlage
from tests.conftest import client_for

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _zip(delen: dict[str, bytes]) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in delen.items():
            archief.writestr(naam, inhoud)
    return uit.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def _upload(client, opgave, naam: str, inhoud: bytes, **extra):
    url = reverse("opgaven:opgave-documenten", args=[opgave.pk])
    return client.post(url, {"bijlage-bestand": SimpleUploadedFile(naam, inhoud)} | extra)


def test_a_document_is_kept_in_versions_and_downloaded_only_as_attachment(users, opgave):
    regisseur = client_for(users["regisseur"])
    assert _upload(regisseur, opgave, "Raadsvoorstel.pdf", PDF).status_code == 302
    eerste = OpgaveBijlage.objects.get()
    assert (eerste.naam, eerste.versie, eerste.inhoudstype) == (
        "Raadsvoorstel.pdf",
        1,
        "application/pdf",
    )
    # Stored under a random name, inside MEDIA_ROOT; the original name only in the row.
    pad = Path(eerste.bestand.path)
    assert pad.is_relative_to(Path(settings.MEDIA_ROOT) / "bijlagen")
    assert "Raadsvoorstel" not in pad.name and pad.read_bytes() == PDF

    nieuw = _upload(
        regisseur, opgave, "Raadsvoorstel v2.pdf", PDF + b"%v2", **{"bijlage-reeks": eerste.reeks}
    )
    assert nieuw.status_code == 302
    tweede = OpgaveBijlage.objects.get(versie=2)
    assert tweede.reeks == eerste.reeks
    pagina = regisseur.get(reverse("opgaven:opgave-documenten", args=[opgave.pk])).content.decode()
    assert "Raadsvoorstel v2.pdf" in pagina and "1 eerdere versie" in pagina

    download = client_for(users["partner"]).get(
        reverse("opgaven:opgave-document-download", args=[opgave.pk, eerste.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Raadsvoorstel.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    # Not through another opgave's URL, and not for who cannot see the opgave.
    ander = reverse("opgaven:opgave-document-download", args=[opgave.pk + 1000, eerste.pk])
    assert regisseur.get(ander).status_code == 404
    url = reverse("opgaven:opgave-document-download", args=[opgave.pk, eerste.pk])
    assert client_for(users["partner_ander"]).get(url).status_code == 404
    # In the opgave's history.
    labels = set(
        Events.objects.filter(pgh_model="opgaven.OpgaveBijlageEvent").values_list(
            "pgh_label", flat=True
        )
    )
    assert labels == {"insert"}
    geschiedenis = regisseur.get(
        reverse("opgaven:opgave-geschiedenis", args=[opgave.pk])
    ).content.decode()
    assert "Document Raadsvoorstel v2.pdf toegevoegd (versie 2)" in geschiedenis


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        (
            "nota.pdf",
            b"<html><script>alert(1)</script></html>",
            "Dit bestand heet .pdf, maar de inhoud is dat niet",
        ),
        (
            "nota.html",
            b"<html><script>alert(1)</script></html>",
            "Dit soort bestand kan niet als bijlage. Toegestaan: .pdf",
        ),
        ("leeg.pdf", b"", "Het bestand is leeg."),
        ("plaatje.pdf", PNG, "De naam past niet bij de inhoud: dit is een PNG-bestand"),
        ("archief.docx", _zip({"a.txt": b"x"}), "geen Word-, Excel- of OpenDocument-bestand"),
        ("kapot.docx", b"PK\x03\x04" + b"\x00" * 40, "beschadigd of geen geldig Office-bestand"),
        (
            "bom.docx",
            _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * 20_000_000}),
            "een zip-bom",
        ),
        # Django keeps only the last part of a path; the name left must still fit the content.
        ("rapport\u202efdp.exe", PDF, "De naam past niet bij de inhoud"),
    ],
)
def test_hostile_files_are_refused_with_a_dutch_reason(users, opgave, naam, inhoud, melding):
    antwoord = _upload(client_for(users["regisseur"]), opgave, naam, inhoud)
    assert antwoord.status_code == 422
    assert melding in antwoord.content.decode()
    assert not OpgaveBijlage.objects.exists()


def test_a_path_in_the_name_is_cut_off_before_it_reaches_the_disk(users, opgave):
    assert (
        _upload(client_for(users["regisseur"]), opgave, "../../etc/nota.pdf", PDF).status_code
        == 302
    )
    bijlage = OpgaveBijlage.objects.get()
    assert bijlage.naam == "nota.pdf"
    assert Path(bijlage.bestand.path).is_relative_to(Path(settings.MEDIA_ROOT) / "bijlagen")


@pytest.mark.parametrize(
    ("naam", "melding"),
    [
        ("../nota.pdf", "geen map of pad"),
        ("map\\nota.pdf", "geen map of pad"),
        ("nota\u202efdp.pdf", "leesrichting"),
        ("nota\x00.pdf", "onzichtbare tekens"),
        ("x" * 200 + ".pdf", "langer dan 150"),
    ],
)
def test_the_name_check_itself_refuses_paths_and_hidden_characters(naam, melding):
    bestand = SimpleUploadedFile("x.pdf", PDF)
    bestand._name = naam  # unsanitised, as a caller other than Django's upload parser could
    with pytest.raises(ValidationError, match=melding):
        keur(bestand)


def test_office_and_image_files_are_recognised_by_their_content():
    for naam, inhoud, soort in [
        ("a.docx", DOCX, "docx"),
        ("b.odt", ODT, "odt"),
        ("c.png", PNG, "png"),
    ]:
        assert keur(SimpleUploadedFile(naam, inhoud)).soort == soort


def test_who_may_not_change_the_opgave_cannot_add(users, opgave):
    assert _upload(client_for(users["medewerker"]), opgave, "a.pdf", PDF).status_code == 403
    assert _upload(client_for(users["partner_ander"]), opgave, "a.pdf", PDF).status_code == 404
    assert not OpgaveBijlage.objects.exists()
