"""Attached files (a raadsvoorstel, a verslag in Word, a motie): what is let in and how it is
stored. Each app keeps its own attachments on a model built on ``Bijlage`` (an opgave's,
a bijeenkomst's, a bijdrage's, a motie's) and loads the owner through its access rule; this
module checks a file, stores it in versions, serves it and removes a version.

A file is judged by its content, never by its name or the browser's word: a PDF starts with
``%PDF-``, a PNG and a JPEG with their signatures, and a .docx, .xlsx or .odt is a zip archive
whose parts say which it is (and which is not a bomb: too many parts, too large unpacked, or
packed too tightly). The name must agree with the content. Names with path separators,
control or direction characters are refused. Files are stored under a random name and served
only through a view that checks permission (``download``), always as an attachment.
"""

import hashlib
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from itertools import groupby
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.security_log import log_event

# type -> (extensions the name may have, content type served)
SOORTEN = {
    "pdf": ((".pdf",), "application/pdf"),
    "png": ((".png",), "image/png"),
    "jpg": ((".jpg", ".jpeg"), "image/jpeg"),
    "docx": (
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "odt": ((".odt",), "application/vnd.oasis.opendocument.text"),
}
TOEGESTAAN = ", ".join(ext for exts, _type in SOORTEN.values() for ext in exts)
ZIP_MAX_DELEN = 2000
ZIP_MAX_UITGEPAKT = 200 * 1024 * 1024
ZIP_MAX_VERHOUDING = 100  # unpacked / packed, per part
RICHTING = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}


@dataclass(frozen=True)
class Gekeurd:
    naam: str
    soort: str
    inhoudstype: str
    grootte: int
    sha256: str


def keur(bestand: UploadedFile) -> Gekeurd:
    """The file if it may come in; ValidationError with the reason (in Dutch) if not."""
    naam = _naam(bestand.name or "")
    if bestand.size == 0:
        raise ValidationError(_("Het bestand is leeg."))
    maximum = settings.BIJLAGE_MAX_MB * 1024 * 1024
    if bestand.size > maximum:
        raise ValidationError(
            _("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.BIJLAGE_MAX_MB}
        )
    soort = _soort(bestand, naam)
    extensies, inhoudstype = SOORTEN[soort]
    if PurePosixPath(naam).suffix.lower() not in extensies:
        raise ValidationError(
            _("De naam past niet bij de inhoud: dit is een %(soort)s-bestand; noem het %(ext)s.")
            % {"soort": soort.upper(), "ext": " of ".join(extensies)}
        )
    hasher = hashlib.sha256()
    bestand.seek(0)
    for stuk in bestand.chunks():
        hasher.update(stuk)
    bestand.seek(0)
    return Gekeurd(naam, soort, inhoudstype, bestand.size, hasher.hexdigest())


def _naam(naam: str) -> str:
    if any(teken in naam for teken in "/\\") or naam in ("", ".", ".."):
        raise ValidationError(_("De bestandsnaam mag geen map of pad bevatten (/ of \\)."))
    if any(t in RICHTING or unicodedata.category(t) in ("Cc", "Cf") for t in naam):
        raise ValidationError(
            _(
                "De bestandsnaam bevat onzichtbare tekens of tekens die de leesrichting "
                "omdraaien. Geef het bestand een gewone naam."
            )
        )
    naam = unicodedata.normalize("NFC", naam).strip()
    if len(naam) > 150:
        raise ValidationError(_("De bestandsnaam is langer dan 150 tekens."))
    return naam


def _soort(bestand: UploadedFile, naam: str) -> str:
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    if kop.startswith(b"%PDF-"):
        return "pdf"
    if kop.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if kop.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if kop.startswith(b"PK\x03\x04"):
        return _kantoorbestand(bestand)
    extensie = PurePosixPath(naam).suffix.lower()
    if any(extensie in extensies for extensies, _type in SOORTEN.values()):
        # "x.pdf" that is no PDF: telling that .pdf is allowed would not help.
        raise ValidationError(
            _(
                "Dit bestand heet %(ext)s, maar de inhoud is dat niet: het is beschadigd of "
                "van een ander soort. Sla het opnieuw op als %(ext)s en probeer het nog eens."
            )
            % {"ext": extensie}
        )
    raise ValidationError(
        _("Dit soort bestand kan niet als bijlage. Toegestaan: %(soorten)s.")
        % {"soorten": TOEGESTAAN}
    )


def _kantoorbestand(bestand: UploadedFile) -> str:
    """docx, xlsx or odt by the parts of the zip archive; never unpacked beyond reading
    the ``mimetype`` part of an odt."""
    try:
        with zipfile.ZipFile(bestand) as archief:
            delen = archief.infolist()
            namen = {d.filename for d in delen}
            _geen_bom(delen)
            if "mimetype" in namen and archief.read("mimetype") == SOORTEN["odt"][1].encode():
                return "odt"
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as fout:
        raise ValidationError(
            _("Het bestand is beschadigd of geen geldig Office-bestand.")
        ) from fout
    finally:
        bestand.seek(0)
    if "[Content_Types].xml" in namen and "word/document.xml" in namen:
        return "docx"
    if "[Content_Types].xml" in namen and "xl/workbook.xml" in namen:
        return "xlsx"
    raise ValidationError(
        _("Dit zip-bestand is geen Word-, Excel- of OpenDocument-bestand. Toegestaan: %(soorten)s.")
        % {"soorten": TOEGESTAAN}
    )


def _geen_bom(delen: list[zipfile.ZipInfo]) -> None:
    uitgepakt = sum(d.file_size for d in delen)
    te_dicht = any(d.file_size > ZIP_MAX_VERHOUDING * max(d.compress_size, 1) for d in delen)
    if len(delen) > ZIP_MAX_DELEN or uitgepakt > ZIP_MAX_UITGEPAKT or te_dicht:
        raise ValidationError(
            _(
                "Dit bestand pakt uit tot een veelvoud van zijn grootte (een zip-bom) en is "
                "geweigerd."
            )
        )


def opslagnaam(_instance, _naam: str) -> str:
    """A random name without the original (which stays in the row): nothing a user typed
    reaches the file system."""
    return f"bijlagen/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


class Bijlage(models.Model):
    """One version of an attached file. Versions of the same document share ``reeks``; a
    new version gets the next ``versie``. The concrete models add what it belongs to: a
    foreign key named by ``EIGENAAR``, ``get_absolute_url`` (the download) and
    ``get_verwijder_url``."""

    EIGENAAR = ""
    # How the history says it (core.geschiedenis).
    geschiedenis_zinnen = {
        "insert": _("Document %(naam)s toegevoegd (versie %(versie)s)"),
        "delete": _("Document %(naam)s verwijderd (versie %(versie)s)"),
    }

    reeks = models.CharField(_("document"), max_length=32, editable=False)
    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    bestand = models.FileField(_("bestand"), upload_to=opslagnaam, max_length=200)
    naam = models.CharField(_("bestandsnaam"), max_length=150)
    inhoudstype = models.CharField(_("soort"), max_length=100)
    grootte = models.PositiveBigIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("controlegetal (SHA-256)"), max_length=64)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["naam", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["reeks", "versie"], name="%(class)s_versie_uniek")
        ]

    def __str__(self):
        return f"{self.naam} (versie {self.versie})"

    @classmethod
    def toevoegen(cls, *, eigenaar, bestand, gekeurd: Gekeurd, door, reeks: str = ""):
        """A new document of ``eigenaar``, or (``reeks`` of one of its documents) the next
        version of it."""
        van_eigenaar = {cls.EIGENAAR: eigenaar}
        with transaction.atomic():
            if reeks:
                # Two versions at once: the second waits here and numbers after the first.
                type(eigenaar)._default_manager.select_for_update().filter(pk=eigenaar.pk).first()
                vorige = cls.objects.filter(**van_eigenaar, reeks=reeks).aggregate(
                    hoogste=Max("versie")
                )["hoogste"]
                versie = (vorige or 0) + 1
            else:
                reeks, versie = secrets.token_hex(16), 1
            return cls.objects.create(
                **van_eigenaar,
                reeks=reeks,
                versie=versie,
                bestand=bestand,
                naam=gekeurd.naam,
                inhoudstype=gekeurd.inhoudstype,
                grootte=gekeurd.grootte,
                sha256=gekeurd.sha256,
                toegevoegd_door=door,
            )


