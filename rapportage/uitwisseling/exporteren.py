"""Reads a programme into the `uitstap-import/1` format, so that export -> import -> export is the identity."""

from django.db.models import Prefetch, QuerySet

from clients.models import Deelnemer
from clients.selectors import deelnemers_van_programma
from rapportage.cijfers.basis import getal
from rapportage.uitwisseling.schema import FORMAAT
from trajecten.models import (
    Contactmoment, Doel, FaseOvergang, Leefsituatie, Meting, Nacontrole, Terugval, Traject, Verwijzing,
)
from uitstap.audit import Actie, audit_log
from uitstap.models import Programma


def _d(waarde):
    return waarde.isoformat() if waarde else None


def _of_null(tekst):
    return tekst or None


def _plan(traject: Traject) -> dict | None:
    """One plan per traject: first drawn up and first signed over all versions, and every goal in its
    latest state. A new plan version copies only the goals still open, so finished goals live on in
    older versions: the goals exported are those no later version copied (the ends of each chain)."""
    plannen = sorted(traject.plannen.all(), key=lambda p: p.volgnummer)
    if not plannen:
        return None
    getekend = [p.ondertekend_op for p in plannen if p.ondertekend_op]
    alle = [g for p in plannen for g in p.doelen.all()]
    gekopieerd = {g.oorsprong_id for g in alle if g.oorsprong_id}
    hoofd = sorted((g for g in alle if g.ouder_id is None and g.pk not in gekopieerd),
                   key=lambda g: (g.leefgebied, g.volgorde, g.pk))
    subs: dict[int, list[Doel]] = {}
    for g in alle:
        if g.ouder_id is not None:
            subs.setdefault(g.ouder_id, []).append(g)
    doelen = []
    for g in hoofd:
        doel = {
            "leefgebied": g.leefgebied, "omschrijving": g.omschrijving, "indicator": _of_null(g.indicator),
            "streefdatum": _d(g.streefdatum), "startscore": g.startscore, "doelscore": g.doelscore,
            "status": g.status, "behaald_op": _d(g.behaald_op), "gesteld_op": _d(g.gesteld_op),
            "subdoelen": [
                {"omschrijving": s.omschrijving, "status": s.status, "streefdatum": _d(s.streefdatum),
                 "behaald_op": _d(s.behaald_op)}
                for s in sorted(subs.get(g.pk, []), key=lambda s: (s.volgorde, s.pk))
            ],
        }
        doelen.append(doel)
    return {"opgesteld": _d(plannen[0].opgesteld_op), "ondertekend": _d(min(getekend)) if getekend else None,
            "doelen": doelen}


def _uitstroom(u) -> dict | None:
    if u is None:
        return None
    uit = {"datum": _d(u.datum), "soort": u.soort}
    for sleutel in ("resultaat", "branche", "reden"):
        if getattr(u, sleutel):
            uit[sleutel] = getattr(u, sleutel)
    return uit


def _leefsituatie(ls: Leefsituatie) -> dict:
    """Only what the row sets, so a row reads as the change it recorded."""
    uit = {"datum": _d(ls.datum)}
    for veld in Leefsituatie.VELDEN:
        waarde = getattr(ls, veld)
        if waarde not in ("", None):
            uit[veld] = waarde
    return uit


def _traject(t: Traject, begeleider: str | None) -> dict:
    intake = getattr(t, "intake", None)
    uitstroom = getattr(t, "uitstroom", None)
    uit = {
        "aanmelddatum": _d(t.aanmelddatum),
        "verwijzer": _of_null(t.verwijzer),
        "begeleider": begeleider,
        "fasen": [{"fase": f.fase, "datum": _d(f.datum)} for f in t.fase_overgangen.all()],
        "intake": None,
        "metingen": [
            {"datum": _d(m.datum), "scores": {s.leefgebied: s.score for s in m.scores.all()}} for m in t.metingen.all()
        ],
        "trajectplan": _plan(t),
        "verwijzingen": [
            {"ketenpartner": v.ketenpartner.naam, "verwezen": _d(v.verwezen), "gestart": _d(v.gestart),
             "beeindigd": _d(v.beeindigd), "status": v.status}
            for v in t.verwijzingen.all()
        ],
        "contactmomenten": [
            {"datum": _d(c.datum), "soort": c.soort, "duur_minuten": c.duur_minuten, "status": c.status}
            for c in t.contactmomenten.all()
        ],
        "uitstroom": _uitstroom(uitstroom),
        "einddatum": _d(t.einddatum),
        "terugval": [
            {"datum": _d(tv.datum), **({"toelichting": tv.toelichting} if tv.toelichting else {})}
            for tv in t.terugvallen.all()
        ],
        "organisatie": t.organisatie.naam if t.organisatie_id else None,
        "afsluitreden": _of_null(t.afsluitreden),
        "nacontroles": [
            {"datum": _d(n.datum), "termijn": n.termijn, "uitkomst": n.uitkomst} for n in t.nacontroles.all()
        ],
        "leefsituaties": [_leefsituatie(ls) for ls in t.leefsituaties.all()],
    }
    if intake is not None:
        uit["intake"] = {"datum": _d(intake.datum), "besluit": intake.besluit}
        if intake.besluit_reden:
            uit["intake"]["besluit_reden"] = intake.besluit_reden
    return uit


