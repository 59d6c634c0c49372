"""Validation of an `uitstap-import/1` file: the JSON Schema first, then the rules between fields.

Every problem is reported with its JSON path and a Dutch explanation; nothing here writes.
"""

import datetime
import re
from dataclasses import dataclass, field

from jsonschema import Draft202012Validator, FormatChecker

from rapportage.uitwisseling.schema import SCHEMA
from uitstap.codes import ContactStatus, DoelStatus, UitstroomResultaat, UitstroomSoort
from uitstap.validators import TEKST_MAX, bevat_stuurtekens

_DATUM_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_formaten = FormatChecker(formats=())


@_formaten.checks("date", raises=ValueError)
def _is_datum(waarde) -> bool:
    if not isinstance(waarde, str):
        return True
    if not _DATUM_RE.match(waarde):
        return False
    datetime.date.fromisoformat(waarde)
    return True


Draft202012Validator.check_schema(SCHEMA)
validator = Draft202012Validator(SCHEMA, format_checker=_formaten)  # the reference, used by the tests

_TYPE_NL = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal", "boolean": "true of false",
    "array": "een lijst", "object": "een object", "null": "null",
}
_PATROON_NL = {
    "landcode": "is geen landcode van twee hoofdletters (ISO 3166-1, zoals NL of RO)",
    "slug": "mag alleen letters, cijfers, - en _ bevatten",
    "jaar": "is geen jaartal (2000-2100)",
}


@dataclass
class Probleem:
    pad: str
    tekst: str

    def __str__(self):
        return f"{self.pad}: {self.tekst}" if self.pad else self.tekst


@dataclass
class Controle:
    fouten: list[Probleem] = field(default_factory=list)
    waarschuwingen: list[Probleem] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.fouten

    def fout(self, pad, tekst):
        self.fouten.append(Probleem(pad, tekst))

    def waarschuwing(self, pad, tekst):
        self.waarschuwingen.append(Probleem(pad, tekst))


def pad_van(delen) -> str:
    """deque(['deelnemers', 3, 'trajecten', 0]) -> 'deelnemers[3].trajecten[0]'."""
    uit = ""
    for deel in delen:
        if isinstance(deel, int):
            uit += f"[{deel}]"
        else:
            uit += f".{deel}" if uit else str(deel)
    return uit


def _waarde(v) -> str:
    if isinstance(v, str):
        return repr(v)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return "een " + ("object" if isinstance(v, dict) else "lijst")
    return str(v)


_TYPEN = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _in_enum(waarde, toegestaan) -> bool:
    # JSON Schema: true is not 1.
    return any(waarde == t and isinstance(waarde, bool) == isinstance(t, bool) for t in toegestaan)


