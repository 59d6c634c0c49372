"""Trajectplan screens and the convenant PDF: content, access (other coach = 404), CSP-safe charts, audit PRINT."""

import datetime
import re

import pytest
from django.urls import reverse

from trajecten import services
from trajecten.models import Doel, Meting, Trajectplan
from trajecten.selectors import plan_pdf_context
from uitstap.models import AuditEvent
from uitstap.pdf import render_pdf
from uitstap.forms import CONFLICT

VANDAAG_PER_TEST = True  # tests/conftest.py sets VANDAAG to today before every test (never at import time)
VANDAAG = None


def dagen(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(200), door=coach)


@pytest.fixture
def plan(traject, coach):
    plan = services.trajectplan_opstellen(traject=traject, opgesteld_op=dagen(150), door=coach,
                                               afspraken="Afmelden uiterlijk een dag van tevoren.")
    hoofd = services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "financien", "omschrijving": "Betalingsregeling met de belastingdienst",
        "indicator": "Getekende regeling", "acceptabel": True, "acceptabel_toelichting": "Dan slaap ik weer",
        "streefdatum": dagen(10), "startscore": 3, "doelscore": 7})
    services.subdoel_aanmaken(ouder=hoofd, door=coach, data={
        "omschrijving": "Aanvraag schuldhulp indienen", "indicator": "Verstuurd", "streefdatum": dagen(60)})
    services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "werk_dagbesteding", "omschrijving": "Vrijwilligerswerk in de buurt", "indicator": "Twee dagdelen per week",
        "acceptabel": True, "streefdatum": dagen(-90)})
    for d, scores in ((dagen(140), {"huisvesting": 3, "financien": 2, "werk_dagbesteding": 2, "zingeving": 4}),
                      (dagen(20), {"huisvesting": 6, "financien": 5, "werk_dagbesteding": 5, "zingeving": 6})):
        services.meting_vastleggen(traject=traject, datum=d, scores=scores, door=coach)
    return plan


