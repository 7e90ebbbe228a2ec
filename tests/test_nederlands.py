"""The Dutch of the interface: the domain words spelled one way, dates in Dutch style.

Reads what users read: every template and every translatable string (the msgids of the
catalogue, which are the Dutch source texts)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The glossary: a wrong form (regex) -> the word the interface uses.
FOUT = {
    r"\d+ inbreng wachten|(\}\}|\)s) inbreng wacht": "'… keer inbreng wacht' (inbreng telt niet)",
    r"\b[Tt]hema[ -]tafel": "thematafel",
    r"\b[Pp]articipatie[ -]ladder": "participatieladder",
    r"\b[Oo]pgave[ -]regisseur": "opgaveregisseur",
    r"\b[Bb]eleids[ -]agenda": "beleidsagenda",
    r"P&C cyclus|P&C moment": "P&C-cyclus, P&C-moment",
    r"\b[Ss]takeholder[ -]register": "stakeholderregister",
    r"\b[Pp]rocesregisseur": "opgaveregisseur",
}
# Month abbreviations in Dutch style are lower case ("1 mrt 2027"): Django's "M" capitalises.
MAAND = re.compile(r"""(date:|date_format\([^,]+,)\s*["'][^"']*(?<!\\)\bM\b""")


def _teksten():
    for pad in sorted((ROOT / "templates").rglob("*.html")):
        yield str(pad.relative_to(ROOT)), pad.read_text()
    po = (ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text()
    yield "msgids", "\n".join(re.findall(r'^msgid(?:_plural)? "(.*)"$', po, re.MULTILINE))


@pytest.mark.parametrize(("fout", "goed"), FOUT.items(), ids=list(FOUT.values()))
def test_domain_words_are_spelled_one_way(fout, goed):
    gevonden = [(waar, m.group(0)) for waar, tekst in _teksten() for m in re.finditer(fout, tekst)]
    assert gevonden == [], f"schrijf {goed}"


def test_month_names_are_lower_case():
    bronnen = [*(ROOT / "templates").rglob("*.html"), *ROOT.glob("*/**/*.py")]
    fout = [
        str(pad.relative_to(ROOT))
        for pad in bronnen
        if ".venv" not in pad.parts
        and "node_modules" not in pad.parts
        and pad.name != "test_nederlands.py"
        and MAAND.search(pad.read_text())
    ]
    assert fout == []


def test_the_checks_catch_what_they_should():
    assert re.search(next(iter(FOUT)), "4 inbreng wachten op terugkoppeling")
    assert re.search(r"P&C cyclus|P&C moment", "het P&C moment")
    assert MAAND.search('{{ d|date:"j M Y" }}') and not MAAND.search('{{ d|date:"j b Y" }}')
    assert MAAND.search('formats.date_format(maand, "M Y")')
