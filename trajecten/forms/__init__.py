"""The forms of the trajecten app."""

from trajecten.forms.traject import (  # noqa: F401
    FaseForm,
    IntakeForm,
    ContactForm,
    SnelContactForm,
    UitstroomForm,
    BeeindigenForm,
    TerugvalForm,
    TrajectStartForm,
)
from trajecten.forms.plan import (  # noqa: F401
    score_veld,
    MetingForm,
    TrajectplanForm,
    NieuweVersieForm,
    OndertekenenForm,
    DoelForm,
    SubdoelForm,
    VoortgangForm,
    DoelStatusForm,
    SCORE_HINT,
    STANDAARD_AFSPRAKEN,
    SMART_HINTS,
    SMART_STAPPEN,
)
from trajecten.forms.verwijzing import (  # noqa: F401
    PartnerKeuze,
    ContactpersoonKeuze,
    VerwijzingForm,
    VerwijzingStatusForm,
    VerwijzingIntakeForm,
    TerugkoppelingForm,
)
from trajecten.forms.filters import (  # noqa: F401
    DeelnemerFilter,
)
