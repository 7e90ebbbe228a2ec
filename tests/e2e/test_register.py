"""The stakeholder register in a browser: an organisation, a person, and who sees what."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, toont_fout
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_register_organisation_and_person_and_shield_contact_details(
    page, live_server, celery_worker_thread, tmp_path
):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")
    page.get_by_role("navigation").get_by_role("link", name="Stakeholders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stakeholderregister")
    assert_accessible(page)

    page.get_by_role("link", name="Stakeholder registreren").click()
    page.get_by_label("Organisatie", exact=True).check()
    page.get_by_label("Naam", exact=True).fill("Zorgcoöperatie Lindenrode")
    page.get_by_label("Soort", exact=True).select_option("zorgaanbieder")
    page.get_by_label("KvK-nummer").fill("87654321")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorgcoöperatie Lindenrode")
    assert_accessible(page)

    # A person without AVG details is refused with Dutch messages; input is kept.
    page.goto(f"{base}/stakeholders/nieuw/")
    page.get_by_label("Persoon", exact=True).check()
    page.get_by_label("Naam", exact=True).fill("Noor Smeets")
    page.get_by_label("Soort", exact=True).select_option("inwoner")
    page.get_by_label("E-mail").fill("noor@voorbeeld.example")
    page.get_by_role("button", name="Opslaan").click()
    toont_fout(page, "Kies de grondslag waarop we deze persoonsgegevens verwerken.")
    expect(page.get_by_label("E-mail")).to_have_value("noor@voorbeeld.example")
    assert_accessible(page)
    page.get_by_label("Grondslag").select_option("toestemming")
    page.get_by_label("Doel van de verwerking").fill("Deelname aan de thematafel dementie.")
    page.get_by_label("Bewaartermijn tot").fill("2028-06-30")
    organisatie = page.get_by_role("combobox", name="Werkt bij / hoort bij")
    kies(organisatie, "zorgcoöperatie linden", "Zorgcoöperatie Lindenrode")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noor Smeets")
    expect(page.locator("main")).to_contain_text(
        "Afgeschermd"
    )  # not yet in an opgave of this regisseur
    assert_accessible(page)

    # Positioned in an opgave the regisseur directs, the details become visible to its team.
    page.goto(f"{base}/opgaven/")
    page.get_by_role("link", name="Vitale kernen").click()
    page.get_by_role("navigation", name="Onderdelen van deze opgave").get_by_role(
        "link", name="Stakeholders"
    ).click()
    section = page.locator("#betrokkenheden")
    section.locator("summary", has_text="Stakeholder toevoegen").click()
    # A searchable choice: type, arrow down, Enter.
    keuze = section.get_by_role("combobox", name="Bestaande stakeholder")
    keuze.press_sequentially("noor sm")
    expect(section.get_by_role("option", name="Noor Smeets")).to_be_visible()
    expect(keuze).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)
    keuze.press("ArrowDown")
    expect(keuze).to_have_attribute("aria-activedescendant", re.compile(r"_lijst_\d+$"))
    keuze.press("Enter")
    expect(keuze).to_have_value("Noor Smeets")
    expect(keuze).to_have_attribute("aria-expanded", "false")
    section.get_by_label("Rol in deze opgave").select_option("adviseur")
    section.get_by_label("Participatieladder gewenst").select_option("4")
    section.get_by_role("button", name="Stakeholder toevoegen").click()
    expect(section.locator("tr", has_text="Noor Smeets")).to_contain_text(
        "Informeren → Coproduceren"
    )
    # The section is answered anew (and the history after it): type into the new box only
    # when nothing is on its way, so the search is not sent from a box being replaced.
    page.wait_for_load_state("networkidle")
    section = page.locator("#betrokkenheden")
    section.locator("summary", has_text="Stakeholder toevoegen").click()
    keuze = section.get_by_role("combobox", name="Bestaande stakeholder")
    expect(keuze).to_have_value("")
    keuze.press_sequentially("lindenrode")
    section.get_by_role("option", name="Zorgcoöperatie Lindenrode").click()
    section.get_by_label("Rol in deze opgave").select_option("partner")
    section.get_by_label("Invloed (1-5)").select_option("5")
    section.get_by_label("Belang (1-5)").select_option("5")
    section.get_by_role("button", name="Stakeholder toevoegen").click()
    expect(section.locator("tr", has_text="Zorgcoöperatie Lindenrode")).to_contain_text(
        "Nauw betrekken"
    )
    # The grid (swapped with the table, no reload), with its legend, and re-assessing
    # with planned actions.
    expect(page.get_by_role("group", name="Invloed-belangmatrix")).to_be_visible()
    expect(page.get_by_role("list", name="Legenda: houding")).to_contain_text("Kritisch")
    grid = page.get_by_role("group", name="Invloed-belangmatrix")
    zorg = re.compile("Zorgcoöperatie Lindenrode: invloed 5, belang 5")
    expect(grid.get_by_role("link", name=zorg)).to_have_count(1)
    expect(grid.get_by_role("link", name=re.compile("Noor Smeets"))).to_have_count(1)
    expect(page.locator("section", has_text="In positie brengen")).to_contain_text("Noor Smeets")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Opnieuw beoordelen.*Noor Smeets")).click()
    page.get_by_label("Invloed (1-5)").select_option("4")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    toont_fout(page, "Beschrijf hoe u deze stakeholder naar de gewenste trede brengt.")
    assert_accessible(page)
    page.get_by_label("Acties om in positie te brengen").fill("Uitnodigen voor opgavesprint 2.")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.locator("body")).to_contain_text("Uitnodigen voor opgavesprint 2.")
    # From her gap on the ladder, a contact is planned: the form comes with Noor chosen. A
    # contact with a follow-up, and a commitment; the header's open actions follow.
    expect(page.locator("#in-positie")).to_contain_text("Uitnodigen voor opgavesprint 2.")
    # An action planned in place, from her gap on the ladder.
    noor = page.locator("#in-positie li", has_text="Noor Smeets")
    noor.locator("summary", has_text="Actie plannen voor Noor Smeets").click()
    noor.get_by_label("Geplande actie").fill("Koffie bij Noor thuis, met de wijkagent.")
    noor.get_by_role("button", name="Actie opslaan").click()
    expect(page.locator("#in-positie")).to_contain_text("Koffie bij Noor thuis, met de wijkagent.")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Contact plannen.*Noor Smeets")).click()
    open_acties = page.locator("#kenmerken div", has_text="Open acties").locator("dd a")
    voor = int(open_acties.inner_text())
    contact = page.locator("form", has=page.get_by_role("heading", name="Contactmoment vastleggen"))
    contact.get_by_label("Soort contact").select_option("gesprek")
    noor = contact.get_by_role("group", name="Stakeholders").get_by_label("Noor Smeets")
    expect(noor).to_be_checked()
    contact.get_by_label("Samenvatting").fill("Noor wil meedenken over de ontmoetingsplek.")
    contact.get_by_label("Vervolgactie (optioneel)").fill("Uitnodiging sturen")
    kies(
        contact.get_by_role("combobox", name="Eigenaar van de vervolgactie"), "ilse", "Ilse de Regt"
    )
    contact.get_by_label("Vervolgactie uiterlijk").fill("2030-01-31")
    contact.get_by_role("button", name="Contactmoment vastleggen").click()
    expect(page.locator("#contactmomenten")).to_contain_text("Uitnodiging sturen")
    expect(open_acties).to_have_text(str(voor + 1))
    afspraak = page.locator("form", has=page.get_by_role("heading", name="Afspraak vastleggen"))
    afspraak.get_by_label("Afspraak", exact=True).fill("Noor organiseert een koffieochtend.")
    afspraak.get_by_label("Wie belooft").select_option(label="Noor Smeets")
    kies(afspraak.get_by_role("combobox", name="Bewaakt door"), "de regt", "Ilse de Regt")
    afspraak.get_by_label("Uiterlijk").fill("2030-03-01")
    afspraak.get_by_label("Bijdrage aan het budget (EUR)").fill("250,00")
    afspraak.get_by_role("button", name="Afspraak vastleggen").click()
    expect(page.locator("#afspraken")).to_contain_text("€ 250,00")
    expect(open_acties).to_have_text(str(voor + 2))
    assert_accessible(page)
    page.get_by_role("link", name="Noor Smeets").first.click()
    expect(page.locator("main")).to_contain_text("noor@voorbeeld.example")
    expect(page.locator("main")).to_contain_text("koffieochtend")
    page.get_by_role("button", name="Uitloggen").click()

    # A medewerker outside the opgave sees the person but not the details.
    login(page, base, "medewerker")
    page.goto(f"{base}/stakeholders/?q=Noor")
    expect(page.locator("tbody")).to_contain_text("Noor Smeets")
    expect(page.locator("tbody")).to_contain_text("afgeschermd")
    expect(page.locator("body")).not_to_contain_text("noor@voorbeeld.example")
    page.get_by_role("link", name=re.compile("Noor Smeets")).click()
    expect(page.locator("body")).not_to_contain_text("noor@voorbeeld.example")
    assert_accessible(page)

    # Nor through an export: the medewerker's CSV has Noor without her details.
    page.goto(f"{base}/stakeholders/")
    page.get_by_role("button", name="CSV").click()
    expect(page.get_by_text("Het bestand is klaar.")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download het bestand").click()
    pad = tmp_path / "export.csv"
    download_info.value.save_as(pad)
    inhoud = pad.read_text(encoding="utf-8-sig")
    assert "Noor Smeets" in inhoud
    assert "noor@voorbeeld.example" not in inhoud

    # Import: a small file with one bad row, previewed and confirmed.
    page.get_by_role("button", name="Uitloggen").click()
    login(page, base, "regisseur")
    page.goto(f"{base}/stakeholders/importeren/")
    assert_accessible(page)
    csv_bestand = tmp_path / "nieuw.csv"
    csv_bestand.write_text(
        "naam;soort;email\nBuurtkracht Oost;maatschappelijke organisatie;info@buurtkracht.example\n"
        ";ondernemer;\nFietsmakerij Zoë;ondernemer;fiets@voorbeeld.example\n",
        encoding="utf-8",
    )
    page.get_by_label("Bestand (.csv of .xlsx, hoogstens 5 MB)").set_input_files(str(csv_bestand))
    page.get_by_role("button", name="Bestand controleren").click()
    samenvatting = page.get_by_role("status").filter(has_text="rijen gelezen")
    expect(samenvatting).to_contain_text("2 rijen kunnen worden geïmporteerd")
    expect(page.locator("table")).to_contain_text("naam ontbreekt")
    assert_accessible(page)
    page.get_by_role("button", name="2 stakeholders importeren").click()
    expect(page.locator("main")).to_contain_text(
        "2 stakeholders geïmporteerd; 1 rijen overgeslagen."
    )


def kies(keuze, getypt: str, naam: str) -> None:
    """A searchable choice (core.forms.Zoekkeuze): type, arrow down, Enter."""
    keuze.press_sequentially(getypt)
    expect(keuze.page.get_by_role("option", name=re.compile(naam))).to_be_visible()
    keuze.press("ArrowDown")
    keuze.press("Enter")
    expect(keuze).to_have_value(naam)
