"""The forms of the trajecten app."""

from trajecten.forms.traject import (  # noqa: F401
    FaseForm,
    IntakeForm,
    ContactForm,
    SnelContactForm,
    UitstroomForm,
    FoutiefForm,
    BeeindigenForm,
    IntakegesprekForm,
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
from trajecten.forms.afspraak import (  # noqa: F401
    AfspraakControle,
)
from trajecten.forms.leefsituatie import (  # noqa: F401
    LeefsituatieForm,
    NacontroleForm,
    ONGEWIJZIGD,
    JA_NEE,
)
from trajecten.forms.outreach import (  # noqa: F401
    OutreachActieForm,
    OutreachLocatieForm,
)
from trajecten.forms.werkoverleg import (  # noqa: F401
    WerkoverlegForm,
    WerkoverlegAfspraakForm,
    AfspraakAfrondenForm,
)
from trajecten.forms.duplicaten import (  # noqa: F401
    SamenvoegenForm,
)
from trajecten.forms.overdracht import (  # noqa: F401
    OverdrachtForm,
    OverdrachtAccepterenForm,
    OverdrachtAfwijzenForm,
    OverdrachtIntrekkenForm,
)
