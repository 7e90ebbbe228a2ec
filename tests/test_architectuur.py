"""The house rules of ARCHITECTURE.md, checked on the source: dependencies point one way,
rooms stay small, views stay thin, and the web process does not load WeasyPrint."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each app may use the ones before it, never the ones after it.
LAGEN = ["core", "accounts", "opgaven", "canvas", "participatie", "rapportages", "demo"]
# Routes without a namespace: the kernel's, and the site's own (any template may link home).
KERN_ROUTES = {"huisstijl": "core", "logo": "core", "toegankelijkheid": "core"}
SITE_ROUTES = {"home", "set_language"}
MAX_MODULE = 400
MAX_VIEW = 30


def _app_of(module: str) -> str | None:
    top = module.split(".", 1)[0]
    return top if top in LAGEN else None


def _python_files():
    for app in LAGEN:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def verboden_imports(app: str, bron: str, naam: str = "<bron>") -> list[str]:
    """Imports in ``bron`` (code of ``app``) of an app above it, also inside functions,
    and route names of such an app in strings ("participatie:positie")."""
    laag = LAGEN.index(app)
    fouten = []
    for node in ast.walk(ast.parse(bron)):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            modules = [m.group(1) for m in re.finditer(r"^([a-z]+):[a-z0-9-]+$", node.value)]
        for module in modules:
            ander = _app_of(module)
            if ander is not None and LAGEN.index(ander) > laag:
                fouten.append(f"{naam}:{node.lineno}: {app} -> {module}")
    return fouten


def _template_app(path: Path) -> str | None:
    """The app a template belongs to: its folder under templates/ (components: the core)."""
    eerste = path.relative_to(ROOT / "templates").parts[0]
    if eerste == "components":
        return "core"
    return eerste if eerste in LAGEN else None  # None: site level (base.html, errors)


def verboden_verwijzingen(app: str, bron: str, naam: str = "<bron>") -> list[str]:
    """{% url %}, {% include %} and {% extends %} in a template of ``app`` that reach an app
    above it."""
    laag = LAGEN.index(app)
    fouten = []
    for m in re.finditer(r"{%\s*url\s+['\"]([a-z_-]+)(?::[a-z0-9-]+)?['\"]", bron):
        route = m.group(1)
        ander = KERN_ROUTES.get(route, None if route in SITE_ROUTES else route)
        if ander in LAGEN and LAGEN.index(ander) > laag:
            fouten.append(f"{naam}: {app} -> {m.group(0)}")
    for m in re.finditer(r"{%\s*(?:include|extends)\s+['\"]([a-z_]+)/", bron):
        ander = "core" if m.group(1) == "components" else m.group(1)
        if ander in LAGEN and LAGEN.index(ander) > laag:
            fouten.append(f"{naam}: {app} -> {m.group(0)}")
    return fouten


def test_python_dependencies_point_one_way():
    fouten = []
    for app, path in _python_files():
        fouten += verboden_imports(app, path.read_text(), str(path.relative_to(ROOT)))
    assert fouten == []


def test_templates_reach_only_their_own_app_and_below():
    fouten = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        app = _template_app(path)
        if app is not None:
            fouten += verboden_verwijzingen(app, path.read_text(), str(path.relative_to(ROOT)))
    assert fouten == []


@pytest.mark.parametrize(
    ("app", "bron"),
    [
        ("canvas", "from participatie.models import Inbreng\n"),
        ("canvas", "def f():\n    import rapportages.tasks\n"),
        ("core", "from accounts.models import User\n"),
        ("opgaven", "url = reverse('participatie:positie')\n"),
    ],
)
def test_the_import_check_catches_an_upward_import(app, bron):
    assert verboden_imports(app, bron) != []


@pytest.mark.parametrize(
    ("app", "bron"),
    [
        ("opgaven", "<a href=\"{% url 'participatie:gedeelde-stakeholders' %}\">"),
        ("canvas", '{% include "participatie/positie/betrokkenheden.html" %}'),
        ("core", "{% url 'opgaven:opgave-list' %}"),
    ],
)
def test_the_template_check_catches_an_upward_link(app, bron):
    assert verboden_verwijzingen(app, bron) != []


def test_the_checks_allow_what_is_allowed():
    assert verboden_imports("participatie", "from canvas.models import Blok\n") == []
    assert verboden_verwijzingen("participatie", "{% url 'canvas:canvas-detail' 1 %}") == []
    assert verboden_verwijzingen("opgaven", "{% url 'home' %}{% url 'huisstijl' %}") == []


def test_no_module_is_a_warehouse():
    te_groot = [
        f"{path.relative_to(ROOT)}: {n} regels"
        for _app, path in _python_files()
        if (n := len(path.read_text().splitlines())) > MAX_MODULE
    ]
    assert te_groot == []


def test_views_are_thin_and_do_one_thing():
    """Every function in a views module fits on a screen, and none dispatches on a
    'formulier' field (one URL and one view per action)."""
    fouten = []
    views = [p for _app, p in _python_files() if "views" in p.parts or p.name == "views.py"]
    for path in [*views, ROOT / "config" / "views.py"]:
        boom = ast.parse(path.read_text())
        for node in ast.walk(boom):
            if isinstance(node, ast.Constant) and node.value == "formulier":
                fouten.append(f"{path.relative_to(ROOT)}:{node.lineno}: 'formulier'")
        for node in boom.body:
            if isinstance(node, ast.FunctionDef):
                lengte = node.end_lineno - node.lineno + 1
                if lengte > MAX_VIEW:
                    fouten.append(f"{path.relative_to(ROOT)}:{node.name}: {lengte} regels")
    assert fouten == []


def test_the_web_process_does_not_load_weasyprint():
    """WeasyPrint takes seconds to import; only code that renders a PDF loads it."""
    code = (
        "import sys, django; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "import config.wsgi;"
        "print('weasyprint' in sys.modules)"
    )
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test"}
    uitkomst = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert uitkomst.stdout.strip().splitlines()[-1] == "False", uitkomst.stderr


def test_scrollable_tables_can_be_reached_by_keyboard():
    """A table that scrolls sideways (a long name on the begroting page) is a named region
    that takes focus, so it scrolls with the arrow keys (axe scrollable-region-focusable)."""
    containers = [
        (path.relative_to(ROOT), tag)
        for path in (ROOT / "templates").rglob("*.html")
        for tag in re.findall(r'<div class="utrecht-table-container[^>]*>', path.read_text())
    ]
    assert len(containers) >= 8
    zonder = [
        (str(path), tag)
        for path, tag in containers
        if not all(a in tag for a in ('tabindex="0"', 'role="region"', "aria-label"))
    ]
    assert zonder == []
