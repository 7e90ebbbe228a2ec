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

    # The regisseur reads the concept; a raadslid sees nothing until it is published.
    url = reverse("rapportages:rapportage-lezen", args=[rapportage.pk])
    pagina = client_for(users["regisseur"]).get(url).content.decode()
    assert "€\u00a0123.456,78" in pagina and "nog niet vastgesteld" in pagina
    assert client_for(users["raadslid"]).get(url).status_code == 404
    Rapportage.objects.filter(pk=rapportage.pk).update(
        vastgesteld_op=rapportage.voltooid_op,
        vastgesteld_door=users["bestuurder"],
        gepubliceerd_op=rapportage.voltooid_op,
    )
    pagina = client_for(users["raadslid"]).get(url).content.decode()
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
