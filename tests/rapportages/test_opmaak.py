"""The programme report never runs past its margins, whatever length the names have.

Every table of the report gets long Dutch compounds (the names municipalities really use
run to forty letters) and unbroken strings; ``pdftotext -bbox`` gives every word's box on
every page, and no word may cross the right margin.
"""

import datetime
import subprocess
from decimal import Decimal

from defusedxml import ElementTree as ET

from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort
from opgaven.models import Opgave
from participatie.models import Afspraak
from rapportages.renderers import programmarapportage
from tests.canvas.factories import CanvasItemFactory
from tests.participatie.factories import BetrokkenheidFactory, StakeholderFactory

MM = 72 / 25.4
LANG = "Woningcorporatiesamenwerkingsverband"
ONGEBROKEN = "x" * 90


def _woorden(pdf: bytes, tmp_path) -> list[tuple[int, float, float, str]]:
    """(page number, page width, word's right edge, word) for every word of the PDF."""
    pad = tmp_path / "r.pdf"
    pad.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout
    doc = html.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    woorden = []
    for nummer, pagina in enumerate(ET.fromstring(doc), start=1):
        breedte = float(pagina.get("width"))
        for woord in pagina:
            woorden.append((nummer, breedte, float(woord.get("xMax")), woord.text or ""))
    return woorden


def test_no_word_crosses_the_right_margin_on_any_page(users, opgave, tmp_path):
    Opgave.objects.filter(pk=opgave.pk).update(
        titel=f"{LANG} en {LANG}bestuursovereenkomst {ONGEBROKEN}"
    )
    for i, soort in enumerate(["woningcorporatie", "maatschappelijke_organisatie", "bedrijf"]):
        BetrokkenheidFactory(
            opgave=opgave,
            stakeholder=StakeholderFactory(naam=f"{LANG}{i} Belanghebbendenvertegenwoordiging"),
            rol="partner",
        )
        del soort
    belover = StakeholderFactory(naam=f"Stichting {LANG}{ONGEBROKEN}")
    Afspraak.objects.create(
        opgave=opgave,
        omschrijving=f"{LANG} levert {ONGEBROKEN} aan",
        belover=belover,
        eigenaar=opgave.opgaveregisseur,
        deadline=datetime.date(2027, 3, 1),
        bijdrage=Decimal("9876543210.98"),
    )
    activiteit = CanvasItemFactory(
        opgave=opgave, blok=Blok.ACTIVITEITEN, tekst=f"{LANG} {ONGEBROKEN}"
    )
    financier = Financier.objects.create(
        opgave=opgave,
        naam=f"Provinciale {LANG}subsidieregeling",
        soort=FinancierSoort.PROVINCIE,
        begrotingsprogramma=ONGEBROKEN,
    )
    Begrotingsregel.objects.create(
        opgave=opgave,
        jaar=2027,
        activiteit=activiteit,
        financier=financier,
        begroot=Decimal("9999999999.99"),
        realisatie=Decimal("9999999999.99"),
    )
    rapport = programmarapportage(Opgave.objects.filter(pk=opgave.pk), titel=f"Rapportage {LANG}")
    woorden = _woorden(rapport.pdf, tmp_path)
    assert len({w[0] for w in woorden}) >= 4  # cover, contents, overview, the opgave
    # The tightest right margin of the report's pages (16 mm on the landscape page).
    over = [
        (pagina, round(rechts, 1), round(breedte - 16 * MM, 1), tekst)
        for pagina, breedte, rechts, tekst in woorden
        if rechts > breedte - 16 * MM + 0.5
    ]
    assert over == [], over[:10]
    tekst = " ".join(w[3] for w in woorden)
    assert "9.999.999.999,99" in tekst
