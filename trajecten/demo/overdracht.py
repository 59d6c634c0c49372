"""Demo overdracht: one warm handover from Flevoland to the second demo programme (Haaglanden, another organisation,
made by the leefsituatie step), waiting for the decision of its coordinator (added here, with a coach)."""

import datetime

from clients.models import Scope, Toestemming
from trajecten import services
from trajecten.selectors.overdracht import open_traject_van
from uitstap.codes import Rol
from uitstap.demo import demo_wachtwoord
from uitstap.models import Gebruiker, Programma

VERKLARING = "Mondeling gegeven; samen doorgenomen wat er meegaat naar Den Haag en dat intrekken altijd kan."
BERICHT = ("Verhuist eind van de maand naar Den Haag, bij haar zus. Ze wil haar werktraject daar voortzetten en "
           "vraagt om een kennismaking met de nieuwe trajectbegeleider. Bereikbaar via mij tot de overdracht.")


def seed_overdracht(*, rng, fake, vandaag: datetime.date, kern, deelnemers) -> None:
    # No random draws here: the steps before keep their sequence, so the pinned demo stays the same.
    programma = Programma.objects.filter(slug="haaglanden").first()
    if programma is None:
        return
    organisatie = programma.organisaties.order_by("pk").first()
    for username, first, last, rol in [
        ("coordinator_haaglanden", "Esther", "van Dijk", Rol.COORDINATOR),
        ("begeleider_haaglanden", "Noor", "Hendriks", Rol.TRAJECTBEGELEIDER),
    ]:
        user = Gebruiker(username=username, first_name=first, last_name=last, rol=rol, organisatie=organisatie,
                         email=f"{username}@example.org")
        user.set_password(demo_wachtwoord())
        user.save()
    # A participant in uitvoering with a coach, not one of the gemeente-consent examples.
    for deelnemer in deelnemers[12:]:
        traject = open_traject_van(deelnemer) if deelnemer.begeleider_id and deelnemer.gewist_op is None else None
        if traject is not None and traject.fase_overgangen.filter(fase="uitvoering").exists():
            services.overdracht_voorbereiden(
                deelnemer=deelnemer, naar_programma=programma, scopes=[Scope.BASIS, Scope.WERK_INKOMEN],
                bericht=BERICHT, gegeven_op=vandaag - datetime.timedelta(days=3), wijze=Toestemming.Wijze.MONDELING,
                verklaring=VERKLARING, door=deelnemer.begeleider,
            )
            return
