"""seed_demo's issue-19 step: a likely duplicate, arrangements of several kinds, a bedenktijd ending next week,
a month of outreach with a linked aanmelding, and an English convenant."""

import datetime

import pytest
from django.core.management import call_command

from clients.models import Contactafspraak, Deelnemer, JuridischeRoute
from clients.selectors import mogelijke_duplicaten
from trajecten import selectors
from trajecten.models import OutreachActie, Traject
from uitstap.models import AuditEvent, Gebruiker, Programma


@pytest.mark.django_db
def test_seed_demo_has_the_issue_19_situations():
    call_command("seed_demo", deelnemers=30, seed=5, force_demo=True)
    vandaag = datetime.date.today()
    p = Programma.objects.get(slug="flevoland")
    assert Contactafspraak.objects.values("deelnemer").distinct().count() >= 4
    assert Contactafspraak.objects.filter(huisbezoek="nee").exists() and Contactafspraak.objects.filter(bellen="nee").exists()
    route = JuridischeRoute.objects.get(bedenktijd_eind=vandaag + datetime.timedelta(days=6))
    coach = route.deelnemer.begeleider
    rij = selectors.caseload(coach).get(pk=route.deelnemer_id)
    assert any(s.tekst.startswith("Bedenktijd eindigt over 6 dagen") and s.ernst == "danger"
               for s in selectors.signalen_voor(rij))
    acties = OutreachActie.objects.filter(programma=p)
    assert acties.count() == 10 and min(a.datum for a in acties) >= vandaag - datetime.timedelta(days=30)
    assert Traject.objects.filter(outreach_actie__isnull=False).count() == 1
    # the likely duplicate: begeleider1 registering "Mirela" again is warned about her own participant
    r = mogelijke_duplicaten(Gebruiker.objects.get(username="begeleider1"), programma=p, roepnaam="Mirela",
                             geboortejaar=1998, herkomstland="RO")
    assert len(r.zichtbaar) == 1 and r.buiten_beeld
    assert AuditEvent.objects.filter(object_type="duplicaat_ander_persoon").count() == 1
    assert Deelnemer.objects.filter(documenttaal="en").count() == 1
    assert Deelnemer.objects.get(documenttaal="en").trajecten.filter(plannen__isnull=False).exists()
