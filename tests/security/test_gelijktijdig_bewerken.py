"""No lost update on any edit screen: two people open the same form, both save; the second always gets
the conflict (with the other person's values on screen), never a silent overwrite, and the first edit is kept.

Every URL pattern whose view edits an existing record is listed in EDIT_SCREENS; a test checks that the
list covers every such pattern, so a new edit screen cannot be added without this test.
"""

import datetime

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from clients.selectors import contactafspraak_van, juridische_route_van
from tests.factories import (
    GebruikerFactory, KetenpartnerFactory, OrganisatieFactory, ProgrammaFactory, ToestemmingFactory,
)
from tests.security.formdata import post_data
from trajecten import services
from trajecten.models import (
    Contactmoment, Doel, OutreachActie, Overdracht, Traject, Trajectplan, Verwijzing, Werkoverleg, WerkoverlegAfspraak,
)
from uitstap import services as kaart_services
from uitstap.codes import Rol
from uitstap.forms import CONFLICT
from uitstap.models import Contactpersoon, Ketenpartner, Programma, ProgrammaJaar

pytestmark = pytest.mark.django_db

VANDAAG_PER_TEST = True  # tests/conftest.py sets VANDAAG to today before every test (never at import time)
VANDAAG = None


def dagen(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def wereld(programma, deelnemer, coach, coach2, organisatie):
    """One participant (coach, achtervang coach2) with every kind of editable record, and two coordinators."""
    coord_a = GebruikerFactory(username="coord_a", rol=Rol.COORDINATOR, organisatie=organisatie)
    coord_b = GebruikerFactory(username="coord_b", rol=Rol.COORDINATOR, organisatie=organisatie)
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(200), door=coach)
    services.intake_vastleggen(traject=traject, door=coach, data={
        "datum": dagen(190), "besluit": "toegelaten", "hulpvraag": "Werk"})
    contact = services.contactmoment_vastleggen(traject=traject, door=coach, data={
        "datum": dagen(100), "soort": "gesprek", "status": "gehouden", "duur_minuten": 30})
    plan = services.trajectplan_opstellen(traject=traject, opgesteld_op=dagen(150), door=coach, afspraken="Elke week")
    doel = services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "financien", "omschrijving": "Betalingsregeling", "indicator": "Brief", "acceptabel": True,
        "realistisch": "Met hulp", "streefdatum": VANDAAG + datetime.timedelta(days=60)})
    partner = KetenpartnerFactory(programma=programma, naam="Schuldhulp Test", soort="schuldhulpverlening")
    persoon = kaart_services.contactpersoon_aanmaken(ketenpartner=partner, data={"naam": "Piet"}, door=coord_a)
    verwijzing = services.verwijzing_aanmaken(traject=traject, ketenpartner=partner, verwezen=dagen(90), door=coach)
    jaar = kaart_services.programmajaar_wijzigen(programma=programma, jaar=VANDAAG.year, data={
        "verwacht_deelnemers": 10}, door=coord_a)
    return {
        "programma": programma, "deelnemer": deelnemer, "traject": traject, "contact": contact, "plan": plan,
        "doel": doel, "partner": partner, "persoon": persoon, "verwijzing": verwijzing, "jaar": jaar,
        "coach": coach, "coach2": coach2, "coord_a": coord_a, "coord_b": coord_b,
    }


def _tekst(veld):
    return lambda data: data.update({veld: data.get(veld, "") + " (gewijzigd)"})


