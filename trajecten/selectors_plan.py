"""Reads for the plan feature."""
