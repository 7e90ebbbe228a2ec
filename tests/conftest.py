import json
import os
import re
import shutil
from pathlib import Path

import hypothesis
import pytest
from django.core.cache import caches
from django.test import Client

from accounts.models import Rol
from core.logregels import BEVEILIGING, json_regels
from tests.accounts.factories import UserFactory
from tests.opgaven.factories import OpgaveFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls in the
# same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests: in CI (HYPOTHESIS_PROFILE=ci, set by .ci/run) the same examples every run,
# so a red run can be repeated; elsewhere new examples each run. A failure prints how to
# reproduce it either way.
hypothesis.settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent


# The tests that take longest, matched on their node ids: first those of 20 s and more
# (the 100-opgaven report, the fuzz, the reflow and role matrix parts, the long browser
# flows, killing workers), then the other browser flows and slow modules, then the rest.
LANGST = (
    "test_a_hundred_varied_opgaven",
    "test_random_input_to_any_form",
    "test_hostile_address_parameters",
    "test_every_page_reflows_at_320_px",
    "test_role_url_matrix",
    "test_regisseur_walks_the_slice",
    "test_the_demo_can_hold_a_published_report",
    "test_regisseur_writes_a_contribution_and_the_bestuurder",
    "test_thematafel_loop_is_closed",
    "test_beheerder_regisseur_and_bestuurder_steer_the_agenda",
    "test_register_organisation_and_person",
    "test_beheerder_sets_up_the_second_step",
    "test_a_job_survives_the_whole_worker_being_killed",
    "test_the_demo_report_says_what_the_screens_say",
    "test_ready_names_what_fails_and_recovers",
    "test_the_page_warns_before_the_session_ends",
    "test_three_people_see_each_others_changes",
)
LANGZAAM = (
    "tests/e2e/",
    "test_cijfers.py",
    "test_backup.py",
    "tests/demo/",
    "test_fuzz.py",
    "test_permissions.py",
    "test_storingen.py",
    "test_gezondheid.py",
    "test_query_counts.py",
    "tests/canvas/test_live.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The slowest tests first, each group still in pytest-randomly's order (a stable sort
    after its shuffle). scripts/test.sh hands tests out one at a time (--dist load,
    --maxschedchunk 1) to whichever process is free: the long ones run side by side from
    the start and the short ones fill the end, so no process ends the run alone with the
    slowest test it drew last (longest processing time first)."""

    def rang(item) -> int:
        if any(naam in item.nodeid for naam in LANGST):
            return 0
        return 1 if any(deel in item.nodeid for deel in LANGZAAM) else 2

    items.sort(key=rang)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, django_db_blocker):
    """Every test process copies its test database from one migrated template
    (tests/sjabloon.py) instead of migrating its own."""
    from django.db import connections

    from tests.sjabloon import zorg_voor_sjabloon

    with django_db_blocker.unblock():
        sjabloon = zorg_voor_sjabloon()
    connections["default"].settings_dict.setdefault("TEST", {})["TEMPLATE"] = sjabloon


@pytest.fixture(autouse=True)
def werklijst_vergeten():
    """No test sees a count of what waits that an earlier test kept (core.werklijst)."""
    caches["werklijst"].clear()


@pytest.fixture(autouse=True)
def eigen_media(settings, tmp_path):
    """Every test writes its files (reports, exports, uploads) in a folder of its own: a test
    that searches all files (the erasure test) never finds another's, and a failed run
    leaves nothing for the next."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def opgave(db):
    regisseur = UserFactory(username="regisseur", rol=Rol.OPGAVEREGISSEUR)
    opgave = OpgaveFactory(opgaveregisseur=regisseur)
    opgave.teamleden.add(UserFactory(username="teamlid", rol=Rol.TEAMLID))
    return opgave


@pytest.fixture
def andere_opgave(db):
    andere = OpgaveFactory(
        opgaveregisseur=UserFactory(username="regisseur2", rol=Rol.OPGAVEREGISSEUR)
    )
    andere.teamleden.add(UserFactory(username="teamlid_ander", rol=Rol.TEAMLID))
    return andere


@pytest.fixture
def users(opgave, andere_opgave):
    """One user per role of the permission matrix (docs/security.md), by name."""
    from accounts.models import User

    UserFactory(username="beheerder", rol=Rol.BEHEERDER)
    UserFactory(username="bestuurder", rol=Rol.BESTUURDER)
    UserFactory(username="medewerker", rol=Rol.MEDEWERKER)
    UserFactory(username="raadslid", rol=Rol.RAADSLID)
    # People from a partner organisation, on the team of one opgave each.
    opgave.teamleden.add(UserFactory(username="partner", rol=Rol.PARTNER, organisatie="Corporatie"))
    andere_opgave.teamleden.add(UserFactory(username="partner_ander", rol=Rol.PARTNER))
    return {u.username: u for u in User.objects.all()}