# name: (url name, url args from the world, users, change to the POST data, what the first edit left behind)
EDIT_SCREENS = {
    "persoonsgegevens": ("trajecten:persoonsgegevens", lambda w: [w["deelnemer"].pk], ("coach", "coach2"),
                         _tekst("roepnaam"), lambda w: w["deelnemer"].__class__.objects.get(pk=w["deelnemer"].pk).roepnaam),
    "begeleiding": ("trajecten:begeleiding", lambda w: [w["deelnemer"].pk], ("coord_a", "coord_b"),
                    lambda d: d.update(achtervang=""), None),
    "intake": ("trajecten:intake", lambda w: [w["traject"].pk], ("coach", "coach2"), _tekst("hulpvraag"),
               lambda w: Traject.objects.get(pk=w["traject"].pk).intake.hulpvraag),
    "contact_bewerken": ("trajecten:contact_bewerken", lambda w: [w["contact"].pk], ("coach", "coach2"),
                         _tekst("notitie"), lambda w: Contactmoment.objects.get(pk=w["contact"].pk).notitie),
    "uitstroom": ("trajecten:uitstroom", lambda w: [w["traject"].pk], ("coach", "coach2"),
                  lambda d: d.update(soort="gestopt", datum=dagen(5).isoformat(), reden="motivatie"),
                  lambda w: Traject.objects.get(pk=w["traject"].pk).einddatum),
    "beeindigen": ("trajecten:beeindigen", lambda w: [w["traject"].pk], ("coach", "coach2"),
                   lambda d: d.update(einddatum=dagen(1).isoformat()), None),
    "plan_bewerken": ("trajecten:plan_bewerken", lambda w: [w["plan"].pk], ("coach", "coach2"), _tekst("afspraken"),
                      lambda w: Trajectplan.objects.get(pk=w["plan"].pk).afspraken),
    "plan_ondertekenen": ("trajecten:plan_ondertekenen", lambda w: [w["plan"].pk], ("coach", "coach2"),
                          lambda d: None, lambda w: Trajectplan.objects.get(pk=w["plan"].pk).status),
    "doel_bewerken": ("trajecten:doel_bewerken", lambda w: [w["doel"].pk], ("coach", "coach2"),
                      _tekst("omschrijving"), lambda w: Doel.objects.get(pk=w["doel"].pk).omschrijving),
    "doel_status": ("trajecten:doel_status", lambda w: [w["doel"].pk], ("coach", "coach2"),
                    lambda d: d.update(status="bezig"), lambda w: Doel.objects.get(pk=w["doel"].pk).status),
    "verwijzing_bewerken": ("trajecten:verwijzing_bewerken", lambda w: [w["verwijzing"].pk], ("coach", "coach2"),
                            _tekst("hulpvraag"), lambda w: Verwijzing.objects.get(pk=w["verwijzing"].pk).hulpvraag),
    "verwijzing_status": ("trajecten:verwijzing_status", lambda w: [w["verwijzing"].pk], ("coach", "coach2"),
                          lambda d: d.update(status="wachtlijst"),
                          lambda w: Verwijzing.objects.get(pk=w["verwijzing"].pk).status),
    "verwijzing_intake": ("trajecten:verwijzing_intake", lambda w: [w["verwijzing"].pk], ("coach", "coach2"),
                          lambda d: d.update(intake_partner=dagen(80).isoformat()),
                          lambda w: Verwijzing.objects.get(pk=w["verwijzing"].pk).intake_partner),
    "ketenpartner_bewerken": ("trajecten:ketenpartner_bewerken", lambda w: [w["partner"].pk], ("coord_a", "coord_b"),
                              _tekst("notities"), lambda w: Ketenpartner.objects.get(pk=w["partner"].pk).notities),
    "contactpersoon_bewerken": ("trajecten:contactpersoon_bewerken", lambda w: [w["persoon"].pk],
                                ("coord_a", "coord_b"), _tekst("functie"),
                                lambda w: Contactpersoon.objects.get(pk=w["persoon"].pk).functie),
    "programma_bewerken": ("programma_bewerken", lambda w: [w["programma"].slug], ("coord_a", "coord_b"),
                           _tekst("naam"), lambda w: Programma.objects.get(pk=w["programma"].pk).naam),
    "programmajaar_bewerken": ("programmajaar_bewerken", lambda w: [w["programma"].slug, VANDAAG.year],
                               ("coord_a", "coord_b"), lambda d: d.update(intakes_begroot="7"),
                               lambda w: ProgrammaJaar.objects.get(pk=w["jaar"].pk).intakes_begroot),
    # issue 19: the arrangements append a version (the version seen is the newest one's number, 0 for none)
    "contactafspraken": ("trajecten:contactafspraken", lambda w: [w["deelnemer"].pk], ("coach", "coach2"),
                         _tekst("vermijden"), lambda w: contactafspraak_van(w["deelnemer"]).vermijden),
    "juridische_route": ("trajecten:juridische_route", lambda w: [w["deelnemer"].pk], ("coach", "coach2"),
                         _tekst("toelichting"), lambda w: juridische_route_van(w["deelnemer"]).toelichting),
    "outreach_bewerken": ("trajecten:outreach_bewerken", lambda w: [w["outreach"].pk], ("coach", "coach2"),
                          lambda d: d.update(bereikt="9"), lambda w: OutreachActie.objects.get(pk=w["outreach"].pk).bereikt),
    # issue 17: the werkoverleg (coordinators of the programme; the participant shares with its gemeente)
    "werkoverleg_bewerken": ("trajecten:werkoverleg_bewerken", lambda w: [w["werkoverleg"].pk], ("coord_a", "coord_b"),
                             _tekst("aanwezigen"), lambda w: Werkoverleg.objects.get(pk=w["werkoverleg"].pk).aanwezigen),
    "werkoverleg_afspraak_bewerken": ("trajecten:werkoverleg_afspraak_bewerken", lambda w: [w["wo_afspraak"].pk],
                                      ("coord_a", "coord_b"), _tekst("wat"),
                                      lambda w: WerkoverlegAfspraak.objects.get(pk=w["wo_afspraak"].pk).wat),
    "werkoverleg_afspraak_afronden": ("trajecten:werkoverleg_afspraak_afronden", lambda w: [w["wo_afspraak"].pk],
                                      ("coord_a", "coord_b"), lambda d: d.update(afgerond_op=dagen(0).isoformat()),
                                      lambda w: WerkoverlegAfspraak.objects.get(pk=w["wo_afspraak"].pk).afgerond_op),
    # issue 17: withdrawing a pending overdracht (coach and achtervang open the confirmation at once)
    "overdracht_intrekken": ("trajecten:overdracht_intrekken", lambda w: [w["overdracht"].pk], ("coach", "coach2"),
                             lambda d: d.update(bevestigd="on", reden="Blijft toch"),
                             lambda w: Overdracht.objects.get(pk=w["overdracht"].pk).status),
}


