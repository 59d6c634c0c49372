"""WSGI entry point (gunicorn uitstap.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uitstap.settings")
application = get_wsgi_application()
