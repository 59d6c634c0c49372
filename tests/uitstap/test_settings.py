"""Settings: production refuses to start without a secret key; Dutch, Amsterdam time, UTC storage."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def test_language_and_time():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_TZ is True
    assert settings.AUTH_USER_MODEL == "uitstap.Gebruiker"


def test_production_without_secret_key_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DEMO", "UITSTAP_TESTING")}
    env["DJANGO_SETTINGS_MODULE"] = "uitstap.settings"
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
