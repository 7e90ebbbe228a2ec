"""Spreadsheet exports: rows from the domain, written as xlsx or csv with formula escaping."""

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from participatie.models import Stakeholder

# A cell that starts with one of these is a formula to Excel and LibreOffice; prefixing an
# apostrophe makes it text (OWASP "CSV injection").
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde) -> str:
    tekst = "" if waarde is None else str(waarde)
    return "'" + tekst if tekst.startswith(FORMULE_TEKENS) else tekst


STAKEHOLDER_KOLOMMEN = [
    "Naam",
    "Soort",
    "Organisatie of persoon",
    "Hoort bij",
    "KvK-nummer",
    "E-mail",
    "Telefoon",
    "Aantal opgaven",
]


def stakeholder_rijen(user) -> tuple[int, Iterator[list[str]]]:
    """The register as rows; contact details only where ``user`` may see them."""
    from django.db.models import Count

    qs = (
        Stakeholder.objects.filter(geanonimiseerd_op__isnull=True)
        .select_related("organisatie")
        .met_contact_zichtbaar(user)
        .annotate(aantal_opgaven=Count("betrokkenheden", distinct=True))
        .order_by("naam", "pk")
    )

    def rijen():
        for s in qs.iterator(chunk_size=2000):
            zichtbaar = s.contact_zichtbaar
            yield [
                s.naam,
                s.get_soort_display(),
                s.get_vorm_display(),
                s.organisatie.naam if s.organisatie else "",
                s.kvk_nummer,
                s.email if zichtbaar else "",
                s.telefoon if zichtbaar else "",
                str(s.aantal_opgaven),
            ]

    return qs.count(), rijen()


def schrijf(
    pad: Path, formaat: str, kolommen: list[str], rijen, voortgang: Callable[[int], None]
) -> int:
    """Write every row to ``pad``; report progress every 1,000 rows; return the row count."""
    aantal = 0
    if formaat == "csv":
        with open(pad, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(kolommen)
            for rij in rijen:
                writer.writerow([veilig(c) for c in rij])
                aantal += 1
                if aantal % 1000 == 0:
                    voortgang(aantal)
        return aantal
    import xlsxwriter

    werkboek = xlsxwriter.Workbook(
        str(pad), {"constant_memory": True, "strings_to_formulas": False}
    )
    blad = werkboek.add_worksheet("Export")
    vet = werkboek.add_format({"bold": True})
    blad.write_row(0, 0, kolommen, vet)
    for rij in rijen:
        aantal += 1
        # write_string: a value is always text, never a formula, number or URL.
        for kolom, cel in enumerate(rij):
            blad.write_string(aantal, kolom, veilig(cel))
        if aantal % 1000 == 0:
            voortgang(aantal)
    werkboek.close()
    return aantal
