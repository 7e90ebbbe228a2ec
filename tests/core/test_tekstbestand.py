"""One reader for every uploaded text file (core.tekstbestand): the register's import, the
griffie's moties and an indicator's measurements read encodings, delimiters and dates alike."""

import csv
from pathlib import Path

import pytest

from core.tekstbestand import OnleesbaarBestand, lees_datum, lees_regels

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scheiding", [";", ",", "\t"])
@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_delimiter_and_encoding_excel_writes_is_read(scheiding, codering):
    tekst = f'naam{scheiding}plaats\n"Zoë, de Vries"{scheiding}Maasdal\n'
    assert lees_regels(tekst.encode(codering)) == [["naam", "plaats"], ["Zoë, de Vries", "Maasdal"]]


def test_what_is_no_csv_is_refused_in_dutch():
    with pytest.raises(OnleesbaarBestand, match="geen tekstbestand"):
        lees_regels(b"PK\x03\x04\x00\x00binary")
    te_lang = b'a;"' + b"x" * (csv.field_size_limit() + 1) + b'"\n'
    with pytest.raises(OnleesbaarBestand, match="kan niet worden gelezen"):
        lees_regels(te_lang)


def test_the_dates_people_type():
    verwacht = lees_datum("2026-03-15")
    assert verwacht is not None
    assert [lees_datum(t) for t in ("15-03-2026", " 15/03/2026 ", "15.03.2026")] == [verwacht] * 3
    assert [lees_datum(t) for t in ("31-09-2026", "15-03-0026", "morgen", "")] == [None] * 4


def test_no_other_module_reads_csv_itself():
    lezers = [
        str(pad.relative_to(ROOT))
        for app in ("accounts", "canvas", "core", "opgaven", "participatie", "rapportages")
        for pad in (ROOT / app).rglob("*.py")
        if "csv.reader(" in pad.read_text() or "csv.DictReader(" in pad.read_text()
    ]
    assert lezers == ["core/tekstbestand.py"]
