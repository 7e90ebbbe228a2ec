"""Erasure erases: a person who appears in every place the app writes to, anonymised, and
then the whole database, every media file and every log line searched for them.

Everything runs for real: a Celery worker renders the reports, exports and documents
before and after; PDFs are read back with pdftotext, spreadsheets unzipped.
"""

import datetime
import io
import logging
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from canvas.models import CanvasVersie
from participatie import services
from participatie.models import Actiepunt, Afspraak, Contactmoment, Terugkoppeling
from rapportages import services as rapportage_services
from rapportages.models import Document, Export, Rapportage, Status
from tests.conftest import client_for
from tests.documenten import vraag_document
from tests.participatie.factories import (
    BetrokkenheidFactory,
    BijeenkomstFactory,
    InbrengFactory,
    StakeholderFactory,
    ThematafelFactory,
)
from tests.werker import wacht

NAAM = "Wilhelmina Zandvoort-Brinkhorst"
EMAIL = "w.zandvoort@voorbeeld.example"
TELEFOON = "06-31415926"
SPOREN = ["Wilhelmina", "Zandvoort", "Brinkhorst", EMAIL, TELEFOON]


def _klaar(job, seconden: float = 120):
    def afgelopen():
        job.refresh_from_db()
        return job.is_afgelopen

    wacht(afgelopen, seconden, f"{job} is afgelopen")
    assert job.status == Status.KLAAR, job.foutmelding
    return job


def _tekst(pad: Path) -> str:
    """What a person reads in a file: PDF text, the XML inside an xlsx, or the bytes."""
    data = pad.read_bytes()
    if data.startswith(b"%PDF"):
        gelezen = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
        if gelezen.returncode == 0:
            return gelezen.stdout.decode()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return " ".join(z.read(n).decode(errors="replace") for n in z.namelist())
    return data.decode(errors="replace")


def _sporen(tekst: str) -> list[str]:
    tekst = " ".join(tekst.split()).lower()
    return [s for s in SPOREN if s.lower() in tekst]


def _database_treffers(behalve_rapportage: int) -> dict[str, list[str]]:
    """Every row of every table as text, searched; the published report's row and its pages
    in the reading room excepted (an archive record, docs/privacy.md)."""
    treffers = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        for (tabel,) in cursor.fetchall():
            uitgezonderd = {
                "rapportages_rapportage": " AND t.id <> %s",
                "rapportages_rapportagedeel": " AND t.rapportage_id <> %s",
            }.get(tabel, "")
            for spoor in SPOREN:
                cursor.execute(  # the table names come from the catalogue, not from input
                    f'SELECT count(*) FROM "{tabel}" t WHERE t::text ILIKE %s{uitgezonderd}',  # noqa: S608
                    [f"%{spoor}%", behalve_rapportage] if uitgezonderd else [f"%{spoor}%"],
                )
                if cursor.fetchone()[0]:
                    treffers.setdefault(tabel, []).append(spoor)
    return treffers


