"""Participation in a browser: a thematafel from session to terugkoppeling, and a signal."""

import datetime
import re
import subprocess

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import assert_accessible, toont_fout
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login
from tests.e2e.test_register import kies

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

INBRENG = [
    ("idee", "Een koffieochtend in het dorpshuis, elke dinsdag", 9),
    ("zorg", "Ouderen durven 's avonds niet over straat", 6),
    ("kans", "De basisschool wil ruimte delen", 4),
    ("signaal", "De buurtbus rijdt niet meer op zaterdag", 3),
    ("idee", "Een boodschappendienst door scholieren", 2),
]


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_thematafel_loop_is_closed_and_a_signal_is_answered(
    page, live_server, celery_worker_thread, tmp_path
):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")
    page.goto(f"{base}/opgaven/")
    page.get_by_role("link", name="Vitale kernen", exact=True).click()
    page.get_by_role("navigation", name="Onderdelen van deze opgave").get_by_role(
        "link", name="Participatie"
    ).click()
    expect(page).to_have_title(re.compile("^Participatie · Vitale kernen"))
    assert_accessible(page)

    # A thematafel for this opgave.
    page.get_by_role("link", name="Nieuwe thematafel").click()
    assert_accessible(page)
    page.get_by_label("Thema").fill("Samen oud worden in Oosterhout")
    page.get_by_label("Doel").fill("Ontdekken wat ouderen nodig hebben om in hun kern te blijven.")
    # Several opgaven: the one at hand is ticked, another is added by search.
    expect(page.get_by_role("checkbox", name="Vitale kernen")).to_be_checked()
    opgaven = page.get_by_role("combobox", name="Opgaven")
    opgaven.press_sequentially("eenzaam")
    optie = page.get_by_role("option", name=re.compile("Eenzaamheid"))
    expect(optie).to_be_visible()
    tweede = optie.first.get_attribute("data-label")
    assert_accessible(page)
    opgaven.press("ArrowDown")
    opgaven.press("Enter")
    expect(page.get_by_role("checkbox", name=tweede)).to_be_checked()
    expect(opgaven).to_have_value("")
    assert_accessible(page)
    page.get_by_role("button", name="Thematafel aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thematafel Samen oud worden in Oosterhout"
    )
    expect(page.locator("main")).to_contain_text(tweede)
    assert_accessible(page)

    # A session in the past is explained; recorded afterwards it is accepted.
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    gisteren = timezone.localtime() - datetime.timedelta(days=1)
    page.get_by_label("Begint op").fill(gisteren.strftime("%Y-%m-%dT19:30"))
    page.get_by_label("Eindigt op").fill(gisteren.strftime("%Y-%m-%dT21:30"))
    page.get_by_label("Plaats", exact=True).fill("Dorpshuis De Linde, Oosterhout")
    page.get_by_label("Agenda").fill("Welkom; wat gaat goed; wat kan beter")
    page.locator("fieldset", has_text="Uitgenodigd").locator("input[type=checkbox]").nth(0).check()
    page.get_by_role("button", name="Bijeenkomst plannen").click()
    toont_fout(page, "Deze datum ligt in het verleden")
    expect(page.get_by_label("Plaats", exact=True)).to_have_value("Dorpshuis De Linde, Oosterhout")
    assert_accessible(page)
    page.get_by_label("Deze bijeenkomst is al gehouden").check()
    page.get_by_role("button", name="Bijeenkomst plannen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Samen oud worden in Oosterhout")
    sessie_url = page.url
    assert_accessible(page)

    # Attendance: two registered stakeholders and twelve residents who came unregistered.
    aanwezigheid = page.locator("#aanwezigheid")
    vakjes = aanwezigheid.locator("input[type=checkbox]")
    vakjes.nth(0).check()
    vakjes.nth(1).check()
    aanwezigheid.get_by_label("Bewoners zonder registratie").fill("12")
    aanwezigheid.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.locator("#aanwezigheid")).to_contain_text(
        "2 geregistreerde aanwezigen, 12 bewoners zonder registratie"
    )

    # Five pieces of inbreng with votes; a negative vote count is refused first.
    for index, (soort, tekst, stemmen) in enumerate(INBRENG):
        form = page.locator("form", has=page.get_by_role("heading", name="Inbreng toevoegen"))
        form.get_by_label("Soort").select_option(soort)
        form.get_by_label("Inbreng", exact=True).fill(tekst)
        form.get_by_label("Stemmen").fill("-1" if index == 0 else str(stemmen))
        form.get_by_label("Doelgroepen").check()
        form.get_by_role("button", name="Inbreng toevoegen").click()
        if index == 0:
            toont_fout(page, "Het aantal stemmen kan niet negatief zijn.")
            assert_accessible(page)
            form = page.locator("form", has=page.get_by_role("heading", name="Inbreng toevoegen"))
            expect(form.get_by_label("Inbreng", exact=True)).to_have_value(tekst)
            form.get_by_label("Stemmen").fill(str(stemmen))
            form.get_by_role("button", name="Inbreng toevoegen").click()
        expect(page.locator(".app-inbreng__item", has_text=tekst)).to_be_visible()
    expect(page.locator("#inbreng")).to_contain_text("5 keer inbreng wacht nog op terugkoppeling.")
    assert_accessible(page)

    # The most-voted idea goes into the canvas; the other four get an answer. Each row
    # opens its forms when asked ("Verwerken"), so the page stays light.
    eerste = verwerk(page.locator(".app-inbreng__item", has_text=INBRENG[0][1]))
    assert_accessible(page)
    eerste.get_by_label("In canvasblok").select_option("activiteiten")
    eerste.get_by_role("button", name="Overnemen in het canvas").click()
    eerste = page.locator(".app-inbreng__item", has_text=INBRENG[0][1])
    expect(eerste).to_contain_text("Overgenomen in het canvas")
    for soort, tekst, _ in INBRENG[1:]:
        rij = verwerk(page.locator(".app-inbreng__item", has_text=tekst))
        if soort == "signaal":
            rij.get_by_label("Wat doen we ermee?").select_option("niet_overgenomen")
            rij.get_by_role("button", name="Terugkoppeling opslaan").click()
            rij = page.locator(".app-inbreng__item", has_text=tekst)
            expect(rij).to_contain_text("waarom hun inbreng niet is overgenomen")
            assert_accessible(page)
            rij.get_by_label("Toelichting voor de deelnemers").fill(
                "De buurtbus is van de vervoerder; we brengen het in bij de provincie."
            )
        else:
            rij.get_by_label("Toelichting voor de deelnemers").fill(
                "We zoeken het uit met partners."
            )
        rij.get_by_role("button", name="Terugkoppeling opslaan").click()
        expect(page.locator(".app-inbreng__item", has_text=tekst)).not_to_contain_text(
            "Nog geen terugkoppeling"
        )
    expect(page.locator("#inbreng")).to_contain_text("Alle inbreng heeft terugkoppeling gekregen.")
    assert_accessible(page)

    # In the canvas, with the link back to the session.
    page.locator(".app-inbreng__item", has_text=INBRENG[0][1]).get_by_role(
        "link", name="Bekijk het item in het canvas"
    ).click()
    item = page.locator(".app-canvas-item", has_text=INBRENG[0][1])
    expect(item).to_be_visible()
    item.get_by_role("link", name="Uit de inbreng van thematafel").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Samen oud worden in Oosterhout")
    page.go_back()
    assert_accessible(page)
    page.go_forward()

    # The calendar file and the feedback document.
    with page.expect_download() as download:
        page.get_by_role("link", name="In uw agenda (.ics)").click()
    ics = tmp_path / "bijeenkomst.ics"
    download.value.save_as(ics)
    event = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert str(event["location"]) == "Dorpshuis De Linde, Oosterhout"
    assert timezone.localtime(event.decoded("dtstart")).hour == 19

    page.get_by_role("link", name="Terug naar thematafel").click()
    page.get_by_role("button", name="Terugkoppeling voor deelnemers (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Terugkoppeling voor deelnemers")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name="Download de PDF").click()
    assert_accessible(page)
    pdf = tmp_path / "terugkoppeling.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # A word hyphenated at a line's end ("Overgeno", U+2010, " men") is read whole.
    text = " ".join(text.split()).replace("\u2010 ", "")
    for _, tekst, _ in INBRENG:
        assert tekst in text
    assert "Overgenomen in het canvas" in text
    assert "we brengen het in bij de provincie" in text
    assert "14 deelnemers" in text
    assert "Nog geen terugkoppeling" not in text

    # A colleague signals that policy does not fit; the process director answers.
    _uitloggen(page)
    login(page, base, "medewerker")
    page.get_by_role("navigation").get_by_role("link", name="Signalen").click()
    expect(page).to_have_url(re.compile(r"/signalen/$"))
    assert_accessible(page)
    page.get_by_role("link", name="Signaal melden").click()
    page.get_by_role("combobox", name="Opgave").press_sequentially("vitale")  # searchable
    page.get_by_role("option", name="Vitale kernen").click()
    page.get_by_label("Titel").fill("Regiotaxi te duur voor dorpshuisbezoek")
    page.get_by_label("Wat gaat er mis in de praktijk?").fill(
        "Ouderen uit Oosterhout betalen per rit; de koffieochtend wordt onbetaalbaar."
    )
    page.get_by_role("button", name="Signaal versturen").click()
    expect(page.get_by_role("main")).to_contain_text("Wacht op antwoord")
    assert_accessible(page)
    _uitloggen(page)

    login(page, base, "regisseur")
    wacht = page.locator("#werklijst")
    wacht.get_by_role("link", name="Regiotaxi te duur voor dorpshuisbezoek").click()
    assert_accessible(page)
    page.get_by_label("Antwoord aan de indiener").fill(
        "We nemen het mee in de sprint over vervoer in de kernen."
    )
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("main")).to_contain_text("Beantwoord")
    page.get_by_role("navigation").get_by_role("link", name="Participatie").click()
    expect(page.locator("#signalen")).not_to_contain_text("Regiotaxi")
    assert_accessible(page)
    _uitloggen(page)

    login(page, base, "medewerker")
    page.get_by_role("navigation").get_by_role("link", name="Signalen").click()
    page.get_by_role("link", name="Regiotaxi te duur voor dorpshuisbezoek").click()
    expect(page.get_by_role("main")).to_contain_text(
        "We nemen het mee in de sprint over vervoer in de kernen."
    )
    assert_accessible(page)
    _uitloggen(page)

    # An action point for the teamlid: she hears of it, it waits for her, and once its date
    # has passed it is marked "te laat" (and listed with the other overdue work, first).
    from participatie.models import Actiepunt

    login(page, base, "regisseur")
    page.goto(sessie_url)
    actie = page.locator("form", has=page.get_by_role("heading", name="Actiepunt toevoegen"))
    actie.get_by_label("Actiepunt", exact=True).fill("Vervoer naar de koffieochtend regelen")
    kies(actie.get_by_role("combobox", name="Eigenaar"), "tom", "Tom Jansen")
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    actie.get_by_label("Uiterlijk").fill(morgen.isoformat())
    actie.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(page.locator("#actiepunten")).to_contain_text("Vervoer naar de koffieochtend regelen")
    _uitloggen(page)
    # Two days pass.
    Actiepunt.objects.filter(omschrijving="Vervoer naar de koffieochtend regelen").update(
        deadline=morgen - datetime.timedelta(days=2)
    )
    login(page, base, "teamlid")
    expect(page.get_by_role("link", name=re.compile(r"Te doen \d+ wacht op u"))).to_be_visible()
    punt = page.locator("#werklijst li", has_text="Vervoer naar de koffieochtend regelen")
    expect(punt).to_contain_text("te laat")
    expect(punt).to_have_class(re.compile("app-werklijst__taak--te-laat"))
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^Meldingen \d+")).click()
    expect(page.locator("main")).to_contain_text(
        "Actiepunt voor u van Ilse de Regt: Vervoer naar de koffieochtend regelen"
    )
    assert_accessible(page)

    # The opgave's history tells what happened at its thematafel, each line naming its object.
    from opgaven.models import Opgave

    page.goto(f"{base}/opgaven/{Opgave.objects.get(titel='Vitale kernen').pk}/geschiedenis/")
    geschiedenis = page.locator("ol.app-history")
    expect(geschiedenis).to_contain_text(
        "Ilse de Regt — Actiepunt aangemaakt: Vervoer naar de koffieochtend regelen"
    )
    expect(geschiedenis).to_contain_text("Bijeenkomst aangemaakt: Samen oud worden in Oosterhout")
    expect(geschiedenis).to_contain_text(f"Inbreng aangemaakt: {INBRENG[1][1]}")
    assert_accessible(page)