def test_tab_shows_goals_per_leefgebied_overdue_radar_and_table(login, coach, deelnemer, plan):
    response = login(coach).get(reverse("trajecten:trajectplan", args=[deelnemer.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Financiën" in html and "Werk en dagbesteding" in html
    assert "Betalingsregeling met de belastingdienst" in html and "Aanvraag schuldhulp indienen" in html
    assert "Streefdatum verstreken" in html and "doel-verlopen" in html
    assert "1 doel over de streefdatum" in html
    assert 'src="data:image/svg+xml;base64,' in html and "Radargrafiek" in html
    assert "meting-tabel meting-historie" in html
    for knop in ("Meting toevoegen", "Doel toevoegen", "Ondertekenen", "Print voor ondertekening"):
        assert knop in html
    # CSP: no inline style attributes and no inline scripts without a nonce in the page.
    assert not re.search(r'\sstyle="', html)
    assert not re.search(r"<svg", html)


def test_tab_reads_each_thing_once(login, coach, deelnemer, traject, plan, settings):
    """The plan tab loads the metingen once for the table, the history and the radar (meting_tabel_van gives
    what meting_tabel reads itself) and the current plan with the versions; a first version has no earlier
    goals or copies to look up."""
    from tests.trajecten.test_dossier_queries import _queries

    settings.AUDIT_VERZEGEL_INTERVAL = 10**9  # PostgreSQL: the seal after the commit is not the page's work
    from trajecten.selectors import meting_historie, meting_tabel, meting_tabel_van

    services.meting_vastleggen(traject=traject, datum=dagen(5), scores={"huisvesting": 8, "veiligheid": 4}, door=coach)
    assert meting_tabel_van(meting_historie(traject)) == meting_tabel(traject)
    doel = plan.doelen.filter(ouder__isnull=True).first()
    services.voortgang_vastleggen(doel=doel, datum=dagen(3), score=5, notitie="", door=coach)
    client = login(coach)
    url = reverse("trajecten:trajectplan", args=[deelnemer.pk])
    assert _queries(client, url) == 11
    assert "Voortgang (1)" in client.get(url).content.decode()
    Trajectplan.objects.filter(pk=plan.pk).update(status="actief", ondertekend_deelnemer_op=dagen(140),
                                                  ondertekend_begeleider_op=dagen(140))
    services.trajectplan_nieuwe_versie(plan=Trajectplan.objects.get(pk=plan.pk), opgesteld_op=dagen(2), door=coach)
    assert _queries(client, url) == 13  # and the finished goals of version 1, and the copies' originals
    html = client.get(url).content.decode()
    assert "Voortgang (1)" in html and "Versie 2" in html  # the copy shows its original's progress


def test_signed_plan_offers_new_version_not_edit(login, coach, deelnemer, plan):
    services.trajectplan_ondertekenen(plan=plan, ondertekend_deelnemer_op=dagen(140),
                                           ondertekend_begeleider_op=dagen(140), door=coach, gelezen_versie=plan.versie)
    html = login(coach).get(reverse("trajecten:trajectplan", args=[deelnemer.pk])).content.decode()
    assert "Nieuwe versie" in html and "Actief (ondertekend)" in html
    assert reverse("trajecten:doel_nieuw", args=[plan.pk]) not in html
    assert "Voortgang vastleggen" in html


def test_pdf_html_and_bytes(plan, programma):
    plan = Trajectplan.objects.select_related("traject__deelnemer__programma").get(pk=plan.pk)
    html, pdf = render_pdf("trajecten/pdf/plan.html", plan_pdf_context(plan))
    assert pdf.startswith(b"%PDF")
    deelnemer = plan.traject.deelnemer
    for tekst in ("Uitstapprogramma Test", deelnemer.clientcode, deelnemer.roepnaam, "Financiën", "Werk en dagbesteding",
                  "Betalingsregeling met de belastingdienst", "Aanvraag schuldhulp indienen",
                  "Afmelden uiterlijk een dag van tevoren.", "Handtekening", "Trajectbegeleider"):
        assert tekst in html
    assert "data:image/svg+xml;base64," in html


def test_legal_name_only_when_the_programme_allows_it(plan, programma, deelnemer):
    deelnemer.voornamen, deelnemer.achternaam = "Maria Johanna", "Testachternaam"
    deelnemer.save()
    plan = Trajectplan.objects.select_related("traject__deelnemer__programma").get(pk=plan.pk)
    html, _ = render_pdf("trajecten/pdf/plan.html", plan_pdf_context(plan))
    assert "Testachternaam" not in html
    programma.wettelijke_naam_op_pdf = True
    programma.save()
    plan = Trajectplan.objects.select_related("traject__deelnemer__programma").get(pk=plan.pk)
    html, _ = render_pdf("trajecten/pdf/plan.html", plan_pdf_context(plan))
    assert "Testachternaam" in html


def test_pdf_download_is_an_attachment_and_logged_as_print(login, coach, deelnemer, plan):
    response = login(coach).get(reverse("trajecten:plan_pdf", args=[deelnemer.pk, plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")
    event = AuditEvent.objects.filter(actie="print").latest("id")
    assert (event.clientcode, event.object_type, event.gebruiker) == (deelnemer.clientcode, "trajectplan", coach)


def test_pdf_of_a_plan_of_another_participant_is_404(login, coach, deelnemer, ander_deelnemer, coach3, plan):
    t = services.traject_starten(deelnemer=ander_deelnemer, aanmelddatum=dagen(50), door=coach3)
    ander_plan = services.trajectplan_opstellen(traject=t, opgesteld_op=dagen(40), door=coach3)
    # Own participant in the URL, someone else's plan id: still 404.
    assert login(coach).get(reverse("trajecten:plan_pdf", args=[deelnemer.pk, ander_plan.pk])).status_code == 404


@pytest.mark.parametrize("naam", ["trajectplan", "plan_pdf"])
def test_another_coach_gets_404_on_tab_and_pdf(login, coach3, deelnemer, plan, naam):
    args = [deelnemer.pk] if naam == "trajectplan" else [deelnemer.pk, plan.pk]
    response = login(coach3).get(reverse(f"trajecten:{naam}", args=args))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(actie="denied", clientcode="", object_type="deelnemer", object_id=str(deelnemer.pk)).exists()


def test_another_coach_gets_404_on_every_plan_action(login, coach3, deelnemer, traject, plan):
    doel = plan.doelen.filter(ouder__isnull=True).first()
    client = login(coach3)
    urls = [
        reverse("trajecten:meting_nieuw", args=[traject.pk]),
        reverse("trajecten:plan_nieuw", args=[traject.pk]),
        reverse("trajecten:plan_bewerken", args=[plan.pk]),
        reverse("trajecten:plan_ondertekenen", args=[plan.pk]),
        reverse("trajecten:plan_nieuwe_versie", args=[plan.pk]),
        reverse("trajecten:doel_nieuw", args=[plan.pk]),
        reverse("trajecten:doel_bewerken", args=[doel.pk]),
        reverse("trajecten:subdoel_nieuw", args=[doel.pk]),
        reverse("trajecten:voortgang_nieuw", args=[doel.pk]),
        reverse("trajecten:doel_status", args=[doel.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"datum": dagen(1)}).status_code == 404, url


def test_achtervang_may_see_the_plan(login, coach2, deelnemer, plan):
    assert login(coach2).get(reverse("trajecten:trajectplan", args=[deelnemer.pk])).status_code == 200


def test_goal_form_refuses_goal_without_indicator_and_keeps_input(login, coach, deelnemer, plan):
    response = login(coach).post(reverse("trajecten:doel_nieuw", args=[plan.pk]), {
        "leefgebied": "huisvesting", "omschrijving": "Eigen huurwoning", "indicator": "", "acceptabel": "ja",
        "streefdatum": "",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zonder meetbare aanwijzing kan het doel niet worden opgeslagen." in html
    assert "wanneer wil de deelnemer dit bereikt hebben" in html
    assert "Eigen huurwoning" in html
    assert not Doel.objects.filter(omschrijving="Eigen huurwoning").exists()


def test_meting_form_refuses_score_11(login, coach, traject, deelnemer):
    response = login(coach).post(reverse("trajecten:meting_nieuw", args=[traject.pk]), {
        "datum": dagen(1).isoformat(), "score_huisvesting": "11"})
    assert response.status_code == 200
    assert "maximaal 10" in response.content.decode()
    assert not Meting.objects.exists()


def test_meting_form_saves_and_redirects_to_tab(login, coach, traject, deelnemer):
    response = login(coach).post(reverse("trajecten:meting_nieuw", args=[traject.pk]), {
        "datum": dagen(1).isoformat(), "score_huisvesting": "4", "score_zingeving": "7", "notitie": "Eerste meting"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("trajecten:trajectplan", args=[deelnemer.pk]))
    assert dict(Meting.objects.get().scores.values_list("leefgebied", "score")) == {"huisvesting": 4, "zingeving": 7}


def test_full_cycle_through_the_screens(login, coach, deelnemer, traject, plan):
    client = login(coach)
    doel = plan.doelen.get(leefgebied="werk_dagbesteding")
    # Sign through the confirmation page.
    r = client.post(reverse("trajecten:plan_ondertekenen", args=[plan.pk]), {
        "ondertekend_deelnemer_op": dagen(140).isoformat(), "ondertekend_begeleider_op": dagen(139).isoformat(),
        "gelezen_versie": plan.versie})
    assert r.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "actief" and plan.ondertekend_op == dagen(139)
    # Follow-up on the signed plan: progress and a reached goal.
    r = client.post(reverse("trajecten:voortgang_nieuw", args=[doel.pk]), {
        "datum": dagen(30).isoformat(), "score": "5", "notitie": "Eerste dag bij het buurthuis."})
    assert r.status_code == 302
    doel.refresh_from_db()
    r = client.post(reverse("trajecten:doel_status", args=[doel.pk]), {
        "status": "behaald", "behaald_op": dagen(2).isoformat(), "gelezen_versie": doel.versie})
    assert r.status_code == 302
    doel.refresh_from_db()
    assert (doel.status, doel.behaald_op) == ("behaald", dagen(2))
    # Editing the signed version is refused; a new version copies the open goal only.
    r = client.post(reverse("trajecten:doel_nieuw", args=[plan.pk]), {
        "leefgebied": "zingeving", "omschrijving": "x", "indicator": "y", "acceptabel": "ja",
        "streefdatum": dagen(-30).isoformat()})
    assert r.status_code == 200 and "kan niet meer worden gewijzigd" in r.content.decode()
    r = client.post(reverse("trajecten:plan_nieuwe_versie", args=[plan.pk]), {"opgesteld_op": dagen(1).isoformat()})
    assert r.status_code == 302
    nieuw = Trajectplan.objects.get(traject=traject, volgnummer=2)
    assert list(nieuw.doelen.filter(ouder__isnull=True).values_list("leefgebied", flat=True)) == ["financien"]
    html = client.get(reverse("trajecten:trajectplan", args=[deelnemer.pk])).content.decode()
    assert "Trajectplan versie 2" in html and "Afgeronde doelen uit eerdere versies" in html
    assert "Versie 1 geldt tot deze versie is ondertekend." in html


def test_remove_a_goal_from_a_concept_after_confirmation(login, coach, deelnemer, plan):
    doel = plan.doelen.get(leefgebied="financien", ouder__isnull=True)
    client = login(coach)
    url = reverse("trajecten:doel_verwijderen", args=[doel.pk])
    r = client.get(url)
    assert r.status_code == 200 and "Aanvraag schuldhulp indienen" in r.content.decode()  # the sub-goal goes too
    assert Doel.objects.filter(pk=doel.pk).exists()
    r = client.post(url)
    assert r.status_code == 302
    assert not Doel.objects.filter(plan=plan, leefgebied="financien").exists()
    assert AuditEvent.objects.filter(actie="delete", object_type="doel").count() == 2


def test_edit_goal_with_a_stale_version_reports_a_conflict(login, coach, plan):
    doel = plan.doelen.get(leefgebied="werk_dagbesteding")
    client = login(coach)
    data = {"leefgebied": "werk_dagbesteding", "omschrijving": "Vrijwilligerswerk", "indicator": "Contract",
            "acceptabel": "ja", "streefdatum": dagen(-60).isoformat(), "gelezen_versie": str(doel.versie)}
    assert client.post(reverse("trajecten:doel_bewerken", args=[doel.pk]), data).status_code == 302
    r = client.post(reverse("trajecten:doel_bewerken", args=[doel.pk]), {**data, "omschrijving": "Anders"})
    assert r.status_code == 200 and CONFLICT in r.content.decode()
    doel.refresh_from_db()
    assert doel.omschrijving == "Vrijwilligerswerk"
