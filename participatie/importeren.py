"""Import of stakeholders from CSV or xlsx: read, check every row, import the good ones.

Rows are checked against what is already in the register (and earlier rows in the same
file) in memory, so a 10,000-row file costs a handful of queries, not one per row.
"""

import datetime
import io
import os
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from core.invoer import alleen_cijfers
from core.tekstbestand import OnleesbaarBestand, lees_datum, lees_regels

from .models import Grondslag, Stakeholder, StakeholderSoort, Vorm

KOLOMMEN = [
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
MAX_RIJEN = 20_000
MAX_BYTES = 5 * 1024 * 1024
# An xlsx is a zip of XML: what it unpacks to is bounded before anything is parsed, and only
# this many columns and rows are ever read, whatever size the sheet claims to have.
MAX_UITGEPAKT = 50 * 1024 * 1024
MAX_ZIP_DELEN = 500
MAX_KOLOMMEN = 40


class ImportFout(Exception):
    """The file as a whole cannot be read (wrong type, no header, too many rows)."""


@dataclass
class Rij:
    nummer: int  # as the user sees it in the file: the header is row 1
    waarden: dict[str, str]
    fouten: list[str] = field(default_factory=list)


def lees(naam: str, inhoud: bytes) -> list[Rij]:
    """The file's rows as dicts keyed by our column names (header names are case-insensitive)."""
    if naam.lower().endswith(".xlsx"):
        rijen = _lees_xlsx(inhoud)
    elif naam.lower().endswith(".csv"):
        rijen = _lees_csv(inhoud)
    else:
        raise ImportFout(_("Alleen .csv- en .xlsx-bestanden kunnen worden ingelezen."))
    if not rijen:
        raise ImportFout(_("Het bestand is leeg."))
    kop = [str(k or "").strip().lower() for k in rijen[0]]
    if "naam" not in kop:
        raise ImportFout(_("De eerste rij moet kolomnamen bevatten, waaronder 'naam'."))
    if len(rijen) - 1 > MAX_RIJEN:
        raise ImportFout(
            _("Het bestand heeft meer dan %(max)s rijen; splits het op.") % {"max": MAX_RIJEN}
        )
    result = []
    for nummer, waarden in enumerate(rijen[1:], start=2):
        rij = {k: _tekst(v) for k, v in zip(kop, waarden, strict=False) if k in KOLOMMEN}
        if any(rij.values()):
            result.append(Rij(nummer=nummer, waarden=rij))
    return result


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde).strip()


def _lees_csv(inhoud: bytes) -> list[list[str]]:
    try:
        return lees_regels(inhoud)
    except OnleesbaarBestand as fout:
        raise ImportFout(str(fout)) from fout


