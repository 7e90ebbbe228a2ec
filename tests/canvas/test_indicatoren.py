"""Indicators: the judgement against the line, the chart, CSV import that loses nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from canvas import indicatoren
from canvas.models import Blok, Bron, Indicator, Meting, Soort
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries

D = datetime.date


def _indicator(opgave, nul="48", streef="40", **kwargs):
    item = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT)
    return Indicator.objects.create(
        item=item,
        naam=kwargs.pop("naam", "Inwoners die zich eenzaam voelen"),
        eenheid="%",
        bron=Bron.GGD,
        nulmeting=Decimal(nul),
        nulmeting_datum=D(2024, 1, 1),
        streefwaarde=Decimal(streef),
        streefdatum=D(2028, 1, 1),
        **kwargs,
    )


class M:  # a measurement as the functions see it
    def __init__(self, datum, waarde):
        self.datum, self.waarde = datum, Decimal(waarde)


@pytest.mark.parametrize(
    "nul,streef,metingen,verwacht_oordeel",
    [
        ("48", "40", [], indicatoren.Oordeel.GEEN_METING),
        # falling target: halfway (2026-01-01) the line is at 44.
        ("48", "40", [M(D(2026, 1, 1), "44")], indicatoren.Oordeel.OP_KOERS),
        ("48", "40", [M(D(2026, 1, 1), "44.5")], indicatoren.Oordeel.ACHTER),
        ("48", "40", [M(D(2025, 1, 1), "40"), M(D(2026, 1, 1), "47")], indicatoren.Oordeel.ACHTER),
        # rising target: halfway the line is at 5.5
        ("3", "8", [M(D(2026, 1, 1), "5.5")], indicatoren.Oordeel.OP_KOERS),
        ("3", "8", [M(D(2026, 1, 1), "5")], indicatoren.Oordeel.ACHTER),
        # after the target date the line stays at the target
        ("3", "8", [M(D(2030, 1, 1), "8")], indicatoren.Oordeel.OP_KOERS),
        # a measurement before the nulmeting is history, not progress
        ("3", "8", [M(D(2020, 1, 1), "9")], indicatoren.Oordeel.GEEN_METING),
        # holding a level
        ("7", "7", [M(D(2026, 1, 1), "7")], indicatoren.Oordeel.OP_KOERS),
        ("7", "7", [M(D(2026, 1, 1), "6.9")], indicatoren.Oordeel.ACHTER),
    ],
)
def test_judgement_against_the_line(opgave, nul, streef, metingen, verwacht_oordeel):
    indicator = _indicator(opgave, nul, streef)
    assert indicatoren.oordeel(indicator, metingen) == verwacht_oordeel


def test_chart_puts_points_where_they_belong(opgave):
    indicator = _indicator(opgave)
    metingen = [M(D(2025, 1, 1), "46"), M(D(2026, 1, 1), "44")]
    g = indicatoren.grafiek(indicator, metingen)
    assert len(g.punten) == 2
    # later is further right; a lower value is lower on the page (larger y)
    assert g.punten[1].x > g.punten[0].x
    assert g.punten[1].y > g.punten[0].y
    x1, y1, x2, y2 = g.lijn
    assert (x1, x2) == (g.links, g.rechts_x)  # the line spans nulmeting to streefdatum
    assert y2 > y1  # from 48 down to 40
    assert [jaar for _, jaar in g.x_ticks] == [2025, 2026, 2027, 2028]


def _post_csv(client, opgave, indicator, inhoud: bytes, naam="metingen.csv"):
    return client.post(
        reverse("canvas:metingen-import", args=[opgave.pk]),
        {
            "import-indicator": indicator.pk,
            "import-bestand": SimpleUploadedFile(naam, inhoud, content_type="text/csv"),
        },
    )


def test_csv_import_reads_dutch_files_and_is_idempotent(users, opgave):
    indicator = _indicator(opgave)
    client = client_for(users["regisseur"])
    inhoud = (
        "Datum;Waarde;Toelichting\n01-07-2024;47,5;GGD najaar\n2025-01-01;46;\n\n1/7/2025;45,25;x\n"
    )
    response = _post_csv(client, opgave, indicator, inhoud.encode("utf-8-sig"))
    assert response.status_code == 302
    rijen = list(indicator.metingen.values_list("datum", "waarde", "toelichting"))
    assert rijen == [
        (D(2024, 7, 1), Decimal("47.50"), "GGD najaar"),
        (D(2025, 1, 1), Decimal("46.00"), ""),
        (D(2025, 7, 1), Decimal("45.25"), "x"),
    ]
    # The same file again: nothing new, nothing doubled.
    response = _post_csv(client, opgave, indicator, inhoud.encode())
    assert response.status_code == 302
    assert indicator.metingen.count() == 3
    pagina = client.get(response["Location"]).content.decode()
    assert "3 metingen ingelezen, waarvan 0 nieuw." in pagina
    # Comma separated, decimal points, Windows encoding
    _post_csv(client, opgave, indicator, "2026-01-01,44.5,één\n".encode("cp1252"))
    assert indicator.metingen.get(datum=D(2026, 1, 1)).toelichting == "één"


@pytest.mark.parametrize(
    "inhoud,melding",
    [
        (b"01-07-2024;47,5\n31-02-2025;46\n", "Regel 2: '31-02-2025' is geen datum"),
        (b"01-07-2024;veel\n", "Regel 1: 'veel' is geen getal"),
        (b"01-07-2024;1\n2024-07-01;2\n", "Regel 2: de datum 2024-07-01 staat ook op regel 1."),
        (b"01-07-2024\n", "Regel 1: verwacht een datum en een waarde"),
        (b"datum;waarde\n", "Het bestand bevat geen metingen."),
        (b"01-07-2024;NaN\n", "Regel 1: 'NaN' is geen getal"),
        (b"01-07-2024;99999999999\n", "is geen getal"),
        (b'datum;waarde\n=HYPERLINK("x");1\n', "Regel 2: '=HYPERLINK(\"x\")' is geen datum"),
        # Found by a probe: each of these was a 500 or was saved.
        (b"15-03-2025;1e9999999999999\n", "Regel 1: '1e9999999999999' is geen getal"),
        (b"15-03-2025;" + b"1" * 200_000, "Dit CSV-bestand kan niet worden gelezen."),
        (b"\x00\x01\x02PK\x00binary", "Dit is geen tekstbestand."),
        (b"0001-01-01;3\n", "Regel 1: '0001-01-01' is geen datum"),
        (b"31-12-9999;3\n", "Regel 1: '31-12-9999' is geen datum"),
    ],
)
def test_a_bad_csv_saves_nothing_and_names_the_line(users, opgave, inhoud, melding):
    indicator = _indicator(opgave)
    Meting.objects.create(indicator=indicator, datum=D(2024, 7, 1), waarde=Decimal("47"))
    response = _post_csv(client_for(users["regisseur"]), opgave, indicator, inhoud)
    html = response.content.decode()
    assert response.status_code == 422
    assert escape(melding) in html
    assert "Er is niets ingelezen" in html
    assert list(indicator.metingen.values_list("waarde", flat=True)) == [Decimal("47.00")]


@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "utf-16", "cp1252"], ids=lambda c: c)
def test_csv_in_every_encoding_excel_writes_is_read(users, opgave, codering):
    indicator = _indicator(opgave)
    inhoud = "datum;waarde;toelichting\n15-03-2025;12,5;één meting\n".encode(codering)
    response = _post_csv(client_for(users["regisseur"]), opgave, indicator, inhoud)
    assert response.status_code in (200, 302)
    meting = indicator.metingen.get()
    assert (meting.waarde, meting.toelichting) == (Decimal("12.50"), "één meting")


def test_a_vanishingly_small_value_is_zero_not_minus_zero(users, opgave):
    indicator = _indicator(opgave)
    _post_csv(client_for(users["regisseur"]), opgave, indicator, b"15-03-2025;-1e-999999999\n")
    assert str(indicator.metingen.get().waarde) == "0.00"


def test_csv_that_is_too_large_is_refused(users, opgave):
    indicator = _indicator(opgave)
    response = _post_csv(
        client_for(users["regisseur"]), opgave, indicator, b"01-01-2025;3\n" * 100_000
    )
    assert response.status_code == 422
    assert "groter dan 1 MB" in response.content.decode()
    assert indicator.metingen.count() == 0


def test_indicator_form_checks_item_and_dates(users, opgave, andere_opgave):
    client = client_for(users["regisseur"])
    url = reverse("canvas:indicator-create", args=[opgave.pk])
    doel = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN)
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
    vreemd = CanvasItemFactory(opgave=andere_opgave, blok=Blok.BELEIDSDOELEN)
    data = {
        "indicator-item": doel.pk,
        "indicator-naam": "Kernen met een ontmoetingsplek",
        "indicator-eenheid": "kernen",
        "indicator-bron": Bron.EIGEN,
        "indicator-nulmeting": "3",
        "indicator-nulmeting_datum": "2025-01-01",
        "indicator-streefwaarde": "8",
        "indicator-streefdatum": "2028-12-31",
    }
    for item in (activiteit, vreemd):
        response = client.post(url, data | {"indicator-item": item.pk})
        assert response.status_code == 422
        assert "Kies een effect of beleidsdoel uit dit canvas." in response.content.decode()
    response = client.post(url, data | {"indicator-streefdatum": "2024-12-31"})
    assert response.status_code == 422
    assert "De streefdatum ligt na de datum van de nulmeting." in response.content.decode()
    # "5 aantal" says nothing: the unit names what is counted.
    response = client.post(url, data | {"indicator-eenheid": " Aantal "})
    assert response.status_code == 422
    assert "Noem wat er geteld wordt" in response.content.decode()
    assert Indicator.objects.count() == 0
    assert client.post(url, data | {"indicator-nulmeting": "3,5"}).status_code == 302
    assert Indicator.objects.get().nulmeting == Decimal("3.50")


def test_measurement_upserts_per_date_and_item_with_indicator_is_not_deleted(users, opgave):
    indicator = _indicator(opgave)
    client = client_for(users["regisseur"])
    url = reverse("canvas:meting-create", args=[opgave.pk])
    data = {
        "meting-indicator": indicator.pk,
        "meting-datum": "2026-01-01",
        "meting-waarde": "44",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data | {"meting-waarde": "43,5"}).status_code == 302
    assert list(indicator.metingen.values_list("waarde", flat=True)) == [Decimal("43.50")]
    response = client.post(
        reverse("canvas:canvasitem-delete", args=[indicator.item_id]),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409
    assert "indicatoren" in response.content.decode()
    pagina = client.get(reverse("canvas:indicatoren", args=[opgave.pk])).content.decode()
    assert "Op koers" in pagina  # 43.5 is below the line (44) for a falling target
    assert pagina.count('class="app-grafiek__punt"') == 1


def test_indicator_page_queries_do_not_grow(users, opgave):
    client = client_for(users["medewerker"])
    url = reverse("canvas:indicatoren", args=[opgave.pk])

    def vul(n):
        for _ in range(n):
            indicator = _indicator(opgave, naam=f"Indicator {Indicator.objects.count()}")
            for j in range(4):
                Meting.objects.create(indicator=indicator, datum=D(2025, 1 + j, 1), waarde=j)

    vul(2)
    weinig = tel_queries(client, url)
    vul(20)
    assert tel_queries(client, url) == weinig
