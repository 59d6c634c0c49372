"""The public writes of rapportage: the beschikking and the verslag."""

from rapportage.services.beschikking import (
    begroting_wijzigen,
    beschikking_aanmaken,
    besteding_wijzigen,
    cofinancier_toevoegen,
    twaalfmaandsperioden,
    verslagperiode_toevoegen,
    verslagperiode_wijzigen,
    voorschot_toevoegen,
)
from rapportage.services.verslag import verslag_aanmaken, verslag_vaststellen, verslag_wijzigen

__all__ = [
    "begroting_wijzigen", "beschikking_aanmaken", "besteding_wijzigen", "cofinancier_toevoegen", "twaalfmaandsperioden",
    "verslag_aanmaken", "verslag_vaststellen", "verslag_wijzigen", "verslagperiode_toevoegen", "verslagperiode_wijzigen",
    "voorschot_toevoegen",
]
