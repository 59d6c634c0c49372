"""The writes of the core: `from uitstap import services`."""

from uitstap.services.programma import (  # noqa: F401
    programma_wijzigen,
    programmajaar_wijzigen,
)
from uitstap.services.kaart import (  # noqa: F401
    ketenpartner_aanmaken,
    ketenpartner_voorstellen,
    ketenpartner_wijzigen,
    ketenpartner_goedkeuren,
    ketenpartner_voorstel_afwijzen,
    contactpersoon_aanmaken,
    contactpersoon_wijzigen,
    KETENPARTNER_VELDEN,
    CONTACTPERSOON_VELDEN,
)
from uitstap.services.accounts import (  # noqa: F401
    sessies_beeindigen,
    wachtwoordlink,
    gebruiker_aanmaken,
    wachtwoordlink_versturen,
    wachtwoordlink_aanvragen,
    gebruiker_wijzigen,
    gebruiker_deactiveren,
    blokkade_opheffen,
    geblokkeerde_gebruikersnamen,
    accountverzoek_indienen,
    mag_goedkeuren,
    accountverzoeken_voor,
    accountverzoek_goedkeuren,
    accountverzoek_afwijzen,
    GELDIGHEID,
    HOGE_ROLLEN,
    DOSSIER_ROLLEN,
)
from uitstap.services.criteria import (  # noqa: F401
    toelatingscriterium_aanmaken,
    toelatingscriterium_actief_wijzigen,
    VELDEN,
)
