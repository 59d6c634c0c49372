"""Deny by default: every URL pattern sends an anonymous visitor to the login page."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {
    "two_factor:login", "password_reset", "password_reset_done", "password_reset_confirm",
    "password_reset_complete",
}


def walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            if ns == "admin":
                continue
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield name, prefix + str(p.pattern)


def concrete(route: str) -> str:
    import re

    route = re.sub(r"<int:[^>]+>", "1", route)
    route = re.sub(r"<slug:[^>]+>", "test", route)
    route = re.sub(r"<[^>]+>", "x", route)
    return "/" + route.lstrip("^").rstrip("$")


ROUTES = [(name, concrete(route)) for name, route in walk(get_resolver().url_patterns)]


@pytest.mark.django_db
@pytest.mark.parametrize("name,url", ROUTES, ids=[n or u for n, u in ROUTES])
def test_anonymous_redirected_to_login(client, name, url):
    response = client.get(url)
    if name in PUBLIC:
        assert response.status_code in (200, 302)
        return
    assert response.status_code == 302, f"{url} answered {response.status_code}"
    assert "/account/login/" in response["Location"]


@pytest.mark.django_db
def test_admin_redirects_anonymous(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "login" in response["Location"]
