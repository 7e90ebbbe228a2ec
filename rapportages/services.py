import datetime
import hashlib
import json
import logging
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol, User
from core.models import Huisstijl
from core.security_log import log_event
from opgaven.models import Opgave

from . import exports, jobs, leeskamer, meldingen
from .models import Document, Export, PcMoment, Rapportage, Status

logger = logging.getLogger(__name__)


@transaction.atomic
def rapportage_aanvragen(*, opgave: Opgave | None, user, moment=None) -> Rapportage:
    """Create the job row and hand it to a worker once the transaction commits."""
    totaal = 1 if opgave is not None else Opgave.objects.count()
    rapportage = Rapportage.objects.create(
        opgave=opgave, moment=moment, aangevraagd_door=user, totaal=totaal
    )
    # robust: a broker that is down must not turn this request into an error; the row
    # stays "wachtrij" and can be dispatched again.
    transaction.on_commit(lambda: jobs.aanbieden(rapportage), robust=True)
    return rapportage


def rapportage_render(*, rapportage_id: int) -> None:
    """Claim the job, render its PDF, store it atomically. Safe to run twice.

    A report that has been vastgesteld is rendered once more as the definitive version and
    published, but only when the data behind it are still those of the concept the
    bestuurder read; otherwise the vaststelling lapses and a new concept is made.
    """
    if not jobs.claim(Rapportage, rapportage_id):
        logger.info("Rapportage %s not claimed (done, gone or given up)", rapportage_id)
        return
    rapportage = Rapportage.objects.select_related("opgave", "moment", "vastgesteld_door").get(
        pk=rapportage_id
    )
    opgaven = (
        Opgave.objects.filter(pk=rapportage.opgave_id)
        if rapportage.opgave_id
        else Opgave.objects.all()
    )
    # WeasyPrint takes seconds to import: only the worker that renders pays for it.
    from .renderers import Vaststelling, programmarapportage

    vaststelling = None
    if rapportage.vastgesteld_op is not None:
        vaststelling = Vaststelling(
            door=str(rapportage.vastgesteld_door), op=rapportage.vastgesteld_op
        )
    try:
        rapport = programmarapportage(
            opgaven,
            titel=rapportage.titel,
            moment=rapportage.moment,
            vaststelling=vaststelling,
            on_progress=lambda gedaan, totaal: jobs.voortgang(
                Rapportage, rapportage_id, gedaan, totaal
            ),
            on_stap=lambda stap: jobs.stap(Rapportage, rapportage_id, stap),
        )
        if vaststelling and _als_json(rapport.gegevens) != rapportage.gegevens:
            _vaststelling_vervalt(rapportage)
            return
        name = f"rapportages/{rapportage.bestandsnaam}"
        jobs.schrijf_atomair(Path(settings.MEDIA_ROOT) / name, rapport.pdf)
    except Exception:
        logger.exception("Rapportage %s failed", rapportage_id)
        jobs.mislukt(Rapportage, rapportage_id)
        meldingen.rapportage_melden(Rapportage.objects.get(pk=rapportage_id))
        return
    nu = timezone.now()
    # Only this attempt finishes the job: a render that was overtaken (the job was reset and
    # claimed again meanwhile, say after an erasure) leaves the row to the newer one. Whoever
    # sees it done also finds the melding for the requester (one transaction).
    with transaction.atomic():
        gewonnen = Rapportage.objects.filter(
            pk=rapportage_id, status=Status.BEZIG, gestart_op=rapportage.gestart_op
        ).update(
            status=Status.KLAAR,
            bestand=name,
            voltooid_op=nu,
            checksum=hashlib.sha256(rapport.pdf).hexdigest(),
            gegevens=rapport.gegevens,
            html=rapport.html,
            gepubliceerd_op=nu if vaststelling else None,
        )
        rapportage.refresh_from_db()
        if gewonnen:
            leeskamer.opslaan(rapportage)
        meldingen.rapportage_melden(rapportage)
    if vaststelling:
        log_event("publiceren", user=rapportage.vastgesteld_door, obj=f"rapportage:{rapportage_id}")
    logger.info("Rapportage %s ready (%d bytes)", rapportage_id, len(rapport.pdf))


def _als_json(gegevens: dict) -> dict:
    """The data as the JSON field gives them back (tuples become lists, and so on)."""
    return json.loads(json.dumps(gegevens, cls=DjangoJSONEncoder))


VASTSTELLING_VERVALLEN = _(
    "De vaststelling is vervallen: de gegevens zijn gewijzigd sinds het concept dat is "
    "gelezen. Er wordt een nieuw concept gemaakt; lees het en stel het opnieuw vast."
)


