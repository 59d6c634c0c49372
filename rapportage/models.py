"""Rapportage keeps no tables yet; the Jaarverslag model arrives with the verslag issue."""
