"""Playwright plumbing: Debian's /usr/bin/chromium against pytest-django's live server."""

import os
import threading
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not os.path.exists(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason="/usr/bin/chromium ontbreekt"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def _een_verzoek_tegelijk_op_sqlite(request, monkeypatch):
    """On in-memory SQLite the live server's request threads share one database connection (Django's
    documented caveat), so two requests at once (a double click while the redirect loads) would interleave
    their savepoints on it. There, the live server handles one request at a time; PostgreSQL keeps them parallel."""
    from django.db import connection

    if "live_server" not in request.fixturenames or connection.vendor != "sqlite":
        return
    from django.core.handlers.wsgi import WSGIHandler

    slot, origineel = threading.Lock(), WSGIHandler.__call__

    def een_tegelijk(self, environ, start_response):
        with slot:
            return origineel(self, environ, start_response)

    monkeypatch.setattr(WSGIHandler, "__call__", een_tegelijk)


@pytest.fixture
def login_as(live_server, page, wachtwoord):
    """Log in through the real login form and land on the user's start page."""

    def _login(user):
        page.goto(f"{live_server.url}/account/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        return page

    return _login


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under screenshots/ (looked at by a human, not asserted)."""

    def _shot(name):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return _shot
