"""The JSON Schema of `uitstap-import/1` (IMPORT.md), with the Dutch name of every code list for messages."""

from uitstap.codes import (
    Inkomstenbron,
    Schulden,
    SekswerkStatus,
    Woonsituatie,
    Afsluitreden,
    Branche,
    ContactSoort,
    ContactStatus,
    DoelStatus,
    Fase,
    Gender,
    IntakeBesluit,
    KetenpartnerSoort,
    Leefgebied,
    NacontroleTermijn,
    NacontroleUitkomst,
    Regeling,
    Sector,
    Stopreden,
    UitstroomResultaat,
    UitstroomSoort,
    Verblijfsstatus,
    Verwijzer,
    VerwijzingStatus,
)

FORMAAT = "uitstap-import/1"


def _code(waarden, naam: str, nullable: bool = False) -> dict:
    """An enum of a code list; `x-onbekend` completes the Dutch message "'x' is geen ..."."""
    return {"enum": [*waarden, *([None] if nullable else [])], "x-onbekend": naam}


DATUM = {"type": "string", "format": "date"}
OPT_DATUM = {"type": ["string", "null"], "format": "date"}
TEKST = {"type": "string", "minLength": 1}
OPT_TEKST = {"type": ["string", "null"]}
SCORE = {"type": "integer", "minimum": 1, "maximum": 10}
OPT_SCORE = {"type": ["integer", "null"], "minimum": 1, "maximum": 10}
BEDRAG = {"type": ["number", "null"], "minimum": 0, "maximum": 9_999_999_999.99}
AANTAL = {"type": ["integer", "null"], "minimum": 0}


