import csv
import datetime
import io
import os
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rapportages import services
from rapportages.models import Export, Status
from tests import hostile
from tests.conftest import client_for
from tests.participatie.factories import BetrokkenheidFactory, StakeholderFactory


@pytest.fixture
def register(opgave):
    StakeholderFactory(naam=hostile.FORMULA)
    StakeholderFactory(naam=hostile.CMD)
    StakeholderFactory(naam="@SUM(1)")
    persoon = StakeholderFactory(
        naam="Fatima Gerrits",
        soort="inwoner",
        vorm="persoon",
        email="fatima@voorbeeld.example",
        telefoon="06-55554444",
        grondslag="toestemming",
        doel="d",
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    BetrokkenheidFactory(opgave=opgave, stakeholder=persoon)
    return persoon


def _wacht(export: Export) -> Export:
    for _ in range(300):
        export.refresh_from_db()
        if export.is_afgelopen:
            return export
        time.sleep(0.2)
    raise AssertionError(export.status)


def _rijen(formaat: str, data: bytes) -> list[list[str]]:
    if formaat == "csv":
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    blad = load_workbook(io.BytesIO(data)).active
    return [
        [("" if c is None else str(c)) for c in rij] for rij in blad.iter_rows(values_only=True)
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("formaat", ["xlsx", "csv"])
@pytest.mark.parametrize(("rol", "ziet_contact"), [("teamlid", True), ("medewerker", False)])
def test_worker_exports_the_register_escaped_and_shielded(
    celery_worker_thread, users, register, formaat, rol, ziet_contact
):
    client = client_for(users[rol])
    response = client.post(
        reverse("rapportages:export-create"), {"soort": "stakeholders", "formaat": formaat}
    )
    export = _wacht(Export.objects.get())
    assert response["Location"] == export.get_absolute_url()
    assert export.status == Status.KLAAR, export.foutmelding
    download = client.get(reverse("rapportages:export-download", args=[export.pk]))
    rijen = _rijen(formaat, b"".join(download.streaming_content))
    namen = [r[0] for r in rijen[1:]]
    assert "'" + hostile.FORMULA in namen and "'" + hostile.CMD in namen and "'@SUM(1)" in namen
    assert not any(n.startswith(("=", "+", "@")) for n in namen)
    fatima = next(r for r in rijen if r[0] == "Fatima Gerrits")
    assert (fatima[5] == "fatima@voorbeeld.example") is ziet_contact
    assert ("06-55554444" in fatima) is ziet_contact
    assert (export.voortgang, export.totaal) == (len(rijen) - 1, len(rijen) - 1)


def _klaar_export(user) -> Export:
    export = Export.objects.create(
        soort="stakeholders",
        formaat="csv",
        aangevraagd_door=user,
        verloopt_op=timezone.now() + datetime.timedelta(days=7),
    )
    services.export_maken(export_id=export.pk)
    export.refresh_from_db()
    return export


@pytest.mark.parametrize("rol", ["beheerder", "regisseur2", "medewerker"])
def test_only_the_requester_downloads(users, register, rol):
    export = _klaar_export(users["regisseur"])
    client = client_for(users[rol])
    assert client.get(reverse("rapportages:export-download", args=[export.pk])).status_code == 404
    assert client.get(reverse("rapportages:export-detail", args=[export.pk])).status_code == 404


def test_expired_export_is_gone_and_its_file_is_deleted(users, register):
    export = _klaar_export(users["regisseur"])
    pad = export.bestand.path
    Export.objects.filter(pk=export.pk).update(
        verloopt_op=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client_for(users["regisseur"]).get(
        reverse("rapportages:export-download", args=[export.pk])
    )
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert services.verlopen_bestanden_opruimen() == 1
    assert not os.path.exists(pad)
    assert Export.objects.filter(pk=export.pk, bestand="").exists()


def test_running_an_export_twice_writes_one_file(users, register):
    export = _klaar_export(users["regisseur"])
    services.export_maken(export_id=export.pk)
    export.refresh_from_db()
    assert (export.status, export.pogingen) == (Status.KLAAR, 1)


@pytest.mark.parametrize(
    "data",
    [{"soort": "wachtwoorden", "formaat": "csv"}, {"soort": "stakeholders", "formaat": "exe"}],
)
def test_unknown_exports_are_refused(users, data):
    assert (
        client_for(users["regisseur"]).post(reverse("rapportages:export-create"), data).status_code
        == 404
    )
    assert not Export.objects.exists()


def test_raadslid_cannot_export(users):
    response = client_for(users["raadslid"]).post(
        reverse("rapportages:export-create"), {"soort": "stakeholders", "formaat": "csv"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("formaat", ["xlsx", "csv"])
def test_opgaven_actiepunten_and_budget_lines_are_exported_escaped(users, opgave, formaat):
    from decimal import Decimal

    from django.db.models import Sum

    from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort
    from opgaven.models import Opgave
    from tests.canvas.factories import CanvasItemFactory
    from tests.participatie.factories import ActiepuntFactory, BijeenkomstFactory, ThematafelFactory

    Opgave.objects.filter(pk=opgave.pk).update(bestuurlijk_opdrachtgever=hostile.FORMULA)
    sessie = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))
    ActiepuntFactory(bijeenkomst=sessie, omschrijving='=HYPERLINK("http://x")')
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="-2+3")
    financier = Financier.objects.create(opgave=opgave, naam="Rijk", soort=FinancierSoort.RIJK)
    Begrotingsregel.objects.create(
        opgave=opgave,
        jaar=2027,
        activiteit=activiteit,
        financier=financier,
        begroot=Decimal("12500.50"),
        realisatie=Decimal("0.01"),
    )

    def export(soort):
        e = Export.objects.create(
            soort=soort,
            formaat=formaat,
            aangevraagd_door=users["medewerker"],
            verloopt_op=timezone.now() + datetime.timedelta(days=7),
        )
        services.export_maken(export_id=e.pk)
        e.refresh_from_db()
        assert e.status == Status.KLAAR, e.foutmelding
        with e.bestand.open("rb") as handle:
            return _rijen(formaat, handle.read())

    opgaven = export("opgaven")
    assert opgaven[0][:3] == ["Rang", "Opgave", "Fase"]
    assert len(opgaven) == 1 + Opgave.objects.count()
    rij = next(r for r in opgaven if r[1] == opgave.titel)
    assert rij[6] == "'" + hostile.FORMULA
    actiepunten = export("actiepunten")
    assert actiepunten[1][0] == '\'=HYPERLINK("http://x")'
    regels = export("begrotingsregels")
    assert regels[1][2] == "'-2+3"
    som = sum(Decimal(r[6]) for r in regels[1:])
    assert som == Begrotingsregel.objects.aggregate(s=Sum("begroot"))["s"] == Decimal("12500.50")
    assert regels[1][7] == "0.01"
