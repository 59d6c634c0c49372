"""Production settings: `check --deploy --fail-level WARNING` passes; cookies, HSTS and errors as required."""

import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import path

PROD_ENV = {
    "PATH": "/usr/bin:/bin",
    "DJANGO_SETTINGS_MODULE": "uitstap.settings",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "AUDIT_SLEUTEL": secrets.token_urlsafe(40),
    "DEBUG": "false",
    "DEMO": "false",
    "ALLOWED_HOSTS": "uitstap.example.nl",
    "DATABASE_URL": "sqlite:////tmp/uitstap-deploy-check.sqlite3",
}


def run(args, **env):
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=180, cwd=settings.BASE_DIR,
        env={**PROD_ENV, **env},
    )


def test_check_deploy_passes():
    out = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert out.returncode == 0, out.stdout + out.stderr


def test_production_settings_values():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_SSL_REDIRECT, s.MFA_VERPLICHT, s.PASSWORD_HASHERS[0].endswith('Argon2PasswordHasher'), "
        "s.MAILERS['default']['BACKEND'].endswith('smtp.EmailBackend'), "
        "s.STORAGES['staticfiles']['BACKEND'].startswith('whitenoise'))"
    )
    out = run(["-c", code])
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "True", "True", "Lax", "True", "True", "True", "True", "True",
                                  "True", "True"]


def test_production_refuses_to_start_without_secret_key():
    env = dict(PROD_ENV)
    del env["SECRET_KEY"]
    out = subprocess.run([sys.executable, "manage.py", "check"], capture_output=True, text=True, timeout=180,
                         cwd=settings.BASE_DIR, env=env)
    assert out.returncode != 0
    assert "SECRET_KEY" in out.stderr


def test_production_refuses_to_start_without_audit_key():
    env = dict(PROD_ENV)
    del env["AUDIT_SLEUTEL"]
    out = subprocess.run([sys.executable, "manage.py", "check"], capture_output=True, text=True, timeout=180,
                         cwd=settings.BASE_DIR, env=env)
    assert out.returncode != 0
    assert "AUDIT_SLEUTEL" in out.stderr


@pytest.mark.django_db
def test_password_rules(coach):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for bad in ("kort-1234", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(bad, coach)
    validate_password("paarse olifant fietst langzaam", coach)  # no composition rules


def _boom(request):
    raise RuntimeError("geheime details")


# This module doubles as a tiny URLconf for the 500 test.
urlpatterns = [path("boem/", _boom)]
handler500 = "uitstap.views.error_500"


@pytest.mark.django_db
def test_error_500_is_plain_and_has_request_id(client, coordinator, settings, caplog):
    """DEBUG off: an exception gives our plain 500 page with the request id, no traceback; the log has the id."""
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    client.force_login(coordinator)
    with caplog.at_level("ERROR", logger="django.request"):
        response = client.get("/boem/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "geheime details" not in html and "Traceback" not in html
    request_id = response["X-Request-ID"]
    assert request_id in html
    assert any(getattr(r, "request_id", None) == request_id for r in caplog.records)