def _voorbereiden(naam, w):
    """Records some screens need before they can be edited: a closed traject has no uitstroom form."""
    if naam == "outreach_bewerken":
        w["outreach"] = services.outreach_actie_vastleggen(programma=w["programma"], door=w["coach"], data={
            "datum": dagen(3), "locatiesoort": "raam", "bereikt": 4, "gesprekken": 2})
    if naam.startswith("werkoverleg"):
        gemeente = w["programma"].gemeenten.first()
        ToestemmingFactory(deelnemer=w["deelnemer"], gemeente=gemeente, gegeven_op=dagen(30))
        w["werkoverleg"] = services.werkoverleg_plannen(programma=w["programma"], gemeente=gemeente, datum=dagen(1),
                                                        aanwezigen="Eva – coördinator", door=w["coord_a"])
        w["wo_afspraak"] = services.werkoverleg_afspraak_vastleggen(
            werkoverleg=w["werkoverleg"], deelnemer=w["deelnemer"], wat="Aanmelden werkfit", eigenaar="klantmanager",
            deadline=dagen(-14), door=w["coord_a"])
    if naam == "overdracht_intrekken":
        org = OrganisatieFactory(naam="Stichting Elders")
        elders = ProgrammaFactory(naam="Elders", slug="elders", code="ELD", organisaties=[org])
        w["overdracht"] = services.overdracht_voorbereiden(
            deelnemer=w["deelnemer"], naar_programma=elders, scopes=["basis"], bericht="Verhuist.",
            gegeven_op=VANDAAG, wijze="mondeling", verklaring="Mondeling.", door=w["coach"])
    if naam == "beeindigen":
        services.uitstroom_vastleggen(traject=w["traject"], soort="uitgestapt", datum=dagen(10), resultaat="betaald_werk",
                                      afsluiten=False, door=w["coach"], gelezen_versie=w["traject"].versie)


@pytest.mark.parametrize("naam", sorted(EDIT_SCREENS))
def test_second_save_of_the_same_form_gets_the_conflict(naam, wereld):
    url_naam, args, (a, b), wijzig, stand = EDIT_SCREENS[naam]
    _voorbereiden(naam, wereld)
    url = reverse(url_naam, args=args(wereld))
    eerste, tweede = Client(), Client()
    eerste.force_login(wereld[a])
    tweede.force_login(wereld[b])
    # Both open the form and see the same version.
    data_a = post_data(eerste.get(url).context["form"])
    data_b = post_data(tweede.get(url).context["form"])
    assert data_a["gelezen_versie"] != "" and data_a["gelezen_versie"] == data_b["gelezen_versie"]
    wijzig(data_a)
    wijzig(data_b)
    if "roepnaam" in data_b:
        data_b["roepnaam"] = "Tweede versie"

    response = eerste.post(url, data_a)
    assert response.status_code == 302, response.content.decode()[:2000]
    na_eerste = stand(wereld) if stand else None

    response = tweede.post(url, data_b)
    html = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT in html, html[:3000]
    assert "Opgeslagen door iemand anders" in html
    if stand:
        assert stand(wereld) == na_eerste  # the first edit is kept


def test_every_edit_screen_is_covered():
    """Every URL pattern that edits an existing record by its pk or slug is in EDIT_SCREENS."""
    bewerkt = {"persoonsgegevens", "begeleiding", "intake", "contact_bewerken", "uitstroom", "beeindigen",
               "plan_bewerken", "plan_ondertekenen", "doel_bewerken", "doel_status", "verwijzing_bewerken",
               "verwijzing_status", "verwijzing_intake", "ketenpartner_bewerken", "contactpersoon_bewerken",
               "programma_bewerken", "programmajaar_bewerken", "contactafspraken", "juridische_route",
               "outreach_bewerken", "werkoverleg_bewerken", "werkoverleg_afspraak_bewerken",
               "werkoverleg_afspraak_afronden", "overdracht_intrekken"}
    namen = set()
    for patroon in get_resolver().url_patterns:
        for sub in getattr(patroon, "url_patterns", [patroon]):
            if getattr(sub, "name", None):
                namen.add(sub.name)
    verdacht = {n for n in namen if n.endswith(("_bewerken", "_status", "_wijzigen"))}
    assert verdacht <= bewerkt | {"gebruiker_bewerken"}, verdacht - bewerkt
    assert bewerkt == set(EDIT_SCREENS)
