"""Every POST without a CSRF token is refused (a walk over the whole URL conf)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for, named_urls


def _url(name: str, pattern) -> str:
    kwargs = {key: "beleidsdoelen" if key == "blok" else 1 for key in pattern.pattern.converters}
    return reverse(name, kwargs=kwargs)


def _verwacht(name: str) -> int:
    if name == "api:schema":
        return 405  # read only, for anyone
    return 401 if name.startswith("api:") else 403


def test_every_url_refuses_post_without_csrf_token(users):
    client = client_for(users["beheerder"])
    client.handler.enforce_csrf_checks = True
    urls = [(name, _url(name, pattern)) for name, pattern in named_urls()]
    assert len(urls) >= 100
    # The API reads no cookies (a koppeling's token only), so a session without a CSRF
    # token gets what any caller without a token gets: 401.
    failures = [
        url
        for name, url in urls
        if client.post(url, {"opgave": "alle"}).status_code != _verwacht(name)
    ]
    assert failures == []


@pytest.mark.django_db
def test_login_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
