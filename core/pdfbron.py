"""What a PDF is made from: our HTML and our stylesheets, and the hash that names them.

Cheap to build in a web request (no WeasyPrint): a page can tell whether a document for
the same content exists before a worker lays anything out (core.pdf).
"""

import hashlib
from dataclasses import dataclass

from django.contrib.staticfiles import finders


@dataclass(frozen=True)
class Bron:
    html: str
    css: str

    @property
    def hash(self) -> str:
        return hashlib.sha256(f"{self.css}\0{self.html}".encode()).hexdigest()


def static_css(*names: str) -> str:
    """Our own stylesheets for a PDF, read from the static files and joined."""
    parts = []
    for name in names:
        with open(finders.find(name), encoding="utf-8") as css:
            parts.append(css.read())
    return "\n".join(parts)
