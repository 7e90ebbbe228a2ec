"""What the council reads is what the screens show, figure by figure.

A report of varied data (held, planned and moved sessions; inbreng with and without
terugkoppeling; budgets over several years and financiers; indicators with and without
measurements; afspraken in every status) is laid out as the council gets it; ``pdftotext
-layout`` reads it back, and for every opgave each figure is compared with the page a
colleague opens for it: participatie, begroting, indicatoren, contact en afspraken. The
overview table must agree with the sections, and no word may cross a margin.
"""

import io
import re
import subprocess
from collections import Counter
from html import unescape

import pypdf
import pytest
from django.urls import reverse

from accounts.models import Rol
from canvas.documenten import canvas_bron
from canvas.indicatoren import Oordeel
from demo.seed.gevarieerd import maak_opgaven
from opgaven.models import Opgave
from participatie.models import AfspraakStatus
from rapportages.models import PcMoment
from rapportages.renderers import programmarapportage
from tests.accounts.factories import UserFactory
from tests.conftest import client_for
from tests.demo_kopie import demodata
from tests.rapportages.test_opmaak import MM, _woorden

EURO = r"€\s?(-?[\d.]+,\d\d)"
STATUSSEN = "|".join(sorted((str(s.label) for s in AfspraakStatus), key=len, reverse=True))
OORDELEN = "|".join(sorted((str(o.label).lower() for o in Oordeel), key=len, reverse=True))


def _tekst(html: str) -> str:
    """Visible text of a bit of HTML, whitespace folded (no-break spaces too)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _pagina_teksten(pdf: bytes, tmp_path) -> list[str]:
    pad = tmp_path / "rapport.pdf"
    pad.write_bytes(pdf)
    tekst = subprocess.run(
        ["pdftotext", "-layout", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout
    return tekst.split("\f")


def _secties(pdf: bytes, paginas: list[str], opgaven: list[Opgave]) -> dict[int, str]:
    """Per opgave the text of its pages, found through the PDF's bookmarks."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))

    def bladwijzers(outline):
        for item in outline:
            if isinstance(item, list):
                yield from bladwijzers(item)
            else:
                yield item.title, reader.get_destination_page_number(item)

    begin = {}
    for titel, pagina in bladwijzers(reader.outline):
        begin.setdefault(titel, pagina)
    starts = sorted((begin[o.titel], o.pk) for o in opgaven)
    grenzen = [s for s, _pk in starts] + [len(paginas)]
    return {pk: "\n".join(paginas[start : grenzen[i + 1]]) for i, (start, pk) in enumerate(starts)}


def _alinea(tekst: str, kop: str, volgende: str) -> str:
    """The part of a section between heading ``kop`` and heading ``volgende``."""
    deel = re.split(rf"^\s*{kop}\s*$", tekst, maxsplit=1, flags=re.M)[1]
    return re.split(rf"^\s*{volgende}\s*$", deel, maxsplit=1, flags=re.M)[0]


def _uit_pdf(sectie: str) -> dict:
    vlak = " ".join(sectie.split())
    deelname = re.search(
        r"(\d+) bijeenkomst(?:en)? gehouden; (\d+) keer inbreng, waarvan (\d+) met terugkoppeling",
        vlak,
    )
    begroting = _alinea(sectie, "Begroting", "Participatie")
    totaal = re.search(rf"^\s*Totaal\s+{EURO}\s+{EURO}\s+100\s?%", begroting, re.M)
    afspraken = _alinea(sectie, "Afspraken", "Moties en toezeggingen")
    return {
        "participatie": tuple(int(g) for g in deelname.groups()),
        "totaal": totaal.groups() if totaal else ("0,00", "0,00"),
        # "Wat mag het kosten?" from the canvas: the begroting's amounts, not the team's text.
        "kosten": _kosten(vlak),
        "jaren": {
            int(m[0]): (m[1], m[2])
            for m in re.findall(rf"^\s*Totaal (\d{{4}})\s+{EURO}\s+{EURO}", begroting, re.M)
        },
        "indicatoren": dict(re.findall(rf"^\s*(.+): ({OORDELEN})\s*$", sectie, re.M)),
        "afspraken": Counter(re.findall(rf"\b({STATUSSEN})\s*$", afspraken, re.M)),
    }


