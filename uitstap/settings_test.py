"""Settings for pytest: the production module with a fast hasher and a private dir per run."""

import os
import tempfile

os.environ.setdefault("UITSTAP_TESTING", "1")
os.environ.setdefault("MFA_VERPLICHT", "false")

from uitstap.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PRIVATE_STORAGE_ROOT = Path(tempfile.mkdtemp(prefix="uitstap-private-"))  # noqa: F405
AXES_ENABLED = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
