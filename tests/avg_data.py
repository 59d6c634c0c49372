"""A full synthetic dossier with a marker string in every free-text field (for audit and AVG tests)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F

from clients.documents import document_aanmaken
from trajecten.models import (
    Contactmoment,
    Doel,
    DoelVoortgang,
    FaseOvergang,
    Intake,
    Meting,
    MetingScore,
    Terugkoppeling,
    Terugval,
    Traject,
    Trajectplan,
    Uitstroom,
    Verwijzing,
)
from tests.factories import KetenpartnerFactory
from uitstap.codes import Fase, IntakeBesluit, Leefgebied, UitstroomResultaat, UitstroomSoort

PDF = b"%PDF-1.4\n% synthetic\n%%EOF\n"


def vul_dossier(deelnemer, door, marker: str, *, einddatum=None, start=datetime.date(2024, 1, 10)):
    """Every kind of record for `deelnemer`, each free text containing `marker`. Returns the traject."""
    deelnemer.roepnaam = f"{marker}roep"[:100]
    deelnemer.voornamen = f"{marker}voor"
    deelnemer.achternaam = f"{marker}achter"
    deelnemer.bsn = "123456782"
    deelnemer.geboortedatum = datetime.date(1990, 5, 17)
    deelnemer.taal = f"{marker}taal"[:60]
    deelnemer.herkomstland = "RO"
    deelnemer.save()
    # One open traject per participant: a second dossier filling closes the first on its start day.
    Traject.objects.filter(deelnemer=deelnemer, einddatum__isnull=True).update(einddatum=F("aanmelddatum"))
    t = Traject.objects.create(deelnemer=deelnemer, aanmelddatum=start, verwijzer_toelichting=f"{marker} verwijzer")
    FaseOvergang.objects.create(traject=t, fase=Fase.CONTACT, datum=start, door=door)
    FaseOvergang.objects.create(traject=t, fase=Fase.ORIENTATIE, datum=start + datetime.timedelta(days=10),
                                reden=f"{marker} fasereden", door=door)
    Intake.objects.create(traject=t, datum=start + datetime.timedelta(days=10), hulpvraag=f"{marker} hulpvraag",
                          aanleiding=f"{marker} aanleiding", besluit=IntakeBesluit.values[0],
                          besluit_reden=f"{marker} besluit", verslaving=True, door=door)
    Contactmoment.objects.create(traject=t, datum=start + datetime.timedelta(days=12), duur_minuten=30,
                                 notitie=f"{marker} contactnotitie", door=door)
    meting = Meting.objects.create(traject=t, datum=start + datetime.timedelta(days=14), notitie=f"{marker} meting")
    MetingScore.objects.create(meting=meting, leefgebied=Leefgebied.HUISVESTING, score=4)
    plan = Trajectplan.objects.create(traject=t, volgnummer=1, opgesteld_op=start + datetime.timedelta(days=15),
                                      afspraken=f"{marker} afspraken")
    doel = Doel.objects.create(plan=plan, leefgebied=Leefgebied.HUISVESTING, omschrijving=f"{marker} doel",
                               indicator=f"{marker} indicator", realistisch=f"{marker} realistisch",
                               acceptabel_toelichting=f"{marker} eigen woorden")
    DoelVoortgang.objects.create(doel=doel, datum=start + datetime.timedelta(days=30), score=6,
                                 notitie=f"{marker} voortgang")
    partner = KetenpartnerFactory(programma=deelnemer.programma)
    verwijzing = Verwijzing.objects.create(traject=t, ketenpartner=partner, hulpvraag=f"{marker} soort hulp",
                                           verwezen=start + datetime.timedelta(days=20), reden=f"{marker} reden")
    Terugkoppeling.objects.create(verwijzing=verwijzing, datum=start + datetime.timedelta(days=25),
                                  notitie=f"{marker} terugkoppeling")
    uitstroom_datum = start + datetime.timedelta(days=200)
    Uitstroom.objects.create(traject=t, datum=uitstroom_datum, soort=UitstroomSoort.UITGESTAPT,
                             resultaat=UitstroomResultaat.OPLEIDING, toelichting=f"{marker} uitstroom")
    Terugval.objects.create(traject=t, datum=uitstroom_datum + datetime.timedelta(days=30),
                            toelichting=f"{marker} terugval")
    if einddatum:
        t.einddatum = einddatum
        t.save()
    document_aanmaken(deelnemer=deelnemer, door=door, omschrijving=f"{marker} omschrijving",
                       bestand=SimpleUploadedFile(f"{marker}.pdf", PDF + marker.encode()))
    return t
