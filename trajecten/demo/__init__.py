"""The demo data of seed_demo, as an explicit ordered list of steps after the participants.

Each step is `fn(rng=, fake=, vandaag=, kern=, deelnemers=)` and writes through the services.
"""

from trajecten.demo.deelnemers import seed_deelnemers
from trajecten.demo.documenten import seed_documenten
from trajecten.demo.leefsituatie import seed_leefsituatie
from trajecten.demo.overdracht import seed_overdracht
from trajecten.demo.plannen import seed_plannen
from trajecten.demo.toestemmingen import seed_toestemmingen
from trajecten.demo.veilig import seed_veilig_registreren
from trajecten.demo.verwijzingen import seed_verwijzingen
from trajecten.demo.werkoverleg import seed_werkoverleg

# In this order: plans need the trajecten, referrals the plans' goals, documents the signed plans; then the
# situations over time, the consents, the werkoverleggen with Almere, and safe contact, legal route, outreach,
# a duplicate, an English convenant; last a second programme and one overdracht to it, pending.
STAPPEN = (seed_plannen, seed_verwijzingen, seed_documenten, seed_leefsituatie, seed_toestemmingen, seed_werkoverleg,
           seed_veilig_registreren, seed_overdracht)


def seed(*, rng, fake, vandaag, kern, aantal: int) -> list:
    """Participants first, then every step; returns the participants."""
    deelnemers = seed_deelnemers(rng=rng, fake=fake, vandaag=vandaag, kern=kern, aantal=aantal)
    for stap in STAPPEN:
        stap(rng=rng, fake=fake, vandaag=vandaag, kern=kern, deelnemers=deelnemers)
    return deelnemers