def _schemafouten(waarde, schema: dict, pad: list, controle: Controle):
    """Check `waarde` against the subset of JSON Schema that SCHEMA uses, depth first, in document order.

    jsonschema is the reference (the tests check that both agree and that SCHEMA is a valid
    Draft 2020-12 schema); this interpreter is used for the import itself because it is about
    twenty times faster on a file of 5 000 participants and speaks Dutch.
    """
    if "const" in schema and not (waarde == schema["const"] and type(waarde) is type(schema["const"])):
        controle.fout(pad_van(pad), f"moet {_waarde(schema['const'])} zijn")
        return
    if "enum" in schema:
        if not _in_enum(waarde, schema["enum"]):
            controle.fout(pad_van(pad), f"{_waarde(waarde)} is geen {schema.get('x-onbekend', 'toegestane waarde')}")
        return
    if "type" in schema:
        typen = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPEN[t](waarde) for t in typen):
            if schema.get("format") == "date":
                controle.fout(pad_van(pad), f"{_waarde(waarde)} is geen datum (JJJJ-MM-DD)")
            else:
                controle.fout(pad_van(pad), f"{_waarde(waarde)} moet {' of '.join(_TYPE_NL[t] for t in typen)} zijn")
            return
    if isinstance(waarde, str):
        if bevat_stuurtekens(waarde):
            # NUL cannot be stored by PostgreSQL and other control characters have no place in a record.
            controle.fout(pad_van(pad), "bevat een onzichtbaar stuurteken (zoals NUL); haal het weg")
            return
        if "maxLength" not in schema and len(waarde) > TEKST_MAX:
            controle.fout(pad_van(pad), f"is te lang (maximaal {TEKST_MAX} tekens)")
        if schema.get("format") == "date" and datum(waarde) is None:
            controle.fout(pad_van(pad), f"{_waarde(waarde)} is geen geldige datum (JJJJ-MM-DD)")
        if "pattern" in schema and not re.search(schema["pattern"], waarde):
            controle.fout(pad_van(pad), f"{_waarde(waarde)} {_PATROON_NL.get(schema.get('x-patroon'), 'heeft niet de juiste vorm')}")
        if len(waarde) < schema.get("minLength", 0):
            controle.fout(pad_van(pad), "mag niet leeg zijn")
        if "maxLength" in schema and len(waarde) > schema["maxLength"]:
            controle.fout(pad_van(pad), f"is te lang (maximaal {schema['maxLength']} tekens)")
    elif isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        if "minimum" in schema and waarde < schema["minimum"]:
            controle.fout(pad_van(pad), f"{_waarde(waarde)} is te klein (minimaal {schema['minimum']})")
        if "maximum" in schema and waarde > schema["maximum"]:
            controle.fout(pad_van(pad), f"{_waarde(waarde)} is te groot (maximaal {schema['maximum']})")
    elif isinstance(waarde, dict):
        for naam in schema.get("required", ()):
            if naam not in waarde:
                controle.fout(pad_van([*pad, naam]), "ontbreekt (verplicht)")
        eigenschappen = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        namen = schema.get("propertyNames")
        for naam, sub in waarde.items():
            if namen is not None:
                _schemafouten(naam, namen, pad, controle)
            if naam in eigenschappen:
                _schemafouten(sub, eigenschappen[naam], [*pad, naam], controle)
            elif extra is False:
                controle.fout(pad_van([*pad, naam]), "onbekende sleutel")
            elif isinstance(extra, dict):
                _schemafouten(sub, extra, [*pad, naam], controle)
    elif isinstance(waarde, list) and "items" in schema:
        for i, item in enumerate(waarde):
            _schemafouten(item, schema["items"], [*pad, i], controle)


def datum(waarde) -> datetime.date | None:
    """The date of a valid 'YYYY-MM-DD' string, else None (the schema has reported it already)."""
    if isinstance(waarde, str) and _DATUM_RE.match(waarde):
        try:
            return datetime.date.fromisoformat(waarde)
        except ValueError:
            return None
    return None


def _dict(v) -> dict:
    return v if isinstance(v, dict) else {}


def _lijst(v) -> list:
    return v if isinstance(v, list) else []


def _nl(d: datetime.date) -> str:
    return d.strftime("%d-%m-%Y")


