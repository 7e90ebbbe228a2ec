"""A real Celery worker renders the report; the PDF says what the council must read."""

import io
import re
import subprocess
import time
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.urls import reverse

from accounts import meldingen
from canvas.models import Blok
from config.celery import app as celery_app
from rapportages import services
from rapportages.models import Document, Export, Rapportage, Status
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import BetrokkenheidFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _wait_until_done(rapportage: Rapportage, seconds: float = 60) -> Rapportage:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rapportage.refresh_from_db()
        if rapportage.is_afgelopen:
            return rapportage
        time.sleep(0.2)
    raise AssertionError(f"rapportage {rapportage.pk} not finished: {rapportage.status}")


def test_worker_renders_report_with_three_questions(celery_worker_thread, users, opgave, tmp_path):
    CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN, tekst="Doel: minder eenzaamheid")
    CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Activiteit: huisbezoeken")
    CanvasItemFactory(opgave=opgave, blok=Blok.BEGROTING, tekst="Gemeente: € 180.000")
    BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Seniorenraad Maasdal")
    client = client_for(users["regisseur"])

    response = client.post(reverse("rapportages:rapportage-create"), {"opgave": opgave.pk})

    rapportage = Rapportage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == rapportage.get_absolute_url()
    rapportage = _wait_until_done(rapportage)
    assert rapportage.status == Status.KLAAR, rapportage.foutmelding
    assert (rapportage.voortgang, rapportage.totaal, rapportage.pogingen) == (1, 1, 1)
    # Who asked for it is told (accounts.meldingen), with a link to the report.
    [melding] = users["regisseur"].meldingen.all()
    assert (melding.soort, melding.link) == ("rapportage", rapportage.get_absolute_url())

    download = client.get(reverse("rapportages:rapportage-download", args=[rapportage.pk]))
    pdf = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/pdf"
    raw = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    text = " ".join(raw.decode().split())
    for expected in [
        "Inhoud",
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        "Wat mag het kosten?",
        "Doel: minder eenzaamheid",
        "Activiteit: huisbezoeken",
        "€ 180.000",
        "Seniorenraad Maasdal",
    ]:
        assert expected in text
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert f"Pagina 2 van {len(pages)}" in text
    (tmp_path / "r.pdf").write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", tmp_path / "r.pdf"], capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)


def test_progress_partial_stops_polling_when_done(celery_worker_thread, users, opgave):
    client = client_for(users["regisseur"])
    client.post(reverse("rapportages:rapportage-create"), {"opgave": opgave.pk})
    rapportage = _wait_until_done(Rapportage.objects.get())
    partial = client.get(
        rapportage.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()
    assert "hx-trigger" not in partial
    assert "Download de PDF" in partial
    assert "<html" not in partial


def test_rendering_twice_yields_one_file(users, opgave):
    rapportage = Rapportage.objects.create(
        opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1
    )
    services.rapportage_render(rapportage_id=rapportage.pk)
    # A redelivered message (worker lost after finishing) finds the job done and does nothing.
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR
    assert rapportage.pogingen == 1
    folder = Path(settings.MEDIA_ROOT) / "rapportages"
    # One file, no half-written temporary next to it (other tests' files may be there too).
    namen = [p.name for p in folder.iterdir()]
    assert rapportage.bestandsnaam in namen
    assert not [n for n in namen if n.startswith(".tmp-")]


def test_job_gives_up_after_three_attempts(users, opgave):
    rapportage = Rapportage.objects.create(
        opgave=opgave,
        aangevraagd_door=users["regisseur"],
        totaal=1,
        status=Status.BEZIG,
        pogingen=3,
    )
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    assert rapportage.status == Status.MISLUKT
    assert "kon niet worden gemaakt" in rapportage.foutmelding


def test_sweeper_dispatches_jobs_stuck_in_the_queue(celery_worker_thread, users, opgave):
    """A job created while the broker was unreachable waits; the sweeper sends it again."""
    import datetime

    from django.utils import timezone

    stuck = Rapportage.objects.create(opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1)
    fresh = Rapportage.objects.create(opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1)
    Rapportage.objects.filter(pk=stuck.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=5)
    )

    # Through what beat runs every minute: the schedule's entry, its task.
    taak = settings.CELERY_BEAT_SCHEDULE["jobs-opnieuw-aanbieden"]["task"]
    celery_app.tasks[taak].apply()

    assert _wait_until_done(stuck).status == Status.KLAAR
    fresh.refresh_from_db()
    assert fresh.status == Status.WACHTRIJ  # young jobs are left to the queue


