"""AVG for one participant: inzage export (art. 15), erasure (art. 17) and the retention term."""

import datetime
import io
import json
import zipfile

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from clients.documents import document_inhoud, documenten_verwijderen, downloadnaam
from clients.models import Deelnemer, Document, JuridischeRoute
from clients.selectors import deelnemers_voor_bewaartermijn, samengevoegd_in
from clients.selectors import grondslag as grondslag_van
from clients.services import deelnemer_velden_wissen, deelnemer_vergrendelen
from uitstap.audit import Actie, audit_log
from uitstap.codes import Verblijfsstatus
from uitstap.selectors import audit_events_over

# Legal grounds a coordinator can record to erase while the retention term still runs (art. 17 lid 1).
class WettelijkeGrond(models.TextChoices):
    NIET_NODIG = "art17_1a", _("De gegevens zijn niet meer nodig voor het doel (art. 17 lid 1 sub a)")
    TOESTEMMING_INGETROKKEN = "art17_1b", _("Toestemming ingetrokken en geen andere grondslag (art. 17 lid 1 sub b)")
    BEZWAAR = "art17_1c", _("Bezwaar gegrond verklaard (art. 17 lid 1 sub c)")
    ONRECHTMATIG = "art17_1d", _("De gegevens zijn onrechtmatig verwerkt (art. 17 lid 1 sub d)")
    WETTELIJKE_PLICHT = "art17_1e", _("Wissen is wettelijk verplicht (art. 17 lid 1 sub e)")


# What stays of an erased participant: exactly what the figures of DEFINITIONS.md need.
BLIJFT = ("geboortejaar", "gender", "herkomstland", "juridische_categorie", "sector", "signalen_mensenhandel")

# Personal fields of Deelnemer and their erased value.
DEELNEMER_WISSEN = {
    "roepnaam": "", "voornamen": "", "achternaam": "", "geboortedatum": None, "bsn": "", "taal": "",
    "taalniveau_nl": "", "verblijfsstatus": Verblijfsstatus.ONBEKEND, "bedenktijd_start": None,
    "bedenktijd_eind": None, "vergunning_start": None, "vergunning_eind": None, "woongemeente": None,
    "werkgemeente": None, "heeft_kinderen": None, "gestopt_met_sekswerk_op": None, "documenttaal": "",
}
# Health answers at intake are special-category data without a role in the figures (by model label:
# clients does not import trajecten; the model is found in the graph of the participant's records).
INTAKE_WISSEN_MODEL = "trajecten.intake"
INTAKE_WISSEN = {"spreekt_nederlands_of_engels": None, "verslaving": None, "psychiatrische_problematiek": None,
                 "legaal_verblijf": None}
# The legal route's dates say she may be a victim of trafficking: erased like the dates on Deelnemer.
ROUTE_WISSEN = {f: None for f in (
    "bedenktijd_start", "bedenktijd_eind", "aangifte_op", "geen_aangifte_op", "melding_op", "vergunning_start",
    "vergunning_eind", "verlenging_aangevraagd_op", "beslissing_uiterlijk")}
GEWIST = "[gewist]"
# Free-text columns that are codes or versions, not content: never blanked.
GEEN_INHOUD = {"clientcode", "opslagnaam", "sha256", "content_type", "status", "versie"}
# Deelnemer columns that are neither personal data nor kept for the figures: technical or structural.
TECHNISCH = {"id", "programma", "clientcode", "begeleider", "achtervang", "aangemaakt_op", "gewist_op", "versie",
             "samengevoegd_met", "samengevoegd_op"}


# --- the owned records of one participant -----------------------------------------------------


def _eigen_modellen(model=Deelnemer, gezien=None):
    """(model, lookup-path-to-deelnemer) for every model owned by a participant through CASCADE foreign keys.

    Derived from the model graph, so records added by later features are exported and erased too.
    """
    gezien = gezien if gezien is not None else {model}
    for rel in model._meta.related_objects:
        if not (rel.one_to_many or rel.one_to_one) or rel.on_delete is not models.CASCADE:
            continue
        kind = rel.related_model
        if kind in gezien:
            continue
        gezien.add(kind)
        yield kind, rel.field.name
        for sub, pad in _eigen_modellen(kind, gezien):
            yield sub, f"{pad}__{rel.field.name}"


def eigen_records(deelnemer: Deelnemer):
    """(model, queryset) for every record that belongs to `deelnemer`."""
    for model, pad in _eigen_modellen():
        yield model, model._default_manager.filter(**{pad: deelnemer}).order_by("pk")