def verwerk(rij):
    """Open the row's forms (they load when the row is opened) and return the row."""
    rij.locator("summary", has_text="Verwerken").click()
    expect(rij.get_by_role("button", name="Terugkoppeling opslaan")).to_be_visible()
    return rij


def test_a_second_change_after_following_a_link_to_the_same_section_breaks_no_csp(
    page, live_server
):
    """When htmx settled a swap, it copied the old element's style attribute onto the
    new one. An attribute left by something outside the page (a browser extension; here
    Chromium's screenshot, which leaves an empty one) then broke the CSP: three console
    errors a change, once the page had been followed to the section it was at. The config
    settles class, width and height only; the application itself sets no inline style."""
    from participatie.models import Actiepunt

    demodata()
    punt = Actiepunt.objects.select_related("bijeenkomst").first()
    url = f"{live_server.url}{punt.bijeenkomst.get_absolute_url()}#actiepunten"
    login(page, live_server.url, "regisseur")
    for status in ("In uitvoering", "Gereed"):
        page.goto(url)  # the second time the same address: the page stays, htmx's DOM too
        page.get_by_label("Status van het actiepunt").first.select_option(label=status)
        opslaan = page.locator("#actiepunten").get_by_role("button", name=re.compile("^Opslaan"))
        with page.expect_response(re.compile("/status/")) as antwoord:
            opslaan.first.click()
        assert antwoord.value.status == 200
        page.wait_for_load_state("networkidle")
        page.screenshot()  # leaves style="" on elements of the section
    punt.refresh_from_db()
    assert punt.status == "gereed"


