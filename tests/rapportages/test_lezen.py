"""A published report read in the browser: the same content and figures as its PDF."""

import html
import re
import subprocess
from decimal import Decimal

from django.urls import reverse

from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort
from opgaven.models import Opgave
from rapportages import services
from rapportages.models import Rapportage, Status
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import BetrokkenheidFactory

GETAL = re.compile(r"\d[\d.,]*\d|\d")


def _getallen(tekst: str) -> set[str]:
    return set(GETAL.findall(" ".join(tekst.split())))


def test_the_browser_page_holds_the_figures_of_the_pdf(users, opgave, tmp_path):
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
    financier = Financier.objects.create(opgave=opgave, naam="Rijk", soort=FinancierSoort.RIJK)
    Begrotingsregel.objects.create(
        opgave=opgave,
        jaar=2027,
        activiteit=activiteit,
        financier=financier,
        begroot=Decimal("123456.78"),
        realisatie=Decimal("2345.60"),
    )
    BetrokkenheidFactory(opgave=opgave, invloed=4, belang=5)
    rapportage = services.rapportage_aanvragen(opgave=opgave, user=users["regisseur"])
    services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR and rapportage.html

    pdf = subprocess.run(
        ["pdftotext", rapportage.bestand.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    leesbaar = html.unescape(re.sub(r"<[^>]+>", " ", rapportage.html))
    assert _getallen(leesbaar) <= _getallen(pdf)
    bedragen = {b for b in _getallen(pdf) if "," in b}
    assert {"123.456,78", "2.345,60"} <= bedragen <= _getallen(leesbaar)

    # The regisseur reads the concept: the overview, and the opgave on a page of its own with
    # its verloop (the concept closes the line); a raadslid sees nothing until it is published.
    url = reverse("rapportages:rapportage-lezen", args=[rapportage.pk])
    pagina = client_for(users["regisseur"]).get(url).content.decode()
    assert "nog niet vastgesteld" in pagina
    deel = reverse("rapportages:rapportage-lezen-deel", args=[rapportage.pk, f"opgave-{opgave.pk}"])
    pagina = client_for(users["regisseur"]).get(deel).content.decode()
    assert "€\u00a0123.456,78" in pagina and ">dit concept</text>" in pagina
    assert client_for(users["raadslid"]).get(url).status_code == 404
    assert client_for(users["raadslid"]).get(deel).status_code == 404
    Rapportage.objects.filter(pk=rapportage.pk).update(
        vastgesteld_op=rapportage.voltooid_op,
        vastgesteld_door=users["bestuurder"],
        gepubliceerd_op=rapportage.voltooid_op,
    )
    pagina = client_for(users["raadslid"]).get(deel).content.decode()
    assert "Vastgesteld door" in pagina and "€\u00a0123.456,78" in pagina
    assert Opgave.objects.get(pk=opgave.pk).titel.split()[0] in pagina
    rapportage.bestand.delete(save=False)


def test_reports_are_searched_in_what_they_say_not_in_their_markup(users, opgave):
    """Dutch stemming ('eenzaam' finds 'eenzaamheid'); class names and tags are no words."""
    rapportage = Rapportage.objects.create(
        opgave=opgave,
        aangevraagd_door=users["regisseur"],
        status=Status.KLAAR,
        bestand="rapportages/zoek.pdf",
        html=(
            '<table class="tabel"><tr><td class="getal">'
            "Minder eenzaamheid in de kernen</td></tr></table>"
        ),
    )
    gevonden = Rapportage.objects.zoek
    assert list(gevonden("eenzaam")) == [rapportage]
    assert list(gevonden("kernen eenzaamheid")) == [rapportage]
    assert list(gevonden("tabel")) == [] and list(gevonden("getal")) == []
    assert list(gevonden("")) == [rapportage]
    pagina = client_for(users["regisseur"]).get(
        reverse("rapportages:rapportage-list"), {"q": "fietsenstalling"}
    )
    assert "Geen rapportage noemt 'fietsenstalling'." in pagina.content.decode()


def test_each_opgave_shows_its_line_over_the_published_reports(users, opgave, andere_opgave):
    """Small multiples: per opgave what the council read each time, oldest first, as a
    chart and as a table; a later report is not in an earlier one's line."""
    import datetime

    from django.utils import timezone

    def gepubliceerd(dagen_terug, opgaven):
        return Rapportage.objects.create(
            aangevraagd_door=users["regisseur"],
            status=Status.KLAAR,
            bestand="rapportages/x.pdf",
            checksum="0" * 64,
            html="<p>Rapport</p>",
            gepubliceerd_op=timezone.now() - datetime.timedelta(days=dagen_terug),
            vastgesteld_op=timezone.now() - datetime.timedelta(days=dagen_terug),
            vastgesteld_door=users["bestuurder"],
            gegevens={"opgaven": opgaven},
        )

    def stand(o, fase, begroot, indicator=None):
        return {
            "id": o.pk,
            "titel": o.titel,
            "fase": fase,
            "voortgang": "op_koers",
            "begroot": begroot,
            "realisatie": "0.00",
            **(
                {"indicatoren": [{"naam": "Eenzaamheid 75+", "waarde": indicator}]}
                if indicator
                else {}
            ),
        }

    oudste = gepubliceerd(400, [stand(opgave, "verkennen", "1000.00")])
    midden = gepubliceerd(
        200,
        [stand(opgave, "formuleren", "250000.00", "48 %"), stand(andere_opgave, "leren", "5.00")],
    )
    laatste = gepubliceerd(10, [stand(opgave, "realiseren", "999.00", "41 %")])
    raadslid = client_for(users["raadslid"])
    pagina = raadslid.get(
        reverse("rapportages:rapportage-lezen", args=[midden.pk])
    ).content.decode()
    verloop = pagina.split('id="verloop"', 1)[1]
    # Both opgaven of this report; for the first, the older report and this one, not the later.
    assert verloop.count('class="app-veelvoud__item"') == 2
    assert "€\u00a01.000,00" in verloop and "€\u00a0250.000,00" in verloop
    assert "€\u00a0999,00" not in verloop
    tabel = verloop.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    assert tabel.index("Verkennen") < tabel.index("Formuleren")  # oldest first
    assert f'/lezen/opgave-{opgave.pk}/"' in verloop  # each opgave has a page of its own
    assert "in 2 rapportages, in euro" in verloop and "in 1 rapportage, in euro<" in verloop
    # Its axes: euros from zero to a round top, the reports along the bottom.
    assert ">€\u00a00<" in verloop and ">€\u00a0250.000<" in verloop
    # SVG coordinates are numbers with a point, whatever the page's language.
    assert all(re.fullmatch(r"\d+\.\d", c) for c in re.findall(r'c[xy]="([^"]*)"', verloop))
    assert re.search(r'points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"', verloop)
    assert "Eenzaamheid 75+: — → 48 %" in html.unescape(verloop)  # not measured before
    assert oudste.pk and laatste.pk


def test_a_concept_of_all_opgaven_without_a_moment_is_read_with_its_verloop(
    users, opgave, andere_opgave
):
    """Its line ends in "dit concept": it has neither a P&C moment nor a publication date
    (that gave a 500)."""
    rapportage = services.rapportage_aanvragen(opgave=None, user=users["beheerder"])
    services.rapportage_render(rapportage_id=rapportage.pk)
    pagina = client_for(users["beheerder"]).get(
        reverse("rapportages:rapportage-lezen", args=[rapportage.pk])
    )
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert html.count(">dit concept</text>") == 2
    assert f"/lezen/opgave-{andere_opgave.pk}/" in html
    Rapportage.objects.get(pk=rapportage.pk).bestand.delete(save=False)
