"""The writes of the trajecten app: `from trajecten import services` is the public API."""

from trajecten.services import regels  # noqa: F401
from trajecten.services.regels import fase_op, huidige_fase  # noqa: F401
from trajecten.services.traject import (  # noqa: F401
    uitvoerende_organisatie,
    traject_starten,
    aanmelding_registreren,
    fase_wijzigen,
    intakegesprek_vastleggen,
    intake_vastleggen,
    contactmoment_vastleggen,
    contactmoment_wijzigen,
    contactmoment_foutief_markeren,
    uitstroom_vastleggen,
    traject_afsluiten,
    terugval_vastleggen,
    traject_wijzigen,
    INTAKE_VELDEN,
    CONTACT_VELDEN,
)
from trajecten.services.plan import (  # noqa: F401
    meting_vastleggen,
    laatste_plan,
    trajectplan_opstellen,
    trajectplan_wijzigen,
    trajectplan_ondertekenen,
    trajectplan_nieuwe_versie,
    doel_aanmaken,
    subdoel_aanmaken,
    doel_wijzigen,
    doel_verwijderen,
    doel_status_wijzigen,
    voortgang_vastleggen,
    OPEN_STATUSSEN,
    DOEL_VELDEN,
    SUBDOEL_VELDEN,
)
from trajecten.services.verwijzing import (  # noqa: F401
    verwijzing_aanmaken,
    verwijzing_wijzigen,
    verwijzing_intake_vastleggen,
    verwijzing_status_wijzigen,
    verwijzing_starten,
    terugkoppeling_aanmaken,
    VERWIJZING_VELDEN,
    EINDSTATUS,
    MET_REDEN,
)
from trajecten.services.aanmelding import (  # noqa: F401
    aanmelding_vastleggen,
    TRAJECT_VELDEN,
)
from trajecten.services.afspraak import (  # noqa: F401
    afspraak_afwijking_controleren,
    afwijking_vastleggen,
)
from trajecten.services.leefsituatie import (  # noqa: F401
    leefsituatie_vastleggen,
    uitstap_van,
    nacontrole_vastleggen,
)
from trajecten.services.outreach import (  # noqa: F401
    outreach_locatie_aanmaken,
    outreach_actie_vastleggen,
    outreach_actie_wijzigen,
    OUTREACH_VELDEN,
)
from trajecten.services.werkoverleg import (  # noqa: F401
    werkoverleg_plannen,
    werkoverleg_wijzigen,
    werkoverleg_afspraak_vastleggen,
    werkoverleg_afspraak_wijzigen,
    werkoverleg_afspraak_afronden,
)
from trajecten.services.overdracht import (  # noqa: F401
    overdracht_voorbereiden,
    overdracht_accepteren,
    overdracht_afwijzen,
    overdracht_intrekken,
)