def _object(required: list[str], properties: dict, nullable: bool = False) -> dict:
    return {
        "type": ["object", "null"] if nullable else "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def _lijst(items: dict) -> dict:
    return {"type": ["array", "null"], "items": items}


SUBDOEL = _object(["omschrijving", "status"], {
    "omschrijving": TEKST,
    "status": _code(DoelStatus.values, "bekende doelstatus"),
    "streefdatum": OPT_DATUM,
    "behaald_op": OPT_DATUM,
})

DOEL = _object(["leefgebied", "omschrijving", "status"], {
    "leefgebied": _code(Leefgebied.values, "bekend leefgebied"),
    "omschrijving": TEKST,
    "indicator": OPT_TEKST,
    "streefdatum": OPT_DATUM,
    "startscore": OPT_SCORE,
    "doelscore": OPT_SCORE,
    "status": _code(DoelStatus.values, "bekende doelstatus"),
    "behaald_op": OPT_DATUM,
    "gesteld_op": OPT_DATUM,
    "subdoelen": _lijst(SUBDOEL),
})

TRAJECT = _object(["aanmelddatum"], {
    "aanmelddatum": DATUM,
    "verwijzer": _code(Verwijzer.values, "bekende verwijzer", nullable=True),
    "begeleider": OPT_TEKST,
    "fasen": _lijst(_object(["fase", "datum"], {"fase": _code(Fase.values, "bekende fase"), "datum": DATUM})),
    "intake": _object(["datum", "besluit"], {
        "datum": DATUM,
        "besluit": _code(IntakeBesluit.values, "bekend intakebesluit"),
        "besluit_reden": OPT_TEKST,
    }, nullable=True),
    "metingen": _lijst(_object(["datum", "scores"], {
        "datum": DATUM,
        "scores": {
            "type": "object",
            "propertyNames": _code(Leefgebied.values, "bekend leefgebied"),
            "additionalProperties": SCORE,
        },
    })),
    "trajectplan": _object(["opgesteld"], {
        "opgesteld": DATUM,
        "ondertekend": OPT_DATUM,
        "doelen": _lijst(DOEL),
    }, nullable=True),
    "verwijzingen": _lijst(_object(["ketenpartner", "verwezen", "status"], {
        "ketenpartner": TEKST,
        "verwezen": DATUM,
        "gestart": OPT_DATUM,
        "beeindigd": OPT_DATUM,
        "status": _code(VerwijzingStatus.values, "bekende verwijzingsstatus"),
    })),
    "contactmomenten": _lijst(_object(["datum", "soort", "status"], {
        "datum": DATUM,
        "soort": _code(ContactSoort.values, "bekende soort contact"),
        "duur_minuten": {"type": ["integer", "null"], "minimum": 0, "maximum": 24 * 60},
        "status": _code(ContactStatus.values, "bekende contactstatus"),
    })),
    "uitstroom": _object(["datum", "soort"], {
        "datum": DATUM,
        "soort": _code(UitstroomSoort.values, "bekende soort uitstroom"),
        "resultaat": _code(UitstroomResultaat.values, "bekend uitstroomresultaat", nullable=True),
        "branche": _code(Branche.values, "bekende branche", nullable=True),
        "reden": _code(Stopreden.values, "bekende stopreden", nullable=True),
    }, nullable=True),
    "einddatum": OPT_DATUM,
    "terugval": _lijst(_object(["datum"], {"datum": DATUM, "toelichting": OPT_TEKST})),
    # Additions for the second milestone (IMPORT.md).
    "organisatie": OPT_TEKST,
    "afsluitreden": _code(Afsluitreden.values, "bekende afsluitreden", nullable=True),
    "nacontroles": _lijst(_object(["datum", "termijn", "uitkomst"], {
        "datum": DATUM,
        "termijn": _code(NacontroleTermijn.values, "bekende termijn van een nacontrole (6m of 12m)"),
        "uitkomst": _code(NacontroleUitkomst.values, "bekende uitkomst van een nacontrole"),
    })),
    # Additions of issue 18 (README): the situation over time, each row only what changed.
    "leefsituaties": _lijst(_object(["datum"], {
        "datum": DATUM,
        "inkomstenbron": _code(Inkomstenbron.values, "bekende inkomstenbron", nullable=True),
        "kvk_ingeschreven": {"type": ["boolean", "null"]},
        "woonsituatie": _code(Woonsituatie.values, "bekende woonsituatie", nullable=True),
        "schulden": _code(Schulden.values, "bekende schuldsituatie", nullable=True),
        "sekswerk_status": _code(SekswerkStatus.values, "bekende status van sekswerk", nullable=True),
    })),
})

DEELNEMER = _object(["clientcode", "trajecten"], {
    "clientcode": {"type": "string", "minLength": 1, "maxLength": 40},
    "roepnaam": {"type": ["string", "null"], "maxLength": 100},
    "geboortejaar": {"type": ["integer", "null"], "minimum": 1920, "maximum": 2100},
    "gender": _code(Gender.values, "bekend gender", nullable=True),
    "herkomstland": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$", "x-patroon": "landcode"},
    "juridische_categorie": _code([1, 2, 3], "bekende juridische categorie (1, 2 of 3)", nullable=True),
    "verblijfsstatus": _code(Verblijfsstatus.values, "bekende verblijfsstatus", nullable=True),
    "woongemeente": OPT_TEKST,
    "werkgemeente": OPT_TEKST,
    "sector": _code(Sector.values, "bekende sector", nullable=True),
    "signalen_mensenhandel": {"type": ["boolean", "null"]},
    "trajecten": {"type": "array", "items": TRAJECT},
})

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": FORMAAT,
    **_object(["formaat", "programma", "deelnemers"], {
        "formaat": {"const": FORMAAT},
        "programma": _object(["slug", "naam", "regeling"], {
            "slug": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 50, "x-patroon": "slug"},
            "naam": {"type": "string", "minLength": 1, "maxLength": 200},
            "organisaties": {"type": "array", "items": TEKST},
            "gemeenten": {"type": "array", "items": TEKST},
            "regeling": _code(Regeling.values, "bekende regeling"),
            # Issue 18: the nazorg regime (only used when the import creates the programme).
            "nazorg": _object([], {
                "duur_maanden": {"type": "integer", "minimum": 1, "maximum": 120},
                "contact_dagen": {"type": "integer", "minimum": 1, "maximum": 730},
                "nacontroles": {"type": "array", "items": _code(NacontroleTermijn.values, "bekende termijn van een nacontrole (6m of 12m)")},
            }, nullable=True),
            "jaren": {
                "type": "object",
                "propertyNames": {"pattern": "^(20[0-9]{2}|2100)$", "x-patroon": "jaar"},
                "additionalProperties": _object([], {
                    "verwacht_deelnemers": AANTAL,
                    "intakes_begroot": AANTAL,
                    "begroting": BEDRAG,
                    "uitgaven": BEDRAG,
                }),
            },
        }),
        "ketenpartners": {"type": "array", "items": _object(["naam", "soort"], {
            "naam": {"type": "string", "minLength": 1, "maxLength": 200},
            "soort": _code(KetenpartnerSoort.values, "bekende soort ketenpartner"),
            "gemeente": OPT_TEKST,
        })},
        "deelnemers": {"type": "array", "items": DEELNEMER},
    }),
}