def _kosten(tekst: str) -> tuple:
    """(begroot, gerealiseerd) as a text says them ("begroot € 1,00, gerealiseerd € 0,50"),
    ("0,00", "0,00") when it says there are no amounts yet."""
    m = re.search(rf"[Bb]egroot {EURO}, gerealiseerd {EURO}", tekst.replace("\u00a0", " "))
    if m:
        return m.groups()
    assert re.search(r"nog geen bedragen", tekst, re.I), tekst[:300]
    return ("0,00", "0,00")


def _overzichtsrij(overzicht: str, opgave: Opgave) -> tuple:
    """(sessies, inbreng, teruggekoppeld, begroot, realisatie) from the opgave's row."""
    regels = overzicht.splitlines()
    for i, regel in enumerate(regels):
        if regel.lstrip().startswith(f"{opgave.rang}. "):
            rij = " ".join(" ".join(regels[i : i + 3]).split())
            # An opgave without a begroting shows "—" (said once under the table).
            m = re.search(rf"(\d+) (\d+) \((\d+)\) (?:{EURO} {EURO}|— —)", rij)
            assert m, rij
            return (int(m[1]), int(m[2]), int(m[3]), m[4] or "0,00", m[5] or "0,00")
    raise AssertionError(f"geen rij voor plaats {opgave.rang}")


def _uit_schermen(client, opgave: Opgave) -> dict:
    deelname = _tekst(
        re.search(
            r'id="participatiecijfers">(.*?)</p>',
            client.get(
                reverse("participatie:opgave-participatie", args=[opgave.pk])
            ).content.decode(),
            re.S,
        )[1]
    )
    getallen = re.match(
        r"(\d+) bijeenkomst(?:en)? gehouden; (\d+) keer inbreng, waarvan (\d+) met terugkoppeling",
        deelname,
    )
    begroting = client.get(reverse("canvas:begroting", args=[opgave.pk])).content.decode()

    def bedragen(testid, einde="strong"):
        cel = re.search(rf'data-testid="{testid}">(.*?)</{einde}>', begroting, re.S)[1]
        return tuple(re.findall(EURO, _tekst(cel)))

    canvas = client.get(reverse("canvas:canvas-detail", args=[opgave.pk])).content.decode()
    blok = re.search(r'data-testid="canvas-begroting">(.*?)</div>', canvas, re.S)[1]
    a3 = _tekst(canvas_bron(opgave=opgave).html)
    indicatoren = client.get(reverse("canvas:indicatoren", args=[opgave.pk])).content.decode()
    contact = client.get(reverse("participatie:contact", args=[opgave.pk])).content.decode()
    afspraken = contact.split('id="afspraken"', 1)[1].split("</section>", 1)[0]
    rijen = re.findall(r"<tr class=\"utrecht-table__row[^\"]*\">(.*?)</tr>", afspraken, re.S)
    totaal = bedragen("totaal-begroot") + bedragen("totaal-realisatie")
    # The canvas block "Wat het kost" and the A3 say the begroting's totals.
    assert _kosten(_tekst(blok)) == totaal, (opgave.titel, _tekst(blok), totaal)
    assert _kosten(a3.split("Wat het kost", 1)[1]) == totaal, (opgave.titel, a3)
    return {
        "participatie": tuple(int(g) for g in getallen.groups()),
        "totaal": totaal,
        "kosten": totaal,
        "jaren": {
            int(jaar): bedragen(f"jaartotaal-{jaar}", "td")
            for jaar in re.findall(r'data-testid="jaartotaal-(\d{4})"', begroting)
        },
        "indicatoren": {
            _tekst(naam): _tekst(oordeel).lower()
            for naam, oordeel in re.findall(
                r'<h2 class="utrecht-heading-2" id="indicator-\d+-kop">(.*?)</h2>.*?'
                r'data-testid="oordeel">(.*?)</strong>',
                indicatoren,
                re.S,
            )
        },
        "afspraken": Counter(
            _tekst(re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)[-1]) for r in rijen if "<td" in r
        ),
    }