def _vaststelling_vervalt(rapportage: Rapportage) -> None:
    """What the bestuurder read is not what would be published: back to a new concept."""
    logger.info("Rapportage %s: data changed since the concept, vaststelling lapses", rapportage.pk)
    teruggezet = Rapportage.objects.filter(pk=rapportage.pk, status=Status.BEZIG).update(
        status=Status.WACHTRIJ,
        pogingen=0,
        voortgang=0,
        vastgesteld_op=None,
        vastgesteld_door=None,
        melding=str(VASTSTELLING_VERVALLEN),
    )
    if teruggezet:
        log_event("vaststelling_vervallen", obj=f"rapportage:{rapportage.pk}")
        transaction.on_commit(lambda: jobs.aanbieden(rapportage), robust=True)


class IntegriteitsFout(Exception):
    """The stored PDF no longer matches its checksum."""


def bestand_klopt(rapportage: Rapportage) -> bool:
    """Does the stored PDF still match the checksum taken when it was rendered?"""
    with rapportage.bestand.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest() == rapportage.checksum


def pdf_download(request, gemaakt: Rapportage | Document, *, kenmerk: str) -> FileResponse:
    """A PDF a worker made (a report, a canvas or terugkoppeling document) as a download,
    in the security log as ``kenmerk`` (the web pages and the API)."""
    log_event("download", request=request, obj=kenmerk)
    naam = (
        gemaakt.downloadnaam(Huisstijl.huidige().naam)
        if isinstance(gemaakt, Rapportage)
        else gemaakt.bestandsnaam
    )
    bestand = gemaakt.bestand.open("rb")
    return FileResponse(bestand, as_attachment=True, filename=naam, content_type="application/pdf")


@transaction.atomic
def rapportage_vaststellen(*, rapportage: Rapportage, user) -> bool:
    """The bestuurder vaststelt the concept they read: the definitive version is rendered
    (its cover names them and the moment) and then published for the council.

    Only a finished concept whose file still matches its checksum is vastgesteld; returns
    whether this call did it.
    """
    if not rapportage.checksum or not bestand_klopt(rapportage):
        raise IntegriteitsFout(rapportage.pk)
    vastgesteld = Rapportage.objects.filter(
        pk=rapportage.pk,
        status=Status.KLAAR,
        vastgesteld_op__isnull=True,
        checksum=rapportage.checksum,
    ).update(
        vastgesteld_op=timezone.now(),
        vastgesteld_door=user,
        status=Status.WACHTRIJ,
        pogingen=0,
        voortgang=0,
        melding="",
    )
    if vastgesteld:
        log_event("vaststellen", user=user, obj=f"rapportage:{rapportage.pk}")
        meldingen.vastgesteld_melden(rapportage, door=user)
        transaction.on_commit(lambda: jobs.aanbieden(rapportage), robust=True)
    return bool(vastgesteld)


EXPORT_GELDIG = datetime.timedelta(days=7)


@transaction.atomic
def export_aanvragen(*, soort: str, formaat: str, user) -> Export:
    """Create the export row (it expires after a week) and dispatch it after commit."""
    export = Export.objects.create(
        soort=soort,
        formaat=formaat,
        aangevraagd_door=user,
        verloopt_op=timezone.now() + EXPORT_GELDIG,
    )
    transaction.on_commit(lambda: jobs.aanbieden(export), robust=True)
    return export


def export_maken(*, export_id: int) -> None:
    """Claim the export, write the file under a temporary name, rename. Safe to run twice."""
    if not jobs.claim(Export, export_id):
        return
    export = Export.objects.select_related("aangevraagd_door").get(pk=export_id)
    kolommen, maak_rijen = exports.SOORTEN[export.soort]
    totaal, rijen = maak_rijen(export.aangevraagd_door)
    jobs.voortgang(Export, export_id, 0, totaal)
    naam = f"exports/{export.bestandsnaam}"
    try:
        jobs.schrijf_atomair(
            Path(settings.MEDIA_ROOT) / naam,
            schrijver=lambda pad: exports.schrijf(
                pad,
                export.formaat,
                kolommen,
                rijen,
                lambda gedaan: jobs.voortgang(Export, export_id, min(gedaan, totaal), totaal),
            ),
        )
    except Exception:
        logger.exception("Export %s failed", export_id)
        jobs.mislukt(Export, export_id)
        return
    jobs.voortgang(Export, export_id, totaal, totaal)
    jobs.klaar(Export, export_id, naam)


DOCUMENT_BEWAREN = datetime.timedelta(days=7)


def verlopen_bestanden_opruimen() -> int:
    """Delete the files of expired exports and of documents older than a week (the rows
    stay, so the record is complete; a document is made again when asked for)."""
    bestanden = _bestanden_los(
        [
            *Export.objects.filter(verloopt_op__lte=timezone.now()).exclude(bestand=""),
            *Document.objects.filter(created_at__lte=timezone.now() - DOCUMENT_BEWAREN).exclude(
                bestand=""
            ),
        ]
    )
    for bestand in bestanden:
        bestand.delete(save=False)
    return len(bestanden)


def _bestanden_los(jobs_met_bestand: list) -> list:
    """The rows forget their files; the files are returned for the caller to delete."""
    bestanden = []
    for job in jobs_met_bestand:
        bestanden.append(job.bestand)
        type(job).objects.filter(pk=job.pk).update(bestand="")
    return bestanden


