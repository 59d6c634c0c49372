"""Writes for the plan feature."""
