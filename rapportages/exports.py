"""Spreadsheet exports: rows from the domain, written as xlsx or csv with formula escaping."""

import csv
import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

from django.utils import timezone

from core.tekstbestand import veilig
from participatie.models import Stakeholder

# A cell that starts with one of these is a formula to Excel and LibreOffice; prefixing an
# apostrophe makes it text (OWASP "CSV injection").


class Labels(dict):
    """A field's choice labels, translated once per export: ``get_<field>_display()``
    translates every choice again on each call (42 s of 50 for 100,000 stakeholders)."""

    def __init__(self, model, veld: str):
        keuzes = model._meta.get_field(veld).flatchoices
        super().__init__((waarde, str(label)) for waarde, label in keuzes)

    def __missing__(self, waarde) -> str:
        return "" if waarde is None else str(waarde)


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
    """The register as rows, as the register lists them; contact details only where
    ``user`` may see them."""
    qs = Stakeholder.objects.register(user, {}).order_by("naam", "pk")

    soort, vorm = Labels(Stakeholder, "soort"), Labels(Stakeholder, "vorm")

    def rijen():
        # Tuples, not model instances: a third of the time for 100,000 rows.
        waarden = qs.values_list(
            "naam",
            "soort",
            "vorm",
            "organisatie__naam",
            "kvk_nummer",
            "email",
            "telefoon",
            "contact_zichtbaar",
            "aantal_opgaven",
        )
        for naam, s, v, organisatie, kvk, email, telefoon, zichtbaar, aantal in waarden.iterator(
            chunk_size=2000
        ):
            yield [
                naam,
                soort[s],
                vorm[v],
                organisatie or "",
                kvk,
                email if zichtbaar else "",
                telefoon if zichtbaar else "",
                str(aantal),
            ]

    return qs.count(), rijen()


OPGAVE_KOLOMMEN = [
    "Rang",
    "Opgave",
    "Fase",
    "Prioriteit",
    "Voortgang",
    "Opgaveregisseur",
    "Bestuurlijk opdrachtgever",
    "Startdatum",
    "Einddatum",
]


def opgave_rijen(user) -> tuple[int, Iterator[list[str]]]:
    from opgaven.models import Opgave

    qs = Opgave.objects.visible_to(user).select_related("opgaveregisseur").op_agenda()

    fase, prioriteit = Labels(Opgave, "fase"), Labels(Opgave, "prioriteit")
    voortgang = Labels(Opgave, "voortgang")

    def rijen():
        for o in qs.iterator(chunk_size=2000):
            yield [
                str(o.rang),
                o.titel,
                fase[o.fase],
                prioriteit[o.prioriteit],
                voortgang[o.voortgang],
                str(o.opgaveregisseur),
                o.bestuurlijk_opdrachtgever,
                _datum(o.startdatum),
                _datum(o.einddatum),
            ]

    return qs.count(), rijen()


ACTIEPUNT_KOLOMMEN = ["Actiepunt", "Eigenaar", "Uiterlijk", "Status", "Thematafel", "Bijeenkomst"]


def actiepunt_rijen(user) -> tuple[int, Iterator[list[str]]]:
    from participatie.models import Actiepunt, Thematafel

    qs = (
        Actiepunt.objects.filter(bijeenkomst__thematafel__in=Thematafel.objects.visible_to(user))
        .select_related("eigenaar", "bijeenkomst__thematafel")
        .order_by("deadline", "pk")
    )

    status = Labels(Actiepunt, "status")

    def rijen():
        for a in qs.iterator(chunk_size=2000):
            yield [
                a.omschrijving,
                str(a.eigenaar) if a.eigenaar else "",
                _datum(a.deadline),
                status[a.status],
                a.bijeenkomst.thematafel.thema,
                _datum(a.bijeenkomst.begint_op),
            ]

    return qs.count(), rijen()


BEGROTING_KOLOMMEN = [
    "Opgave",
    "Jaar",
    "Activiteit",
    "Financier",
    "Soort financier",
    "Begrotingsprogramma",
    "Begroot",
    "Realisatie",
]


def begrotingsregel_rijen(user) -> tuple[int, Iterator[list[str]]]:
    """Amounts as plain decimals with a point (12500.50): exact, and read the same everywhere."""
    from canvas.models import Begrotingsregel, Financier
    from opgaven.models import Opgave

    qs = (
        Begrotingsregel.objects.filter(opgave__in=Opgave.objects.visible_to(user))
        .select_related("opgave", "activiteit", "financier")
        .order_by("opgave__titel", "jaar", "activiteit__volgorde", "financier__naam", "pk")
    )

    soort = Labels(Financier, "soort")

    def rijen():
        for r in qs.iterator(chunk_size=2000):
            yield [
                r.opgave.titel,
                str(r.jaar),
                r.activiteit.tekst,
                r.financier.naam,
                soort[r.financier.soort],
                r.financier.begrotingsprogramma,
                str(r.begroot),
                str(r.realisatie),
            ]

    return qs.count(), rijen()


def _datum(waarde) -> str:
    """15-03-2026; a moment in time as its date in the Netherlands."""
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        waarde = timezone.localtime(waarde)
    return waarde.strftime("%d-%m-%Y")


GEBRUIKER_KOLOMMEN = [
    "Naam",
    "Gebruikersnaam",
    "E-mail",
    "Organisatie",
    "Rol",
    "Actief",
    "Laatst ingelogd",
    "Opgaveteams (rol in het team)",
]


def gebruiker_rijen(user) -> tuple[int, Iterator[list[str]]]:
    """Every account with its role and teams, for the periodic access review (BIO); only
    for who manages accounts."""
    from django.db.models import Prefetch

    from accounts.models import User
    from opgaven.models import Teamlidmaatschap

    if not user.has_perm("accounts.manage_gebruikers"):
        return 0, iter(())
    leden = Teamlidmaatschap.objects.select_related("opgave").order_by("opgave__titel")
    qs = User.objects.prefetch_related(
        Prefetch("teamlidmaatschap_set", queryset=leden, to_attr="teams")
    ).order_by("username")

    rol, teamrol = Labels(User, "rol"), Labels(Teamlidmaatschap, "rol")

    def rijen():
        for u in qs.iterator(chunk_size=2000):
            yield [
                u.get_full_name(),
                u.username,
                u.email,
                u.organisatie,
                rol[u.rol],
                "ja" if u.is_active else "nee",
                _datum(u.last_login),
                "; ".join(f"{t.opgave.titel} ({teamrol[t.rol]})" for t in u.teams),
            ]

    return qs.count(), rijen()


# soort -> (column names, rows for a user)
SOORTEN = {
    "gebruikers": (GEBRUIKER_KOLOMMEN, gebruiker_rijen),
    "stakeholders": (STAKEHOLDER_KOLOMMEN, stakeholder_rijen),
    "opgaven": (OPGAVE_KOLOMMEN, opgave_rijen),
    "actiepunten": (ACTIEPUNT_KOLOMMEN, actiepunt_rijen),
    "begrotingsregels": (BEGROTING_KOLOMMEN, begrotingsregel_rijen),
}


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
