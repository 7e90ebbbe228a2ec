"""Documents on a bijeenkomst, a P&C bijdrage and a motie: the same rules as an opgave's
(tests/opgaven/test_documenten.py: every hostile file), through each owner's own page and
access rule. Each case adds a document and a version, downloads it as an attachment, has a
hostile file refused without losing what was there, and is refused the other owner's."""

import datetime
import itertools
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pghistory.models import Events

from core.bijlagen import keur
from participatie.models import BijeenkomstBijlage
from rapportages.models import (
    Bijdrage,
    BijdrageBijlage,
    BijdrageStatus,
    Motie,
    MotieBijlage,
    PcMoment,
)
from tests.conftest import client_for
from tests.participatie.factories import BijeenkomstFactory, ThematafelFactory

NUMMERS = itertools.count(1)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
HTML = b"<html><script>alert(1)</script></html>"


def _bijeenkomst(opgave):
    return BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))


def _bijdrage(opgave):
    moment = PcMoment.objects.create(
        soort="begroting", jaar=2027 + next(NUMMERS), deadline="2026-09-15"
    )
    return Bijdrage.objects.create(moment=moment, opgave=opgave, bereiken="b")


def _motie(opgave):
    motie = Motie.objects.create(
        soort="motie",
        nummer=f"M{next(NUMMERS)}",
        datum=datetime.date(2026, 3, 1),
        titel="Meer bankjes",
    )
    motie.opgaven.add(opgave)
    return motie


# owner: (make it, its model, its page, where documents are posted)
EIGENAREN = {
    "bijeenkomst": (
        _bijeenkomst,
        BijeenkomstBijlage,
        lambda b: b.get_absolute_url(),
        lambda b: reverse("participatie:bijeenkomst-documenten", args=[b.pk]),
    ),
    "bijdrage": (
        _bijdrage,
        BijdrageBijlage,
        lambda b: reverse("rapportages:bijdrage", args=[b.moment_id, b.opgave_id]),
        lambda b: reverse("rapportages:bijdrage-documenten", args=[b.moment_id, b.opgave_id]),
    ),
    "motie": (
        _motie,
        MotieBijlage,
        lambda m: m.get_absolute_url(),
        lambda m: reverse("rapportages:motie-documenten", args=[m.pk]),
    ),
}


def _post(client, url, naam, inhoud, **extra):
    return client.post(url, {"bijlage-bestand": SimpleUploadedFile(naam, inhoud)} | extra)


@pytest.mark.parametrize("soort", EIGENAREN)
def test_documents_on_each_owner(
    users, opgave, andere_opgave, soort, django_capture_on_commit_callbacks
):
    maak, model, pagina, actie = EIGENAREN[soort]
    eigenaar = maak(opgave)
    regisseur = client_for(users["regisseur"])

    assert _post(regisseur, actie(eigenaar), "Verslag.pdf", PDF).status_code == 302
    eerste = model.objects.get()
    tweede = _post(
        regisseur, actie(eigenaar), "Verslag v2.pdf", PDF + b"%2", **{"bijlage-reeks": eerste.reeks}
    )
    assert tweede.status_code == 302
    assert list(model.objects.order_by("versie").values_list("versie", "naam")) == [
        (1, "Verslag.pdf"),
        (2, "Verslag v2.pdf"),
    ]
    html = regisseur.get(pagina(eigenaar)).content.decode()
    assert "Verslag v2.pdf" in html and "1 eerdere versie" in html

    download = regisseur.get(eerste.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == 'attachment; filename="Verslag.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]

    # A hostile file: refused in Dutch on the owner's page, nothing stored, nothing lost.
    fout = _post(regisseur, actie(eigenaar), "nota.pdf", HTML)
    assert fout.status_code == 422
    assert "Dit bestand heet .pdf, maar de inhoud is dat niet" in fout.content.decode()
    assert "<script>alert(1)" not in fout.content.decode()
    assert model.objects.count() == 2
    # A version of another owner's document is not this one's.
    anders = maak(andere_opgave)
    vreemd = _post(regisseur, actie(eigenaar), "x.pdf", PDF, **{"bijlage-reeks": "f" * 32})
    assert vreemd.status_code == 422 and "hoort hier niet bij" in vreemd.content.decode()
    andere_url = eerste.get_absolute_url().replace(f"/{eigenaar.pk}/", f"/{anders.pk}/", 1)
    if soort == "bijdrage":
        andere_url = reverse(
            "rapportages:bijdrage-document-download",
            args=[anders.moment_id, anders.opgave_id, eerste.pk],
        )
    assert regisseur.get(andere_url).status_code == 404
    # Removing a version asks first; then the row and the file go, the other version stays.
    vraag = regisseur.post(eerste.get_verwijder_url())
    assert vraag.status_code == 200 and "Verslag.pdf verwijderen?" in vraag.content.decode()
    assert model.objects.filter(pk=eerste.pk).exists()
    pad = Path(eerste.bestand.path)
    with django_capture_on_commit_callbacks(execute=True):  # the file goes after the commit
        weg = regisseur.post(eerste.get_verwijder_url(), {"bevestigd": "ja"})
    assert weg.status_code == 302
    assert not model.objects.filter(pk=eerste.pk).exists() and not pad.exists()
    assert list(model.objects.values_list("versie", flat=True)) == [2]
    assert regisseur.get(eerste.get_absolute_url()).status_code == 404
    # Recorded, with who did it: two additions and the removal.
    events = Events.objects.filter(pgh_model=f"{model._meta.app_label}.{model.__name__}Event")
    assert sorted(events.values_list("pgh_label", flat=True)) == ["delete", "insert", "insert"]
    assert {e.pgh_context["user"] for e in events} == {users["regisseur"].pk}


def test_a_locked_bijdrage_takes_no_documents(users, opgave):
    bijdrage = _bijdrage(opgave)
    Bijdrage.objects.filter(pk=bijdrage.pk).update(status=BijdrageStatus.BESTUURLIJK_AKKOORD)
    regisseur = client_for(users["regisseur"])
    url = reverse("rapportages:bijdrage-documenten", args=[bijdrage.moment_id, opgave.pk])
    antwoord = _post(regisseur, url, "Bijlage.pdf", PDF)
    assert antwoord.status_code == 302
    assert not BijdrageBijlage.objects.exists()
    pagina = regisseur.get(antwoord.url).content.decode()
    assert "bestuurlijk akkoord en verandert niet" in pagina
    assert 'name="bijlage-bestand"' not in pagina
    # Nor does it lose one.
    bijlage = BijdrageBijlage.toevoegen(
        eigenaar=bijdrage,
        bestand=SimpleUploadedFile("a.pdf", PDF),
        gekeurd=keur(SimpleUploadedFile("a.pdf", PDF)),
        door=users["regisseur"],
    )
    antwoord = regisseur.post(bijlage.get_verwijder_url(), {"bevestigd": "ja"})
    assert antwoord.status_code == 302 and BijdrageBijlage.objects.filter(pk=bijlage.pk).exists()
