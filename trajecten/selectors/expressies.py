"""Annotation expressions that are built once and reused for every query that annotates with them."""

import functools


def eenmalig_gebouwd(bouw):
    """Keep what `bouw` returns (expressions, per `vandaag` for those that take it) for later calls.

    Building a Subquery's inner queryset costs about as much as compiling it, and the caseload and every dossier
    tab build a dozen. `annotate()` resolves a copy of each expression, so the kept ones are never changed.
    A FilteredRelation is not kept: the query it joins into gives it its alias."""
    return functools.lru_cache(maxsize=4)(bouw)
