"""The forms of the core and the form behaviour every app's forms share (basis.py)."""

from uitstap.forms.basis import (  # noqa: F401
    DateInput,
    TimeInput,
    GetalInput,
    BedragField,
    UitstapForm,
    kort_label,
    VersionedForm,
    toon_conflict,
    add_errors,
    schrijf_via_form,
    LEGE_KEUZE,
    CONSTRAINT_MESSAGES,
    ONBEKENDE_CONSTRAINT,
    GETAL_MELDING,
    BEDRAG_MELDING,
    GETAL_VOORBEELDEN,
    VEROUDERD,
    CONFLICT,
)
from uitstap.forms.programma import (  # noqa: F401
    ProgrammaForm,
    ProgrammaJaarForm,
)
from uitstap.forms.accounts import (  # noqa: F401
    GebruikerNieuwForm,
    GebruikerWijzigenForm,
)
from uitstap.forms.kaart import (  # noqa: F401
    KetenpartnerForm,
    ContactpersoonForm,
    SocialeKaartFilter,
)
