"""Issue 20, findings 4, 6 and 7: foutief contacts, the dossier summary, the timeline, the metingen table."""

import datetime

import pytest
from django.urls import reverse

from rapportage import cijfers as c
from trajecten import services
from trajecten.models import Contactmoment
from uitstap.codes import ContactStatus
from uitstap.models import AuditEvent

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(deelnemer, coach):
    """A traject that has started (instroom): only such a traject ends with an Uitstroom."""
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=D(2025, 1, 20), door=coach)
    traject.refresh_from_db()
    return traject


def _contact(traject, coach, datum, duur=60, status=ContactStatus.GEHOUDEN):
    return services.contactmoment_vastleggen(traject=traject, door=coach, data={
        "datum": datum, "status": status, "duur_minuten": duur, "soort": "gesprek"})


def test_a_contact_marked_foutief_is_kept_struck_through_and_counted_nowhere(login, traject, coach, programma):
    goed = _contact(traject, coach, D(2025, 2, 1), 30)
    dubbel = _contact(traject, coach, D(2025, 2, 1), 30)
    client = login(coach)
    url = reverse("trajecten:contact_foutief", args=[dubbel.pk])
    pagina = client.get(url).content.decode()
    assert "telt in geen enkel cijfer" in pagina
    fout = client.post(url, {"reden": ""})
    assert fout.context["form"].errors["reden"] == ["Geef aan waarom dit contact foutief is geregistreerd."]
    assert client.post(url, {"reden": "Dubbel geregistreerd"}).status_code == 302
    dubbel.refresh_from_db()
    assert dubbel.foutief_op is not None and dubbel.foutief_door == coach
    assert Contactmoment.objects.count() == 2  # kept for the audit
    assert AuditEvent.objects.filter(actie="update", object_type="contactmoment", object_id=str(dubbel.pk)).exists()
    van, tot = D(2025, 1, 1), D(2025, 12, 31)
    assert c.contactmomenten_gehouden(programma, van, tot) == 1
    assert c.contacturen(programma, van, tot) == 0.5
    from tests.rapportage.referentie import referentie_cijfers

    ref = referentie_cijfers(programma, van, tot)
    assert (ref["contactmomenten_gehouden"], ref["contacturen"]) == (1, 0.5)
    html = client.get(reverse("trajecten:dossier", args=[traject.deelnemer.pk])).content.decode()
    assert '<del class="titel">' in html and "Foutief geregistreerd: Dubbel geregistreerd" in html
    lijst = client.get(reverse("trajecten:contacten", args=[traject.deelnemer.pk]))
    assert [x.pk for x in lijst.context["page"]] == [goed.pk]


def test_export_skips_foutief_contacts(traject, coach, programma):
    from rapportage.uitwisseling.exporteren import programma_exporteren

    _contact(traject, coach, D(2025, 2, 1))
    fout = _contact(traject, coach, D(2025, 2, 2))
    services.contactmoment_foutief_markeren(contact=fout, reden="Verkeerde deelnemer", door=coach)
    doc = programma_exporteren(programma)
    contacten = [cm for dn in doc["deelnemers"] for t in dn["trajecten"] for cm in t["contactmomenten"]]
    assert [cm["datum"] for cm in contacten] == ["2025-02-01"]


def test_foutief_contact_does_not_count_as_last_contact_on_the_caseload(login, traject, coach):
    from trajecten import selectors

    _contact(traject, coach, D(2025, 2, 1))
    fout = _contact(traject, coach, datetime.date.today())
    services.contactmoment_foutief_markeren(contact=fout, reden="Dubbel", door=coach)
    d = selectors.caseload(coach).get(pk=traject.deelnemer.pk)
    assert d.laatste_contact == D(2025, 2, 1)


def test_summary_card_shows_what_a_coach_needs_with_signals_as_links(login, traject, coach, gemeente):
    dn = traject.deelnemer
    dn.woongemeente = gemeente
    dn.geboortejaar = datetime.date.today().year - 27
    dn.save()
    response = login(coach).get(reverse("trajecten:dossier", args=[dn.pk]))
    html = response.content.decode()
    for tekst in ("Woongemeente", gemeente.naam, "Leeftijdsgroep", "24-29", "Trajectplan", "Nog geen trajectplan",
                  "Open doelen", "Volgend contact"):
        assert tekst in html, tekst
    # No contact since the aanmelddatum (long ago): the signal links to where it is resolved.
    contact_url = reverse("trajecten:contact_nieuw", args=[traject.pk])
    assert f'<a class="link-danger" href="{contact_url}">Geen contact sinds' in html
    # "Uitstroom vastleggen" is a normal (primary-coloured) button, not grey.
    assert 'btn-outline-primary" href="%s">Uitstroom vastleggen' % reverse("trajecten:uitstroom", args=[traject.pk]) in html
    assert "dagen)" in html and "(1 dagen)" not in html


