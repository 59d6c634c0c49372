"""Reads for the verwijzingen feature."""
