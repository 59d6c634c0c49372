"""The public reads of rapportage beyond the figures (rapportage.cijfers): the verslag's data and PDF."""

from rapportage.selectors.verslag import (
    CCV_VRAGEN,
    beschikkingen_van,
    onderdrukken,
    verslag_context,
    verslag_gegevens,
    verslag_pdf,
    verslag_voor_weergave,
    verslagen_van,
)

__all__ = [
    "CCV_VRAGEN", "beschikkingen_van", "onderdrukken", "verslag_context", "verslag_gegevens", "verslag_pdf",
    "verslag_voor_weergave", "verslagen_van",
]