def _lees_xlsx(inhoud: bytes) -> list[list]:
    from openpyxl import load_workbook  # parses with defusedxml: no entities, no DTDs

    _controleer_zip(inhoud)
    try:
        # data_only=False: a formula is imported as the text that was typed, never evaluated.
        werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    except Exception as error:
        raise ImportFout(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from error
    try:
        # Bounded, whatever dimension the sheet claims (openpyxl pads every row to it).
        blad = werkboek.worksheets[0]
        _controleer_afmeting(blad.max_row or 0, blad.max_column or 0)
        rijen = [
            list(rij)
            for rij in blad.iter_rows(max_row=MAX_RIJEN + 2, max_col=MAX_KOLOMMEN, values_only=True)
        ]
    except ImportFout:
        raise
    except Exception as error:
        raise ImportFout(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from error
    finally:
        werkboek.close()
    while rijen and not any(v not in (None, "") for v in rijen[-1]):
        rijen.pop()
    return rijen


def _controleer_afmeting(rijen: int, kolommen: int) -> None:
    """Refuse a sheet that says it is larger than can be read: what lies beyond the limits
    would be skipped without a word (the sheet's own dimension; Excel writes the used range)."""
    if rijen > MAX_RIJEN + 1 or kolommen > MAX_KOLOMMEN:
        raise ImportFout(
            _(
                "Het werkblad loopt tot rij %(rijen)s en kolom %(kolommen)s; er kunnen "
                "hoogstens %(max_rijen)s rijen en %(max_kolommen)s kolommen worden ingelezen. "
                "Verwijder lege rijen en kolommen (ook met alleen opmaak) of splits het bestand."
            )
            % {
                "rijen": f"{rijen:,}".replace(",", "."),
                "kolommen": kolommen,
                "max_rijen": f"{MAX_RIJEN:,}".replace(",", "."),
                "max_kolommen": MAX_KOLOMMEN,
            }
        )


def _controleer_zip(inhoud: bytes) -> None:
    """Refuse a zip that unpacks to too much or has too many parts (a decompression bomb)
    before any of it is unpacked; the sizes it declares bound what unpacking yields."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            delen = archief.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise ImportFout(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from error
    if len(delen) > MAX_ZIP_DELEN or sum(d.file_size for d in delen) > MAX_UITGEPAKT:
        raise ImportFout(
            _(
                "Dit Excel-bestand is uitgepakt te groot om in te lezen; bewaar het opnieuw of "
                "splits het op."
            )
        )


_SOORTEN = {
    **{v: v for v in StakeholderSoort.values},
    **{str(lbl).lower(): v for v, lbl in StakeholderSoort.choices},
}
_VORMEN = {**{v: v for v in Vorm.values}, **{str(lbl).lower(): v for v, lbl in Vorm.choices}}
_GRONDSLAGEN = {
    **{v: v for v in Grondslag.values},
    **{str(lbl).lower(): v for v, lbl in Grondslag.choices},
}


def controleer(rijen: list[Rij], user=None) -> None:
    """Fill each row's ``fouten``; afterwards a row without errors can be imported.

    A duplicate e-mail address of a person whose details ``user`` may not see is reported
    without saying so much: the preview must not tell whose address it is.
    """
    bestaand = Stakeholder.objects.filter(geanonimiseerd_op__isnull=True)
    namen = {n.lower() for n in bestaand.values_list("naam", flat=True)}
    met_email = bestaand.exclude(email="")
    if user is not None:
        met_email = met_email.met_contact_zichtbaar(user)
        emails = dict(met_email.values_list("email", "contact_zichtbaar"))
    else:
        emails = dict.fromkeys(met_email.values_list("email", flat=True), True)
    emails = {e.lower(): zichtbaar for e, zichtbaar in emails.items()}
    kvks = set(bestaand.exclude(kvk_nummer="").values_list("kvk_nummer", flat=True))
    organisaties = {
        n.lower() for n in bestaand.filter(vorm=Vorm.ORGANISATIE).values_list("naam", flat=True)
    }
    for rij in rijen:
        w, fouten = rij.waarden, rij.fouten
        naam = w.get("naam", "")
        if not naam:
            fouten.append(_("naam ontbreekt"))
        elif len(naam) > 200:
            fouten.append(_("naam is langer dan 200 tekens"))
        elif naam.lower() in namen:
            fouten.append(_("staat al in het register (zelfde naam)"))
        soort = _SOORTEN.get(w.get("soort", "").lower())
        if soort is None:
            fouten.append(_("onbekende soort '%(soort)s'") % {"soort": w.get("soort", "")[:40]})
        vorm = _VORMEN.get(
            (w.get("vorm") or ("persoon" if soort == "inwoner" else "organisatie")).lower()
        )
        if vorm is None:
            fouten.append(
                _("onbekende vorm '%(vorm)s' (organisatie of persoon)")
                % {"vorm": w.get("vorm", "")[:40]}
            )
        email = w.get("email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                fouten.append(_("ongeldig e-mailadres '%(email)s'") % {"email": email[:60]})
            else:
                if emails.get(email.lower()) is True:
                    fouten.append(_("staat al in het register (zelfde e-mailadres)"))
                elif email.lower() in emails:
                    fouten.append(
                        _("mogelijk dubbel met een bestaande inwoner; vraag de beheerder")
                    )
        kvk = w.get("kvk_nummer", "").replace(" ", "")
        if kvk and not (alleen_cijfers(kvk) and len(kvk) == 8):
            fouten.append(_("KvK-nummer moet uit acht cijfers bestaan"))
        elif kvk and kvk in kvks:
            fouten.append(_("staat al in het register (zelfde KvK-nummer)"))
        if len(w.get("telefoon", "")) > 30:
            fouten.append(_("telefoonnummer is te lang"))
        organisatie = w.get("organisatie", "")
        if organisatie and organisatie.lower() not in organisaties:
            fouten.append(
                _("organisatie '%(naam)s' staat niet in het register") % {"naam": organisatie[:60]}
            )
        if vorm == Vorm.PERSOON:
            if _GRONDSLAGEN.get(w.get("grondslag", "").lower()) is None:
                fouten.append(
                    _("grondslag ontbreekt of is onbekend (publieke taak of toestemming)")
                )
            if not w.get("doel"):
                fouten.append(_("doel van de verwerking ontbreekt"))
            if lees_datum(w.get("bewaren_tot", "")) is None:
                fouten.append(_("bewaartermijn ontbreekt of is geen datum (dd-mm-jjjj)"))
        if not fouten:
            # Later rows with the same name, e-mail or KvK number are duplicates of this one.
            namen.add(naam.lower())
            if email:
                emails[email.lower()] = True
            if kvk:
                kvks.add(kvk)
            if vorm == Vorm.ORGANISATIE:
                organisaties.add(naam.lower())


@transaction.atomic
def importeer(rijen: list[Rij]) -> int:
    """Create the rows without errors, all or none of them (organisations first)."""
    goed = [r for r in rijen if not r.fouten]
    nieuw = []
    for rij in goed:
        w = rij.waarden
        soort = _SOORTEN[w["soort"].lower()]
        vorm = _VORMEN[
            (w.get("vorm") or ("persoon" if soort == "inwoner" else "organisatie")).lower()
        ]
        persoon = vorm == Vorm.PERSOON
        nieuw.append(
            Stakeholder(
                naam=w["naam"],
                soort=soort,
                vorm=vorm,
                kvk_nummer=w.get("kvk_nummer", "").replace(" ", ""),
                email=w.get("email", ""),
                telefoon=w.get("telefoon", ""),
                grondslag=_GRONDSLAGEN[w["grondslag"].lower()] if persoon else "",
                doel=w.get("doel", "") if persoon else "",
                bewaren_tot=lees_datum(w.get("bewaren_tot", "")) if persoon else None,
            )
        )
    Stakeholder.objects.bulk_create(nieuw, batch_size=1000)
    # Link persons to organisations now that every organisation of the file exists.
    koppelingen = {r.waarden["naam"].lower(): r.waarden.get("organisatie", "") for r in goed}
    te_koppelen = {naam: org for naam, org in koppelingen.items() if org}
    if te_koppelen:
        orgs = {
            s.naam.lower(): s
            for s in Stakeholder.objects.filter(
                vorm=Vorm.ORGANISATIE, geanonimiseerd_op__isnull=True
            )
        }
        bijwerken = []
        for stakeholder in nieuw:
            org = te_koppelen.get(stakeholder.naam.lower())
            if org:
                stakeholder.organisatie = orgs[org.lower()]
                bijwerken.append(stakeholder)
        Stakeholder.objects.bulk_update(bijwerken, ["organisatie"], batch_size=1000)
    return len(nieuw)


@dataclass
class Voorbeeld:
    """A checked upload, kept (as ``bestand`` under the media root) until it is confirmed."""

    bestand: str
    naam: str
    rijen: list[Rij]

    def context(self) -> dict:
        fout = [r for r in self.rijen if r.fouten]
        return {
            "bestand": self.bestand,
            "naam": self.naam,
            "aantal": len(self.rijen),
            "goed": len(self.rijen) - len(fout),
            "fout_rijen": fout[:1000],
            "voorbeeld": [r for r in self.rijen if not r.fouten][:10],
        }


def _map() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def voorbeeld(upload, user=None) -> Voorbeeld:
    """Read and check an uploaded file, and keep it until the import is confirmed."""
    if upload is None:
        raise ImportFout(_("Kies een bestand om in te lezen."))
    if upload.size > MAX_BYTES:
        raise ImportFout(_("Het bestand is groter dan 5 MB; splits het op."))
    inhoud = upload.read()
    rijen = lees(upload.name, inhoud)
    controleer(rijen, user)
    _map().mkdir(parents=True, exist_ok=True)
    bestand = f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}"
    # Only the app reads it back (0600, like exports); unconfirmed previews expire.
    descriptor = os.open(_map() / bestand, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(inhoud)
    return Voorbeeld(bestand=bestand, naam=upload.name, rijen=rijen)


def bevestigen(*, bestand: str, naam: str, user=None) -> tuple[int, int] | None:
    """Import the good rows of a kept file, checked again (the register may have changed
    since the preview); (imported, rows), or None when the file is gone."""
    pad = _map() / Path(bestand).name
    if not pad.is_file():
        return None
    rijen = lees(naam, pad.read_bytes())
    controleer(rijen, user)
    aantal = importeer(rijen)
    pad.unlink(missing_ok=True)
    return aantal, len(rijen)


VOORBEELD_GELDIG = datetime.timedelta(days=1)


def verlopen_voorbeelden_opruimen(nu: datetime.datetime | None = None) -> int:
    """Delete previews never confirmed within a day (they hold personal data)."""
    grens = (nu or datetime.datetime.now(tz=datetime.UTC)) - VOORBEELD_GELDIG
    if not _map().is_dir():
        return 0
    oud = [
        pad
        for pad in _map().iterdir()
        if pad.is_file()
        and datetime.datetime.fromtimestamp(pad.stat().st_mtime, tz=datetime.UTC) < grens
    ]
    for pad in oud:
        pad.unlink(missing_ok=True)
    return len(oud)


def alle_voorbeelden_verwijderen() -> int:
    """Delete every file waiting for confirmation (a person is being erased, and the files
    are raw uploads that may hold them); whoever was importing uploads again."""
    if not _map().is_dir():
        return 0
    bestanden = [pad for pad in _map().iterdir() if pad.is_file()]
    for pad in bestanden:
        pad.unlink(missing_ok=True)
    return len(bestanden)
