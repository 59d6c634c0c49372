"""Routes of the trajecten app: the caseload, the dossier and its tabs, the actions on a traject, the sociale kaart."""

from django.urls import path

from trajecten.views import (
    avg, caseload, documenten, dossier, gemeente, leefsituatie, outreach, overdracht, plan, toestemming, traject, veiligheid,
    verwijzing,
)

app_name = "trajecten"

urlpatterns = [
    path("caseload/", caseload.caseload, name="caseload"),
    path("deelnemers/", caseload.deelnemers, name="deelnemers"),
    path("aandacht/", caseload.coordinator_start, name="coordinator_start"),
    path("deelnemers/nieuw/", traject.deelnemer_nieuw, name="deelnemer_nieuw"),
    path("deelnemers/<int:pk>/", dossier.dossier, name="dossier"),
    path("deelnemers/<int:pk>/contacten/", dossier.contacten, name="contacten"),
    path("deelnemers/<int:pk>/gegevens/", traject.persoonsgegevens, name="persoonsgegevens"),
    path("deelnemers/<int:pk>/begeleiding/", traject.begeleiding, name="begeleiding"),
    path("deelnemers/<int:pk>/traject/nieuw/", traject.traject_nieuw, name="traject_nieuw"),
    path("trajecten/<int:traject_pk>/fase/", traject.fase, name="fase"),
    path("trajecten/<int:traject_pk>/intake/", traject.intake, name="intake"),
    path("trajecten/<int:traject_pk>/intake/gesprek/", traject.intakegesprek_nieuw, name="intakegesprek_nieuw"),
    path("trajecten/<int:traject_pk>/contact/", traject.contact_nieuw, name="contact_nieuw"),
    path("trajecten/<int:traject_pk>/uitstroom/", traject.uitstroom, name="uitstroom"),
    path("trajecten/<int:traject_pk>/afsluiten/", traject.beeindigen, name="beeindigen"),
    path("trajecten/<int:traject_pk>/terugval/", traject.terugval, name="terugval"),
    path("contacten/<int:contact_pk>/", traject.contact_bewerken, name="contact_bewerken"),
    path("contacten/<int:contact_pk>/foutief/", traject.contact_foutief, name="contact_foutief"),
    # the leefsituatie tab: situation over time and the checks after an exit
    path("deelnemers/<int:pk>/leefsituatie/", leefsituatie.leefsituatie, name="leefsituatie"),
    path("trajecten/<int:traject_pk>/leefsituatie/", leefsituatie.leefsituatie_nieuw, name="leefsituatie_nieuw"),
    path("trajecten/<int:traject_pk>/nacontrole/", leefsituatie.nacontrole_nieuw, name="nacontrole_nieuw"),
    # the trajectplan tab, metingen and goals
    path("deelnemers/<int:pk>/trajectplan/", plan.trajectplan, name="trajectplan"),
    path("deelnemers/<int:pk>/trajectplan/<int:plan_pk>/pdf/", plan.plan_pdf, name="plan_pdf"),
    path("deelnemers/<int:pk>/trajectplan/<int:plan_pk>/voorbeeld/", plan.plan_pdf_voorbeeld,
         name="plan_pdf_voorbeeld"),
    path("trajecten/<int:traject_pk>/meting/", plan.meting_nieuw, name="meting_nieuw"),
    path("trajecten/<int:traject_pk>/trajectplan/nieuw/", plan.plan_nieuw, name="plan_nieuw"),
    path("trajectplannen/<int:plan_pk>/afspraken/", plan.plan_bewerken, name="plan_bewerken"),
    path("trajectplannen/<int:plan_pk>/ondertekenen/", plan.ondertekenen, name="plan_ondertekenen"),
    path("trajectplannen/<int:plan_pk>/nieuwe-versie/", plan.nieuwe_versie, name="plan_nieuwe_versie"),
    path("trajectplannen/<int:plan_pk>/doel/", plan.doel_nieuw, name="doel_nieuw"),
    path("doelen/<int:doel_pk>/", plan.doel_bewerken, name="doel_bewerken"),
    path("doelen/<int:doel_pk>/verwijderen/", plan.doel_verwijderen, name="doel_verwijderen"),
    path("doelen/<int:doel_pk>/subdoel/", plan.subdoel_nieuw, name="subdoel_nieuw"),
    path("doelen/<int:doel_pk>/voortgang/", plan.voortgang_nieuw, name="voortgang_nieuw"),
    path("doelen/<int:doel_pk>/status/", plan.doel_status, name="doel_status"),
    # referrals and the sociale kaart
    path("deelnemers/<int:pk>/verwijzingen/", verwijzing.verwijzingen, name="verwijzingen"),
    path("trajecten/<int:traject_pk>/verwijzen/", verwijzing.verwijzing_nieuw, name="verwijzing_nieuw"),
    path("verwijzingen/<int:pk>/", verwijzing.verwijzing_bewerken, name="verwijzing_bewerken"),
    path("verwijzingen/<int:pk>/status/", verwijzing.verwijzing_status, name="verwijzing_status"),
    path("verwijzingen/<int:pk>/intake/", verwijzing.verwijzing_intake, name="verwijzing_intake"),
    path("verwijzingen/<int:pk>/terugkoppeling/", verwijzing.terugkoppeling_nieuw, name="terugkoppeling_nieuw"),
    path("sociale-kaart/", verwijzing.sociale_kaart, name="sociale_kaart"),
    path("sociale-kaart/nieuw/", verwijzing.ketenpartner_nieuw, name="ketenpartner_nieuw"),
    path("sociale-kaart/<int:pk>/", verwijzing.ketenpartner_detail, name="ketenpartner_detail"),
    path("sociale-kaart/<int:pk>/bewerken/", verwijzing.ketenpartner_bewerken, name="ketenpartner_bewerken"),
    path("sociale-kaart/<int:pk>/goedkeuren/", verwijzing.ketenpartner_goedkeuren, name="ketenpartner_goedkeuren"),
    path("sociale-kaart/<int:pk>/afwijzen/", verwijzing.ketenpartner_afwijzen, name="ketenpartner_afwijzen"),
    path("sociale-kaart/<int:pk>/actief/", verwijzing.ketenpartner_actief, name="ketenpartner_actief"),
    path("sociale-kaart/<int:pk>/contactpersonen/nieuw/", verwijzing.contactpersoon_nieuw, name="contactpersoon_nieuw"),
    path("contactpersonen/<int:pk>/", verwijzing.contactpersoon_bewerken, name="contactpersoon_bewerken"),
    # safe contact and the legal route
    path("deelnemers/<int:pk>/veiligheid/", veiligheid.veiligheid, name="veiligheid"),
    path("deelnemers/<int:pk>/contactafspraken/", veiligheid.contactafspraken_bewerken, name="contactafspraken"),
    path("deelnemers/<int:pk>/juridische-route/", veiligheid.juridische_route_bewerken, name="juridische_route"),
    # the outreach register
    path("outreach/", outreach.outreach, name="outreach"),
    path("outreach/nieuw/", outreach.outreach_nieuw, name="outreach_nieuw"),
    path("outreach/<int:pk>/", outreach.outreach_bewerken, name="outreach_bewerken"),
    path("outreach/locaties/nieuw/", outreach.outreach_locatie_nieuw, name="outreach_locatie_nieuw"),
    # documents and the AVG screens
    path("deelnemers/<int:pk>/documenten/", documenten.documenten, name="documenten"),
    path("deelnemers/<int:pk>/documenten/<int:document_pk>/download/", documenten.document_download,
         name="document_download"),
    path("deelnemers/<int:pk>/ingezien/", avg.ingezien, name="ingezien"),
    path("deelnemers/<int:pk>/inzage/", avg.inzage, name="avg_inzage"),
    path("deelnemers/<int:pk>/wissen/", avg.wissen, name="avg_wissen"),
    # consent on the dossier, and the klantmanager's own pages
    path("deelnemers/<int:pk>/toestemmingen/", toestemming.toestemmingen, name="toestemmingen"),
    path("deelnemers/<int:pk>/toestemmingen/nieuw/", toestemming.toestemming_nieuw, name="toestemming_nieuw"),
    path("toestemmingen/<int:toestemming_pk>/verlengen/", toestemming.toestemming_verlengen, name="toestemming_verlengen"),
    path("toestemmingen/<int:toestemming_pk>/intrekken/", toestemming.toestemming_intrekken, name="toestemming_intrekken"),
    path("signalen/<int:signaal_pk>/afsluiten/", toestemming.signaal_afsluiten, name="signaal_afsluiten"),
    path("gemeente/gedeeld/", gemeente.gemeente_start, name="gemeente_start"),
    path("gemeente/deelnemers/<int:pk>/", gemeente.gemeente_deelnemer, name="gemeente_deelnemer"),
    # the warm handover to another programme: A's dossier, B's coordinator, B's dossier
    path("deelnemers/<int:pk>/overdracht/nieuw/", overdracht.overdracht_nieuw, name="overdracht_nieuw"),
    path("deelnemers/<int:pk>/overdracht/", overdracht.overdracht_ontvangen, name="overdracht_ontvangen"),
    path("overdrachten/", overdracht.overdrachten, name="overdrachten"),
    path("overdrachten/<int:overdracht_pk>/", overdracht.overdracht_beoordelen, name="overdracht_beoordelen"),
    path("overdrachten/<int:overdracht_pk>/accepteren/", overdracht.overdracht_accepteren, name="overdracht_accepteren"),
    path("overdrachten/<int:overdracht_pk>/afwijzen/", overdracht.overdracht_afwijzen, name="overdracht_afwijzen"),
    path("overdrachten/<int:overdracht_pk>/intrekken/", overdracht.overdracht_intrekken, name="overdracht_intrekken"),
]
