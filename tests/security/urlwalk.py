"""Every URL pattern of the project as (name, concrete path), for tests that walk them all."""

import re

from django.urls import URLPattern, URLResolver, get_resolver


def walk(patterns, prefix="", namespace=None, *, admin=False):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            if ns == "admin" and not admin:
                continue
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns, admin=admin)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield name, prefix + str(p.pattern)


def concrete(route: str, ids: dict | None = None) -> str:
    """Fill the converters: `<int:pk>` becomes ids.get("pk", 1), slugs "test", anything else "x"."""
    ids = ids or {}

    def fill(match):
        conv, _, name = match.group(1).rpartition(":")
        if name in ids:
            return str(ids[name])
        return {"int": "1", "slug": "test"}.get(conv, "x")

    route = re.sub(r"<([^>]+)>", fill, route)
    route = re.sub(r"\(\?P<[^>]+>[^)]*\)", "1", route)
    return "/" + route.lstrip("^").rstrip("$").replace("\\", "")


def routes(*, admin=False):
    return list(walk(get_resolver().url_patterns, admin=admin))
