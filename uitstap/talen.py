"""The languages a document for the participant can be printed in: Dutch, and each language of LANGUAGES
that has a compiled catalogue in locale/."""

from pathlib import Path

from django.conf import settings


def documenttalen() -> list[str]:
    talen = []
    for code, _ in settings.LANGUAGES:
        if code == "nl" or any((Path(p) / code / "LC_MESSAGES" / "django.mo").is_file() for p in settings.LOCALE_PATHS):
            talen.append(code)
    return talen


def documenttaal_keuzes() -> list[tuple[str, str]]:
    namen = dict(settings.LANGUAGES)
    return [("", "Nederlands (standaard)")] + [(c, namen[c]) for c in documenttalen() if c != "nl"]


def documenttaal_of(gevraagd: str | None, standaard: str | None = None) -> str:
    """The language asked for if a document can be printed in it, else the default, else Dutch."""
    talen = documenttalen()
    for taal in (gevraagd, standaard):
        if taal and taal in talen:
            return taal
    return "nl"
