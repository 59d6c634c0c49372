"""Writes of the grant: the beschikking, its reporting periods with plan figures, budget, spend, co-financiers, advances.

Every change appends Wijziging rows (field, old, new, who) and writes an audit event.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from rapportage.models import (
    Begrotingspost,
    BegrotingsRegel,
    Beschikking,
    Besteding,
    Cofinancier,
    Verslagperiode,
    Voorschot,
    Wijziging,
)
from uitstap.audit import Actie, audit_log
from uitstap.locking import save_checked

PLAN_VELDEN = (
    "plan_deelnemers", "plan_intakes", "plan_trajectplannen", "plan_uitstroom", "plan_betaald_werk", "plan_fte",
    "werkelijk_fte",
)


def maanden_later(dag: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months later (the last day of the month when it has fewer days)."""
    jaar, maand = divmod(dag.month - 1 + maanden, 12)
    jaar, maand = dag.year + jaar, maand + 1
    for d in (dag.day, 30, 29, 28):
        try:
            return datetime.date(jaar, maand, d)
        except ValueError:
            continue
    raise ValueError(dag)


def twaalfmaandsperioden(start: datetime.date, eind: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """The 12-month periods from the grant's start (Bijlage 1, art. 6); the last ends with the grant."""
    perioden = []
    n = 0
    while True:
        van = maanden_later(start, 12 * n)
        if van > eind:
            return perioden
        tot = min(maanden_later(start, 12 * (n + 1)) - datetime.timedelta(days=1), eind)
        perioden.append((van, tot))
        n += 1


def _log(door, obj, actie=Actie.UPDATE):
    audit_log(actie=actie, gebruiker=door, obj=obj, grondslag="coordinator")


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    return str(waarde)


def _wijzigingen(beschikking, onderdeel: str, oud: dict, nieuw: dict, door) -> list[str]:
    """Append one Wijziging per field whose value changed; return the changed field names."""
    veranderd = [k for k in nieuw if _tekst(oud.get(k)) != _tekst(nieuw[k])]
    Wijziging.objects.bulk_create([
        Wijziging(beschikking=beschikking, onderdeel=onderdeel, veld=k, oud=_tekst(oud.get(k)), nieuw=_tekst(nieuw[k]),
                  door=door)
        for k in veranderd
    ])
    return veranderd


@transaction.atomic
def beschikking_aanmaken(
    *, programma, financier: str, nummer: str, startdatum: datetime.date, einddatum: datetime.date, bedrag: Decimal,
    penvoerder, door,
) -> Beschikking:
    """Record the grant decision; its 12-month reporting periods and an empty budget per post come with it."""
    if not programma.organisaties.filter(pk=penvoerder.pk).exists():
        raise ValidationError({"penvoerder": "De penvoerder moet een uitvoerende organisatie van het programma zijn."})
    if einddatum < startdatum:
        raise ValidationError({"einddatum": "Het einde van de subsidieperiode ligt vóór de start."})
    if Beschikking.objects.filter(programma=programma, nummer=nummer).exists():
        raise ValidationError({"nummer": "Dit beschikkingsnummer bestaat al voor dit programma."})
    beschikking = Beschikking(
        programma=programma, financier=financier, nummer=nummer, startdatum=startdatum, einddatum=einddatum,
        bedrag=bedrag, penvoerder=penvoerder,
    )
    beschikking.full_clean()
    beschikking.save()
    Verslagperiode.objects.bulk_create([
        Verslagperiode(beschikking=beschikking, nummer=i, van=van, tot=tot)
        for i, (van, tot) in enumerate(twaalfmaandsperioden(startdatum, einddatum), 1)
    ])
    BegrotingsRegel.objects.bulk_create([
        BegrotingsRegel(beschikking=beschikking, post=post, bedrag=Decimal("0")) for post in Begrotingspost.values
    ])
    _log(door, beschikking, Actie.CREATE)
    return beschikking


@transaction.atomic
def verslagperiode_toevoegen(*, beschikking: Beschikking, van: datetime.date, tot: datetime.date, door) -> Verslagperiode:
    """A custom reporting period (for instance a shorter first period agreed with the funder)."""
    if tot < van:
        raise ValidationError({"tot": "Het einde van de periode ligt vóór het begin."})
    if van < beschikking.startdatum or tot > beschikking.einddatum:
        raise ValidationError({"van": "De periode moet binnen de subsidieperiode liggen."})
    nummer = (beschikking.perioden.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
    periode = Verslagperiode(beschikking=beschikking, nummer=nummer, van=van, tot=tot)
    periode.full_clean()
    periode.save()
    Wijziging.objects.create(beschikking=beschikking, onderdeel=f"periode {nummer}", veld="periode", oud="",
                             nieuw=f"{van:%d-%m-%Y} t/m {tot:%d-%m-%Y}", door=door)
    _log(door, periode, Actie.CREATE)
    return periode


@transaction.atomic
def verslagperiode_wijzigen(*, periode: Verslagperiode, data: dict, gelezen_versie: int | None, door) -> Verslagperiode:
    """Change the plan figures of one period; refuses a stale version; every changed field is kept in the history."""
    # From the database: a bound ModelForm has already put the new values on the instance.
    oud = Verslagperiode.objects.filter(pk=periode.pk).values(*PLAN_VELDEN).get()
    nieuw = {k: data[k] for k in PLAN_VELDEN if k in data}
    for k, v in nieuw.items():
        setattr(periode, k, v)
    periode.full_clean()
    save_checked(periode, gelezen_versie=gelezen_versie, fields=list(nieuw))
    _wijzigingen(periode.beschikking, f"periode {periode.nummer}", oud, nieuw, door)
    _log(door, periode)
    return periode


def _bedragen(bedragen: dict) -> dict:
    uit = {}
    for post, waarde in bedragen.items():
        if post not in Begrotingspost.values:
            raise ValidationError({post: "Onbekende begrotingspost."})
        try:
            bedrag = Decimal(str(waarde if waarde not in (None, "") else "0"))
        except InvalidOperation:
            raise ValidationError({post: "Vul een bedrag in euro's in, bijvoorbeeld 12500,00."}) from None
        if bedrag < 0:
            raise ValidationError({post: "Een bedrag is niet negatief."})
        uit[post] = bedrag
    return uit


@transaction.atomic
def begroting_wijzigen(*, beschikking: Beschikking, bedragen: dict, gelezen_versie: int | None, door) -> Beschikking:
    """Set the approved budget per post (the beschikking's version guards against a stale screen)."""
    bedragen = _bedragen(bedragen)
    save_checked(beschikking, gelezen_versie=gelezen_versie, fields=[])
    oud = dict(beschikking.begroting.values_list("post", "bedrag"))
    for post, bedrag in bedragen.items():
        BegrotingsRegel.objects.update_or_create(beschikking=beschikking, post=post, defaults={"bedrag": bedrag})
    _wijzigingen(beschikking, "begroting", oud, bedragen, door)
    _log(door, beschikking)
    return beschikking


@transaction.atomic
def besteding_wijzigen(*, periode: Verslagperiode, bedragen: dict, gelezen_versie: int | None, door) -> Verslagperiode:
    """Set what was spent per post in one period."""
    bedragen = _bedragen(bedragen)
    save_checked(periode, gelezen_versie=gelezen_versie, fields=[])
    oud = dict(periode.bestedingen.values_list("post", "bedrag"))
    for post, bedrag in bedragen.items():
        Besteding.objects.update_or_create(periode=periode, post=post, defaults={"bedrag": bedrag})
    _wijzigingen(periode.beschikking, f"besteding periode {periode.nummer}", oud, bedragen, door)
    _log(door, periode)
    return periode


@transaction.atomic
def cofinancier_toevoegen(*, beschikking: Beschikking, naam: str, bijdrage: Decimal, door) -> Cofinancier:
    naam = (naam or "").strip()
    if not naam:
        raise ValidationError({"naam": "Vul de naam van de cofinancier in."})
    if beschikking.cofinanciers.filter(naam=naam).exists():
        raise ValidationError({"naam": "Deze cofinancier staat er al."})
    cofinancier = Cofinancier(beschikking=beschikking, naam=naam, bijdrage=bijdrage)
    cofinancier.full_clean()
    cofinancier.save()
    Wijziging.objects.create(beschikking=beschikking, onderdeel="cofinanciers", veld=naam, nieuw=_tekst(bijdrage), door=door)
    _log(door, cofinancier, Actie.CREATE)
    return cofinancier


@transaction.atomic
def voorschot_toevoegen(*, beschikking: Beschikking, datum: datetime.date, bedrag: Decimal, door) -> Voorschot:
    voorschot = Voorschot(beschikking=beschikking, datum=datum, bedrag=bedrag)
    voorschot.full_clean()
    voorschot.save()
    Wijziging.objects.create(beschikking=beschikking, onderdeel="voorschotten", veld=f"{datum:%d-%m-%Y}",
                             nieuw=_tekst(bedrag), door=door)
    _log(door, voorschot, Actie.CREATE)
    return voorschot
