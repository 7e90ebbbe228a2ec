"""The security log in the app: what the SIEM receives is also kept for the beheerder, who
filters it and takes it along as CSV; looking is logged too; nobody changes a line, and
lines past their retention go."""

import datetime

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone

from core.models import Beveiligingsgebeurtenis
from core.tasks import beveiligingslog_opruimen
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
URL = reverse("accounts:beveiligingslog")


def _regels(response) -> str:
    return response.content.decode().split('id="regels"', 1)[1]


def test_failed_logins_and_refusals_are_kept_and_the_beheerder_filters_them(users, client):
    client.post(reverse("accounts:login"), {"username": "teamlid", "password": "fout"})
    client_for(users["partner"]).get(reverse("accounts:gebruiker-list"))  # 403
    beheerder = client_for(users["beheerder"])
    mislukt = Beveiligingsgebeurtenis.objects.get(actie="login", uitkomst="failed")
    assert (mislukt.object, mislukt.bron, mislukt.methode) == ("teamlid", "127.0.0.1", "POST")
    html = _regels(beheerder.get(URL, {"uitkomst": "failed"}))
    assert "1 regel gevonden" in html and ">teamlid<" in html
    html = _regels(beheerder.get(URL, {"gebruiker": users["partner"].username.upper()}))
    assert "permission_denied" in html and "mislukt" not in html
    html = _regels(beheerder.get(URL, {"actie": "login", "uitkomst": "ok"}))
    assert "failed" not in html and "permission_denied" not in html
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    assert "0 regels gevonden" in _regels(beheerder.get(URL, {"van": morgen.isoformat()}))


def test_a_period_that_ends_before_it_starts_is_refused_in_dutch(users):
    response = client_for(users["beheerder"]).get(URL, {"van": "2026-12-07", "tot": "2026-12-01"})
    assert response.status_code == 200
    assert "De begindatum ligt na de einddatum." in response.content.decode()


def test_looking_and_exporting_are_logged_and_the_csv_quotes_formulas(users, client):
    client.post(reverse("accounts:login"), {"username": "=HYPERLINK(1)", "password": "x"})
    beheerder = client_for(users["beheerder"])
    beheerder.get(URL, {"actie": "login"})
    response = beheerder.get(URL, {"actie": "login", "formaat": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="beveiligingslog-')
    tekst = b"".join(response.streaming_content).decode("utf-8-sig")
    regels = tekst.strip().splitlines()
    assert regels[0] == "Moment;Gebruiker;Adres;Methode;Pad;Soort;Object;Uitkomst"
    assert any(";'=HYPERLINK(1);failed" in r for r in regels[1:])
    assert all(";login;" in r for r in regels[1:])
    gekeken = Beveiligingsgebeurtenis.objects.filter(gebruiker=users["beheerder"].username)
    assert set(gekeken.values_list("actie", flat=True)) >= {
        "beveiligingslog_inzien",
        "beveiligingslog_export",
    }
    assert gekeken.get(actie="beveiligingslog_export").object == "actie=login"


@pytest.mark.parametrize("rol", ["regisseur", "bestuurder", "partner", "raadslid"])
def test_only_the_beheerder_sees_it(users, rol):
    response = client_for(users[rol]).get(URL, {"formaat": "csv"})
    assert response.status_code == 403
    assert "Alleen de beheerder bekijkt het beveiligingslog." in response.content.decode()


def test_no_line_is_changed_or_deleted_except_past_its_retention(users, settings, client):
    client.post(reverse("accounts:login"), {"username": "iemand", "password": "x"})
    regel = Beveiligingsgebeurtenis.objects.get()
    for poging in (
        lambda: Beveiligingsgebeurtenis.objects.update(gebruiker="vervalst"),
        lambda: Beveiligingsgebeurtenis.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            poging()
    settings.BEVEILIGINGSLOG_BEWAREN_DAGEN = 30
    beveiligingslog_opruimen()
    assert Beveiligingsgebeurtenis.objects.filter(pk=regel.pk).exists()
    with pytest.raises(DatabaseError), transaction.atomic():
        Beveiligingsgebeurtenis.objects.filter(pk=regel.pk).update(
            moment=regel.moment - datetime.timedelta(days=31)
        )
    # Dated back the one way a test can: a line written as if a month ago.
    oud = Beveiligingsgebeurtenis.objects.create(
        moment=timezone.now() - datetime.timedelta(days=31), actie="login", uitkomst="ok"
    )
    beveiligingslog_opruimen()
    assert not Beveiligingsgebeurtenis.objects.filter(pk=oud.pk).exists()
    assert Beveiligingsgebeurtenis.objects.filter(pk=regel.pk).exists()
