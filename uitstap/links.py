"""`reverse` without walking the URL patterns for every link.

A list page builds a few hundred links (a dossier, its contacts, its plan per row), and Django's `reverse` costs
tens of microseconds each: it searches the candidate patterns, checks the arguments against them and quotes the
result. The shape of a URL never changes while the process runs, so it is worked out once per view name and set
of arguments, with marker numbers in place of the arguments, and every later call only puts the numbers in.

The fast path is taken only for non-negative integer arguments (the primary keys our URLs carry): a marker
number passes the same converters as any other such number, and a number needs no quoting. Anything else (text,
negative numbers, a pattern the marker does not fit) goes to Django's `reverse` unchanged, errors included.
The shape is kept per script prefix and urlconf; not per language, as no URL of ours is translated.
The `{% url %}` tag uses the same function (uitstap.templatetags.links, a template builtin).
"""

import functools

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse

# Numbers that no URL of ours contains by themselves; one per positional argument.
_MARKER = 7_305_219_846_000
_MARKERS = tuple(str(_MARKER + i) for i in range(8))


def _is_id(waarde) -> bool:
    return type(waarde) is int and waarde >= 0


@functools.lru_cache(maxsize=4096)
def _sjabloon(viewname: str, aantal: int, namen: tuple, current_app, prefix: str, urlconf) -> str | None:
    """The URL with marker numbers for the arguments, or None if the marker does not give an unambiguous URL."""
    if aantal + len(namen) > len(_MARKERS):
        return None
    markers = _MARKERS[:aantal + len(namen)]
    try:
        if namen:
            url = django_reverse(viewname, kwargs=dict(zip(namen, map(int, markers))), current_app=current_app)
        else:
            url = django_reverse(viewname, args=[int(m) for m in markers], current_app=current_app)
    except NoReverseMatch:
        return None
    if any(url.count(m) != 1 for m in markers):
        return None
    return url


def reverse(viewname, urlconf=None, args=None, kwargs=None, current_app=None, query=None, fragment=None):
    """Django's `reverse`, the same result, with the pattern search done once per view name (see above)."""
    if urlconf is None and query is None and fragment is None and not callable(viewname) and not (args and kwargs):
        waarden = list(args or ()) if not kwargs else list(kwargs.values())
        if all(_is_id(w) for w in waarden):
            namen = tuple(kwargs) if kwargs else ()
            sjabloon = _sjabloon(viewname, 0 if kwargs else len(waarden), namen, current_app,
                                 get_script_prefix(), get_urlconf())
            if sjabloon is not None:
                for marker, waarde in zip(_MARKERS, waarden):
                    sjabloon = sjabloon.replace(marker, str(waarde))
                return sjabloon
    return django_reverse(viewname, urlconf=urlconf, args=args, kwargs=kwargs, current_app=current_app,
                          query=query, fragment=fragment)
