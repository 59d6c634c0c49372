"""The forms of the core and the form behaviour every app's forms share (basis.py)."""

from uitstap.forms.basis import (  # noqa: F401
    DateInput,
    TimeInput,
    UitstapForm,
    VersionedForm,
    toon_conflict,
    add_errors,
    schrijf_via_form,
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
