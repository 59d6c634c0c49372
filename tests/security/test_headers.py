"""CSP and security headers on every page: walk every URL pattern as a coordinator and as a coach."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.security.urlwalk import concrete, routes
from trajecten.services import traject_starten

pytestmark = pytest.mark.django_db

ROUTES = routes()
SKIP = {"logout"}  # POST only; checked below


def check_headers(response, url, *, authenticated=True):
    csp = response.get("Content-Security-Policy", "")
    assert csp, f"{url}: no CSP"
    directives = {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}
    assert directives["object-src"] == ["'none'"], url
    assert directives["base-uri"] == ["'none'"], url
    assert directives["frame-ancestors"] == ["'none'"], url
    assert "'unsafe-inline'" not in directives.get("script-src", directives["default-src"]), url
    assert "'unsafe-eval'" not in csp, url
    assert "'unsafe-inline'" not in directives.get("style-src", []), url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin", "no-referrer"), url
    assert response["X-Frame-Options"] == "DENY", url
    hsts = response["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 31536000 and "includeSubDomains" in hsts, url
    if authenticated:
        assert "no-store" in response["Cache-Control"], url
    assert response["X-Request-ID"]


def check_no_inline(response, url):
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    html = response.content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, f"{url}: inline script {tag}"
    assert not re.search(r"\son[a-z]+\s*=", html), f"{url}: inline event handler"
    assert not re.search(r"\sstyle\s*=", html), f"{url}: inline style attribute"
    assert "<style" not in html, f"{url}: inline <style>"


@pytest.fixture
def ids(deelnemer, coordinator, coach):
    traject = traject_starten(deelnemer=deelnemer, aanmelddatum=datetime.date(2026, 1, 5), door=coach)
    return {"pk": deelnemer.pk, "traject_pk": traject.pk}


@pytest.mark.parametrize("rol", ["coordinator", "coach"])
def test_headers_on_every_page(client, ids, rol, request):
    user = request.getfixturevalue(rol)
    client.force_login(user)
    client.raise_request_exception = False
    problems = []
    ok = 0
    for name, route in ROUTES:
        if name in SKIP:
            continue
        url = concrete(route, ids)
        response = client.get(url, secure=True)
        try:
            check_headers(response, url)
            if response.status_code == 200:
                ok += 1
                check_no_inline(response, url)
        except AssertionError as e:
            problems.append(str(e))
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
    assert not problems, "\n".join(problems)
    assert ok >= 10, f"only {ok} pages answered 200: the walk did not reach the pages"


def test_headers_on_anonymous_pages(client):
    for name in ("two_factor:login", "password_reset", "password_reset_done", "password_reset_complete"):
        url = reverse(name)
        response = client.get(url, secure=True)
        assert response.status_code == 200
        check_headers(response, url, authenticated=False)
        check_no_inline(response, url)


def test_headers_on_post_and_errors(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("logout"), secure=True)
    check_headers(response, "logout")
    response = client.get("/bestaat-niet/", secure=True)
    assert response.status_code == 404
    check_headers(response, "404")


def test_static_files_have_headers_too(client):
    response = client.get("/static/js/uitstap.js", secure=True)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_nonce_on_our_scripts(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("account"), secure=True)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    assert f'nonce="{nonce}"' in html
