"""Documents asked for from a page (canvas A3, terugkoppeling): made by a worker within a
time limit, never in the web request, and not made twice for the same content."""

import datetime
import os
import stat
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from canvas.models import Blok, CanvasItem, CanvasVersie
from config.celery import app
from rapportages import documenten, services
from rapportages.models import Document, Status
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.documenten import vraag_document
from tests.werker import kinderen, start_worker, stop_worker, wacht

LANG = "x" * 4000  # no space: the slowest text to lay out
PROZA = ("Samen met bewoners werken we aan een vitale kern met voorzieningen dichtbij. " * 60)[
    :4000
]


def _canvas_url(opgave) -> str:
    return reverse("rapportages:document-canvas", args=[opgave.pk])


@pytest.mark.django_db(transaction=True)
def test_an_overfull_canvas_fails_in_the_worker_at_the_time_limit_not_in_the_web_request(
    users, opgave, settings
):
    blokken = list(Blok)
    for i in range(40):
        CanvasItemFactory(opgave=opgave, blok=blokken[i % 10], tekst=LANG if i % 2 else PROZA)
    client = client_for(users["medewerker"])  # read-only: may ask for the A3
    app.control.purge()
    # The limits travel with the message; the worker's setting words the message.
    settings.DOCUMENT_TIJDSLIMIET = 3
    worker = start_worker(DOCUMENT_TIJDSLIMIET="3")
    try:
        begin = time.monotonic()
        document = vraag_document(client, _canvas_url(opgave))
        duur = time.monotonic() - begin
        print(f"aanvraag van het volle canvas: {duur:.2f} s")
        assert duur < 2, f"the web request laid out the PDF itself ({duur:.1f} s)"
        assert document.status == Status.WACHTRIJ

        def afgelopen():
            document.refresh_from_db()
            return document.is_afgelopen

        # The worker needs a few seconds to start; the soft limit is 3 s, the hard one 13 s.
        wacht(afgelopen, 60, "het document is afgelopen")
        assert document.status == Status.MISLUKT
        assert document.pogingen == 1, "a document past its time limit was tried again"
        assert "niet binnen 3 seconden" in document.foutmelding
        assert kinderen(worker.pid), "the worker lost its child"
        pagina = client.get(document.get_absolute_url())
        assert "Kort de langste teksten in" in pagina.content.decode()
        assert "hx-trigger" not in pagina.content.decode(), "a finished job is still polled"

        # Asking again for the same content gives the same answer at once, not a new job.
        assert vraag_document(client, _canvas_url(opgave)).pk == document.pk

        # Shortened: a new document, made by the worker, downloadable, readable by us only.
        CanvasItem.objects.filter(opgave=opgave).delete()
        CanvasItemFactory(opgave=opgave, tekst=hostile.text("Ingekort"))
        # A normal limit for the normal canvas: 3 s can pass on a busy 2-core machine.
        settings.DOCUMENT_TIJDSLIMIET = 120
        nieuw = vraag_document(client, _canvas_url(opgave))
        assert nieuw.pk != document.pk

        def klaar():
            nieuw.refresh_from_db()
            return nieuw.is_afgelopen

        wacht(klaar, 60, "het ingekorte canvas is gemaakt")
        assert nieuw.status == Status.KLAAR, nieuw.foutmelding
        pad = Path(settings.MEDIA_ROOT) / nieuw.bestand.name
        assert stat.S_IMODE(os.stat(pad).st_mode) == 0o600
        response = client.get(reverse("rapportages:document-download", args=[nieuw.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response["Content-Disposition"].startswith("attachment")
        pad.unlink()
    finally:
        stop_worker(worker)


@pytest.mark.django_db
def test_an_unchanged_canvas_is_not_laid_out_again(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Eerste tekst")
    regisseur, medewerker = client_for(users["regisseur"]), client_for(users["medewerker"])
    eerste = vraag_document(regisseur, _canvas_url(opgave))
    # Still waiting: a second request joins it, also from someone else.
    assert vraag_document(medewerker, _canvas_url(opgave)).pk == eerste.pk
    documenten.document_maken(document_id=eerste.pk)
    eerste.refresh_from_db()
    assert eerste.status == Status.KLAAR
    assert vraag_document(medewerker, _canvas_url(opgave)).pk == eerste.pk

    # A frozen version is another document; a change to the canvas makes a new one.
    versie = CanvasVersie.vastleggen(opgave=opgave, naam="v1", user=users["regisseur"])
    van_versie = vraag_document(regisseur, _canvas_url(opgave), versie=versie.pk)
    assert van_versie.pk != eerste.pk and van_versie.versie == versie
    CanvasItem.objects.filter(pk=item.pk).update(tekst="Tweede tekst")
    tweede = vraag_document(regisseur, _canvas_url(opgave))
    assert tweede.pk not in (eerste.pk, van_versie.pk)
    # The version did not change, so it still joins its own document.
    assert vraag_document(regisseur, _canvas_url(opgave), versie=versie.pk).pk == van_versie.pk

    # After a week the file is removed; asking again then makes a new one.
    Document.objects.filter(pk=eerste.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    CanvasItem.objects.filter(pk=item.pk).update(tekst="Eerste tekst")
    pad = Path(settings.MEDIA_ROOT) / eerste.bestand.name
    assert pad.exists()
    assert services.verlopen_bestanden_opruimen() == 1
    assert not pad.exists()
    response = regisseur.get(reverse("rapportages:document-download", args=[eerste.pk]))
    assert response.status_code == 410
    assert vraag_document(regisseur, _canvas_url(opgave)).pk not in (eerste.pk, tweede.pk)


@pytest.mark.django_db
def test_a_document_is_read_with_the_access_of_its_page(users, opgave, andere_opgave):
    """Someone who cannot see the opgave does not learn the document exists."""
    CanvasItemFactory(opgave=andere_opgave)
    document = vraag_document(client_for(users["regisseur2"]), _canvas_url(andere_opgave))
    documenten.document_maken(document_id=document.pk)
    for naam in ("document-detail", "document-download"):
        response = client_for(users["partner"]).get(
            reverse(f"rapportages:{naam}", args=[document.pk])
        )
        assert response.status_code == 404
    (Path(settings.MEDIA_ROOT) / Document.objects.get(pk=document.pk).bestand.name).unlink()
