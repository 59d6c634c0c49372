"""The reads of the trajecten app: `from trajecten import selectors` is the public API."""

from trajecten.selectors.caseload import (  # noqa: F401
    met_traject_stand,
    Signaal,
    signalen_voor,
    zoek_deelnemers,
    caseload,
    deelnemers_overzicht,
    GEEN_CONTACT_DAGEN,
    NO_SHOW_DAGEN,
    NO_SHOW_AANTAL,
    NAZORG_CONTACT_DAGEN,
    CASELOAD_ANNOTATIES,
)
from trajecten.selectors.dossier import (  # noqa: F401
    TijdlijnItem,
    tijdlijn,
)
from trajecten.selectors.plan import (  # noqa: F401
    annoteer_doelen_verlopen,
    huidig_plan,
    is_verlopen,
    LeefgebiedGroep,
    doelen_per_leefgebied,
    afgeronde_doelen_eerder,
    voortgang_per_doel,
    voortgang_van,
    voortgang_grafiek,
    versies,
    MetingRij,
    meting_tabel,
    radar_grafiek,
    metingen,
    plan_pdf_context,
    OPEN_STATUSSEN,
)
from trajecten.selectors.verwijzing import (  # noqa: F401
    wachtdagen,
    wacht_nog,
    mediaan,
    twaalf_maanden_terug,
    mediane_wachttijd,
    verwijzingen_zichtbaar,
    verwijzingen_van,
    PartnerCijfers,
    partner_cijfers,
    open_verwijzingen_bij,
    annoteer_lang_wachtend,
)
