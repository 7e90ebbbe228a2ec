"""Issue 3 in a real browser: reference lists, a full opgave, two phases, the agenda, search."""

import re

import pytest
from playwright.sync_api import expect

from opgaven.models import AgendaWijziging, Opgave
from tests.conftest import assert_accessible
from tests.demo_kopie import demodata

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, base, username):
    page.goto(f"{base}/accounts/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()


def test_beheerder_regisseur_and_bestuurder_steer_the_agenda(page, live_server):
    demodata()
    base = live_server.url

    # The beheerder adds a domein and a kern.
    login(page, base, "beheerder")
    page.get_by_role("link", name="Beheer").click()
    expect(page).to_have_title(re.compile("Referentielijsten"))
    assert_accessible(page)
    page.get_by_label("Naam", exact=True).first.fill("Cultuur")
    page.get_by_role("button", name="Domein toevoegen").click()
    expect(page.locator("#domeinen")).to_contain_text("Cultuur")
    gebied = page.locator("form", has=page.get_by_role("heading", name="Gebied toevoegen"))
    gebied.get_by_label("Naam").fill("Nieuwdorp")
    gebied.get_by_label("Soort").select_option("kern")
    gebied.get_by_label("CBS-code").fill("WK990199")
    gebied.get_by_role("button", name="Gebied toevoegen").click()
    expect(page.locator("#gebieden")).to_contain_text("Nieuwdorp")
    assert_accessible(page)
    page.get_by_role("link", name="Naam, logo en thema van de gemeente").click()
    page.get_by_label("Naam van de gemeente").fill("Gemeente Lindewaard")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Opgavenregie Gemeente Lindewaard")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    # The regisseur creates an opgave with every field.
    login(page, base, "regisseur")
    page.get_by_role("link", name="Nieuwe opgave").click()
    page.get_by_label("Titel").fill("Ontmoeting in Nieuwdorp")
    page.get_by_label("Maatschappelijke bedoeling").fill(
        "Niemand in Nieuwdorp hoeft eenzaam te zijn."
    )
    page.get_by_label("Opgaveformulering").fill("Samen met de dorpsraad een ontmoetingsplek maken.")
    page.get_by_label("Probleemanalyse").fill("Het dorpshuis sluit; de bus rijdt niet meer.")
    page.get_by_label("Schaal").select_option("kern")
    page.get_by_role("group", name="Gebieden").get_by_label("Nieuwdorp").check()
    page.get_by_role("group", name="Domeinen").get_by_label("Cultuur").check()
    page.get_by_role("group", name="Domeinen").get_by_label("Zorg en welzijn").check()
    page.get_by_label("Herkomst", exact=True).select_option("inwonerinitiatief")
    page.get_by_label("Referentie herkomst").fill("Burgerinitiatief dorpsraad, 2026")
    page.get_by_label("Prioriteit", exact=True).select_option("hoog")
    page.get_by_label("Motivering van de prioriteit").fill("Het dorpshuis sluit in 2027.")
    page.get_by_label("Bestuurlijk opdrachtgever").fill("Wethouder A. Hermans (Sociaal domein)")
    page.get_by_label("Ambtelijk opdrachtgever").fill("Afdelingshoofd Samenleving")
    page.get_by_label("Startdatum").fill("2026-01-01")
    page.get_by_label("Einddatum").fill("2028-12-31")
    page.get_by_label("Risico's").fill("Te weinig vrijwilligers.")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontmoeting in Nieuwdorp")
    delen = page.get_by_role("navigation", name="Onderdelen van deze opgave")
    expect(delen.get_by_role("link", name="Overzicht")).to_have_attribute("aria-current", "page")
    expect(page.locator(".app-meer").first).to_contain_text("domeinoverstijgend")
    kop = page.locator("#kenmerken")
    expect(kop).to_contain_text("Verkennen")
    assert_accessible(page)
    hub_url = page.url

    # The team is a page of its own; its form opens on demand.
    delen.get_by_role("link", name="Team").click()
    expect(page).to_have_url(re.compile(r"/opgaven/\d+/team/$"))
    expect(delen.get_by_role("link", name="Team")).to_have_attribute("aria-current", "page")
    team = page.locator("#team")
    expect(team.get_by_role("combobox", name="Nieuw teamlid")).to_be_hidden()
    team.locator("summary", has_text="Teamlid toevoegen").click()
    # Typed key by key, as a person does: the form is fetched on opening, and htmx binds
    # its search when the swap settles (20 ms later). A fill() inside that window fires
    # its one input event before anything listens, and the search never runs.
    team.get_by_role("combobox", name="Nieuw teamlid").press_sequentially("priya", delay=50)
    team.get_by_role("option", name="Priya Sewdien").click()
    team.get_by_label("Rol in het team").select_option("partner")
    team.get_by_role("button", name="Teamlid toevoegen").click()
    expect(page.locator("#team")).to_contain_text("Priya Sewdien (Woonstichting Maasdal) — Partner")
    assert_accessible(page)
    delen.get_by_role("link", name="Overzicht").click()
    expect(page.locator("#wie-kop + ul")).to_contain_text("Priya Sewdien")

    # Two phases, each with a toelichting, shown as a timeline; the header follows.
    fase = page.locator("#fase")
    for naar, toelichting, label in [
        ("formuleren", "Gesprekken met twintig inwoners gevoerd.", "Formuleren"),
        ("concretiseren", "Opgaveformulering vastgesteld met de dorpsraad.", "Concretiseren"),
    ]:
        fase.locator("summary", has_text="Fase wijzigen").click()
        fase.get_by_label("Nieuwe fase").select_option(naar)
        fase.get_by_label("Toelichting").fill(toelichting)
        fase.get_by_role("button", name="Fase wijzigen").click()
        expect(page.locator("#fase .app-timeline")).to_contain_text(toelichting)
        expect(kop).to_contain_text(label)  # without a reload
    expect(page.locator("#fase .app-timeline li")).to_have_count(2)
    expect(fase.get_by_label("Nieuwe fase")).to_be_hidden()  # the form closed again
    voortgang = page.locator("#voortgang")
    voortgang.locator("summary", has_text="Voortgang melden").click()
    voortgang.get_by_label("Voortgang", exact=True).select_option("risico")
    voortgang.get_by_label("Toelichting op de voortgang").fill("Vrijwilligers haken af.")
    voortgang.get_by_role("button", name="Voortgang melden").click()
    expect(page.locator("#kenmerken .app-voortgang")).to_have_text("Risico")
    expect(voortgang).to_contain_text("Vrijwilligers haken af.")
    assert_accessible(page)

    # The regisseur proposes another priority, with a motivation; the bestuurder decides.
    prioriteit = page.locator("#prioriteit")
    prioriteit.locator("summary", has_text="Prioriteit voorstellen").click()
    prioriteit.get_by_label("Prioriteit", exact=True).select_option("laag")
    prioriteit.get_by_label("Motivering").fill("De dorpsraad trekt het zelf.")
    prioriteit.get_by_role("button", name="Voorstel indienen").click()
    expect(prioriteit).to_contain_text("wacht op het besluit van de bestuurder")
    expect(kop).to_contain_text("Hoog")
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    # The proposal waits on her start page, and she has a melding of it.
    login(page, base, "bestuurder")
    expect(page.get_by_role("link", name=re.compile(r"Meldingen \d+"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"Te doen \d+ wacht op u"))).to_be_visible()
    wacht = page.locator("#werklijst li", has_text="Ontmoeting in Nieuwdorp")
    expect(wacht).to_contain_text("Prioriteit besluiten")
    expect(wacht).to_contain_text("voorgesteld laag, nu hoog")
    assert_accessible(page)
    wacht.get_by_role("link").click()
    expect(page).to_have_url(f"{hub_url}#prioriteit")
    # The form is fetched when the details element opens, once htmx listens: on a loaded
    # machine a click right after the address changed came before that (CI, once).
    page.wait_for_load_state()
    prioriteit.locator("summary", has_text="Prioriteit vaststellen").click()
    expect(prioriteit.get_by_label("Prioriteit", exact=True)).to_have_value("laag")
    prioriteit.get_by_label("Motivering").fill("Het dorpshuis sluit: blijft hoog.")
    prioriteit.get_by_label("Prioriteit", exact=True).select_option("middel")
    prioriteit.get_by_role("button", name="Prioriteit vaststellen").click()
    expect(prioriteit).to_contain_text("Het dorpshuis sluit: blijft hoog.")
    expect(prioriteit).not_to_contain_text("wacht op het besluit")
    expect(kop).to_contain_text("Middel")
    assert_accessible(page)
    page.get_by_role("link", name="Opgavenregie").click()
    expect(page.locator("#werklijst")).not_to_contain_text("Ontmoeting in Nieuwdorp")
    page.goto(hub_url)
    delen.get_by_role("link", name="Geschiedenis").click()
    expect(page).to_have_url(re.compile(r"/opgaven/\d+/geschiedenis/$"))
    geschiedenis = page.locator("#geschiedenis")
    expect(geschiedenis).to_contain_text("Prioriteitsvoorstel gewijzigd")
    expect(geschiedenis).to_contain_text(re.compile("formuleren → concretiseren", re.I))
    assert_accessible(page)

    # The agenda: the new opgave ("hoog") came in after the last "hoog" one (place 8 of the
    # demo's 14), with the reason; the bestuurder moves it up by mouse and by keyboard.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Beleidsagenda"
    ).click()
    opgave = Opgave.objects.get(titel="Ontmoeting in Nieuwdorp")
    assert opgave.rang == 9
    plaatsing = AgendaWijziging.objects.get(opgave=opgave)
    assert (plaatsing.nieuwe_rang, plaatsing.door.username) == (9, "regisseur")
    assert "prioriteit hoog" in plaatsing.reden
    page.get_by_label("Reden voor een nieuwe volgorde").fill("Dorpshuis sluit: urgent")
    page.get_by_role("button", name=re.compile("Omhoog.*Ontmoeting in Nieuwdorp")).click()
    expect(page.locator(f"#agenda-{opgave.pk} td").first).to_have_text("8")
    page.get_by_role("button", name=re.compile("Omhoog.*Ontmoeting in Nieuwdorp")).focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#agenda-{opgave.pk} td").first).to_have_text("7")
    # Typed: place 2, saved with the reason still in its field; then dragged to the top.
    page.get_by_label("Nieuwe plaats voor Ontmoeting in Nieuwdorp").fill("2")
    page.get_by_role("button", name="Plaatsen opslaan").click()
    expect(page.locator(f"#agenda-{opgave.pk} td").first).to_have_text("2")
    expect(page.locator("#agenda [role=status]")).to_contain_text(
        "“Ontmoeting in Nieuwdorp” is verplaatst"
    )
    bovenste = page.locator("#agenda tbody tr").first
    page.locator(f"#agenda-{opgave.pk}").drag_to(bovenste, target_position={"x": 20, "y": 2})
    expect(page.locator(f"#agenda-{opgave.pk} td").first).to_have_text("1")
    expect(page.locator("#agenda tbody tr").first).to_have_id(f"agenda-{opgave.pk}")
    assert (
        list(AgendaWijziging.objects.exclude(pk=plaatsing.pk).values_list("reden", flat=True))
        == ["Dorpshuis sluit: urgent"] * 4
    )
    assert list(
        AgendaWijziging.objects.exclude(pk=plaatsing.pk)
        .order_by("pk")
        .values_list("oude_rang", "nieuwe_rang")
    ) == [(9, 8), (8, 7), (7, 2), (2, 1)]
    assert_accessible(page)

    # Dutch full-text search: "eenzaam" finds "eenzaamheid" and "eenzaam".
    page.get_by_role("textbox", name="Zoeken").fill("eenzaam")
    page.get_by_role("button", name="Zoeken").click()
    agenda = page.locator("#agenda")
    expect(agenda).to_contain_text("Eenzaamheid onder ouderen")
    expect(agenda).to_contain_text("Ontmoeting in Nieuwdorp")
    expect(agenda).not_to_contain_text("Woningtekort")
    assert "q=eenzaam" in page.url
    assert_accessible(page)

    # A filter by person is a searchable choice: typed, chosen with the arrows and Enter,
    # applied at once; what is typed without choosing applies nothing.
    page.get_by_role("textbox", name="Zoeken").fill("")
    regisseur = page.get_by_role("combobox", name="Opgaveregisseur")
    regisseur.fill("amra")
    page.get_by_role("option", name=re.compile("Youssef El Amrani")).wait_for()
    assert_accessible(page)
    regisseur.press("ArrowDown")
    regisseur.press("Enter")
    expect(regisseur).to_have_value("Youssef El Amrani")
    expect(page).to_have_url(re.compile(r"opgaveregisseur=\d+"))
    expect(agenda).to_contain_text("Woningtekort voor starters en senioren")
    expect(agenda).not_to_contain_text("Eenzaamheid onder ouderen")
    assert "q=eenzaam" not in page.url


def test_medewerker_reads_the_samenhang(page, live_server):
    demodata()
    login(page, live_server.url, "medewerker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Mila")
    assert_accessible(page)
    page.get_by_role("link", name="Wie werkt waaraan?").click()
    page.get_by_label("Naam of organisatie").fill("Woonstichting")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("tbody")).to_contain_text("Priya Sewdien")
    assert_accessible(page)
    page.get_by_role("link", name="Samenhang", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samenhang tussen opgaven")
    expect(page.locator("body")).to_contain_text("versterkt")
    assert_accessible(page)
    page.get_by_role("link", name="Stakeholders die in meerdere opgaven meedoen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stakeholders in meerdere opgaven")
    assert_accessible(page)
    # The medewerker reads but finds no edit controls on a hub page.
    page.goto(f"{live_server.url}/opgaven/")
    page.get_by_role("link", name="Vitale kernen").click()
    expect(page.locator("#samenhang")).to_contain_text("Eenzaamheid onder ouderen")
    expect(page.get_by_role("button", name="Fase wijzigen")).to_have_count(0)
    expect(page.get_by_role("button", name="Samenhang vastleggen")).to_have_count(0)
    assert_accessible(page)