def per_document(versies: models.QuerySet) -> list[tuple[str, list]]:
    """The versions grouped per document, newest version first, documents by name."""
    rijen = versies.select_related("toegevoegd_door").order_by("reeks", "-versie")
    documenten = [(reeks, list(rij)) for reeks, rij in groupby(rijen, key=lambda b: b.reeks)]
    return sorted(documenten, key=lambda d: d[1][0].naam.lower())


def bewaard(request, bijlage: Bijlage, kenmerk: str) -> None:
    """Tell the user (and the security log) that a document was stored."""
    log_event("document_toevoegen", request=request, obj=f"{kenmerk}:document:{bijlage.pk}")
    messages.success(
        request,
        gettext("%(naam)s is opgeslagen als versie %(versie)s.")
        % {"naam": bijlage.naam, "versie": bijlage.versie},
    )


def download(bijlage: Bijlage) -> FileResponse:
    """The file, always as an attachment; never shown or run as a page, not cached."""
    try:
        bestand = bijlage.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    response = FileResponse(
        bestand, as_attachment=True, filename=bijlage.naam, content_type=bijlage.inhoudstype
    )
    # Never run as a page, even if a browser were to ignore the attachment.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def verwijderen(request, bijlage: Bijlage, *, kenmerk: str, terug: str):
    """Ask first (a page naming the file); with ``bevestigd`` remove this version and, once
    that is committed, its file. The history keeps that it was there and who removed it."""
    if request.POST.get("bevestigd") != "ja":
        context = {"bijlage": bijlage, "terug": terug}
        return render(request, "core/bijlage_verwijderen.html", context)
    bestand, pk = bijlage.bestand, bijlage.pk
    with transaction.atomic():
        bijlage.delete()
        transaction.on_commit(lambda: bestand.storage.delete(bestand.name))
    log_event("document_verwijderen", request=request, obj=f"{kenmerk}:document:{pk}")
    messages.success(
        request,
        gettext("Versie %(versie)s van %(naam)s is verwijderd.")
        % {"naam": bijlage.naam, "versie": bijlage.versie},
    )
    return redirect(terug)