def _tekstvelden(model) -> list[models.Field]:
    """Free-text columns of a model: TextFields and CharFields without a code list."""
    velden = []
    for f in model._meta.concrete_fields:
        if f.name in GEEN_INHOUD or f.primary_key or f.unique or f.choices:
            continue
        if isinstance(f, (models.TextField, models.CharField)) and not isinstance(f, (models.SlugField,)):
            velden.append(f)
    return velden


def _waarde(obj, f):
    value = f.value_from_object(obj)
    if f.is_relation:
        target = getattr(obj, f.name)
        return str(target) if target is not None else None
    if f.choices and value not in (None, ""):
        return {"code": value, "omschrijving": str(dict(f.flatchoices).get(value, value))}
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def _als_dict(obj) -> dict:
    return {f.name: _waarde(obj, f) for f in obj._meta.concrete_fields if f.name not in ("opslagnaam",)}


# --- who read the file ------------------------------------------------------------------------


def audit_events_voor(deelnemer: Deelnemer):
    """Audit events about this participant, denied attempts on her id included (uitstap.selectors), and
    those about the dossiers merged into hers (her records were read there)."""
    events = audit_events_over(deelnemer)
    for oud in samengevoegd_in(deelnemer):
        events = events | audit_events_over(oud)
    return events


# --- inzage (art. 15) -------------------------------------------------------------------------


def inzage_gegevens(deelnemer: Deelnemer) -> dict:
    """Everything about one participant as plain data (the JSON of the export)."""
    onderdelen = {}
    for model, qs in eigen_records(deelnemer):
        rijen = [_als_dict(obj) for obj in qs]
        if rijen:
            onderdelen[str(model._meta.verbose_name_plural)] = rijen
    events = [
        {"tijdstip": e.tijdstip.isoformat(), "gebruiker": e.gebruikersnaam, "rol": e.rol,
         "organisatie": e.organisatie, "actie": e.get_actie_display(), "uitkomst": e.get_uitkomst_display(),
         "gegeven": e.object_type, "grondslag": e.grondslag}
        for e in audit_events_voor(deelnemer)
    ]
    return {
        "clientcode": deelnemer.clientcode,
        "programma": str(deelnemer.programma),
        "aangemaakt": timezone.now().isoformat(),
        "persoonsgegevens": _als_dict(deelnemer),
        "onderdelen": onderdelen,
        "ingezien_door": events,
    }


def inzage_export(*, deelnemer: Deelnemer, door) -> tuple[bytes, str]:
    """The inzage ZIP (HTML summary, JSON, the documents themselves) and its file name. Logged as EXPORT."""
    with transaction.atomic():
        # Logged first: if the event cannot be written there is no export.
        audit_log(actie=Actie.EXPORT, gebruiker=door, clientcode=deelnemer.clientcode, object_type="inzage",
                  object_id=str(deelnemer.pk), grondslag=grondslag_van(door, deelnemer))
        gegevens = inzage_gegevens(deelnemer)
    labels = {f.name: str(f.verbose_name) for f in Deelnemer._meta.concrete_fields}
    veldlabels = {
        str(model._meta.verbose_name_plural): {f.name: str(f.verbose_name) for f in model._meta.concrete_fields}
        for model, _ in _eigen_modellen()
    }
    html = render_to_string("trajecten/avg_inzage_export.html", {
        "g": gegevens,
        "persoon": [(labels.get(k, k), v) for k, v in gegevens["persoonsgegevens"].items()],
        "onderdelen": [
            (naam, [[(veldlabels.get(naam, {}).get(k, k), v) for k, v in rij.items()] for rij in rijen])
            for naam, rijen in gegevens["onderdelen"].items()
        ],
    })
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inzage.html", html)
        zf.writestr("gegevens.json", json.dumps(gegevens, ensure_ascii=False, indent=2, default=str))
        for document in Document.objects.filter(deelnemer=deelnemer):
            try:
                data = document_inhoud(document)
            except (OSError, ValidationError):
                continue
            zf.writestr(f"documenten/{document.pk}-{downloadnaam(document)}", data)
    return buffer.getvalue(), f"inzage-{deelnemer.clientcode}.zip"


# --- retention and erasure (art. 17) ----------------------------------------------------------


def persoonsgegevens_gewist() -> dict:
    """The erased value of every personal field of Deelnemer (what BLIJFT names stays). Free-text fields a
    later feature adds to Deelnemer are erased too, unless the figures need them."""
    extra = {f.name: ("" if f.blank else GEWIST) for f in _tekstvelden(Deelnemer) if f.name not in BLIJFT}
    return {**extra, **DEELNEMER_WISSEN}


