"""uitstap.links.reverse gives exactly Django's reverse, for every named URL of the project."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, set_script_prefix
from django.urls import reverse as django_reverse

from uitstap.links import reverse
from uitstap.templatetags.links import LinkNode


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _named_patterns(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p


@pytest.mark.parametrize("waarden", [(1,), (0,), (42, 7), (123456, 99, 3)])
def test_every_named_url_reverses_as_django_does(waarden):
    gezien = 0
    for naam, pattern in _named_patterns():
        aantal = len(pattern.pattern.converters)
        args = list(waarden[:aantal]) + [5] * max(0, aantal - len(waarden))
        try:
            verwacht = django_reverse(naam, args=args)
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                reverse(naam, args=args)
            continue
        assert reverse(naam, args=args) == verwacht, naam
        if aantal:
            kwargs = dict(zip(pattern.pattern.converters, args))
            assert reverse(naam, kwargs=kwargs) == django_reverse(naam, kwargs=kwargs), naam
        gezien += 1
    assert gezien > 100


def test_other_arguments_go_to_django_unchanged():
    assert reverse("trajecten:dossier", args=[12]) == "/deelnemers/12/"
    with pytest.raises(NoReverseMatch):
        reverse("trajecten:dossier", args=[-1])
    with pytest.raises(NoReverseMatch):
        reverse("trajecten:dossier", args=["abc"])
    with pytest.raises(NoReverseMatch):
        reverse("bestaat_niet")
    # A marker-sized number is still the number it is.
    assert reverse("trajecten:dossier", args=[7_305_219_846_000]) == "/deelnemers/7305219846000/"
    assert reverse("trajecten:dossier", args=[3], query={"a": "1"}) == "/deelnemers/3/?a=1"


def test_script_prefix_is_respected():
    assert reverse("trajecten:dossier", args=[3]) == "/deelnemers/3/"
    set_script_prefix("/uitstap/")
    try:
        assert reverse("trajecten:dossier", args=[3]) == "/uitstap/deelnemers/3/"
    finally:
        set_script_prefix("/")
    assert reverse("trajecten:dossier", args=[3]) == "/deelnemers/3/"


def test_the_url_tag_uses_it_with_its_usual_forms():
    html = Template("{% url 'trajecten:dossier' pk %}|{% url 'trajecten:dossier' pk=pk %}|"
                    "{% url 'bestaat_niet' as x %}[{{ x }}]{% url 'trajecten:dossier' 8 as y %}{{ y }}").render(Context({"pk": 31}))
    assert html == "/deelnemers/31/|/deelnemers/31/|[]/deelnemers/8/"
    assert type(Template("{% url 'start' %}").nodelist[0]) is LinkNode
    with pytest.raises(NoReverseMatch):
        Template("{% url 'bestaat_niet' %}").render(Context())