OPNIEUW_NA_WISSEN = _(
    "Opnieuw gemaakt: er zijn persoonsgegevens gewist (AVG) sinds deze versie. Een eerdere "
    "vaststelling is daarmee vervallen."
)


def na_persoon_gewist(*, opgaven: set[int], **kwargs) -> list[str]:
    """A person was erased (``participatie.wissen.persoon_gewist``): what was made from their
    data goes. Documents and exports of stakeholders and action points are deleted (made
    again when asked for); reports not yet published are made again from the erased data.
    Published reports are the council's archive and stay: the ones that cover an opgave the
    person was linked to are returned, for the answer to the request (docs/privacy.md)."""
    concepten = list(
        Rapportage.objects.filter(
            gepubliceerd_op__isnull=True, status__in=[Status.BEZIG, Status.KLAAR]
        )
    )
    bestanden = _bestanden_los(
        [
            *Document.objects.exclude(bestand=""),
            *Export.objects.filter(soort__in=Export.MET_PERSONEN).exclude(bestand=""),
        ]
    )
    # A concept forgets its file as it goes back to the queue (a finished report has one).
    bestanden += [r.bestand for r in concepten if r.bestand]
    # Deleted once the erasure is committed: a rollback must not leave rows without files.
    transaction.on_commit(lambda: [bestand.delete(save=False) for bestand in bestanden])
    for rapportage in concepten:
        Rapportage.objects.filter(pk=rapportage.pk).update(
            status=Status.WACHTRIJ,
            pogingen=0,
            voortgang=0,
            bestand="",
            checksum="",
            gegevens={},
            html="",
            vastgesteld_op=None,
            vastgesteld_door=None,
            melding=str(OPNIEUW_NA_WISSEN),
        )
        transaction.on_commit(lambda r=rapportage: jobs.aanbieden(r), robust=True)
    archief = Rapportage.objects.filter(gepubliceerd_op__isnull=False).filter(
        models.Q(opgave__isnull=True) | models.Q(opgave__in=opgaven)
    )
    return [
        f"{r.titel}, gepubliceerd op {timezone.localtime(r.gepubliceerd_op):%d-%m-%Y}"
        for r in archief.select_related("opgave", "moment")
    ]


# Longer than the longest hard time limit of a job (an export: 11 minutes): a job still
# "bezig" after this lost its worker (say, the whole machine restarted) and is offered again.
BEZIG_TE_LANG = datetime.timedelta(minutes=12)


def vastgelopen_jobs_opnieuw_aanbieden(
    *,
    ouder_dan: datetime.timedelta = datetime.timedelta(minutes=2),
    bezig_ouder_dan: datetime.timedelta = BEZIG_TE_LANG,
) -> int:
    """Dispatch again the jobs still waiting in the queue (say, the broker was down when
    they were created) and reports, exports and documents whose worker vanished mid-job
    (their heartbeat stopped). Running a job twice is safe: the task claims its row first,
    and gives up after three attempts."""
    nu = timezone.now()
    grens = nu - ouder_dan
    aantal = 0
    # A worker that died took the job's heartbeat with it; one from before heartbeats (or
    # whose first beat never came) counts from its start.
    stil = nu - datetime.timedelta(seconds=settings.JOB_HARTSLAG_STIL)
    verweesd = models.Q(status=Status.BEZIG) & (
        models.Q(hartslag__lt=stil)
        | models.Q(hartslag__isnull=True, gestart_op__lt=nu - bezig_ouder_dan)
    )
    wacht = models.Q(status=Status.WACHTRIJ, created_at__lt=grens)
    for job in [
        *Rapportage.objects.filter(wacht | verweesd),
        *Export.objects.filter(wacht | verweesd),
        *Document.objects.filter(wacht | verweesd),
    ]:
        jobs.aanbieden(job)
        aantal += 1
    return aantal


CONCEPT_VOORAF = datetime.timedelta(days=7)


def concept_rapportages_klaarzetten(vandaag: datetime.date | None = None) -> int:
    """A week before a P&C moment's deadline, draft its report for all opgaven (once).

    The draft is requested in the name of a beheerder, who finds it under Rapportages;
    without an active beheerder nothing is drafted (and that is logged).
    """
    vandaag = vandaag or timezone.localdate()
    momenten = PcMoment.objects.filter(
        deadline__gte=vandaag, deadline__lte=vandaag + CONCEPT_VOORAF
    ).exclude(rapportages__status__in=[Status.WACHTRIJ, Status.BEZIG, Status.KLAAR])
    beheerder = User.objects.filter(rol=Rol.BEHEERDER, is_active=True).order_by("pk").first()
    aantal = 0
    for moment in momenten:
        if beheerder is None:
            logger.warning("Geen actieve beheerder: geen conceptrapportage voor %s", moment)
            break
        rapportage_aanvragen(opgave=None, user=beheerder, moment=moment)
        aantal += 1
    return aantal
