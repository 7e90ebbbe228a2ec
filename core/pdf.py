"""The one helper that turns our own HTML into PDF, locked down (docs/security.md).

WeasyPrint fetches any URL (file://, http://) by default and can attach files to the
PDF. Everything that reaches a PDF passes through ``render_pdf``: the only resources
it can load are ``data:`` URLs and the app's own static files.
"""

import logging
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .staticfiles import pakketmappen

logger = logging.getLogger(__name__)

# A host that never resolves: relative URLs in our templates become static lookups.
BASE_URL = "https://static.opgavenregie.invalid/"
_STATIC_PREFIX = BASE_URL.rstrip("/") + settings.STATIC_URL


class UnsafePDFError(Exception):
    """The rendered PDF contains something our templates never produce."""


class StaticOnlyURLFetcher(URLFetcher):
    """Serves ``data:`` URLs and the app's own static files; refuses everything else."""

    def __init__(self):
        super().__init__(timeout=3, allowed_protocols={"data"}, allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(_STATIC_PREFIX):
            path = _static_path(url.removeprefix(_STATIC_PREFIX))
            if path is not None:
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    url, path.read_bytes(), headers={"Content-Type": content_type}
                )
        self.refused.append(url)
        logger.warning("PDF rendering refused to fetch %r", url[:200])
        raise ValueError("Refused by StaticOnlyURLFetcher")


def _static_path(relative: str) -> Path | None:
    relative = unquote(urlsplit(relative).path)
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    if not found:
        return None
    real = Path(os.path.realpath(found))
    roots = [Path(os.path.realpath(root)) for root in _static_roots()]
    if not any(real.is_relative_to(root) for root in roots) or not real.is_file():
        return None
    return real


def _static_roots() -> list[str]:
    roots = []
    for entry in settings.STATICFILES_DIRS:
        roots.append(str(entry[1] if isinstance(entry, tuple) else entry))
    roots.append(str(Path(settings.BASE_DIR) / "static"))
    roots.extend(str(map_) for map_ in pakketmappen())
    return roots


OPTIONS = {
    "pdf_variant": "pdf/ua-1",
    "pdf_tags": True,
    "custom_metadata": False,
    "attachments": [],
}


def _render(html: str, css: str):
    """Lay out the pages (no PDF yet), with only our own static files reachable."""
    fetcher = StaticOnlyURLFetcher()
    font_config = FontConfiguration()
    stylesheets = [CSS(string=css, base_url=BASE_URL, url_fetcher=fetcher, font_config=font_config)]
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    document = document.render(font_config=font_config, stylesheets=stylesheets, **OPTIONS)
    check_layout(document)
    return document


def _write(document) -> bytes:
    return document.write_pdf(**OPTIONS)


def render_pdf(html: str, css: str = "", na_opmaak=None) -> bytes:
    """Render trusted, autoescaped HTML (from our templates) to a tagged PDF (PDF/UA-1).

    ``na_opmaak()`` is called between laying out (and checking) the pages and writing the
    PDF, so a job can say which of the two it is doing."""
    document = _render(html, css)
    if na_opmaak:
        na_opmaak()
    return _write(document)


def render_pdf_op_een_pagina(html: str, css: str, groottes=(10, 9, 8, 7, 6, 5, 4.5, 4)) -> bytes:
    """Like ``render_pdf`` at the largest base font size in ``groottes`` at which everything
    fits on one page.

    Nothing is cut off: at the smallest size a canvas too full for one page gets more pages.
    Each layout of a full canvas takes seconds, so the sizes are not tried one by one: the
    largest first (most canvases fit), then the smallest, then halving the sizes between.
    """

    def opmaak(i: int):
        return _render(html, f"{css}\nhtml {{ font-size: {groottes[i]}pt; }}")

    document = opmaak(0)
    if len(document.pages) == 1 or len(groottes) == 1:
        return _write(document)
    past_niet, past = 0, len(groottes) - 1
    beste = opmaak(past)
    if len(beste.pages) > 1:
        return _write(beste)
    while past - past_niet > 1:
        midden = (past + past_niet) // 2
        document = opmaak(midden)
        if len(document.pages) == 1:
            past, beste = midden, document
        else:
            past_niet = midden
    return _write(beste)


def check_layout(document) -> None:
    """Refuse a laid-out document that would carry a file or a link out of the PDF: an
    attachment (``<link rel=attachment>``, ``<a rel=attachment>``) or an external link.
    Our templates make only internal links. Checked on the layout, before writing: reading
    the written PDF back with pypdf cost 0.64 s of a 4 s report (its object streams are
    parsed whole)."""
    if document.metadata.attachments:
        raise UnsafePDFError("PDF zou een bijlage bevatten.")
    for page in document.pages:
        for soort, doel, *_rest in page.links:
            if soort != "internal":
                raise UnsafePDFError(f"PDF zou een link van het type {soort} bevatten: {doel[:80]}")
