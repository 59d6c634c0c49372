"""Demo trajectplannen, goals and metingen (filled in by the trajectplan feature)."""
