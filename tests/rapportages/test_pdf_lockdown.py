"""WeasyPrint may load nothing but data: URLs and our static files (docs/security.md)."""

import datetime
import http.server
import io
import socket
import subprocess
import threading

import pypdf
import pytest
from django.core.management import call_command

from canvas.models import Blok, Financier, Indicator
from core.pdf import StaticOnlyURLFetcher, UnsafePDFError, render_pdf
from tests.canvas.factories import CanvasItemFactory
from tests.opgaven.factories import OpgaveFactory
from tests.participatie.factories import BetrokkenheidFactory


@pytest.fixture
def canary():
    """A loopback HTTP server that counts every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body{}")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def payloads(base: str) -> str:
    return (
        '<img src="file:///etc/hostname">'
        '<link rel="attachment" href="file:///etc/hostname">'
        f'<p style="background:url({base}/style)">x</p>'
        f"<style>@import url({base}/import);</style>"
        f'<img src="{base}/img">'
    )


def _text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def _assert_clean(pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert socket.gethostname() not in _text(pdf)


def test_hostile_content_in_every_report_field_fetches_nothing(db, canary, tmp_path):
    base, hits = canary
    evil = payloads(base)
    opgave = OpgaveFactory(
        titel=f'Opgave <img src="{base}/titel">', maatschappelijke_bedoeling=evil
    )
    for blok in Blok:
        CanvasItemFactory(opgave=opgave, blok=blok, tekst=f"{blok} {evil}")
    BetrokkenheidFactory(
        opgave=opgave, stakeholder__naam=f'<link rel="stylesheet" href="{base}/s">'
    )
    # Text that ends up inside the report's SVG charts and budget tables.
    doel = opgave.canvas_items.get(blok=Blok.BELEIDSDOELEN)
    Indicator.objects.create(
        item=doel,
        naam=f'<image href="{base}/svg"/>'[:200],
        eenheid=f'"><use href="{base}/use#x"/>',
        bron="eigen",
        nulmeting=1,
        nulmeting_datum=datetime.date(2025, 1, 1),
        streefwaarde=2,
        streefdatum=datetime.date(2026, 1, 1),
    )
    Financier.objects.create(opgave=opgave, naam=f'<img src="{base}/financier">', soort="partner")
    output = tmp_path / "rapport.pdf"

    call_command("rapportage", opgave="alle", output=str(output))

    pdf = output.read_bytes()
    assert hits == []
    _assert_clean(pdf)
    assert "file:///etc/hostname" in _text(pdf)  # the payload is shown as text


def test_helper_refuses_fetches_even_from_unescaped_html(canary):
    """Defence in depth: if a template ever failed to escape, the fetcher still refuses."""
    base, hits = canary
    html = (
        "<html lang='nl'><head><title>t</title></head>"
        f"<body><p>hallo</p>{payloads(base)}</body></html>"
    )
    css = f"@import url({base}/css-import); body {{ background: url({base}/css-bg); }}"

    with pytest.raises(UnsafePDFError):  # the attachment link: nothing is written
        render_pdf(html, css)
    zonder_bijlage = html.replace('<link rel="attachment" href="file:///etc/hostname">', "")
    pdf = render_pdf(zonder_bijlage, css)

    assert hits == []
    _assert_clean(pdf)
    assert "hallo" in _text(pdf)


def test_fetcher_serves_static_files_and_nothing_outside(settings):
    fetcher = StaticOnlyURLFetcher()
    ok = fetcher.fetch("https://static.opgavenregie.invalid/static/css/rapport.css")
    assert b"@page" in ok.read()
    for url in [
        "https://static.opgavenregie.invalid/static/../../../etc/hostname",
        "https://static.opgavenregie.invalid/static/%2e%2e/%2e%2e/config/settings/base.py",
        "file:///etc/hostname",
        "http://127.0.0.1:9/x",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://example.org/">buiten</a>',
        '<a href="mailto:iemand@example.org">mail</a>',
        '<a rel="attachment" href="data:text/plain,geheim">bijlage</a>',
        '<link rel="attachment" href="data:text/plain,geheim">',
    ],
)
def test_a_document_with_an_external_link_or_an_attachment_is_refused(html):
    """Defence in depth: if a template ever made a link out of the PDF or attached a file
    (a data: URL is one the fetcher serves), nothing is written."""
    pagina = f"<html lang='nl'><head><title>t</title></head><body>{html}</body></html>"
    with pytest.raises(UnsafePDFError):
        render_pdf(pagina)


def test_internal_links_stay():
    pdf = render_pdf(
        "<html lang='nl'><head><title>t</title></head><body>"
        "<a href='#b'>naar b</a><h1 id='b'>B</h1></body></html>"
    )
    links = [
        (a.get_object().get("/Dest"), a.get_object().get("/A"))
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for a in page.get("/Annots") or []
    ]
    assert links == [("b", None)]
