"""The coordinator's screens: figures (cijfers), the grant (beschikking) and the verslag."""