def _deelnemer(d: Deelnemer) -> dict:
    trajecten = list(d.trajecten.all())
    coach = d.begeleider.username if d.begeleider_id else None
    return {
        "clientcode": d.clientcode,
        "roepnaam": _of_null(d.roepnaam),
        "geboortejaar": d.geboortejaar,
        "gender": d.gender or None,
        "herkomstland": _of_null(d.herkomstland),
        "juridische_categorie": int(d.juridische_categorie) if d.juridische_categorie else None,
        "verblijfsstatus": d.verblijfsstatus or None,
        "woongemeente": d.woongemeente.naam if d.woongemeente_id else None,
        "werkgemeente": d.werkgemeente.naam if d.werkgemeente_id else None,
        "sector": d.sector or None,
        "signalen_mensenhandel": d.signalen_mensenhandel,
        # The coach belongs to the participant: it is written on the latest traject only.
        "trajecten": [_traject(t, coach if i == len(trajecten) - 1 else None) for i, t in enumerate(trajecten)],
    }


def programma_exporteren(programma: Programma, deelnemers: QuerySet[Deelnemer] | None = None) -> dict:
    """The whole programme (or the given participants of it) as one `uitstap-import/1` document."""
    if deelnemers is None:
        deelnemers = deelnemers_van_programma(programma)
    deelnemers = (
        # A dossier merged into another is no participant any more: its records are exported with the other.
        deelnemers.filter(programma=programma, samengevoegd_op__isnull=True)
        .select_related("begeleider", "woongemeente", "werkgemeente")
        .prefetch_related(
            Prefetch("trajecten", queryset=Traject.objects.select_related("intake", "uitstroom", "organisatie").order_by("aanmelddatum", "id")),
            Prefetch("trajecten__fase_overgangen", queryset=FaseOvergang.objects.order_by("datum", "id")),
            Prefetch("trajecten__metingen", queryset=Meting.objects.order_by("datum", "id").prefetch_related("scores")),
            "trajecten__plannen__doelen",
            Prefetch("trajecten__verwijzingen", queryset=Verwijzing.objects.select_related("ketenpartner").order_by("verwezen", "id")),
            # Contacts marked foutief are left out: they are treated as if they did not exist.
            Prefetch("trajecten__contactmomenten",
                     queryset=Contactmoment.objects.filter(foutief_op__isnull=True).order_by("datum", "id")),
            Prefetch("trajecten__terugvallen", queryset=Terugval.objects.order_by("datum", "id")),
            Prefetch("trajecten__nacontroles", queryset=Nacontrole.objects.order_by("datum", "aangemaakt_op", "id")),
            Prefetch("trajecten__leefsituaties", queryset=Leefsituatie.objects.order_by("datum", "id")),
        )
        .order_by("clientcode")
    )
    jaren = {
        str(pj.jaar): {
            "verwacht_deelnemers": pj.verwacht_deelnemers, "intakes_begroot": pj.intakes_begroot,
            "begroting": getal(pj.begroting), "uitgaven": getal(pj.uitgaven),
        }
        for pj in programma.jaren.order_by("jaar")
    }
    partners = [
        {"naam": kp.naam, "soort": kp.soort, "gemeente": next((g.naam for g in kp.gemeenten.all()), None)}
        for kp in programma.ketenpartners.prefetch_related("gemeenten").order_by("naam")
    ]
    return {
        "formaat": FORMAAT,
        "programma": {
            "slug": programma.slug,
            "naam": programma.naam,
            "organisaties": sorted(o.naam for o in programma.organisaties.all()),
            "gemeenten": sorted(g.naam for g in programma.gemeenten.all()),
            "regeling": programma.regeling,
            "nazorg": {
                "duur_maanden": programma.nazorg_duur_maanden, "contact_dagen": programma.nazorg_contact_dagen,
                "nacontroles": [t for t, aan in (("6m", programma.nacontrole_6m), ("12m", programma.nacontrole_12m)) if aan],
            },
            "jaren": jaren,
        },
        "ketenpartners": partners,
        "deelnemers": [_deelnemer(d) for d in deelnemers],
    }


def geschiedenis_exporteren(
    *, programma: Programma, door=None, deelnemers: QuerySet[Deelnemer] | None = None, systeem: str = "",
) -> dict:
    """The export as a write: the data and its audit event (by a user, or by a command named in `systeem`)."""
    data = programma_exporteren(programma, deelnemers)
    audit_log(
        actie=Actie.EXPORT, gebruiker=door, gebruikersnaam=systeem, object_type="programma",
        object_id=str(programma.pk), clientcodes=[d["clientcode"] for d in data["deelnemers"]],
        grondslag="coordinator" if door is not None else "",
    )
    return data