def _plus_jaren(datum: datetime.date, jaren: int) -> datetime.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def bewaartermijn_einde(deelnemer: Deelnemer) -> datetime.date | None:
    """The day the retention term ends, or None while a traject is open or when there is none."""
    trajecten = deelnemer.trajecten.all()
    if not trajecten.exists() or trajecten.filter(einddatum__isnull=True).exists():
        return None
    laatste = trajecten.aggregate(m=Max("einddatum"))["m"]
    return _plus_jaren(laatste, deelnemer.programma.bewaartermijn_jaren)


def wissen_beoordelen(deelnemer: Deelnemer, vandaag: datetime.date | None = None) -> tuple[bool, str]:
    """(may be erased without a legal ground, Dutch explanation)."""
    vandaag = vandaag or datetime.date.today()
    if deelnemer.gewist_op is not None:
        return False, f"De persoonsgegevens zijn al gewist op {timezone.localtime(deelnemer.gewist_op):%d-%m-%Y}."
    trajecten = deelnemer.trajecten.all()
    jaren = deelnemer.programma.bewaartermijn_jaren
    if not trajecten.exists():
        return True, "Er is geen traject vastgelegd; er geldt geen bewaartermijn."
    if trajecten.filter(einddatum__isnull=True).exists():
        return False, (f"Er loopt nog een traject. Het dossier wordt bewaard tot {jaren} jaar na het einde van "
                       "het laatste traject.")
    einde = bewaartermijn_einde(deelnemer)
    if einde > vandaag:
        return False, (f"De bewaartermijn loopt nog tot {einde:%d-%m-%Y} ({jaren} jaar na het einde van het laatste "
                       "traject).")
    return True, f"De bewaartermijn is verstreken op {einde:%d-%m-%Y}."


@transaction.atomic
def deelnemer_wissen(*, deelnemer: Deelnemer, door=None, wettelijke_grond: str = "",
                     vandaag: datetime.date | None = None, systeem: str = "") -> Deelnemer:
    """Remove all personal data of `deelnemer`; keep the anonymous facts the figures need.

    Refused (ValidationError) while the retention term runs, unless a legal ground is recorded.
    Leaves one pseudonymous `erase` event: clientcode, who, and the ground as a code.
    """
    deelnemer = deelnemer_vergrendelen(deelnemer)
    mag, reden = wissen_beoordelen(deelnemer, vandaag)
    if deelnemer.gewist_op is not None:
        raise ValidationError(reden)
    if wettelijke_grond and wettelijke_grond not in WettelijkeGrond.values:
        raise ValidationError({"wettelijke_grond": gettext("Kies een wettelijke grond uit de lijst.")})
    if not mag and not wettelijke_grond:
        raise ValidationError(gettext("Wissen kan nu niet. %(reden)s Alleen met een vastgelegde wettelijke grond kan eerder gewist worden.") % {"reden": reden})
    documenten_verwijderen(deelnemer=deelnemer)
    for model, qs in eigen_records(deelnemer):
        if model._meta.label_lower == INTAKE_WISSEN_MODEL:
            qs.update(**INTAKE_WISSEN)
        if getattr(model, "AVG_WISSEN", None):  # a model's own declaration of what erasure empties
            qs.update(**model.AVG_WISSEN)
        if model is JuridischeRoute:
            qs.update(**ROUTE_WISSEN)
        velden = _tekstvelden(model)
        if velden and qs.exists():
            qs.update(**{f.name: ("" if f.blank else GEWIST) for f in velden})
    deelnemer_velden_wissen(deelnemer=deelnemer, velden=persoonsgegevens_gewist())
    grond = wettelijke_grond or ("bewaartermijn_verstreken" if systeem else "geen_bewaartermijn_meer")
    audit_log(actie=Actie.ERASE, gebruiker=door, gebruikersnaam=systeem, clientcode=deelnemer.clientcode,
              object_type="deelnemer", object_id=str(deelnemer.pk), grondslag=grond)
    deelnemer.refresh_from_db()
    return deelnemer


def bewaartermijn_verstreken(vandaag: datetime.date | None = None) -> list[Deelnemer]:
    """Participants not yet erased whose every traject ended more than the programme's term ago."""
    vandaag = vandaag or datetime.date.today()
    kandidaten = deelnemers_voor_bewaartermijn()
    return [d for d in kandidaten if (einde := bewaartermijn_einde(d)) is not None and einde <= vandaag]