def named_urls():
    """(name, pattern) of every named route in the URL conf, with its namespace."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(resolver, namespace=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry, ns)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", entry

    return list(walk(get_resolver()))


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def beveiligingslog(caplog) -> list[dict]:
    """The security events caught, as the JSON lines the security log writes them."""
    regels = json_regels()
    return [json.loads(regels.format(r)) for r in caplog.records if r.name == BEVEILIGING]


def tel_queries(client, url, params=None) -> int:
    """How many queries a GET of ``url`` costs (and it must succeed), with the header's count
    of what waits already kept, as it is on all but one page in two minutes (core.werklijst)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from core import werklijst

    if "_auth_user_id" in client.session:
        werklijst.aantal(User.objects.get(pk=client.session["_auth_user_id"]))

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def plan_met_indexen(queryset) -> str:
    """The planner's plan for ``queryset`` when a sequential scan is the last resort: on a
    small test table a scan is cheapest, so this asks whether an index *can* serve it."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


@pytest.fixture
def celery_worker_thread(transactional_db):
    """A real Celery worker (in a thread of this process) on the configured broker."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker


# --- Playwright with Debian's Chromium -------------------------------------------------


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium ontbreekt: installeer het met 'apt-get install -y chromium'.")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": chromium_path(),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args():
    # The production CSP stays on: a page that needs an inline script or style fails here.
    return {"locale": "nl-NL", "accept_downloads": True}


# Chromium logs every 4xx as a console error. Expected: a refused form (422) or conflict
# (409) answered to htmx, and a page a test visits to see it refused (403/404 of the page
# itself). A missing stylesheet, script or image is never expected.
GEWEIGERD = re.compile(r"Failed to load resource: the server responded with a status of 4(\d\d)")


def _verwacht(bericht, pagina) -> bool:
    status = GEWEIGERD.search(bericht.text)
    if status is None:
        return False
    if status.group(1) in ("09", "22"):
        return True
    return status.group(1) in ("03", "04") and bericht.location.get("url") == pagina.url


def bewaak_console(context) -> list[str]:
    """Collect every console error and uncaught page error of the context's pages."""
    fouten: list[str] = []

    def volg(pagina):
        def bij_bericht(bericht):
            if bericht.type == "error" and not _verwacht(bericht, pagina):
                fouten.append(f"{pagina.url}: {bericht.text} ({bericht.location.get('url')})")

        pagina.on("console", bij_bericht)
        pagina.on("pageerror", lambda fout: fouten.append(f"{pagina.url}: {fout}"))

    for pagina in context.pages:
        volg(pagina)
    context.on("page", volg)
    return fouten


@pytest.fixture
def verwachte_consolefouten() -> list[str]:
    """Patterns of console errors a browser test causes on purpose (a failed htmx request);
    each must occur, every other error still fails the test."""
    return []


@pytest.fixture(autouse=True)
def geen_consolefouten(request):
    """Browser tests fail on any console error or uncaught script error."""
    if "page" not in request.fixturenames:
        yield
        return
    fouten = bewaak_console(request.getfixturevalue("context"))
    verwacht = request.getfixturevalue("verwachte_consolefouten")
    yield
    for patroon in verwacht:
        assert any(re.search(patroon, fout) for fout in fouten), (patroon, fouten)
    over = [f for f in fouten if not any(re.search(p, f) for p in verwacht)]
    assert over == [], "\n".join(over)


AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()


def toont_fout(page, tekst: str) -> None:
    """A refused save as the user meets it: the error summary (components/form.html) has
    the focus and names ``tekst``; its link to the field moves the focus there."""
    from playwright.sync_api import expect

    samenvatting = page.locator("[data-foutoverzicht]")
    expect(samenvatting).to_be_focused()
    expect(samenvatting).to_contain_text(tekst)
    link = samenvatting.get_by_role("link", name=re.compile(re.escape(tekst[:20])))
    if link.count():
        veld = page.locator(link.get_attribute("href"))
        link.click()
        expect(veld).to_be_focused()


def _axe(page, pogingen: int = 3) -> dict:
    """axe's result for the page as it stands once loaded.

    A click on a link returns before the next page has replaced the old one; axe evaluated in
    between sees no document ("reading 'documentElement'") or a destroyed context. Then wait
    for the new page and run again: the check is of the page the user lands on.
    """
    from playwright.sync_api import Error

    for poging in range(pogingen):
        page.wait_for_load_state("load")
        try:
            page.evaluate(AXE)
            return page.evaluate(
                """async () => await axe.run(document, {
                    runOnly: {type: 'tag',
                              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
                })"""
            )
        except Error as fout:
            tussen = "documentElement" in str(fout) or "context was destroyed" in str(fout)
            if not tussen or poging == pogingen - 1:
                raise
            page.wait_for_timeout(200)
    raise AssertionError("unreachable")


