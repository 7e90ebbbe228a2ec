"""The searchable stakeholder choice in Chromium, against the scale data set.

Usage (DATABASE_URL pointing at the scale data: ``manage.py schaaldata``, 100,000
stakeholders):
    .venv/bin/python bench/picker.py [--keer 5]

Starts gunicorn with the production settings (as bench/load.py), opens an opgave's
Stakeholders page in headless Chromium as its regisseur, opens "Stakeholder toevoegen" and
types a few letters of a name into the combobox: per search the time from the last key to
the options on screen, then the keyboard choice (arrow down, Enter) is checked.
"""

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import Collega, start_gunicorn, vrije_poort
from opgaven.models import Opgave
from participatie.models import Stakeholder

ZOEK = ["stichting", "vereniging 1", "de vries", "bakker 2", "kern"]


def main() -> None:
    from playwright.sync_api import expect, sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--keer", type=int, default=5)
    args = parser.parse_args()
    poort = vrije_poort()
    base = f"http://127.0.0.1:{poort}"
    server = start_gunicorn(poort, 2, 4)
    try:
        opgave = Opgave.objects.filter(opgaveregisseur__username="regisseur").order_by("pk")[0]
        collega = Collega(base, opgave.opgaveregisseur)
        sessie = collega.http.headers["Cookie"].split(";")[0].split("=", 1)[1]
        print(f"{Stakeholder.objects.count()} stakeholders; opgave {opgave.pk}")
        tijden = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            context = browser.new_context(
                viewport={"width": 1366, "height": 900},
                extra_http_headers={"X-Forwarded-Proto": "https"},
            )
            context.add_cookies(
                [{"name": "sessionid", "value": sessie, "url": base, "secure": True}]
            )
            page = context.new_page()
            page.goto(f"{base}/opgaven/{opgave.pk}/stakeholders/")
            sectie = page.locator("#betrokkenheden")
            sectie.locator("summary", has_text="Stakeholder toevoegen").click()
            keuze = sectie.get_by_role("combobox", name="Bestaande stakeholder")
            for tekst in (ZOEK * args.keer)[: len(ZOEK) * args.keer]:
                keuze.fill("")
                start = time.perf_counter()
                keuze.press_sequentially(tekst)
                expect(sectie.get_by_role("option").first).to_be_visible(timeout=10_000)
                expect(keuze).to_have_attribute("aria-expanded", "true")
                tijden.append((time.perf_counter() - start) * 1000)
            keuze.press("ArrowDown")
            expect(keuze).to_have_attribute("aria-activedescendant", re.compile(r"\d+$"))
            keuze.press("Enter")
            expect(keuze).not_to_have_value("")
            browser.close()
        tijden.sort()
        print(
            f"zoeken in de keuze ({len(tijden)}x, typen tot opties zichtbaar): "
            f"p50 {statistics.median(tijden):.0f} ms, max {tijden[-1]:.0f} ms; "
            "kiezen met pijl en Enter: goed"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
