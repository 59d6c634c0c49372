"""Samenvoegen: two dossiers of one person become one, and "geen duplicaat" for two who only look alike.

Every record with a foreign key to Deelnemer moves to the dossier that stays. The relations are read from the
model graph (`Deelnemer._meta.related_objects`), so a record type a later feature adds moves too; a relation
this module cannot place safely (a one-to-one, a unique constraint it does not know) stops every merge until
it is classified here (`relaties()`, and the test that calls it).

The dossier that goes (`vervalt`) keeps its row for the audit log: `samengevoegd_met` points at the one that
stays, it is visible to nobody (deelnemers_visible_to), and its personal data is erased as clients/avg.py
erases it (the values that were missing in the other dossier are copied there first).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from clients.avg import persoonsgegevens_gewist
from clients.models import Deelnemer, GeenDuplicaat, JuridischeRoute
from clients.selectors import deelnemers_visible_to
from clients.services import PERSOONSVELDEN, categorie_wijziging_vastleggen, deelnemer_velden_wissen
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.locking import controleer_versie
from uitstap.models import Gebruiker

VERPLAATSEN = "verplaatsen"  # the rows move: deelnemer = the one that stays
VERSIES = "versies"          # a version history per participant: moved and numbered again in recording order
LATEN = "laten"              # the rows stay where they are

# Relations whose rows stay with the merged dossier, and why.
BLIJVEN_STAAN = {
    (GeenDuplicaat, "deelnemer"): "een besluit over twee dossiers; het blijft als geschiedenis bij het oude paar",
    (GeenDuplicaat, "ander"): "een besluit over twee dossiers; het blijft als geschiedenis bij het oude paar",
}
# Unique constraints on a relation that the merge rules cover: both open is refused (samenvoegen_bezwaren).
BEKENDE_UNIEK = {"een_open_traject_per_deelnemer", "overdracht_een_open_per_deelnemer"}
# Values that count as "not filled in" when the dossier that stays is completed from the other one.
LEEG = (None, "", "onbekend")
# Periods are taken whole or not at all: a start from one dossier and an end from the other is no period.
PERIODEN = (("bedenktijd_start", "bedenktijd_eind"), ("vergunning_start", "vergunning_eind"))
# These follow the newest legal route (clients.services.juridische_route_vastleggen) when there is one.
ROUTE_VELDEN = ("juridische_categorie", "bedenktijd_start", "bedenktijd_eind", "vergunning_start", "vergunning_eind")


@dataclass(frozen=True)
class Relatie:
    model: type[models.Model]
    veld: str
    hoe: str


def _versie_uniek(model, veld: str) -> bool:
    return any(isinstance(c, models.UniqueConstraint) and set(c.fields) == {veld, "versie"}
               for c in model._meta.constraints)


def relaties() -> list[Relatie]:
    """Every foreign key to Deelnemer, with how a merge treats it. Raises for one it cannot place."""
    uit = []
    for rel in Deelnemer._meta.related_objects:
        model, veld = rel.related_model, rel.field.name
        if (model, veld) in BLIJVEN_STAAN:
            uit.append(Relatie(model, veld, LATEN))
            continue
        if not rel.one_to_many:
            raise NotImplementedError(f"Samenvoegen kent de relatie {model.__name__}.{veld} niet.")
        if _versie_uniek(model, veld):
            uit.append(Relatie(model, veld, VERSIES))
            continue
        onbekend = [c.name for c in model._meta.constraints
                    if isinstance(c, models.UniqueConstraint) and veld in c.fields and c.name not in BEKENDE_UNIEK]
        if onbekend or any(f.unique for f in model._meta.concrete_fields if f.name == veld):
            raise NotImplementedError(f"Samenvoegen kent de unieke regel {onbekend} op {model.__name__}.{veld} niet.")
        uit.append(Relatie(model, veld, VERPLAATSEN))
    return uit


# --- what the confirmation page shows and the service checks ----------------------------------


def _lopend(deelnemer: Deelnemer):
    return deelnemer.trajecten.filter(einddatum__isnull=True).order_by("aanmelddatum").first()


def samenvoegen_bezwaren(*, blijft: Deelnemer, vervalt: Deelnemer, door: Gebruiker) -> list[str]:
    """Why these two dossiers cannot be merged now (Dutch, for the screen); [] when they can."""
    if door.rol != Rol.COORDINATOR:
        return [gettext("Alleen de coördinator voegt dossiers samen.")]
    if blijft.pk == vervalt.pk:
        return [gettext("Een dossier kan niet met zichzelf worden samengevoegd. Kies twee verschillende deelnemers.")]
    bezwaren = []
    for d in (blijft, vervalt):
        if d.samengevoegd_op is not None:
            bezwaren.append(gettext("%(clientcode)s is al samengevoegd met een ander dossier.") % {"clientcode": d.clientcode})
        elif d.gewist_op is not None:
            bezwaren.append(gettext("De persoonsgegevens van %(clientcode)s zijn gewist; een gewist dossier voeg je niet samen.")
                            % {"clientcode": d.clientcode})
    if bezwaren:
        return bezwaren
    zichtbaar = set(deelnemers_visible_to(door).filter(pk__in=[blijft.pk, vervalt.pk]).values_list("pk", flat=True))
    if zichtbaar != {blijft.pk, vervalt.pk}:
        return [gettext("Je kunt alleen dossiers samenvoegen die je zelf mag inzien.")]
    if blijft.programma_id != vervalt.programma_id:
        return [gettext("De deelnemers horen bij verschillende programma's. Samenvoegen kan alleen binnen één programma.")]
    for d in (blijft, vervalt):
        if d.overdrachten.filter(status="voorbereid").exists():
            bezwaren.append(gettext("Voor %(clientcode)s staat een overdracht naar een ander programma klaar. Laat die "
                                    "eerst afhandelen of trek haar in; daarna kun je samenvoegen.") % {"clientcode": d.clientcode})
    a, b = _lopend(blijft), _lopend(vervalt)
    if a and b:
        bezwaren.append(gettext(
            "Beide deelnemers hebben een lopend traject (%(blijft)s aangemeld op %(datum_blijft)s, "
            "%(vervalt)s aangemeld op %(datum_vervalt)s). Een deelnemer heeft één lopend traject: "
            "sluit eerst een van de twee af, daarna kun je samenvoegen."
        ) % {"blijft": blijft.clientcode, "datum_blijft": format(a.aanmelddatum, "%d-%m-%Y"),
             "vervalt": vervalt.clientcode, "datum_vervalt": format(b.aanmelddatum, "%d-%m-%Y")})
    return bezwaren


def _leeg(veld: str, waarde) -> bool:
    return waarde in LEEG or (veld == "signalen_mensenhandel" and waarde is False)


def aanvullingen(*, blijft: Deelnemer, vervalt: Deelnemer) -> dict:
    """{field: value} of the dossier that goes, for the fields the one that stays has not filled in.

    A filled-in value of the one that stays is never overwritten. Signals of trafficking are kept when
    either dossier records them.
    """
    uit = {}
    for veld in PERSOONSVELDEN:
        f = Deelnemer._meta.get_field(veld)
        eigen, ander = f.value_from_object(blijft), f.value_from_object(vervalt)
        if _leeg(veld, eigen) and not _leeg(veld, ander):
            uit[f.attname] = ander
    for periode in PERIODEN:
        if any(getattr(blijft, veld) is not None for veld in periode):
            for veld in periode:
                uit.pop(veld, None)
    return uit


def aanvulling_labels(*, blijft: Deelnemer, vervalt: Deelnemer) -> list[str]:
    return [str(Deelnemer._meta.get_field(a.removesuffix("_id")).verbose_name)
            for a in aanvullingen(blijft=blijft, vervalt=vervalt)]


# --- the writes -------------------------------------------------------------------------------


def _vastlegvolgorde(model) -> tuple[str, ...]:
    return ("vastgelegd_op", "pk") if any(f.name == "vastgelegd_op" for f in model._meta.concrete_fields) else ("pk",)


def _versies_samenvoegen(model, veld: str, blijft: Deelnemer, vervalt: Deelnemer) -> None:
    """Both histories become one, numbered again in the order they were recorded: the newest is in force."""
    rijen = list(model._default_manager.filter(**{f"{veld}__in": [blijft.pk, vervalt.pk]})
                 .order_by(*_vastlegvolgorde(model)).values_list("pk", flat=True))
    if not rijen:
        return
    # Out of the way first, each history by its own offset (they share version numbers and PostgreSQL checks
    # uniqueness row by row), then 1..n in recording order.
    rijen_qs = model._default_manager.filter(pk__in=rijen)
    stap = (rijen_qs.aggregate(m=models.Max("versie"))["m"] or 0) + len(rijen) + 1
    rijen_qs.filter(**{veld: blijft.pk}).update(versie=F("versie") + stap)
    rijen_qs.filter(**{veld: vervalt.pk}).update(**{veld: blijft.pk}, versie=F("versie") + 2 * stap)
    for nummer, pk in enumerate(rijen, start=1):
        model._default_manager.filter(pk=pk).update(versie=nummer)


def _vergrendelen(*deelnemers: Deelnemer) -> dict[int, Deelnemer]:
    """Both rows locked in id order (two merges of overlapping pairs cannot deadlock). By pk, not through
    deelnemers_visible_to: PostgreSQL refuses FOR UPDATE on its outer joins; samenvoegen_bezwaren checks
    visibility on the locked rows right after."""
    pks = sorted(d.pk for d in deelnemers)
    return {d.pk: d for d in Deelnemer.objects.select_for_update().filter(pk__in=pks).order_by("pk")}


@transaction.atomic
def deelnemers_samenvoegen(
    *, blijft: Deelnemer, vervalt: Deelnemer, versie_blijft: int | None, versie_vervalt: int | None, door: Gebruiker,
) -> Deelnemer:
    """Move every record of `vervalt` to `blijft`; `vervalt` is closed as merged. One audit event names both.

    Refused (ValidationError, Dutch) by samenvoegen_bezwaren; a Conflict when either dossier changed since the
    coordinator looked at the confirmation page.
    """
    rijen = _vergrendelen(blijft, vervalt)
    blijft, vervalt = rijen.get(blijft.pk, blijft), rijen.get(vervalt.pk, vervalt)
    bezwaren = samenvoegen_bezwaren(blijft=blijft, vervalt=vervalt, door=door)
    if bezwaren:
        raise ValidationError(bezwaren)
    controleer_versie(blijft, versie_blijft)
    controleer_versie(vervalt, versie_vervalt)

    oude_categorie = blijft.juridische_categorie
    aangevuld = aanvullingen(blijft=blijft, vervalt=vervalt)
    for relatie in relaties():
        if relatie.hoe == VERSIES:
            _versies_samenvoegen(relatie.model, relatie.veld, blijft, vervalt)
        elif relatie.hoe == VERPLAATSEN:
            relatie.model._default_manager.filter(**{relatie.veld: vervalt}).update(**{relatie.veld: blijft})

    # The dossier that stays: completed from the other, and its legal fields follow the route now in force.
    velden = dict(aangevuld)
    route = JuridischeRoute.objects.filter(deelnemer=blijft).order_by("-versie").first()
    if route is not None:
        velden |= {f: getattr(route, f) for f in ROUTE_VELDEN}
    Deelnemer.objects.filter(pk=blijft.pk).update(**velden, versie=F("versie") + 1)
    blijft.refresh_from_db()
    categorie_wijziging_vastleggen(blijft, oude_categorie, blijft.juridische_categorie, door)

    # The dossier that goes: closed as merged, its personal data erased (what the other lacked was copied).
    Deelnemer.objects.filter(pk=vervalt.pk).update(samengevoegd_met=blijft, samengevoegd_op=timezone.now())
    deelnemer_velden_wissen(deelnemer=vervalt, velden=persoonsgegevens_gewist())

    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=blijft.clientcode,
              clientcodes=[blijft.clientcode, vervalt.clientcode], object_type="samenvoegen",
              object_id=str(vervalt.pk), grondslag="coordinator")
    return blijft


@transaction.atomic
def geen_duplicaat_vastleggen(*, deelnemer: Deelnemer, ander: Deelnemer, door: Gebruiker) -> GeenDuplicaat:
    """The coordinator decides these two are different people: the pair leaves the list of likely duplicates."""
    if door.rol != Rol.COORDINATOR:
        raise ValidationError(gettext("Alleen de coördinator legt vast dat twee deelnemers verschillende personen zijn."))
    if deelnemer.pk == ander.pk:
        raise ValidationError(gettext("Kies twee verschillende deelnemers."))
    zichtbaar = deelnemers_visible_to(door).filter(pk__in=[deelnemer.pk, ander.pk]).count()
    if zichtbaar != 2:
        raise ValidationError(gettext("Je kunt dit alleen vastleggen voor deelnemers die je zelf mag inzien."))
    laag, hoog = sorted((deelnemer, ander), key=lambda d: d.pk)
    if GeenDuplicaat.objects.filter(deelnemer=laag, ander=hoog).exists():
        raise ValidationError(gettext("%(laag)s en %(hoog)s zijn al als verschillende personen vastgelegd.") % {"laag": laag.clientcode, "hoog": hoog.clientcode})
    besluit = GeenDuplicaat(deelnemer=laag, ander=hoog, door=door)
    besluit.full_clean()
    besluit.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=laag.clientcode,
              clientcodes=[laag.clientcode, hoog.clientcode], obj=besluit, object_type="geen_duplicaat",
              grondslag="coordinator")
    return besluit

