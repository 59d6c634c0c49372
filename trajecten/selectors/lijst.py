"""Paginating annotated participant lists so a page costs the same at a hundred and at twenty thousand.

The lists' annotations (met_traject_stand and the signal annotations) are correlated subqueries.
Counted and sliced as they are, the database may compute them for every participant before it
sorts and cuts the page. Here the count and the page's ids come from the same queryset narrowed to
its primary key (only the annotations a filter refers to stay in the SQL), and the full rows with
every annotation are fetched for those ids only.
"""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


def pagina(qs: QuerySet, nummer, per_pagina: int) -> Page:
    """The page `nummer` of `qs` (as Paginator.get_page: out of range gives the last page).

    `page.object_list` is a list of fully annotated rows in the order of `qs`.
    """
    ids = qs.values_list("pk", flat=True)
    page = Paginator(ids, per_pagina).get_page(nummer)
    volgorde = list(page.object_list)
    rijen = {obj.pk: obj for obj in qs.filter(pk__in=volgorde)} if volgorde else {}
    page.object_list = [rijen[pk] for pk in volgorde if pk in rijen]
    return page