def test_a_failed_change_says_so_next_to_the_form(page, live_server, verwachte_consolefouten):
    """An htmx request that fails swaps nothing. The connection dropped, then a colleague
    removed the action point (404): each time a message beside the form says what happened,
    and the next change that works takes it away."""
    from participatie.models import Actiepunt

    demodata()
    punt = Actiepunt.objects.select_related("bijeenkomst", "eigenaar").order_by("pk").first()
    bijeenkomst = punt.bijeenkomst
    ander = bijeenkomst.actiepunten.create(
        omschrijving="Zaal reserveren", eigenaar=punt.eigenaar, deadline=punt.deadline
    )
    login(page, live_server.url, "regisseur")
    page.goto(f"{live_server.url}{bijeenkomst.get_absolute_url()}#actiepunten")
    sectie = page.locator("#actiepunten")
    melding = sectie.get_by_role("alert")

    def status(pk, label):
        keuze = page.locator(f"#actiepunt-status-{pk}")
        keuze.select_option(label=label)
        sectie.locator("form", has=keuze).get_by_role("button", name=re.compile("^Opslaan")).click()

    page.route("**/status/", lambda route: route.abort())
    status(punt.pk, "In uitvoering")
    expect(melding).to_have_text(re.compile("Geen verbinding met de server"))
    assert_accessible(page)
    page.unroute("**/status/")

    Actiepunt.objects.filter(pk=punt.pk).delete()  # a colleague, meanwhile
    status(punt.pk, "Gereed")
    expect(melding).to_have_text(re.compile("Dit bestaat niet meer"))
    expect(melding).to_have_count(1)

    with page.expect_response(re.compile("/status/")) as antwoord:
        status(ander.pk, "Gereed")
    assert antwoord.value.status == 200
    expect(melding).to_have_count(0)  # the section came back, without the removed point
    expect(page.locator(f"#actiepunt-status-{punt.pk}")).to_have_count(0)
    verwachte_consolefouten.extend(
        [
            r"ERR_FAILED",
            r"htmx:sendError",
            r"htmx:afterRequest",
            r"status of 404",
            r"Response Status Error Code 404",
        ]
    )