def assert_accessible(page) -> None:
    """axe-core (WCAG 2.x A/AA rules) finds no violations on the current page.

    axe is evaluated through the browser's debugging protocol, which a page's CSP does not
    govern: the page under test keeps its production policy.
    """
    result = _axe(page)
    violations = [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
        for v in result["violations"]
    ]
    assert violations == [], f"axe-core op {page.url}:\n" + "\n".join(violations)
    # axe no longer reports duplicate ids, but two forms with the same field id break labels.
    duplicates = page.evaluate(
        """() => { const seen = {}; const dup = new Set();
            for (const el of document.querySelectorAll('[id]')) {
                if (seen[el.id]) dup.add(el.id); seen[el.id] = true; }
            return [...dup]; }"""
    )
    assert duplicates == [], f"dubbele id's op {page.url}: {duplicates}"


@pytest.fixture(scope="session")
def smtp_server(tmp_path_factory):
    """A real SMTP server process (aiosmtpd) on 127.0.0.1 that keeps every mail in a Maildir."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    maildir = tmp_path_factory.mktemp("maildir")
    for deel in ("cur", "new", "tmp"):
        (maildir / deel).mkdir()
    proces = subprocess.Popen(
        [
            *(sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{poort}"),
            *("-c", "aiosmtpd.handlers.Mailbox", str(maildir)),
        ],
    )
    for _poging in range(100):
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proces.kill()
        pytest.fail("De SMTP-testserver (aiosmtpd) start niet.")
    yield poort, maildir
    proces.terminate()
    proces.wait(timeout=10)


class Postbus:
    """The mails the SMTP test server received, parsed (email.message.EmailMessage)."""

    def __init__(self, maildir):
        import mailbox

        self._box = mailbox.Maildir(maildir, create=False)
        self._box.clear()

    def berichten(self, aantal: int = 1, timeout: float = 10.0) -> list:
        import email
        import email.policy
        import time

        einde = time.monotonic() + timeout
        while True:
            berichten = [
                email.message_from_bytes(bytes(m), policy=email.policy.default) for m in self._box
            ]
            if len(berichten) >= aantal or time.monotonic() > einde:
                return berichten
            time.sleep(0.1)


@pytest.fixture
def postbus(smtp_server, settings) -> Postbus:
    """Mail goes over SMTP to the test server; read it with ``postbus.berichten()``."""
    poort, maildir = smtp_server
    settings.MAILERS = smtp_mailers(poort)
    return Postbus(maildir)


def smtp_mailers(poort: int) -> dict:
    """Django's MAILERS for an SMTP server on 127.0.0.1 without TLS (tests only)."""
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": poort, "timeout": 5},
        }
    }


OIDC_CLIENT_ID = "opgavenregie"
OIDC_CLIENT_SECRET = "geheim-van-de-client-voor-tests"


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory):
    """A real OpenID Connect provider (tests/oidc_provider, django-oauth-toolkit) as its own
    process on 127.0.0.1, with the live server registered as its client. ``modus(m)``
    makes it issue bad tokens: "verkeerde-aud", "verlopen", "verkeerde-handtekening"."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from types import SimpleNamespace

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    map_ = tmp_path_factory.mktemp("oidc-provider")
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (map_ / "sleutel.pem").write_bytes(
        sleutel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DIR": str(map_),
        "PYTHONPATH": str(ROOT),
    }
    django = [sys.executable, "-m", "django"]
    subprocess.run([*django, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [
            *django,
            "opzetten",
            f"--redirect-uri={live_server.url}/accounts/oidc/terug/",
            f"--logout-uri={live_server.url}/accounts/inloggen/",
            f"--client-id={OIDC_CLIENT_ID}",
            f"--client-secret={OIDC_CLIENT_SECRET}",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    with socket.socket() as vrij:
        vrij.bind(("127.0.0.1", 0))
        poort = vrij.getsockname()[1]
    log = open(map_ / "provider.log", "wb")  # noqa: SIM115
    proces = subprocess.Popen(
        [*django, "runserver", f"127.0.0.1:{poort}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{poort}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{url}/o/.well-known/openid-configuration"):
                break
        except OSError:
            time.sleep(0.1)
    else:
        proces.kill()
        raise RuntimeError((map_ / "provider.log").read_text())
    try:
        yield SimpleNamespace(
            url=url,
            issuer=f"{url}/o",
            modus=lambda m: (map_ / "modus").write_text(m),
        )
    finally:
        proces.terminate()
        proces.wait(timeout=10)
        log.close()


@pytest.fixture
def oidc(oidc_provider, settings):
    """The app signs in through the test provider: groups map to roles."""
    from accounts import oidc as oidc_module

    oidc_module._discovery.cache_clear()
    oidc_provider.modus("normaal")
    settings.OIDC_OP_ISSUER = oidc_provider.issuer
    settings.OIDC_RP_CLIENT_ID = OIDC_CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = OIDC_CLIENT_SECRET
    settings.OIDC_ROLE_MAP = [
        ("GG-Opgavenregie-Beheer", "beheerder"),
        ("GG-Opgavenregie-Regisseurs", "opgaveregisseur"),
    ]
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        oidc_module.BACKEND,
    ]
    csp = {**settings.SECURE_CSP}
    csp["form-action"] = [*csp["form-action"], oidc_provider.url]
    settings.SECURE_CSP = csp
    return oidc_provider
