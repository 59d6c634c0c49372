"""Demo werkoverleggen with Almere: one held six weeks ago with afspraken (some done, one still open that
carries over to the next agenda) and one planned in two weeks. Runs after the consents step."""

import datetime

from clients.models import Scope
from clients.selectors import toestemmingen_geldig
from trajecten import services


def seed_werkoverleg(*, rng, fake, vandaag: datetime.date, kern, deelnemers) -> None:
    almere = kern["gemeenten"]["Almere"]
    coordinator, klantmanager = kern["gebruikers"]["coordinator"], kern["gebruikers"]["klantmanager"]
    programma = kern["programma"]
    dag = datetime.timedelta(days=1)
    geweest = vandaag - 42 * dag
    gedeeld = {t.deelnemer_id: t for t in toestemmingen_geldig(gemeente=almere, vandaag=geweest)
               .filter(deelnemer__in=[d.pk for d in deelnemers]).order_by("id")}
    op_agenda = [d for d in deelnemers if d.pk in gedeeld and Scope.WERK_INKOMEN in gedeeld[d.pk].scopes]
    if len(op_agenda) < 2:
        return
    coaches = sorted({d.begeleider.get_full_name() for d in op_agenda if d.begeleider_id})
    aanwezigen = "\n".join([f"{klantmanager.get_full_name()} – klantmanager gemeente Almere",
                            f"{coordinator.get_full_name()} – coördinator"]
                           + [f"{naam} – trajectbegeleider" for naam in coaches])
    eerste = services.werkoverleg_plannen(programma=programma, gemeente=almere, datum=geweest, aanwezigen=aanwezigen,
                                          door=coordinator)
    a, b = op_agenda[0], op_agenda[1]
    werkfit = services.werkoverleg_afspraak_vastleggen(
        werkoverleg=eerste, deelnemer=a, wat="Aanmelden voor het werkfit-traject van de gemeente.",
        eigenaar="klantmanager", deadline=geweest + 14 * dag, door=coordinator)
    services.werkoverleg_afspraak_afronden(afspraak=werkfit, afgerond_op=geweest + 9 * dag,
                                           gelezen_versie=werkfit.versie, door=klantmanager)
    uwv = services.werkoverleg_afspraak_vastleggen(
        werkoverleg=eerste, deelnemer=b, wat="Afspraak maken bij het spreekuur van het Werkplein.",
        eigenaar="trajectbegeleider", deadline=geweest + 7 * dag, door=coordinator)
    services.werkoverleg_afspraak_afronden(afspraak=uwv, afgerond_op=geweest + 5 * dag, gelezen_versie=uwv.versie,
                                           door=coordinator)
    # Still open: it returns on the next agenda.
    services.werkoverleg_afspraak_vastleggen(
        werkoverleg=eerste, deelnemer=b, wat="Uitzoeken of bijzondere bijstand voor de inrichting van de woning kan.",
        eigenaar="klantmanager", deadline=geweest + 28 * dag, door=coordinator)
    services.werkoverleg_plannen(programma=programma, gemeente=almere, datum=vandaag + 14 * dag,
                                 aanwezigen=aanwezigen, door=klantmanager)