def _vergelijk(opgaven: list[Opgave], pdf: bytes, tmp_path) -> int:
    """Compare every figure; returns how many were compared."""
    paginas = _pagina_teksten(pdf, tmp_path)
    secties = _secties(pdf, paginas, opgaven)
    overzicht = "\n".join(p for p in paginas if "Sessies" in p)  # the header repeats
    kijker = client_for(UserFactory(rol=Rol.MEDEWERKER))  # reads everything, edits nothing
    vergeleken = 0
    for opgave in opgaven:
        uit_pdf, op_scherm = _uit_pdf(secties[opgave.pk]), _uit_schermen(kijker, opgave)
        for figuur, waarde in op_scherm.items():
            assert uit_pdf[figuur] == waarde, (opgave.titel, figuur, uit_pdf[figuur], waarde)
            vergeleken += 1
        rij = _overzichtsrij(overzicht, opgave)
        assert rij == (*uit_pdf["participatie"], *uit_pdf["totaal"]), (opgave.titel, rij)
    return vergeleken


def _niets_over_de_rand(pdf: bytes, tmp_path) -> None:
    over = [
        (pagina, round(rechts, 1), tekst)
        for pagina, breedte, rechts, tekst in _woorden(pdf, tmp_path)
        if rechts > breedte - 16 * MM + 0.5
    ]
    assert over == [], over[:10]


@pytest.mark.django_db
def test_a_hundred_varied_opgaven_the_report_says_what_the_screens_say(tmp_path):
    opgaven = sorted(maak_opgaven(100), key=lambda o: o.rang)
    rapport = programmarapportage(Opgave.objects.all(), titel="Honderd opgaven")
    assert _vergelijk(opgaven, rapport.pdf, tmp_path) >= 100 * 5
    _niets_over_de_rand(rapport.pdf, tmp_path)


# An English decimal ("46.5 %"): a dot with one or two digits after it. A Dutch thousands
# separator has three ("1.200"), a Dutch decimal a comma.
ENGELS_DECIMAAL = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")


@pytest.mark.django_db
def test_the_demo_report_says_what_the_screens_say(tmp_path):
    demodata()
    opgaven = list(Opgave.objects.order_by("rang"))
    rapport = programmarapportage(Opgave.objects.all(), titel="Demo")
    _vergelijk(opgaven, rapport.pdf, tmp_path)
    _niets_over_de_rand(rapport.pdf, tmp_path)
    # Every one-word column heading fits its column whole ("Invloe-d", "Stem-men" did not).
    paginas = "\n".join(_pagina_teksten(rapport.pdf, tmp_path))
    koppen = {_tekst(k) for k in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', rapport.html)}
    woorden = sorted(k for k in koppen if k and " " not in k)
    assert len(woorden) >= 8, woorden
    assert [k for k in woorden if not re.search(rf"(?<!\S){re.escape(k)}(?!\S)", paginas)] == []
    # The report for the begroting 2027 prints the contributions: Markdown rendered (no raw
    # "- " list lines), every number Dutch, every opgave with figures (no rows of zeros).
    moment = PcMoment.objects.get(soort="begroting", jaar=2027)
    tekst = "\n".join(
        _pagina_teksten(
            programmarapportage(Opgave.objects.all(), titel="B", moment=moment).pdf, tmp_path
        )
    )
    assert not re.findall(r"^\s*- ", tekst, re.M)
    assert "•" in tekst
    assert ENGELS_DECIMAAL.findall(tekst) == []
    assert "Nog zonder begroting" not in tekst and "€ 0,00 € 0,00" not in " ".join(tekst.split())