class _Regels:
    """The rules between fields (IMPORT.md and the services' own rules), on a schema-checked or partly broken file."""

    def __init__(self, controle: Controle, vandaag: datetime.date, bestaande_codes: set[str],
                 bekende_partners: dict[str, str], gebruikers: set[str]):
        self.c = controle
        self.vandaag = vandaag
        self.bestaande_codes = bestaande_codes
        self.partners = dict(bekende_partners)
        self.gebruikers = gebruikers

    def niet_in_toekomst(self, pad, d):
        if d and d > self.vandaag:
            self.c.fout(pad, f"{_nl(d)} ligt in de toekomst")

    def niet_voor(self, pad, d, grens, wat):
        if d and grens and d < grens:
            self.c.fout(pad, f"{_nl(d)} ligt vóór {wat} ({_nl(grens)})")

    def bestand(self, data: dict):
        self.ketenpartners(_lijst(data.get("ketenpartners")))
        codes: dict[str, int] = {}
        for i, dn in enumerate(_lijst(data.get("deelnemers"))):
            dn = _dict(dn)
            pad = f"deelnemers[{i}]"
            code = dn.get("clientcode")
            if isinstance(code, str):
                if code in codes:
                    self.c.fout(f"{pad}.clientcode", f"{code!r} staat al eerder in het bestand (deelnemers[{codes[code]}])")
                else:
                    codes[code] = i
                if code in self.bestaande_codes:
                    self.c.fout(f"{pad}.clientcode", f"{code!r} bestaat al in dit programma")
            self.deelnemer(pad, dn)

    def ketenpartners(self, partners: list):
        gezien: dict[str, int] = {}
        for i, kp in enumerate(partners):
            kp = _dict(kp)
            naam, soort = kp.get("naam"), kp.get("soort")
            if not isinstance(naam, str):
                continue
            if naam in gezien:
                self.c.fout(f"ketenpartners[{i}].naam", f"{naam!r} staat al eerder in het bestand (ketenpartners[{gezien[naam]}])")
                continue
            gezien[naam] = i
            bestaand = self.partners.get(naam)
            if bestaand is not None and isinstance(soort, str) and bestaand != soort:
                self.c.fout(f"ketenpartners[{i}].soort", f"{naam!r} staat al op de sociale kaart als {bestaand!r}")
            self.partners[naam] = soort

    def deelnemer(self, pad: str, dn: dict):
        vorige = None
        for j, tr in enumerate(_lijst(dn.get("trajecten"))):
            tr = _dict(tr)
            tpad = f"{pad}.trajecten[{j}]"
            aanmeld = datum(tr.get("aanmelddatum"))
            if vorige is not None and aanmeld:
                v_aanmeld, v_eind, v_pad = vorige
                if v_aanmeld and aanmeld < v_aanmeld:
                    self.c.fout(f"{tpad}.aanmelddatum", "trajecten staan niet op volgorde van aanmelddatum")
                elif v_eind is None:
                    self.c.fout(f"{v_pad}.einddatum", "een eerder traject moet afgesloten zijn voordat een nieuw traject begint")
                elif aanmeld < v_eind:
                    self.c.fout(f"{tpad}.aanmelddatum", f"{_nl(aanmeld)} ligt vóór de einddatum van het vorige traject ({_nl(v_eind)})")
            vorige = (aanmeld, datum(tr.get("einddatum")), tpad)
            self.traject(tpad, tr, aanmeld)

    def traject(self, pad: str, tr: dict, aanmeld):
        self.niet_in_toekomst(f"{pad}.aanmelddatum", aanmeld)
        eind = datum(tr.get("einddatum"))
        begeleider = tr.get("begeleider")
        if isinstance(begeleider, str) and begeleider not in self.gebruikers:
            self.c.waarschuwing(f"{pad}.begeleider", f"gebruiker {begeleider!r} is geen actieve trajectbegeleider van een uitvoerende organisatie; de deelnemer krijgt geen begeleider")

        laatste_fase = None
        for k, fo in enumerate(_lijst(tr.get("fasen"))):
            fo = _dict(fo)
            fpad = f"{pad}.fasen[{k}]"
            d = datum(fo.get("datum"))
            self.niet_voor(f"{fpad}.datum", d, aanmeld, "de aanmelddatum")
            self.niet_in_toekomst(f"{fpad}.datum", d)
            if d and eind and d > eind:
                self.c.fout(f"{fpad}.datum", f"{_nl(d)} ligt na de einddatum ({_nl(eind)})")
            if laatste_fase is not None:
                v_fase, v_datum = laatste_fase
                if d and v_datum and d < v_datum:
                    self.c.fout(f"{fpad}.datum", f"{_nl(d)} ligt vóór de vorige faseovergang ({_nl(v_datum)}); de data mogen niet teruglopen")
                if fo.get("fase") == v_fase:
                    self.c.fout(f"{fpad}.fase", f"het traject is al in de fase {v_fase!r}")
            laatste_fase = (fo.get("fase"), d or (laatste_fase[1] if laatste_fase else None))

        intake = _dict(tr.get("intake"))
        if intake:
            d = datum(intake.get("datum"))
            self.niet_voor(f"{pad}.intake.datum", d, aanmeld, "de aanmelddatum")
            self.niet_in_toekomst(f"{pad}.intake.datum", d)
            if d and eind and d > eind:
                self.c.fout(f"{pad}.intake.datum", f"{_nl(d)} ligt na de einddatum ({_nl(eind)})")

        for k, meting in enumerate(_lijst(tr.get("metingen"))):
            d = datum(_dict(meting).get("datum"))
            self.niet_voor(f"{pad}.metingen[{k}].datum", d, aanmeld, "de aanmelddatum")
            self.niet_in_toekomst(f"{pad}.metingen[{k}].datum", d)

        plan = _dict(tr.get("trajectplan"))
        if plan:
            opgesteld, ondertekend = datum(plan.get("opgesteld")), datum(plan.get("ondertekend"))
            self.niet_voor(f"{pad}.trajectplan.opgesteld", opgesteld, aanmeld, "de aanmelddatum")
            self.niet_in_toekomst(f"{pad}.trajectplan.opgesteld", opgesteld)
            self.niet_voor(f"{pad}.trajectplan.ondertekend", ondertekend, opgesteld, "de datum van opstellen")
            self.niet_in_toekomst(f"{pad}.trajectplan.ondertekend", ondertekend)
            for k, doel in enumerate(_lijst(plan.get("doelen"))):
                dpad = f"{pad}.trajectplan.doelen[{k}]"
                self.doel(dpad, _dict(doel))
                for m, sub in enumerate(_lijst(_dict(doel).get("subdoelen"))):
                    self.doel(f"{dpad}.subdoelen[{m}]", _dict(sub))

        for k, vw in enumerate(_lijst(tr.get("verwijzingen"))):
            vw = _dict(vw)
            vpad = f"{pad}.verwijzingen[{k}]"
            partner = vw.get("ketenpartner")
            if isinstance(partner, str) and partner and partner not in self.partners:
                self.c.fout(f"{vpad}.ketenpartner", f"{partner!r} staat niet in ketenpartners en niet op de sociale kaart van het programma")
            verwezen = datum(vw.get("verwezen"))
            self.niet_voor(f"{vpad}.verwezen", verwezen, aanmeld, "de aanmelddatum")
            self.niet_in_toekomst(f"{vpad}.verwezen", verwezen)
            for sleutel in ("gestart", "beeindigd"):
                d = datum(vw.get(sleutel))
                self.niet_voor(f"{vpad}.{sleutel}", d, verwezen, "de verwijsdatum")
                self.niet_in_toekomst(f"{vpad}.{sleutel}", d)

        for k, cm in enumerate(_lijst(tr.get("contactmomenten"))):
            cm = _dict(cm)
            cpad = f"{pad}.contactmomenten[{k}]"
            d = datum(cm.get("datum"))
            self.niet_voor(f"{cpad}.datum", d, aanmeld, "de aanmelddatum")
            if cm.get("status") != ContactStatus.GEPLAND:
                self.niet_in_toekomst(f"{cpad}.datum", d)
            if cm.get("status") == ContactStatus.GEHOUDEN and not cm.get("duur_minuten"):
                self.c.fout(f"{cpad}.duur_minuten", "vul de duur van een gehouden contact in (minuten)")

        uitstroom = _dict(tr.get("uitstroom"))
        u_datum = datum(uitstroom.get("datum")) if uitstroom else None
        if uitstroom:
            self.uitstroom(f"{pad}.uitstroom", uitstroom, u_datum, aanmeld, laatste_fase, eind)
        if eind:
            self.niet_voor(f"{pad}.einddatum", eind, aanmeld, "de aanmelddatum")
            self.niet_in_toekomst(f"{pad}.einddatum", eind)
            if not uitstroom:
                self.c.fout(f"{pad}.einddatum", "een afgesloten traject heeft een uitstroom (uitgestapt of gestopt)")
            else:
                self.niet_voor(f"{pad}.einddatum", eind, u_datum, "de uitstroom")

        for k, tv in enumerate(_lijst(tr.get("terugval"))):
            d = datum(_dict(tv).get("datum"))
            tpad = f"{pad}.terugval[{k}].datum"
            if uitstroom.get("soort") != UitstroomSoort.UITGESTAPT:
                self.c.fout(tpad, "een terugval kan alleen na een uitstroom als uitgestapt")
            else:
                self.niet_voor(tpad, d, u_datum, "de uitstroom")
            self.niet_in_toekomst(tpad, d)

    def doel(self, pad: str, doel: dict):
        behaald_op = datum(doel.get("behaald_op"))
        if behaald_op and doel.get("status") != DoelStatus.BEHAALD:
            self.c.fout(f"{pad}.behaald_op", "een datum behaald hoort alleen bij status 'behaald'")
        self.niet_in_toekomst(f"{pad}.behaald_op", behaald_op)
        self.niet_in_toekomst(f"{pad}.gesteld_op", datum(doel.get("gesteld_op")))

    def uitstroom(self, pad, u: dict, d, aanmeld, laatste_fase, eind):
        self.niet_voor(f"{pad}.datum", d, aanmeld, "de aanmelddatum")
        self.niet_in_toekomst(f"{pad}.datum", d)
        if laatste_fase and laatste_fase[1]:
            self.niet_voor(f"{pad}.datum", d, laatste_fase[1], "de laatste faseovergang")
        soort = u.get("soort")
        if soort == UitstroomSoort.UITGESTAPT:
            if not u.get("resultaat"):
                self.c.fout(f"{pad}.resultaat", "ontbreekt: kies waarnaar de deelnemer is uitgestroomd")
            if u.get("reden"):
                self.c.fout(f"{pad}.reden", "een stopreden hoort alleen bij soort 'gestopt'")
            if u.get("branche") and u.get("resultaat") != UitstroomResultaat.BETAALD_WERK:
                self.c.fout(f"{pad}.branche", "een branche hoort alleen bij resultaat 'betaald_werk'")
        elif soort == UitstroomSoort.GESTOPT:
            if not u.get("reden"):
                self.c.fout(f"{pad}.reden", "ontbreekt: kies de reden waarom het traject is gestopt")
            for sleutel in ("resultaat", "branche"):
                if u.get(sleutel):
                    self.c.fout(f"{pad}.{sleutel}", "hoort alleen bij soort 'uitgestapt'")
            if d and eind != d:
                self.c.fout(f"{pad[:-len('.uitstroom')]}.einddatum",
                            f"een gestopt traject is afgesloten op de datum van de uitstroom ({_nl(d)})")


def import_valideren(data, *, vandaag: datetime.date | None = None, bestaande_codes=frozenset(),
                     bekende_partners=None, gebruikers=frozenset()) -> Controle:
    """Check a parsed file completely; the caller supplies what the database already holds."""
    controle = Controle()
    if not isinstance(data, dict):
        controle.fout("", "het bestand moet één JSON-object zijn")
        return controle
    _schemafouten(data, SCHEMA, [], controle)
    _Regels(controle, vandaag or datetime.date.today(), set(bestaande_codes), bekende_partners or {},
            set(gebruikers)).bestand(data)
    return controle
