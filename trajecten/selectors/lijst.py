"""Paginating annotated participant lists so a page costs the same at a hundred and at twenty thousand.

A list is counted and cut into pages on a lean queryset: visibility, the filters, and only the joins and
columns its filters and order need (the caseload's signal flags are kept columns and uncorrelated subqueries).
The rows a page shows, with the correlated subqueries the signal texts read, are fetched for that page's ids only.
"""

from collections.abc import Callable, Iterable

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window


def met_lijstlengte(qs: QuerySet) -> QuerySet:
    """The ids of `qs` in its order, each with the length of the whole list (`(pk, lijst_lengte)`, a window count):
    a page sliced from it counts the list in the same statement."""
    return qs.annotate(lijst_lengte=Window(Count("pk"))).values_list("pk", "lijst_lengte")


def pagina(qs: QuerySet | Callable[[], QuerySet], nummer, per_pagina: int, rijen: Callable[[list], Iterable] | None = None,
           *, telling_mee: bool = False, eerste_pagina: Callable[[], list[tuple]] | None = None) -> Page:
    """The page `nummer` of `qs` (as Paginator.get_page: not a number gives the first page, out of range the last).

    `rijen(ids)` gives the fully annotated rows for a page's ids, in any order (default: `qs` narrowed to them).
    `page.object_list` is a list of those rows in the order of `qs`.

    `telling_mee`: for a list whose order makes the database look at every row anyway (the caseload by urgency),
    the count rides along with the page's ids as a window count (met_lijstlengte), so counting costs no second
    pass. Only a page number beyond the last (or below 1) then costs the count and the last page's ids as separate
    queries. `eerste_pagina()` may give the first page's `(pk, lijst_lengte)` rows, in the list's order, from SQL kept
    between requests (uitstap.query_shapes); `qs` may then be a function that builds the queryset, built only when
    it is needed (another page, or rows without `rijen`).
    """
    bouw = qs if callable(qs) else (lambda: qs)
    page = None
    if eerste_pagina is not None and _nummer(nummer) == 1:
        page = _pagina_van(list(eerste_pagina()), 1, per_pagina)
    elif telling_mee:
        page = _met_telling(bouw, nummer, per_pagina)
    if page is None:
        page = Paginator(bouw().values_list("pk", flat=True), per_pagina).get_page(nummer)
    volgorde = list(page.object_list)
    if not volgorde:
        page.object_list = []
        return page
    gevonden = rijen(volgorde) if rijen is not None else bouw().filter(pk__in=volgorde)
    per_pk = {obj.pk: obj for obj in gevonden}
    page.object_list = [per_pk[pk] for pk in volgorde if pk in per_pk]
    return page


def _nummer(nummer) -> int:
    try:
        return 1 if nummer is None else int(nummer)
    except (TypeError, ValueError):
        return 1  # as Paginator: not an integer is the first page


def _met_telling(bouw: Callable[[], QuerySet], nummer, per_pagina: int) -> Page | None:
    """The page with its ids and the list's length from one query, or None when `nummer` is out of range."""
    nummer = _nummer(nummer)
    if nummer < 1:
        return None
    begin = (nummer - 1) * per_pagina
    rijen = list(met_lijstlengte(bouw())[begin:begin + per_pagina])
    if not rijen and nummer > 1:
        return None
    return _pagina_van(rijen, nummer, per_pagina)


def _pagina_van(rijen: list[tuple], nummer: int, per_pagina: int) -> Page:
    """A page of ids from `(pk, lijst_lengte)` rows."""
    paginator = Paginator([], per_pagina)
    paginator.count = rijen[0][1] if rijen else 0  # Paginator's cached count, known now
    return Page([pk for pk, _ in rijen], nummer, paginator)
