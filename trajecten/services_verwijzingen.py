"""Writes for the verwijzingen feature."""
