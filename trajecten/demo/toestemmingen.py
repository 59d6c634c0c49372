"""Demo consents: participants sharing with Almere under different scopes (one expiring soon, one expired, one
withdrawn), a klantmanager for Lelystad with one shared participant, and a signal from Almere."""

import datetime

from clients import services as client_services
from clients.models import Scope, Toestemming
from uitstap.codes import Rol
from uitstap.demo import demo_wachtwoord
from uitstap.models import Gebruiker

VERKLARING = "Mondeling gegeven in het gesprek; uitgelegd wat de gemeente ziet en dat intrekken altijd kan."


def _geef(deelnemer, gemeente, scopes, gegeven_op, geldig_tot=None):
    return client_services.toestemming_vastleggen(
        deelnemer=deelnemer, gemeente=gemeente, scopes=scopes, tekstversie="2026-1", gegeven_op=gegeven_op,
        geldig_tot=geldig_tot, wijze=Toestemming.Wijze.MONDELING, verklaring=VERKLARING, door=deelnemer.begeleider,
    )


def seed_toestemmingen(*, rng, fake, vandaag: datetime.date, kern, deelnemers) -> None:
    almere, lelystad = kern["gemeenten"]["Almere"], kern["gemeenten"]["Lelystad"]
    km_lelystad = Gebruiker(username="klantmanager_lelystad", first_name="Ilse", last_name="Hoekstra",
                            rol=Rol.KLANTMANAGER, gemeente=lelystad, email="klantmanager_lelystad@example.org")
    km_lelystad.set_password(demo_wachtwoord())
    km_lelystad.save()
    met_coach = [d for d in deelnemers if d.begeleider_id and d.gewist_op is None]
    if len(met_coach) < 8:
        return
    B, W, T, G = Scope.BASIS, Scope.WERK_INKOMEN, Scope.TRAJECTPLAN, Scope.GEVOELIG
    dag = datetime.timedelta(days=1)
    _geef(met_coach[0], almere, [B], vandaag - 20 * dag)
    _geef(met_coach[1], almere, [B, W], vandaag - 60 * dag)
    _geef(met_coach[2], almere, [B, W, T], vandaag - 100 * dag)
    _geef(met_coach[3], almere, [B, W, G], vandaag - 30 * dag)
    _geef(met_coach[4], almere, [B, W], vandaag - 345 * dag)  # ends within a month: a caseload signal
    _geef(met_coach[5], almere, [B, W], vandaag - 400 * dag, vandaag - 35 * dag)  # expired
    ingetrokken = _geef(met_coach[6], almere, [B, T], vandaag - 90 * dag)
    client_services.toestemming_intrekken(toestemming=ingetrokken, reden="Wil het zelf met de gemeente regelen.",
                                          gelezen_versie=ingetrokken.versie, door=met_coach[6].begeleider)
    _geef(met_coach[7], lelystad, [B, W], vandaag - 10 * dag)
    client_services.signaal_aanmaken(deelnemer=met_coach[1], tekst="Plek bij werkfit-traject vrij vanaf volgende maand.",
                                     door=kern["gebruikers"]["klantmanager"])
