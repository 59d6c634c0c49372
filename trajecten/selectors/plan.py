"""Reads for the plan feature: the current plan per leefgebied, metingen first vs latest, charts, caseload signal."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from trajecten.models import Doel, DoelVoortgang, MetingScore, Traject, Trajectplan
from trajecten.selectors.expressies import eenmalig_gebouwd
from uitstap import charts
from uitstap.codes import DoelStatus, Leefgebied

OPEN_STATUSSEN = (DoelStatus.OPEN, DoelStatus.BEZIG)


# --- caseload signal --------------------------------------------------------------------------


def annoteer_doelen_verlopen(qs: QuerySet, vandaag: datetime.date) -> QuerySet:
    """`doelen_verlopen`: open or bezig goals (not sub-goals) of the current plan past their streefdatum.

    Needs met_traject_stand: the current traject is its `huidig_traject_id` (the column the database keeps), so
    the subquery starts from that traject's plans instead of from every goal; current plan = no later version."""
    return qs.annotate(doelen_verlopen=_doelen_verlopen(vandaag))


@eenmalig_gebouwd
def _doelen_verlopen(vandaag: datetime.date):
    later_plan = Trajectplan.objects.filter(traject_id=OuterRef("plan__traject_id"), volgnummer__gt=OuterRef("plan__volgnummer"))
    verlopen = (
        Doel.objects.filter(plan__traject_id=OuterRef("huidig_traject_id"), ouder__isnull=True,
                            status__in=OPEN_STATUSSEN, streefdatum__lt=vandaag)
        .filter(~Exists(later_plan))
        .order_by().values("plan__traject_id").annotate(n=Count("pk")).values("n")[:1]
    )
    return Coalesce(Subquery(verlopen, output_field=IntegerField()), 0)


# --- the current plan -------------------------------------------------------------------------


def huidig_plan(traject: Traject | None) -> Trajectplan | None:
    if traject is None:
        return None
    return traject.plannen.order_by("-volgnummer").first()


def is_verlopen(doel: Doel, vandaag: datetime.date) -> bool:
    return doel.status in OPEN_STATUSSEN and doel.streefdatum is not None and doel.streefdatum < vandaag


@dataclass
class LeefgebiedGroep:
    leefgebied: str
    label: str
    doelen: list = field(default_factory=list)


def _doelen_qs():
    # A goal's progress is read with that of its earlier copies (voortgang_per_doel), not through the goal.
    return Doel.objects.prefetch_related(Prefetch("subdoelen", queryset=Doel.objects.order_by("volgorde", "id")))


def doelen_per_leefgebied(plan: Trajectplan, vandaag: datetime.date | None = None) -> list[LeefgebiedGroep]:
    """Main goals of a plan grouped by leefgebied (in the order of the code list), sub-goals attached."""
    vandaag = vandaag or datetime.date.today()
    groepen: dict[str, LeefgebiedGroep] = {}
    for doel in _doelen_qs().filter(plan=plan, ouder__isnull=True).order_by("volgorde", "id"):
        doel.verlopen = is_verlopen(doel, vandaag)
        for sub in doel.subdoelen.all():
            sub.verlopen = is_verlopen(sub, vandaag)
        groep = groepen.setdefault(doel.leefgebied, LeefgebiedGroep(doel.leefgebied, Leefgebied(doel.leefgebied).label))
        groep.doelen.append(doel)
    return [groepen[lg] for lg in Leefgebied.values if lg in groepen]


def afgeronde_doelen_eerder(plan: Trajectplan) -> list[Doel]:
    """Finished main goals of older versions: they are not copied into a new version, but belong to the story."""
    if plan.volgnummer == 1:
        return []
    return list(
        Doel.objects.filter(plan__traject=plan.traject, plan__volgnummer__lt=plan.volgnummer, ouder__isnull=True)
        .exclude(status__in=OPEN_STATUSSEN).select_related("plan").order_by("-plan__volgnummer", "leefgebied", "volgorde")
    )


def voortgang_per_doel(doelen: list[Doel]) -> dict[int, list[DoelVoortgang]]:
    """Progress of each goal including that of its earlier copies (oorsprong), oldest first: two queries
    for any number of goals (the traject's goal chains, then all their progress)."""
    if not doelen:
        return {}
    # Goals of a first version have no earlier copies: then each chain is the goal itself.
    oorsprong = dict(
        Doel.objects.filter(
            plan__traject__in=Doel.objects.filter(pk__in=[d.pk for d in doelen]).values("plan__traject")
        ).values_list("pk", "oorsprong_id")
    ) if any(d.oorsprong_id for d in doelen) else {}
    ketens = {}
    for doel in doelen:
        keten, huidig = [], doel.pk
        while huidig is not None and huidig not in keten:
            keten.append(huidig)
            huidig = oorsprong.get(huidig)
        ketens[doel.pk] = keten
    per_id: dict[int, list[DoelVoortgang]] = {}
    alle_ids = {pk for keten in ketens.values() for pk in keten}
    for v in DoelVoortgang.objects.filter(doel_id__in=alle_ids).select_related("door").order_by("datum", "id"):
        per_id.setdefault(v.doel_id, []).append(v)
    return {
        pk: sorted((v for id_ in keten for v in per_id.get(id_, [])), key=lambda v: (v.datum, v.pk))
        for pk, keten in ketens.items()
    }