@pytest.fixture
def overal(users, opgave):
    """The person in every place: register, position, contact, afspraak, session, inbreng
    (taken into the canvas, frozen in a version), reports, an export, documents, an import
    waiting for confirmation."""
    regisseur = users["regisseur"]
    persoon = StakeholderFactory(
        naam=NAAM,
        soort="inwoner",
        vorm="persoon",
        email=EMAIL,
        telefoon=TELEFOON,
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    betrokkenheid = BetrokkenheidFactory(opgave=opgave, stakeholder=persoon)
    betrokkenheid.acties = f"Wilhelmina uitnodigen voor de werkgroep ({TELEFOON})"
    betrokkenheid.save()
    contact = services.contactmoment_vastleggen(
        opgave=opgave,
        user=regisseur,
        datum=timezone.localdate(),
        soort="gesprek",
        richting="inkomend",
        samenvatting=f"Gesprek met {NAAM} over de bus",
        stakeholders=[persoon],
        deelnemers=[],
        vervolg_omschrijving=f"Mevrouw Zandvoort terugbellen op {TELEFOON}",
        vervolg_eigenaar=regisseur,
        vervolg_deadline=timezone.localdate(),
    )
    contact.samenvatting += f"; zij mailt nog ({EMAIL})"  # an edit: a second history row
    contact.save()
    Afspraak.objects.create(
        opgave=opgave,
        omschrijving=f"Bankje plaatsen bij het huis van mevrouw {NAAM}",
        ontvanger=persoon,
        eigenaar=regisseur,
        deadline=timezone.localdate(),
    )
    tafel = ThematafelFactory(opgaven=[opgave])
    sessie = BijeenkomstFactory(
        thematafel=tafel,
        begint_op=timezone.now() - datetime.timedelta(days=2),
        eindigt_op=timezone.now() - datetime.timedelta(days=2, hours=-2),
        verslag="<p>Wilhelmina Zandvoort-Brinkhorst opende de avond.</p>",
    )
    sessie.aanwezig.add(persoon)
    Actiepunt.objects.create(
        bijeenkomst=sessie,
        omschrijving=f"Verslag mailen naar {EMAIL}",
        eigenaar=regisseur,
        deadline=timezone.localdate(),
    )
    inbreng = InbrengFactory(
        bijeenkomst=sessie,
        stakeholder=persoon,
        tekst="Een buurtbus, zegt Wilhelmina",
        terugkoppeling=Terugkoppeling.OPEN,
    )
    services.inbreng_overnemen(inbreng=inbreng, opgave=opgave, blok="activiteiten", user=regisseur)
    inbreng.refresh_from_db()
    inbreng.toelichting = "Overgenomen; Brinkhorst krijgt bericht"
    inbreng.save()
    CanvasVersie.vastleggen(opgave=opgave, naam="na de thematafel", user=regisseur)
    return persoon, tafel


@pytest.mark.django_db(transaction=True)
def test_after_anonymisation_the_person_is_nowhere_but_in_published_reports(
    celery_worker_thread, users, opgave, overal, caplog
):
    caplog.set_level(logging.DEBUG)
    persoon, tafel = overal
    regisseur = client_for(users["regisseur"])
    # A published report: concept, vastgesteld by the portefeuillehouder, published.
    gepubliceerd = _klaar(
        rapportage_services.rapportage_aanvragen(opgave=opgave, user=users["regisseur"])
    )
    assert rapportage_services.rapportage_vaststellen(
        rapportage=gepubliceerd, user=users["bestuurder"]
    )
    gepubliceerd = _klaar(gepubliceerd)
    assert gepubliceerd.gepubliceerd_op is not None
    # A concept, an export of the register, the documents, an import waiting.
    concept = _klaar(
        rapportage_services.rapportage_aanvragen(opgave=opgave, user=users["regisseur"])
    )
    export = _klaar(
        rapportage_services.export_aanvragen(
            soort="stakeholders", formaat="xlsx", user=users["beheerder"]
        )
    )
    a3 = _klaar(vraag_document(regisseur, reverse("rapportages:document-canvas", args=[opgave.pk])))
    terugkoppeling = _klaar(
        vraag_document(regisseur, reverse("rapportages:document-terugkoppeling", args=[tafel.pk]))
    )
    csv = f"naam;soort;vorm;email\n{NAAM};inwoner;persoon;{EMAIL}\n".encode()
    regisseur.post(
        reverse("participatie:stakeholder-import"),
        {"bestand": SimpleUploadedFile("lijst.csv", csv)},
    )
    media = Path(settings.MEDIA_ROOT)
    bestanden = [
        media / concept.bestand.name,
        media / export.bestand.name,
        media / a3.bestand.name,
        media / terugkoppeling.bestand.name,
    ]
    # The test is only worth something if every place held the person before.
    for pad in bestanden:
        assert _sporen(_tekst(pad)), f"{pad.name} does not mention the person to begin with"
    assert list((media / "imports").glob("*.csv"))
    voor = _database_treffers(gepubliceerd.pk)
    for tabel in (
        "participatie_contactmoment",
        "participatie_contactmomentevent",
        "participatie_inbreng",
        "participatie_inbrengevent",
        "canvas_canvasitem",
        "canvas_canvasversie",
        "participatie_bijeenkomst",
        "participatie_actiepunt",
        "participatie_afspraak",
        "participatie_vervolgactie",
        "participatie_betrokkenheid",
        "rapportages_rapportage",
    ):
        assert tabel in voor, f"{tabel} does not hold the person to begin with"

    response = client_for(users["beheerder"]).post(
        reverse("participatie:stakeholder-anonimiseren", args=[persoon.pk]),
        {"bevestig": "ja"},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "archiefstukken" in html
    assert escape(gepubliceerd.titel) in html

    concept = _klaar(Rapportage.objects.get(pk=concept.pk))  # made again, by the worker
    tekst = " ".join(_tekst(media / concept.bestand.name).split())
    for spoor in SPOREN:
        i = tekst.lower().find(spoor.lower())
        assert i < 0, tekst[max(0, i - 300) : i + 100]
    assert _database_treffers(gepubliceerd.pk) == {}
    for pad in bestanden[1:]:
        assert not pad.exists(), f"{pad.name} was kept"
    assert not list((media / "imports").iterdir())
    over = [
        pad
        for pad in media.rglob("*")
        if pad.is_file() and pad != media / gepubliceerd.bestand.name and _sporen(_tekst(pad))
    ]
    assert over == []
    # The published report stays as it was sent, and still matches its checksum.
    assert _sporen(_tekst(media / gepubliceerd.bestand.name))
    assert rapportage_services.bestand_klopt(Rapportage.objects.get(pk=gepubliceerd.pk))
    # The logs (the app's, the security log, the worker's) never held the name.
    assert not _sporen(caplog.text + " ".join(str(r.args) for r in caplog.records))

    # The work recorded stays: texts with the person replaced, documents made again.
    contact = Contactmoment.objects.get()
    assert "[naam verwijderd]" in contact.samenvatting and "over de bus" in contact.samenvatting
    assert Export.objects.get(pk=export.pk).bestand == ""
    nieuw = vraag_document(regisseur, reverse("rapportages:document-canvas", args=[opgave.pk]))
    assert nieuw.pk != a3.pk and Document.objects.get(pk=a3.pk).bestand == ""
    _klaar(nieuw)
    assert "[naam verwijderd]" in " ".join(_tekst(media / nieuw.bestand.name).split())
    for pad in [media / gepubliceerd.bestand.name, media / concept.bestand.name]:
        pad.unlink()
    (media / nieuw.bestand.name).unlink()
