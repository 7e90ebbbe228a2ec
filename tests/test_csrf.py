"""Every POST without a CSRF token is refused (a walk over the whole URL conf)."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import client_for

KWARGS = {
    "pk": 1,
    "opgave_pk": 1,
    "relatie_pk": 1,
    "thematafel_pk": 1,
    "moment_pk": 1,
    "blok": "beleidsdoelen",
}


def _names(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _url(name: str, pattern: URLPattern) -> str:
    kwargs = {key: KWARGS[key] for key in pattern.pattern.regex.groupindex}
    return reverse(name, kwargs=kwargs)


def test_every_url_refuses_post_without_csrf_token(users):
    client = client_for(users["beheerder"])
    client.handler.enforce_csrf_checks = True
    urls = [_url(name, pattern) for name, pattern in _names(get_resolver())]
    assert len(urls) >= 12
    failures = [url for url in urls if client.post(url, {"opgave": "alle"}).status_code != 403]
    assert failures == []


@pytest.mark.django_db
def test_login_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