def voortgang_van(doel: Doel) -> list[DoelVoortgang]:
    """Progress of one goal including that of its earlier copies, oldest first."""
    return voortgang_per_doel([doel])[doel.pk]


def voortgang_grafiek(doel: Doel, voortgang: list[DoelVoortgang]) -> str | None:
    """Data URI of the goal's score over time, from its start score; None when there are fewer than two points."""
    punten = []
    if doel.startscore and doel.gesteld_op:
        punten.append((doel.gesteld_op, doel.startscore))
    punten += [(v.datum, v.score) for v in voortgang if v.score is not None]
    if len(punten) < 2:
        return None
    svg = charts.voortgang_svg(punten=punten, doelscore=doel.doelscore)
    return charts.data_uri(svg)


def versies(traject: Traject) -> list[Trajectplan]:
    return list(
        traject.plannen.order_by("-volgnummer").annotate(aantal_doelen=Count("doelen"))
        .select_related("aangemaakt_door")
    )


# --- metingen ---------------------------------------------------------------------------------


@dataclass
class MetingRij:
    leefgebied: str
    label: str
    eerste: int | None = None
    eerste_datum: datetime.date | None = None
    laatste: int | None = None
    laatste_datum: datetime.date | None = None

    @property
    def verschil(self):
        if self.eerste is None or self.laatste is None or self.eerste_datum == self.laatste_datum:
            return None
        return self.laatste - self.eerste


def meting_tabel(traject: Traject) -> list[MetingRij]:
    """Per leefgebied the earliest and the latest score (by date, then order of recording)."""
    scores = (
        MetingScore.objects.filter(meting__traject=traject)
        .select_related("meting").order_by("meting__datum", "meting_id")
    )
    return _eerste_en_laatste((s.leefgebied, s.score, s.meting.datum) for s in scores)


def meting_tabel_van(historie: "MetingHistorie") -> list[MetingRij]:
    """`meting_tabel` from the metingen `meting_historie` loaded already (oldest first), without a query."""
    return _eerste_en_laatste((s.leefgebied, s.score, m.datum) for m in historie.metingen for s in m.scores.all())


def _eerste_en_laatste(scores) -> list[MetingRij]:
    rijen = {lg: MetingRij(lg, label) for lg, label in Leefgebied.choices}
    for leefgebied, score, datum in scores:
        rij = rijen[leefgebied]
        if rij.eerste is None:
            rij.eerste, rij.eerste_datum = score, datum
        rij.laatste, rij.laatste_datum = score, datum
    return [r for r in rijen.values() if r.eerste is not None]


@dataclass
class MetingHistorie:
    """OSCaR's assessment history: one row per leefgebied, one column per meting (oldest first)."""
    metingen: list
    rijen: list  # (label, [score or None per meting], verschil first -> last or None)


def meting_historie(traject: Traject | None) -> MetingHistorie:
    """Every meting of the traject as a column (one query)."""
    if traject is None:
        return MetingHistorie([], [])
    metingen = list(traject.metingen.prefetch_related("scores").order_by("datum", "id"))
    rijen = []
    for lg, label in Leefgebied.choices:
        waarden = [next((s.score for s in m.scores.all() if s.leefgebied == lg), None) for m in metingen]
        gevuld = [w for w in waarden if w is not None]
        if not gevuld:
            continue
        rijen.append((label, waarden, gevuld[-1] - gevuld[0] if len(gevuld) > 1 else None))
    return MetingHistorie(metingen, rijen)


def radar_grafiek(rijen: list[MetingRij]) -> str | None:
    """Data URI of the radar chart (first vs latest score per leefgebied); None with fewer than three leefgebieden."""
    if len(rijen) < 3:
        return None
    # gettext: the chart follows the language the convenant is printed in (Dutch on screen)
    labels = [gettext(r.label) for r in rijen]
    reeksen = [(gettext("Eerste score"), [r.eerste for r in rijen])]
    if any(r.laatste_datum != r.eerste_datum for r in rijen):
        reeksen.append((gettext("Laatste score"), [r.laatste for r in rijen]))
    return charts.data_uri(charts.radar_svg(labels=labels, reeksen=reeksen))


# --- the PDF ----------------------------------------------------------------------------------


def plan_pdf_context(
    plan: Trajectplan, *, vandaag: datetime.date | None = None, taal: str = "nl", tweetalig: bool = False,
) -> dict:
    """Everything the convenant PDF shows, prepared for the template (call it inside translation.override(taal):
    the fixed texts are translated, the goals stay as the coach wrote them)."""
    traject = plan.traject
    deelnemer = traject.deelnemer
    programma = deelnemer.programma
    rijen = meting_tabel(traject)
    return {
        "plan": plan,
        "traject": traject,
        "deelnemer": deelnemer,
        "programma": programma,
        "toon_wettelijke_naam": bool(programma.wettelijke_naam_op_pdf),
        "groepen": doelen_per_leefgebied(plan, vandaag),
        "meting_rijen": rijen,
        "radar": radar_grafiek(rijen),
        "begeleider": deelnemer.begeleider,
        "afgedrukt_op": vandaag or datetime.date.today(),
        "taal": taal,
        "tweetalig": tweetalig and taal != "nl",
    }