def test_timeline_filter_by_kind_and_grouped_by_year(login, traject, coach):
    _contact(traject, coach, D(2025, 2, 1))
    _contact(traject, coach, D(2026, 1, 5)) if datetime.date.today() >= D(2026, 1, 5) else None
    client = login(coach)
    url = reverse("trajecten:dossier", args=[traject.deelnemer.pk])
    html = client.get(url).content.decode()
    assert '<h3 class="tijdlijn-jaar" id="traject-%d-2025">2025</h3>' % traject.pk in html
    alleen = client.get(url, {"soort": "contact"})
    soorten = {i.soort for _, items in alleen.context["tijdlijnen"] for i in items}
    assert soorten == {"contact"}
    assert 'value="contact" selected' in alleen.content.decode()


def test_plural_and_long_dates():
    from uitstap.templatetags.uitstap_tags import aantal_dagen, dagen_geleden, datum_lang

    assert datum_lang(D(2026, 12, 7)) == "ma 7 december 2026"
    assert aantal_dagen(1) == "1 dag" and aantal_dagen(3) == "3 dagen"
    assert dagen_geleden(D(2026, 1, 1), D(2026, 1, 4)) == "3 dagen geleden"
    assert dagen_geleden(D(2026, 1, 1), D(2025, 12, 30)) == "over 2 dagen"


def test_summary_card_reads_the_current_trajects_newest_plan(login, traject, coach):
    """Plan status and open goals on the card (read with the participant, selectors.dossier_stand): the newest
    version of the current traject; open and bezig top-level goals, no sub-goals; an older traject's plan
    does not count."""
    from trajecten.models import Doel, Trajectplan

    dn = traject.deelnemer
    client = login(coach)

    def kaart():
        html = client.get(reverse("trajecten:dossier", args=[dn.pk])).content.decode()
        return html.split('class="samenvatting-feiten')[1].split("</dl>")[0]

    assert "Nog geen trajectplan" in kaart()
    v1 = Trajectplan.objects.create(traject=traject, volgnummer=1, opgesteld_op=D(2025, 2, 1))
    hoofd = Doel.objects.create(plan=v1, leefgebied="huisvesting", omschrijving="a", status="open")
    Doel.objects.create(plan=v1, leefgebied="financien", omschrijving="b", status="bezig")
    Doel.objects.create(plan=v1, leefgebied="financien", omschrijving="c", status="behaald", behaald_op=D(2025, 3, 1))
    Doel.objects.create(plan=v1, ouder=hoofd, leefgebied="huisvesting", omschrijving="sub", status="open")
    html = kaart()
    assert "Versie 1: concept, nog niet ondertekend" in html and "<dd>2</dd>" in html
    Trajectplan.objects.filter(pk=v1.pk).update(status="actief", ondertekend_deelnemer_op=D(2025, 2, 2),
                                                ondertekend_begeleider_op=D(2025, 2, 2))
    v2 = Trajectplan.objects.create(traject=traject, volgnummer=2, opgesteld_op=D(2025, 4, 1))
    Doel.objects.create(plan=v2, leefgebied="huisvesting", omschrijving="a", status="open")
    html = kaart()
    assert "Versie 2: concept, nog niet ondertekend" in html and "<dd>1</dd>" in html
    Trajectplan.objects.filter(pk=v2.pk).update(status="actief", ondertekend_deelnemer_op=D(2025, 4, 2),
                                                ondertekend_begeleider_op=D(2025, 4, 2))
    assert "Versie 2: ondertekend" in kaart()
    type(traject).objects.filter(pk=traject.pk).update(einddatum=D(2025, 5, 1))
    services.traject_starten(deelnemer=dn, aanmelddatum=D(2025, 6, 1), door=coach)  # herinstroom: no plan yet
    assert "Nog geen trajectplan" in kaart()
