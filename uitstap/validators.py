"""Input rules every path shares: no control characters (NUL and the like), bounded text."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# C0 controls except tab, newline and carriage return; DEL and the C1 controls; the bidirectional
# overrides and isolates (they make a file name or code read differently from what it is).
_STUURTEKENS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Text fields without their own limit (notes, descriptions) get this one, in forms and in the import.
TEKST_MAX = 10_000


def bevat_stuurtekens(waarde: str) -> bool:
    return bool(_STUURTEKENS.search(waarde or ""))


def geen_stuurtekens(waarde) -> None:
    """Validator: refuse NUL and other control characters (PostgreSQL cannot even store NUL)."""
    if isinstance(waarde, str) and bevat_stuurtekens(waarde):
        raise ValidationError(
            _("Dit veld bevat een onzichtbaar stuurteken (zoals NUL). Haal het weg en probeer het opnieuw."),
            code="stuurteken",
        )


def zoekterm(waarde, *, max_length: int = 50) -> str:
    """A search term as it may be used and kept: stripped, bounded, and empty when it holds control
    characters. Used on input and again when read back from the session (a term stored by an older
    version, or a tampered session, must not break the page)."""
    if not isinstance(waarde, str) or bevat_stuurtekens(waarde):
        return ""
    return waarde.strip()[:max_length]
