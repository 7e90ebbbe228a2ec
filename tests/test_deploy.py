"""Production settings pass Django's deployment checklist and send the security headers."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "opgavenregie.example.nl",
        "DJANGO_DEBUG": "false",
        # The checklist does not connect; a real server is not needed.
        "DATABASE_URL": "postgres://opgavenregie@127.0.0.1:1/opgavenregie",
    }
    for name in [
        "DJANGO_SECURE_SSL_REDIRECT",
        "DJANGO_SECURE_COOKIES",
        "OPGAVENREGIE_DEMODATA",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ]:
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_pages_send_csp_and_frame_headers(client):
    response = client.get("/accounts/inloggen/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"


def test_compose_file_validates_and_every_service_is_checked(tmp_path):
    """docker-compose (Debian's package) reads the file as compose will; then what operations
    asks of it: migrations once before the rest, gunicorn as PID 1, a healthcheck per
    long-running service, base images pinned by version."""
    import shutil

    import yaml

    assert shutil.which("docker-compose"), (
        "docker-compose ontbreekt: apt-get install docker-compose"
    )
    shutil.copy(ROOT / "docker-compose.yml", tmp_path)
    (tmp_path / ".env").write_text("")
    result = subprocess.run(
        ["docker-compose", "config"],
        cwd=tmp_path,
        env={**os.environ, "POSTGRES_PASSWORD": "alleen-voor-de-test"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    diensten = yaml.safe_load(result.stdout)["services"]
    assert diensten["migrate"]["command"][:3] == ["python", "manage.py", "migrate"]
    assert diensten["web"]["command"][0] == "gunicorn"
    assert diensten["live"]["command"][:2] == ["uvicorn", "config.asgi:application"]
    for naam in ("web", "live", "worker", "beat"):
        assert diensten[naam]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
    for naam in ("web", "live", "worker", "beat", "postgres", "redis"):
        assert diensten[naam]["healthcheck"]["test"], naam
    for naam in ("postgres", "redis"):
        assert re.search(r":\d+\.\d+", diensten[naam]["image"]), diensten[naam]["image"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.findall(r"^FROM \S+:(\S+)", dockerfile, re.M) and all(
        re.match(r"\d+\.\d+\.\d+-", tag) for tag in re.findall(r"^FROM \S+:(\S+)", dockerfile, re.M)
    )
    assert "USER opgavenregie" in dockerfile and "--no-dev" in dockerfile
    genegeerd = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "var", ".env", "node_modules", ".git"} <= set(genegeerd)


def test_production_settings_under_gunicorn_answer_with_health_headers_and_static_files(
    live_server_poort,
):
    """The image's gunicorn configuration with the production settings (no Docker here)."""
    import requests

    basis = live_server_poort
    live = requests.get(f"{basis}/gezondheid/live", timeout=10)
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    login = requests.get(f"{basis}/accounts/inloggen/", timeout=10, headers=HTTPS)
    assert login.status_code == 200
    assert "frame-ancestors 'none'" in login.headers["Content-Security-Policy"]
    assert login.headers["Strict-Transport-Security"].startswith("max-age=")
    # What runs the site is not told (a probe found "Server: gunicorn"); no camera and the
    # like for anything in a page.
    assert "Server" not in login.headers and "gunicorn" not in str(login.headers).lower()
    assert "microphone=()" in login.headers["Permissions-Policy"]
    css = re.search(r'href="(/static/vendor/utrecht/index\.[0-9a-f]{12}\.css)"', login.text)
    assert css, "the page links the hashed stylesheet"
    statisch = requests.get(basis + css.group(1), timeout=10, headers=HTTPS)
    assert statisch.status_code == 200 and "utrecht" in statisch.text
    assert "max-age=315360000" in statisch.headers["Cache-Control"]  # hashed: cached for good
    ongebruikt = requests.get(f"{basis}/static/vendor/htmx/htmx.js", timeout=10, headers=HTTPS)
    assert ongebruikt.status_code == 404


def test_gunicorn_and_the_app_log_json_lines_with_the_request_id(live_server_poort, tmp_path):
    """One format and one time zone (UTC) for gunicorn's access line and the app's lines."""
    import json
    import time

    import requests

    antwoord = requests.get(
        f"{live_server_poort}/bestaat-niet/",
        timeout=10,
        headers={**HTTPS, "X-Request-ID": "spoor-12345678"},
    )
    assert antwoord.status_code == 404 and antwoord.headers["X-Request-ID"] == "spoor-12345678"
    log = Path(live_server_poort.log)
    for _ in range(50):
        regels = [json.loads(r) for r in log.read_text().splitlines() if r.startswith("{")]
        toegang = [
            r for r in regels if r["name"] == "gunicorn.access" and "spoor-12345678" in r["message"]
        ]
        app = [r for r in regels if r.get("request_id") == "spoor-12345678"]
        if toegang and app:
            break
        time.sleep(0.1)
    assert toegang and app, log.read_text()[-2000:]
    assert all(r["timestamp"].endswith("+00:00") for r in toegang + app)
    assert app[0]["name"] == "django.request" and app[0]["level"] == "WARNING"


HTTPS = {"X-Forwarded-Proto": "https"}


class Basis(str):
    """The server's address, and where its output goes."""

    def __new__(cls, url: str, log: Path):
        basis = super().__new__(cls, url)
        basis.log = log
        return basis


@pytest.fixture(scope="module")
def live_server_poort(tmp_path_factory, django_db_setup):
    """gunicorn with config/gunicorn.py and config.settings.base, static files collected."""
    import socket
    import time

    import requests

    from tests.werker import database_env

    statisch = tmp_path_factory.mktemp("static")
    logbestand = tmp_path_factory.mktemp("log") / "gunicorn.log"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(statisch),
        "PYTHONUNBUFFERED": "1",
        "GUNICORN_BIND": f"127.0.0.1:{poort}",
        "GUNICORN_WORKERS": "1",
        **database_env(),  # the test database: the pages read the branding
    }
    for naam in ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_COOKIES", "DJANGO_DEBUG"):
        env.pop(naam, None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    proces = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=logbestand.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                requests.get(f"http://127.0.0.1:{poort}/gezondheid/live", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.1)
        yield Basis(f"http://127.0.0.1:{poort}", logbestand)
    finally:
        proces.terminate()
        proces.wait(timeout=30)


def test_with_a_pool_size_threads_share_that_many_connections():
    """DJANGO_DB_POOL_SIZE (docs/performance.md): eight threads at once, each a request's
    worth of queries, through a pool of two connections."""
    from tests.werker import database_env

    script = """
import threading
import django
django.setup()
from django.db import connection, connections
fouten = []
def verzoek():
    try:
        with connection.cursor() as c:
            c.execute("SELECT pg_backend_pid()")
            pids.add(c.fetchone()[0])
    except Exception as fout:
        fouten.append(fout)
    finally:
        connections.close_all()
pids = set()
threads = [threading.Thread(target=verzoek) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print(connection.settings_dict["CONN_MAX_AGE"], connection.pool.max_size, len(pids), fouten)
"""
    env = {
        **os.environ,
        **database_env(),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_DB_POOL_SIZE": "2",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    conn_max_age, max_size, verbindingen, fouten = result.stdout.split(maxsplit=3)
    assert (conn_max_age, max_size, fouten.strip()) == ("0", "2", "[]")
    assert 1 <= int(verbindingen) <= 2
