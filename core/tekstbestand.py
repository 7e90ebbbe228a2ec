"""Reading an uploaded text file, the one place for it (the register's import, the moties
of the griffie, an indicator's measurements): the encoding (UTF-8 with or without BOM,
UTF-16 as Excel's "Unicode text", Windows-1252 as older Dutch Excel; binary files are
refused), the delimiter (; , or tab) and the dates people type; and, writing one, the
cells a spreadsheet would run as a formula (``veilig``)."""

import codecs
import csv
import datetime
import io

from django.utils.translation import gettext as _

# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde) -> str:
    """A cell for a spreadsheet export: as text, a formula quoted so it is never run."""
    tekst = "" if waarde is None else str(waarde)
    return "'" + tekst if tekst.startswith(FORMULE_TEKENS) else tekst


class OnleesbaarBestand(ValueError):
    """The upload is not a text file; the message says so in Dutch."""


def decodeer(inhoud: bytes) -> str:
    if inhoud.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return inhoud.decode("utf-16")
        except UnicodeDecodeError as fout:
            raise OnleesbaarBestand(_("Dit UTF-16-bestand is beschadigd.")) from fout
    if b"\x00" in inhoud:
        raise OnleesbaarBestand(
            _("Dit is geen tekstbestand. Bewaar het in Excel als 'CSV UTF-8' en probeer opnieuw.")
        )
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        return inhoud.decode("cp1252", errors="replace")


# Whichever of these the first line holds most of separates the columns: Dutch Excel writes
# ';', others ',' or a tab. (csv.Sniffer guesses wrong on commas inside quoted fields.)
SCHEIDINGSTEKENS = ";,\t"
# The dates people type in a spreadsheet, Dutch first.
DATUMFORMATEN = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")


def lees_regels(inhoud: bytes) -> list[list[str]]:
    """The rows of an uploaded CSV, each a list of cells; OnleesbaarBestand (with a Dutch
    message) for a file that is no text or no CSV."""
    tekst = decodeer(inhoud)
    scheiding = max(SCHEIDINGSTEKENS, key=tekst.split("\n", 1)[0].count)
    try:
        return list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    except csv.Error as fout:  # a field beyond csv's size limit, a broken quote
        raise OnleesbaarBestand(_("Dit CSV-bestand kan niet worden gelezen.")) from fout


def lees_datum(tekst: str) -> datetime.date | None:
    """15-03-2026, 2026-03-15, 15/03/2026 or 15.03.2026; None for anything else, and for a
    date outside 1900-2100 (a typing error, as the forms say: core.forms.redelijke_datum)."""
    from .forms import redelijke_datum

    for formaat in DATUMFORMATEN:
        try:
            datum = datetime.datetime.strptime(tekst.strip(), formaat).date()
        except ValueError:
            continue
        return datum if redelijke_datum(datum) else None
    return None