def test_sweeper_offers_again_a_job_whose_worker_vanished(celery_worker_thread, users, opgave):
    """'Bezig' for longer than any job may take: its worker is gone; do it again. Reports,
    exports and documents alike (a stuck export stayed 'bezig' for ever)."""
    import datetime

    from django.utils import timezone

    lang_geleden = timezone.now() - datetime.timedelta(minutes=13)
    verweesd = Rapportage.objects.create(
        opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1
    )
    bezig = Rapportage.objects.create(opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1)
    export = Export.objects.create(
        soort="opgaven",
        formaat="csv",
        aangevraagd_door=users["regisseur"],
        verloopt_op=timezone.now() + datetime.timedelta(days=1),
    )
    document = Document.objects.create(soort="canvas", opgave=opgave, inhoud_hash="0" * 64)
    for model, pk in [(Rapportage, verweesd.pk), (Export, export.pk), (Document, document.pk)]:
        model.objects.filter(pk=pk).update(
            status=Status.BEZIG, pogingen=1, gestart_op=lang_geleden, created_at=lang_geleden
        )
    Rapportage.objects.filter(pk=bezig.pk).update(
        status=Status.BEZIG, pogingen=1, gestart_op=timezone.now()
    )
    # By the heartbeat: one that stopped half a minute ago lost its worker; one that beat
    # just now is at work, however long ago it started.
    stil = Rapportage.objects.create(opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1)
    levend = Rapportage.objects.create(opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1)
    Rapportage.objects.filter(pk=stil.pk).update(
        status=Status.BEZIG,
        pogingen=1,
        gestart_op=timezone.now(),
        hartslag=timezone.now() - datetime.timedelta(seconds=30),
    )
    Rapportage.objects.filter(pk=levend.pk).update(
        status=Status.BEZIG, pogingen=1, gestart_op=lang_geleden, hartslag=timezone.now()
    )

    assert services.vastgelopen_jobs_opnieuw_aanbieden() == 4
    assert _wait_until_done(stil).status == Status.KLAAR
    levend.refresh_from_db()
    assert levend.status == Status.BEZIG

    verweesd = _wait_until_done(verweesd)
    assert (verweesd.status, verweesd.pogingen) == (Status.KLAAR, 2)
    export = _wait_until_done(export)
    assert (export.status, export.pogingen) == (Status.KLAAR, 2)
    document = _wait_until_done(document)
    assert (document.status, document.pogingen) == (Status.KLAAR, 2)
    (Path(settings.MEDIA_ROOT) / document.bestand.name).unlink()
    bezig.refresh_from_db()
    assert bezig.status == Status.BEZIG  # a render in progress is left alone


def test_every_task_the_code_sends_or_schedules_is_registered():
    """A renamed task must not silently stop the sweeper or leave jobs unsent."""
    celery_app.loader.import_default_modules()
    schema = settings.CELERY_BEAT_SCHEDULE.values()
    geplande = {entry["task"] for entry in schema}
    # accounts.meldingen hands direct mail to the worker by name.
    verstuurde = {Rapportage.TAAK, Export.TAAK, meldingen.MAIL_TAAK}
    assert (geplande | verstuurde) - set(celery_app.tasks) == set()
    # No entry twice (the same task twice only with other arguments: daily and weekly mail).
    assert len({(e["task"], tuple(e.get("args", ()))) for e in schema}) == len(schema)


def test_the_report_names_each_step_of_the_job(users, opgave):
    """Found in use: progress sat on '15 van 15 opgaven verwerkt' for half a minute of layout."""
    import datetime

    from django.utils import timezone

    from opgaven.models import Opgave
    from rapportages.renderers import programmarapportage

    stappen = []
    programmarapportage(
        Opgave.objects.filter(pk=opgave.pk), titel="Stappen", on_stap=stappen.append
    )
    assert stappen == ["gegevens", "opmaken", "controleren"]

    rapportage = Rapportage.objects.create(
        opgave=None,
        aangevraagd_door=users["regisseur"],
        status=Status.BEZIG,
        totaal=15,
        voortgang=15,
        stap="opmaken",
        stap_sinds=timezone.now() - datetime.timedelta(seconds=12),
    )
    client = client_for(users["regisseur"])
    html = client.get(rapportage.get_absolute_url(), headers={"HX-Request": "true"}).content
    html = html.decode()
    # When the step began, not for how long: a line that cannot go stale.
    begon = timezone.localtime(rapportage.stap_sinds).strftime("%H:%M:%S")
    assert f"De PDF opmaken: alle 15 opgaven zijn verwerkt (deze stap begon om {begon})." in html
    assert 'hx-trigger="every 1s"' in html  # polled until it is done
