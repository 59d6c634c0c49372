"""Settings for uitstap: one module, everything that differs per machine comes from the environment."""

import datetime
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# The demo (make demo, rook) runs on a laptop without TLS and may switch MFA off.
DEMO = env.bool("DEMO", default=False)
TESTING = env.bool("UITSTAP_TESTING", default=False)

if DEBUG or DEMO or TESTING:
    SECRET_KEY = env("SECRET_KEY", default="onveilig-alleen-voor-demo-en-tests-" + "x" * 30)
else:
    # Production refuses to start without a real secret.
    SECRET_KEY = env("SECRET_KEY")

# The key of the audit log's HMAC (uitstap.audit): required in production, kept apart from the database.
if DEBUG or DEMO or TESTING:
    AUDIT_SLEUTEL = env("AUDIT_SLEUTEL", default="onveilige-auditsleutel-alleen-voor-demo-en-tests")
else:
    AUDIT_SLEUTEL = env("AUDIT_SLEUTEL")
# The daily anchor (manage.py audit_anker): always to the application log; also appended to this file
# and mailed to these addresses when set. Keep the file on another machine or medium than the database.
AUDIT_ANKER_BESTAND = env("AUDIT_ANKER_BESTAND", default="")
AUDIT_ANKER_EMAIL = env.list("AUDIT_ANKER_EMAIL", default=[])
# After a commit the app seals new events at most this often (seconds, per process); cron does the rest.
AUDIT_VERZEGEL_INTERVAL = env.float("AUDIT_VERZEGEL_INTERVAL", default=1.0)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "bootstrap",
    "pgtrigger",
    "django_countries",
    "uitstap",
    "clients",
    "trajecten",
    "rapportage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "uitstap.middleware.RequestIdMiddleware",
    "uitstap.middleware.RequestLimitsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: every screen is Dutch whatever the browser asks for; English (LANGUAGES) is only
    # for documents for the participant, switched on with translation.override while they are rendered.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the timeout and MFA middleware: they leave a message for the next page.
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "uitstap.middleware.SessionTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "uitstap.middleware.MfaRequiredMiddleware",
    # After authentication and messages: a second POST of the same form shows the first result.
    "uitstap.eenmalig.EenmaligMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "uitstap.middleware.NoStoreMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "uitstap.urls"
WSGI_APPLICATION = "uitstap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "uitstap.context_processors.navigatie",
            ],
            # {% url %} through uitstap.links.reverse (the same tag, the URL's shape worked out once).
            "builtins": ["uitstap.templatetags.links"],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    # Some indexes carry extra columns for PostgreSQL's index-only scans (Index(include=...)); SQLite builds them
    # on their key columns alone, which is all the embedded demo needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    # No JIT: our queries are short; on the figures PostgreSQL spent 4 of 4.5 s compiling (docs/benchmarks.md).
    # work_mem 16 MB per sort: the figures number a programme's scores per traject (window functions), which at
    # 20 000 participants spilled the default 4 MB to disk and took three times as long.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off -c work_mem=16MB")
    # Parameters bound on the server and a statement a connection has run twice kept prepared: PostgreSQL plans
    # the dossier's and the lists' large queries once per connection instead of on every request (its CPU per
    # request halved, docs/benchmarks.md). Off behind a transaction-mode pooler, which cannot keep them.
    if env.bool("DB_PREPARE", default=True):
        DATABASES["default"]["OPTIONS"].setdefault("server_side_binding", True)
        DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", env.int("DB_PREPARE_THRESHOLD", default=2))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "uitstap.Gebruiker"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "uitstap.backends.GebruikerBackend",  # ModelBackend, with organisatie and gemeente in the same query
]

PASSWORD_HASHERS = [
    "uitstap.hashers.InteractiefArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "two_factor:login"

# Second factor: required for everyone in production; the demo may switch it off.
MFA_VERPLICHT = env.bool("MFA_VERPLICHT", default=not (DEMO or DEBUG))
OTP_TOTP_ISSUER = "uitstap"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
TWO_FACTOR_REMEMBER_COOKIE_AGE = None

# django-axes: lock per username + IP, so a shared office IP does not lock out colleagues.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# A lockout ends by itself after this many minutes (or earlier by the beheerder), so a colleague on the
# same IP cannot keep someone locked out.
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTEN", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "auth-username"
AXES_USERNAME_CALLABLE = "uitstap.middleware.axes_username"
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_VERBOSE = False
# The client IP (django-ipware): behind a reverse proxy (BEHIND_PROXY=true) the proxy must overwrite
# X-Real-IP with the client's address; otherwise every login would come from the proxy's IP.
# Without a proxy the header is ignored, so a client cannot forge it.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
AXES_IPWARE_PROXY_COUNT = 0
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_REAL_IP", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]

# Sessions: in the database, idle 30 minutes, at most 10 hours.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 10 * 60 * 60
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=10 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Behind TLS (every deployment except the demo on a laptop): secure cookies and HSTS.
SECURE_TLS = env.bool("SECURE_TLS", default=not (DEBUG or DEMO or TESTING))
SESSION_COOKIE_SECURE = SECURE_TLS
CSRF_COOKIE_SECURE = SECURE_TLS
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE_TLS)
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "nl"
# nl is the language of every screen; en (and any language with a catalogue in locale/) is for documents
# for the participant, such as the convenant.
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or DEMO or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or DEMO or TESTING

# Documents live outside every web root and are only served by a permission-checked view.
PRIVATE_STORAGE_ROOT = Path(env("PRIVATE_STORAGE_ROOT", default=str(BASE_DIR / "private")))
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
# A request body (apart from the uploaded file itself) is small: forms of text. The upload limit follows
# the document limit (plus room for the other form fields); anything larger is refused before parsing.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=1024 * 1024)
REQUEST_MAX_BYTES = DOCUMENT_MAX_BYTES + 256 * 1024
# PDF rendering (uitstap.pdf): the HTML's size and the time it may take, well under the worker timeout.
PDF_MAX_HTML = env.int("PDF_MAX_HTML", default=600_000)
PDF_MAX_SECONDEN = env.int("PDF_MAX_SECONDEN", default=20)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Widgets rendered by Jinja2 (Django's own widget templates, in Jinja2): a select of 250 countries costs one
# template render per option, five times faster there. crispy's field wrappers stay Django templates.
FORM_RENDERER = "django.forms.renderers.Jinja2"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mail (Django's MAILERS): the console in the demo and tests, SMTP in production.
_MAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG or DEMO or TESTING
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": _MAIL_BACKEND}}
if _MAIL_BACKEND.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env("EMAIL_HOST", default="localhost"),
        "port": env.int("EMAIL_PORT", default=25),
        "username": env("EMAIL_HOST_USER", default=""),
        "password": env("EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env.bool("EMAIL_USE_TLS", default=False),
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="uitstap@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "uitstap.requestinfo.RequestIdLogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "uitstap": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
