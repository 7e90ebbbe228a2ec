"""publiccode.yml holds what standard v0.4 requires: its mandatory keys, values from its
lists, description lengths, and the licence the repository actually carries.

Checked against the standard's rules written out here: its JSON schema is not available
on this machine (no package on PyPI, npm or Debian carries it)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOORT = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
ONDERHOUD = {"internal", "contract", "community", "none"}


def test_publiccode_has_what_the_standard_requires():
    pc = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    for sleutel in ("publiccodeYmlVersion", "name", "url", "platforms", "categories",
                    "developmentStatus", "softwareType", "description", "legal",
                    "maintenance", "localisation"):  # fmt: skip
        assert pc.get(sleutel), sleutel
    assert pc["publiccodeYmlVersion"] == "0.4"
    assert pc["url"].startswith("https://")
    assert pc["developmentStatus"] in STATUS and pc["softwareType"] in SOORT
    assert pc["maintenance"]["type"] in ONDERHOUD
    if pc["maintenance"]["type"] in ("internal", "community"):
        assert all(c.get("name") for c in pc["maintenance"]["contacts"])
    assert pc["localisation"]["localisationReady"] in (True, False)
    assert set(pc["localisation"]["availableLanguages"]) == {"nl", "en"}  # the app's own
    for taal, beschrijving in pc["description"].items():
        assert len(beschrijving["shortDescription"]) <= 150, taal
        assert 150 <= len(beschrijving["longDescription"]) <= 10000, taal
        assert beschrijving["features"] and all(len(f) <= 100 for f in beschrijving["features"])
    assert pc["legal"]["license"] == "EUPL-1.2"
    assert (ROOT / "LICENSE").read_text().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert 'license = "EUPL-1.2"' in (ROOT / "pyproject.toml").read_text()
