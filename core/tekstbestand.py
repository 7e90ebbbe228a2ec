"""Reading an uploaded CSV as text: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
text", with BOM) or Windows-1252 (older Dutch Excel); binary files are refused."""

import codecs

from django.utils.translation import gettext as _


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
