import subprocess

import pytest
from django.core.management import CommandError, call_command

from tests.canvas.factories import CanvasItemFactory


def test_command_renders_one_opgave(opgave, tmp_path):
    CanvasItemFactory(opgave=opgave, tekst="Doel uit het canvas")
    output = tmp_path / "een.pdf"
    call_command("rapportage", opgave=str(opgave.pk), output=str(output))
    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Doel uit het canvas" in text
    assert "Wat mag het kosten?" in text


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["999999", "abc", "-1"])
def test_command_explains_unknown_opgave(value, tmp_path):
    with pytest.raises(CommandError, match="Geen opgave"):
        call_command("rapportage", opgave=value, output=str(tmp_path / "x.pdf"))


def test_report_budget_totals_equal_the_database_and_the_overview_is_landscape(
    opgave, andere_opgave, tmp_path
):
    import io
    from decimal import Decimal

    import pypdf
    from django.db.models import Sum

    from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort
    from core.templatetags.opmaak import euro

    for o, bedragen in [(opgave, ["1234.56", "0.99"]), (andere_opgave, ["99999.01"])]:
        activiteit = CanvasItemFactory(opgave=o, blok=Blok.ACTIVITEITEN)
        for i, bedrag in enumerate(bedragen):
            financier = Financier.objects.create(
                opgave=o, naam=f"Financier {i}", soort=FinancierSoort.PARTNER
            )
            Begrotingsregel.objects.create(
                opgave=o,
                jaar=2027,
                activiteit=activiteit,
                financier=financier,
                begroot=Decimal(bedrag),
                realisatie=Decimal(bedrag) / 2,
            )
    output = tmp_path / "alle.pdf"
    call_command("rapportage", opgave="alle", output=str(output))
    text = " ".join(
        subprocess.run(["pdftotext", str(output), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split()
    ).replace("\u00a0", " ")
    for o in (opgave, andere_opgave):
        som = Begrotingsregel.objects.filter(opgave=o).aggregate(b=Sum("begroot"))["b"]
        assert euro(som).replace("\u00a0", " ") in text, (o, som)
    assert "€ 1.235,55" in text  # 1234.56 + 0.99, to the cent
    from opgaven.models import Opgave

    for vraag in ["Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"]:
        assert text.count(vraag) == Opgave.objects.count(), vraag  # every opgave answers all three
    info = subprocess.run(["pdfinfo", str(output)], capture_output=True, check=True)
    assert "Tagged:          yes" in info.stdout.decode()
    assert "Overzicht van de opgaven" in text
    assert "Participatie" in text and "Risico's" in text
    reader = pypdf.PdfReader(io.BytesIO(output.read_bytes()))
    liggend = [
        i for i, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height
    ]
    assert liggend == [2]  # cover, contents, then the overview in landscape


def test_a_long_unbroken_word_stays_on_the_page(opgave, tmp_path):
    import re

    from tests.participatie.factories import BetrokkenheidFactory

    BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Stichting" + "x" * 150)
    output = tmp_path / "lang.pdf"
    call_command("rapportage", opgave=str(opgave.pk), output=str(output))
    bbox = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox", str(output), "-"], capture_output=True, check=True
    ).stdout.decode(errors="replace")  # the <head> poppler writes is not always UTF-8
    paginas = re.findall(r'<page width="([\d.]+)".*?</page>', bbox, flags=re.S)
    assert paginas
    for pagina in re.finditer(r'<page width="([\d.]+)"(.*?)</page>', bbox, flags=re.S):
        breedte = float(pagina.group(1))
        rechts = [float(x) for x in re.findall(r'xMax="([\d.]+)"', pagina.group(2))]
        assert max(rechts, default=0) <= breedte
    assert "Stichtingxxx" in bbox


def test_report_shows_indicators_with_their_judgement(opgave, tmp_path):
    import datetime
    from decimal import Decimal

    from canvas.models import Blok, Bron, Indicator, Meting

    doel = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN)
    indicator = Indicator.objects.create(
        item=doel,
        naam="Kernen met een ontmoetingsplek",
        eenheid="kernen",
        bron=Bron.EIGEN,
        nulmeting=Decimal(3),
        nulmeting_datum=datetime.date(2025, 1, 1),
        streefwaarde=Decimal(8),
        streefdatum=datetime.date(2029, 1, 1),
    )
    Meting.objects.create(indicator=indicator, datum=datetime.date(2027, 1, 1), waarde=Decimal(4))
    output = tmp_path / "indicatoren.pdf"
    call_command("rapportage", opgave=str(opgave.pk), output=str(output))
    text = " ".join(
        subprocess.run(["pdftotext", str(output), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    # halfway the line is at 5.5; 4 is behind
    assert "Kernen met een ontmoetingsplek: achter op koers" in text
    assert "laatste meting 4 kernen (1 januari 2027)" in text
