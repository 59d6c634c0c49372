"""What happens: trajecten, phase history, intake, contacts, metingen, plans, goals, referrals, outcomes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
import pgtrigger
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from clients.models import Deelnemer
from uitstap.codes import (
    Afsluitreden,
    Branche,
    ContactSoort,
    ContactStatus,
    DoelStatus,
    Fase,
    Inkomstenbron,
    IntakeBesluit,
    Leefgebied,
    Schulden,
    SekswerkStatus,
    NacontroleTermijn,
    NacontroleUitkomst,
    Stopreden,
    UitstroomResultaat,
    UitstroomSoort,
    Verwijzer,
    VerwijzingStatus,
    Woonsituatie,
)
from uitstap.models import Contactpersoon, Gemeente, Ketenpartner, Organisatie, Programma

SCORE_VALIDATORS = [
    MinValueValidator(1, _("Een score is minimaal 1.")),
    MaxValueValidator(10, _("Een score is maximaal 10.")),
]


def append_only(naam: str, *, wisbaar: str) -> list:
    """History rows are appended, never edited (PostgreSQL refuses it). The one exception: erasure
    (clients/avg.py) may blank the free-text field `wisbaar` to '' or '[gewist]'."""
    wijzigt_inhoud = pgtrigger.Q(**{f"old__{wisbaar}__df": pgtrigger.F(f"new__{wisbaar}")}) & ~pgtrigger.Q(
        **{f"new__{wisbaar}__in": ["", "[gewist]"]}
    )
    return [
        pgtrigger.Protect(name=f"{naam}_niet_verwijderen", operation=pgtrigger.Delete),
        pgtrigger.Protect(name=f"{naam}_niet_wijzigen", operation=pgtrigger.Update,
                          condition=pgtrigger.AnyChange(exclude=[wisbaar])),
        pgtrigger.Protect(name=f"{naam}_tekst_alleen_wissen", operation=pgtrigger.Update, condition=wijzigt_inhoud),
    ]


# The phases that count as instroom (DEFINITIONS.md: the first transition to one of them is the instroomdatum).
INSTROOM_FASEN = (Fase.ORIENTATIE, Fase.UITVOERING, Fase.NAZORG)
_INSTROOM_SQL = ", ".join(f"'{f}'" for f in INSTROOM_FASEN)

# Traject.instroom_op is kept by the database itself: after every inserted transition to an instroom phase
# it becomes the earliest such date (PostgreSQL: this trigger; SQLite: the same trigger, made in migration
# trajecten 0004_traject_instroom_op). So services, the import and the bulk seed cannot forget it. Transitions are never
# edited or deleted on their own (append_only), so an insert is the only change that can move it.
INSTROOM_TRIGGER = pgtrigger.Trigger(
    name="instroom_op_bijwerken",
    when=pgtrigger.After,
    operation=pgtrigger.Insert,
    func=f"""
        IF NEW.fase IN ({_INSTROOM_SQL}) THEN
            UPDATE trajecten_traject SET instroom_op = LEAST(COALESCE(instroom_op, NEW.datum), NEW.datum)
            WHERE id = NEW.traject_id;
        END IF;
        RETURN NULL;
    """,
)


# The traject's current state, kept by the database like instroom_op, so that lists, the caseload and the
# figures join one row instead of searching the histories per participant (issue 21): the current phase and
# since when (latest transition by date, then id), the latest held contact, whether it is the participant's
# current traject (latest aanmelddatum, then id), and the first plan version's date and the first day a version
# was signed by both. Each trigger recomputes its columns from the rows (no increments), on both backends with
# the same statements (SQLite's versions are made in migrations trajecten 0006_traject_stand and 0007_traject_signalen).
# The caseload's signals read three more (0007): the second-latest no-show (two no-shows in the last 60 days ⟺ it
# lies within them), the earliest planned contact, and the earliest target date of the open goals of the newest plan.
# One more (0009) is the participant's rather than the traject's: the earliest referral date among the open referrals
# (not started, not ended) of all the participant's trajecten, on each of their trajecten, so that the caseload reads
# it through the current traject's join instead of searching every open referral of the database.
STAND_VELDEN = ("huidige_fase", "fase_sinds", "laatste_contact", "is_huidig", "eerste_plan_op", "eerste_ondertekening_op",
                "tweede_no_show_op", "volgend_gepland_op", "vroegste_streefdatum", "oudste_open_verwijzing")


def stand_fase_sql(traject: str) -> str:
    laatste = (f"FROM trajecten_faseovergang f WHERE f.traject_id = {traject} ORDER BY f.datum DESC, f.id DESC LIMIT 1")
    return (f"UPDATE trajecten_traject SET huidige_fase = (SELECT f.fase {laatste}), fase_sinds = (SELECT f.datum {laatste}) "
            f"WHERE id = {traject};")


def stand_contact_sql(traject: str) -> str:
    geldig = f"FROM trajecten_contactmoment c WHERE c.traject_id = {traject} AND c.foutief_op IS NULL AND c.status ="
    return (f"UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) {geldig} '{ContactStatus.GEHOUDEN.value}'), "
            f"tweede_no_show_op = (SELECT c.datum {geldig} '{ContactStatus.NIET_VERSCHENEN.value}' "
            "ORDER BY c.datum DESC LIMIT 1 OFFSET 1), "
            f"volgend_gepland_op = (SELECT MIN(c.datum) {geldig} '{ContactStatus.GEPLAND.value}') "
            f"WHERE id = {traject};")


def _vroegste_streefdatum_sql(traject: str) -> str:
    """The earliest target date of the open or bezig main goals of the traject's newest plan version."""
    nieuwste = f"(SELECT p.id FROM trajecten_trajectplan p WHERE p.traject_id = {traject} ORDER BY p.volgnummer DESC LIMIT 1)"
    return (f"(SELECT MIN(d.streefdatum) FROM trajecten_doel d WHERE d.plan_id = {nieuwste} AND d.ouder_id IS NULL "
            f"AND d.status IN ('{DoelStatus.OPEN.value}', '{DoelStatus.BEZIG.value}'))")


def stand_plan_sql(traject: str) -> str:
    beide = "CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op ELSE p.ondertekend_begeleider_op END"
    return (f"UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p "
            f"WHERE p.traject_id = {traject} ORDER BY p.volgnummer LIMIT 1), "
            f"eerste_ondertekening_op = (SELECT MIN({beide}) FROM trajecten_trajectplan p WHERE p.traject_id = {traject} "
            "AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL), "
            f"vroegste_streefdatum = {_vroegste_streefdatum_sql(traject)} "
            f"WHERE id = {traject};")


def stand_doel_sql(plan: str) -> str:
    """After a goal changes: vroegste_streefdatum of the traject its plan version belongs to."""
    return (f"UPDATE trajecten_traject SET vroegste_streefdatum = {_vroegste_streefdatum_sql('trajecten_traject.id')} "
            f"WHERE id = (SELECT p.traject_id FROM trajecten_trajectplan p WHERE p.id = {plan});")


def stand_huidig_sql(deelnemer: str) -> str:
    nieuwste = (f"(SELECT t.id FROM trajecten_traject t WHERE t.deelnemer_id = {deelnemer} "
                "ORDER BY t.aanmelddatum DESC, t.id DESC LIMIT 1)")
    return (f"UPDATE trajecten_traject SET is_huidig = (id = {nieuwste}) "
            f"WHERE deelnemer_id = {deelnemer} AND is_huidig <> (id = {nieuwste});")


def stand_verwijzing_sql(deelnemer: str) -> str:
    """oudste_open_verwijzing of every traject of the participant `deelnemer`."""
    return ("UPDATE trajecten_traject SET oudste_open_verwijzing = (SELECT MIN(v.verwezen) FROM trajecten_verwijzing v "
            f"JOIN trajecten_traject tv ON tv.id = v.traject_id WHERE tv.deelnemer_id = {deelnemer} "
            f"AND v.gestart IS NULL AND v.beeindigd IS NULL) WHERE deelnemer_id = {deelnemer};")


def stand_verwijzing_van_traject_sql(traject: str) -> str:
    """After a referral changes: stand_verwijzing_sql for the participant of its traject."""
    return stand_verwijzing_sql(f"(SELECT tt.deelnemer_id FROM trajecten_traject tt WHERE tt.id = {traject})")


def _stand_trigger(naam: str, operation, sql, kolom: str) -> pgtrigger.Trigger:
    nieuw, oud = sql(f"NEW.{kolom}"), sql(f"OLD.{kolom}")
    return pgtrigger.Trigger(
        name=naam, when=pgtrigger.After, operation=operation,
        func=f"""
        IF TG_OP <> 'DELETE' THEN {nieuw} END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.{kolom} IS DISTINCT FROM NEW.{kolom}) THEN {oud} END IF;
        RETURN NULL;
    """)


STAND_FASE_TRIGGER = _stand_trigger("stand_fase", pgtrigger.Insert, stand_fase_sql, "traject_id")
STAND_CONTACT_TRIGGER = _stand_trigger("stand_contact", pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
                                       stand_contact_sql, "traject_id")
STAND_PLAN_TRIGGER = _stand_trigger("stand_plan", pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
                                    stand_plan_sql, "traject_id")
# Only the columns vroegste_streefdatum reads; a goal that moves to another plan version changes both trajecten.
STAND_DOEL_TRIGGER = _stand_trigger(
    "stand_doel", pgtrigger.Insert | pgtrigger.UpdateOf("plan_id", "ouder_id", "status", "streefdatum") | pgtrigger.Delete,
    stand_doel_sql, "plan_id")
STAND_HUIDIG_TRIGGER = _stand_trigger(
    "stand_huidig", pgtrigger.Insert | pgtrigger.UpdateOf("aanmelddatum", "deelnemer_id") | pgtrigger.Delete,
    stand_huidig_sql, "deelnemer_id")
# Only the columns oudste_open_verwijzing reads; a referral that moves to another traject changes both participants.
STAND_VERWIJZING_TRIGGER = _stand_trigger(
    "stand_verwijzing",
    pgtrigger.Insert | pgtrigger.UpdateOf("traject_id", "verwezen", "gestart", "beeindigd") | pgtrigger.Delete,
    stand_verwijzing_van_traject_sql, "traject_id")
# A new traject takes the participant's value; one that moves (merge) or goes changes both participants.
STAND_TRAJECT_VERWIJZING_TRIGGER = _stand_trigger(
    "stand_traject_verwijzing", pgtrigger.Insert | pgtrigger.UpdateOf("deelnemer_id") | pgtrigger.Delete,
    stand_verwijzing_sql, "deelnemer_id")


def stand_vullen_sql() -> list[str]:
    """The state of every traject at once, from the histories: the same statements as the triggers, for all rows
    (instroom_op included; stand_plan_sql also does the goals' trigger's work). For a bulk load that turns the per-row
    triggers off while it writes (trajecten.demo.bulk)."""
    return [
        stand_fase_sql("trajecten_traject.id"), stand_contact_sql("trajecten_traject.id"),
        stand_plan_sql("trajecten_traject.id"), stand_huidig_sql("trajecten_traject.deelnemer_id"),
        stand_verwijzing_sql("trajecten_traject.deelnemer_id"),
        "UPDATE trajecten_traject SET instroom_op = (SELECT MIN(f.datum) FROM trajecten_faseovergang f "
        f"WHERE f.traject_id = trajecten_traject.id AND f.fase IN ({_INSTROOM_SQL}));",
    ]


# The triggers stand_vullen_sql stands in for (PostgreSQL; SQLite's carry "stand" or "instroom" in their name,
# see trajecten.demo.bulk).
STAND_TRIGGERS = (INSTROOM_TRIGGER, STAND_FASE_TRIGGER, STAND_CONTACT_TRIGGER, STAND_PLAN_TRIGGER, STAND_DOEL_TRIGGER,
                  STAND_HUIDIG_TRIGGER, STAND_VERWIJZING_TRIGGER, STAND_TRAJECT_VERWIJZING_TRIGGER)


def score_constraint(field: str, name: str, nullable: bool = True) -> models.CheckConstraint:
    condition = Q(**{f"{field}__gte": 1, f"{field}__lte": 10})
    if nullable:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(name=name, condition=condition)


class Traject(models.Model):
    """One enrolment of a participant; a participant can have several (herinstroom)."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="trajecten")
    aanmelddatum = models.DateField(_("aanmelddatum"))
    verwijzer = models.CharField(_("verwezen door"), max_length=30, choices=Verwijzer.choices, blank=True)
    verwijzer_ketenpartner = models.ForeignKey(
        Ketenpartner, verbose_name=_("verwijzende organisatie"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="inkomende_trajecten",
    )
    verwijzer_toelichting = models.CharField(_("verwijzer (organisatie of naam)"), max_length=200, blank=True)
    outreach_actie = models.ForeignKey(
        "OutreachActie", verbose_name=_("bereikt via outreachactie"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="aanmeldingen",
    )
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    # The executing organisation that carries the traject out (one of the programme's organisaties).
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("uitvoerende organisatie"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="trajecten",
    )
    # Only for a traject closed before instroom (never left contact, no Uitstroom).
    afsluitreden = models.CharField(
        _("reden van afsluiten (zonder instroom)"), max_length=20, choices=Afsluitreden.choices, blank=True
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    # The earliest transition to an instroom phase, kept by the database (INSTROOM_TRIGGER): the figures read
    # it instead of searching the history per traject. Never written by the application.
    instroom_op = models.DateField(_("instroomdatum"), null=True, blank=True, editable=False, db_index=True)
    # The current state (STAND_VELDEN), kept by the database (the STAND_* triggers); never written by the application.
    huidige_fase = models.CharField(_("huidige fase"), max_length=20, choices=Fase.choices, blank=True, null=True,
                                    editable=False)
    fase_sinds = models.DateField(_("in deze fase sinds"), null=True, blank=True, editable=False)
    laatste_contact = models.DateField(_("laatste gehouden contact"), null=True, blank=True, editable=False)
    is_huidig = models.BooleanField(_("huidig traject van de deelnemer"), default=False, editable=False)
    eerste_plan_op = models.DateField(_("eerste trajectplan opgesteld op"), null=True, blank=True, editable=False)
    eerste_ondertekening_op = models.DateField(_("trajectplan eerst ondertekend op"), null=True, blank=True, editable=False)
    tweede_no_show_op = models.DateField(_("op een na laatste keer niet verschenen"), null=True, blank=True, editable=False)
    volgend_gepland_op = models.DateField(_("vroegste geplande contact"), null=True, blank=True, editable=False)
    vroegste_streefdatum = models.DateField(_("vroegste streefdatum van de open doelen"), null=True, blank=True,
                                            editable=False)
    oudste_open_verwijzing = models.DateField(_("oudste openstaande verwijzing van de deelnemer"), null=True, blank=True,
                                              editable=False)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["deelnemer", "aanmelddatum", "id"]
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        constraints = [
            models.CheckConstraint(
                name="traject_einde_na_aanmelding",
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("aanmelddatum")),
            ),
            models.CheckConstraint(
                name="afsluitreden_alleen_bij_einddatum",
                condition=Q(afsluitreden="") | Q(einddatum__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["deelnemer"], condition=Q(einddatum__isnull=True), name="een_open_traject_per_deelnemer",
                violation_error_message=_("Deze deelnemer heeft nog een lopend traject. Sluit dat eerst af."),
            ),
        ]
        indexes = [
            models.Index(fields=["deelnemer"], condition=Q(is_huidig=True), name="traject_huidig"),
            # The caseload's "this week": the open current trajecten with a planned contact by a given day, and
            # whose they are (read from the index alone on PostgreSQL).
            models.Index(fields=["volgend_gepland_op"], include=["id", "deelnemer"],
                         condition=Q(is_huidig=True, einddatum__isnull=True), name="traject_open_gepland"),
        ]
        triggers = [STAND_HUIDIG_TRIGGER, STAND_TRAJECT_VERWIJZING_TRIGGER]

    def __str__(self):
        return f"{self.deelnemer.clientcode} traject {self.aanmelddatum:%d-%m-%Y}"

    def save(self, *args, **kwargs):
        """Never write instroom_op or the state: the triggers keep them, and this object's copy may be older than the row."""
        if not self._state.adding:
            velden = kwargs.get("update_fields")
            if velden is None:
                velden = [f.name for f in self._meta.concrete_fields if not f.primary_key]
            kwargs["update_fields"] = [v for v in velden if v != "instroom_op" and v not in STAND_VELDEN]
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.einddatum is None

    @property
    def heeft_instroom(self) -> bool:
        """Whether the traject ever left contact (it has an instroomdatum)."""
        return self.fase_overgangen.exclude(fase=Fase.CONTACT).exists()


class FaseOvergang(models.Model):
    """A phase transition. Appended, never edited: the latest recorded on or before a day wins."""
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="fase_overgangen")
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    datum = models.DateField(_("datum"))
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The id is the order of recording: of two transitions on one day the higher id is the later.
        ordering = ["traject", "datum", "id"]
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        indexes = [models.Index(fields=["traject", "datum", "id"])]
        triggers = [*append_only("faseovergang", wisbaar="reden"), INSTROOM_TRIGGER, STAND_FASE_TRIGGER]


class Intake(models.Model):
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access
    traject = models.OneToOneField(Traject, on_delete=models.CASCADE, related_name="intake")
    datum = models.DateField(_("datum intakegesprek"))
    hulpvraag = models.TextField(_("hulpvraag"), blank=True)
    aanleiding = models.TextField(_("motivatie en aanleiding"), blank=True)
    verwachtingen_besproken = models.BooleanField(_("verwachtingen over en weer besproken"), default=False)
    # Inclusion criteria and contra-indications (CCV evaluation, ch. 4).
    spreekt_nederlands_of_engels = models.BooleanField(_("spreekt voldoende Nederlands of Engels"), null=True, blank=True)
    verslaving = models.BooleanField(_("actieve verslaving die deelname in de weg staat"), null=True, blank=True)
    psychiatrische_problematiek = models.BooleanField(_("ernstige psychiatrische problematiek"), null=True, blank=True)
    legaal_verblijf = models.BooleanField(_("rechtmatig verblijf in Nederland"), null=True, blank=True)
    # The intake in full (CCV §4.1.2); the four booleans above stay readable for older intakes.
    levensverhaal = models.TextField(_("levensverhaal"), blank=True)
    wensen = models.TextField(_("wensen voor de toekomst"), blank=True)
    eerdere_pogingen = models.TextField(_("eerdere pogingen om uit te stappen"), blank=True)
    hoe_gehoord = models.CharField(_("hoe gehoord van het programma"), max_length=200, blank=True)
    vrijwillig_bevestigd = models.BooleanField(_("deelname is vrijwillig; dat is met de deelnemer nagegaan"), default=False)
    besluit = models.CharField(_("besluit"), max_length=20, choices=IntakeBesluit.choices)
    besluit_reden = models.TextField(_("toelichting op het besluit"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")


class IntakeCriterium(models.Model):
    """The answer at intake on one of the programme's criteria or contra-indications."""
    # AVG erasure empties these answers (they may concern health), as it does the four booleans of Intake.
    AVG_WISSEN = {"voldaan": None}

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="criteria")
    criterium = models.ForeignKey("uitstap.Toelatingscriterium", on_delete=models.PROTECT, related_name="+")
    voldaan = models.BooleanField(_("van toepassing"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["intake", "criterium__soort", "criterium__volgorde", "criterium_id"]
        constraints = [models.UniqueConstraint(fields=["intake", "criterium"], name="een_antwoord_per_criterium")]


class Intakegesprek(models.Model):
    """A follow-up talk of the intake in the oriëntatie phase (an intake may have several)."""
    deelnemer_pad = "intake__traject__deelnemer"  # the way to the participant, for clients.access

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="gesprekken")
    datum = models.DateField(_("datum"))
    notitie = models.TextField(_("verslag"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["intake", "datum", "id"]
        verbose_name = _("intakegesprek")
        verbose_name_plural = _("intakegesprekken")


class Contactmoment(models.Model):
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access
    class MetWie(models.TextChoices):
        DEELNEMER = "deelnemer", _("Deelnemer")
        KETENPARTNER = "ketenpartner", _("Ketenpartner")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="contactmomenten")
    datum = models.DateField(_("datum"))
    tijd = models.TimeField(_("tijd"), null=True, blank=True)
    soort = models.CharField(_("soort contact"), max_length=30, choices=ContactSoort.choices, default=ContactSoort.GESPREK)
    status = models.CharField(_("status"), max_length=20, choices=ContactStatus.choices, default=ContactStatus.GEHOUDEN)
    duur_minuten = models.PositiveIntegerField(
        _("duur (minuten)"), null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    met_wie = models.CharField(_("met wie"), max_length=20, choices=MetWie.choices, default=MetWie.DEELNEMER)
    ketenpartner = models.ForeignKey(
        Ketenpartner, verbose_name=_("ketenpartner"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    leefgebieden = models.JSONField(_("besproken leefgebieden"), default=list, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)
    vertrouwelijk = models.BooleanField(
        _("vertrouwelijk"), default=False, help_text=_("Alleen zichtbaar voor begeleider, achtervang en coördinator.")
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)
    # Registered by mistake (DEFINITIONS.md, foutief): kept for the audit, struck through, counted nowhere.
    foutief_op = models.DateTimeField(_("foutief gemarkeerd op"), null=True, blank=True)
    foutief_reden = models.CharField(_("reden"), max_length=500, blank=True)
    foutief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-datum", "-tijd", "-id"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [
            models.Index(fields=["traject", "status", "datum"]),
            # The figures' pass over a period's contacts (rapportage.cijfers.contacten): read from the index alone on
            # PostgreSQL (index-only scan) instead of the whole table, about twice as fast at 20 000 participants.
            models.Index(fields=["datum", "traject", "status", "duur_minuten"], condition=Q(foutief_op__isnull=True),
                         name="contact_periode"),
            # The caseload's "this week": the planned contacts of some days, with what the list shows and counts,
            # read from the index alone on PostgreSQL instead of a page of the table per contact.
            models.Index(fields=["datum"], include=["traject", "tijd", "soort", "id"],
                         condition=Q(status=ContactStatus.GEPLAND, foutief_op__isnull=True), name="contact_gepland"),
        ]
        triggers = [STAND_CONTACT_TRIGGER]


class Uitstroom(models.Model):
    """How a traject ended: uitgestapt (with result) or tussentijds gestopt (with reason)."""
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access

    traject = models.OneToOneField(Traject, on_delete=models.CASCADE, related_name="uitstroom")
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=20, choices=UitstroomSoort.choices)
    resultaat = models.CharField(_("resultaat"), max_length=30, choices=UitstroomResultaat.choices, blank=True)
    branche = models.CharField(_("branche"), max_length=20, choices=Branche.choices, blank=True)
    reden = models.CharField(_("stopreden"), max_length=30, choices=Stopreden.choices, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("uitstroom")
        verbose_name_plural = _("uitstroom")
        constraints = [
            models.CheckConstraint(
                name="uitstroom_velden_passen_bij_soort",
                condition=(
                    Q(soort=UitstroomSoort.UITGESTAPT) & ~Q(resultaat="") & Q(reden="")
                    | Q(soort=UitstroomSoort.GESTOPT) & ~Q(reden="") & Q(resultaat="") & Q(branche="")
                ),
            ),
            models.CheckConstraint(
                name="branche_alleen_bij_betaald_werk",
                condition=Q(branche="") | Q(resultaat=UitstroomResultaat.BETAALD_WERK),
            ),
        ]


class Terugval(models.Model):
    """A return to sex work after exit, dated."""
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="terugvallen")
    datum = models.DateField(_("datum"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("terugval")
        verbose_name_plural = _("terugvallen")


class Nacontrole(models.Model):
    """A dated follow-up check after an exit (uitgestapt): what the coach found at the 6 or 12 month mark.

    Appended, never edited; of several checks on one date the one recorded last counts.
    """

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="nacontroles")
    datum = models.DateField(_("datum"))
    termijn = models.CharField(_("termijn"), max_length=3, choices=NacontroleTermijn.choices)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=NacontroleUitkomst.choices)
    notitie = models.TextField(_("notitie"), blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The id is the order of recording (as for FaseOvergang): of two checks on one day the higher id is the later.
        ordering = ["traject", "datum", "id"]
        verbose_name = _("nacontrole")
        verbose_name_plural = _("nacontroles")
        indexes = [models.Index(fields=["traject", "termijn", "datum"])]
        constraints = [
            models.CheckConstraint(name="nacontrole_termijn_bekend", condition=Q(termijn__in=NacontroleTermijn.values)),
            models.CheckConstraint(name="nacontrole_uitkomst_bekend", condition=Q(uitkomst__in=NacontroleUitkomst.values)),
        ]

    def __str__(self):
        return f"nacontrole {self.termijn} {self.datum:%d-%m-%Y}"


class Leefsituatie(models.Model):
    """A dated change in a participant's situation. Appended, never edited; a row holds only what changed.

    The situation on day d is, per field, the value of the latest row dated on or before d that sets it
    (of rows on the same day, the one recorded last).
    """
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access
    VELDEN = ("inkomstenbron", "kvk_ingeschreven", "woonsituatie", "schulden", "sekswerk_status")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="leefsituaties")
    datum = models.DateField(_("datum"))
    inkomstenbron = models.CharField(_("inkomstenbron"), max_length=30, choices=Inkomstenbron.choices, blank=True)
    kvk_ingeschreven = models.BooleanField(_("ingeschreven bij de KvK / opting-in"), null=True, blank=True)
    woonsituatie = models.CharField(_("woonsituatie"), max_length=30, choices=Woonsituatie.choices, blank=True)
    schulden = models.CharField(_("schulden"), max_length=20, choices=Schulden.choices, blank=True)
    sekswerk_status = models.CharField(_("sekswerk"), max_length=20, choices=SekswerkStatus.choices, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["traject", "datum", "id"]
        verbose_name = _("leefsituatie")
        verbose_name_plural = _("leefsituaties")
        indexes = [models.Index(fields=["traject", "datum", "id"])]
        constraints = [
            models.CheckConstraint(
                name="leefsituatie_niet_leeg",
                condition=~Q(inkomstenbron="") | Q(kvk_ingeschreven__isnull=False) | ~Q(woonsituatie="")
                | ~Q(schulden="") | ~Q(sekswerk_status=""),
            ),
        ]


class Meting(models.Model):
    """A dated self-assessment: the participant scores leefgebieden 1-10 (not all required)."""
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="metingen")
    datum = models.DateField(_("datum"))
    notitie = models.TextField(_("notitie"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")


class MetingScore(models.Model):
    meting = models.ForeignKey(Meting, on_delete=models.CASCADE, related_name="scores")
    leefgebied = models.CharField(_("leefgebied"), max_length=30, choices=Leefgebied.choices)
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)

    class Meta:
        ordering = ["meting", "leefgebied"]
        constraints = [
            models.UniqueConstraint(fields=["meting", "leefgebied"], name="een_score_per_leefgebied"),
            score_constraint("score", "metingscore_1_tot_10", nullable=False),
        ]


class Trajectplan(models.Model):
    """A version of the plan (the convenant). Signed versions are frozen; the latest version is current."""
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        ACTIEF = "actief", _("Actief (ondertekend)")
        VERVANGEN = "vervangen", _("Vervangen")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="plannen")
    volgnummer = models.PositiveIntegerField(_("versie"))  # the plan number: 1, 2, ... (shown as "versie")
    opgesteld_op = models.DateField(_("opgesteld op"))
    afspraken = models.TextField(
        _("afspraken over deelname"), blank=True,
        help_text=_("Bindende afspraken over deelname, doelen en structuur (convenant)."),
    )
    ondertekend_deelnemer_op = models.DateField(_("ondertekend door deelnemer op"), null=True, blank=True)
    ondertekend_begeleider_op = models.DateField(_("ondertekend door begeleider op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["traject", "-volgnummer"]
        verbose_name = _("trajectplan")
        verbose_name_plural = _("trajectplannen")
        constraints = [
            models.UniqueConstraint(fields=["traject", "volgnummer"], name="trajectplan_volgnummer_uniek"),
            models.CheckConstraint(
                name="actief_plan_is_ondertekend",
                condition=~Q(status="actief")
                | Q(ondertekend_deelnemer_op__isnull=False, ondertekend_begeleider_op__isnull=False),
            ),
        ]
        triggers = [STAND_PLAN_TRIGGER]

    @property
    def ondertekend_op(self):
        """The day both parties had signed, or None."""
        if self.ondertekend_deelnemer_op and self.ondertekend_begeleider_op:
            return max(self.ondertekend_deelnemer_op, self.ondertekend_begeleider_op)
        return None

    @property
    def is_bevroren(self):
        return self.status != self.Status.CONCEPT


class Doel(models.Model):
    """A SMART goal on one leefgebied; a sub-goal has a parent (one level)."""
    deelnemer_pad = "plan__traject__deelnemer"  # the way to the participant, for clients.access

    plan = models.ForeignKey(Trajectplan, on_delete=models.CASCADE, related_name="doelen")
    ouder = models.ForeignKey(
        "self", verbose_name=_("hoofddoel"), null=True, blank=True, on_delete=models.CASCADE, related_name="subdoelen"
    )
    # The same goal in an earlier plan version (copied when a new version is made).
    oorsprong = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    leefgebied = models.CharField(_("leefgebied"), max_length=30, choices=Leefgebied.choices)
    omschrijving = models.TextField(_("S – specifiek: wat precies?"))
    indicator = models.TextField(_("M – meetbaar: waaraan zien we dat het bereikt is?"), blank=True)
    acceptabel = models.BooleanField(_("A – acceptabel: de deelnemer is het ermee eens"), null=True, blank=True)
    acceptabel_toelichting = models.TextField(_("in eigen woorden van de deelnemer"), blank=True)
    realistisch = models.TextField(_("R – realistisch: waarom is dit haalbaar?"), blank=True)
    streefdatum = models.DateField(_("T – tijdgebonden: streefdatum"), null=True, blank=True)
    startscore = models.PositiveSmallIntegerField(_("startscore"), null=True, blank=True, validators=SCORE_VALIDATORS)
    doelscore = models.PositiveSmallIntegerField(_("doelscore"), null=True, blank=True, validators=SCORE_VALIDATORS)
    status = models.CharField(_("status"), max_length=20, choices=DoelStatus.choices, default=DoelStatus.OPEN)
    gesteld_op = models.DateField(_("gesteld op"), null=True, blank=True)
    behaald_op = models.DateField(_("behaald op"), null=True, blank=True)
    volgorde = models.PositiveIntegerField(default=0)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["plan", "leefgebied", "volgorde", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        constraints = [
            score_constraint("startscore", "doel_startscore_1_tot_10"),
            score_constraint("doelscore", "doel_doelscore_1_tot_10"),
            models.CheckConstraint(
                name="behaald_op_alleen_bij_behaald",
                condition=Q(behaald_op__isnull=True) | Q(status=DoelStatus.BEHAALD),
            ),
        ]
        triggers = [STAND_DOEL_TRIGGER]

    def __str__(self):
        return self.omschrijving[:60]


class DoelVoortgang(models.Model):
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="voortgang")
    datum = models.DateField(_("datum"))
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True, validators=SCORE_VALIDATORS)
    notitie = models.TextField(_("notitie"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["doel", "datum", "id"]
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        constraints = [score_constraint("score", "voortgang_score_1_tot_10")]


class Verwijzing(models.Model):
    """A referral to a ketenpartner. Waiting time = gestart - verwezen."""
    deelnemer_pad = "traject__deelnemer"  # the way to the participant, for clients.access

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="verwijzingen")
    ketenpartner = models.ForeignKey(Ketenpartner, on_delete=models.PROTECT, related_name="verwijzingen")
    contactpersoon = models.ForeignKey(
        Contactpersoon, verbose_name=_("contactpersoon"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hulpvraag = models.CharField(_("soort hulp"), max_length=300, blank=True)
    doel = models.ForeignKey(Doel, verbose_name=_("bij doel"), null=True, blank=True, on_delete=models.SET_NULL, related_name="verwijzingen")
    verwezen = models.DateField(_("verwezen op"))
    intake_partner = models.DateField(_("intake bij partner op"), null=True, blank=True)
    gestart = models.DateField(_("hulp gestart op"), null=True, blank=True)
    beeindigd = models.DateField(_("beëindigd op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=VerwijzingStatus.choices, default=VerwijzingStatus.AANGEVRAAGD)
    reden = models.TextField(_("reden (bij afwijzing of afbreken)"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-verwezen", "-id"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        constraints = [
            models.CheckConstraint(
                name="verwijzing_start_na_verwijzing",
                condition=Q(gestart__isnull=True) | Q(gestart__gte=F("verwezen")),
            ),
            models.CheckConstraint(
                name="verwijzing_einde_na_verwijzing",
                condition=Q(beeindigd__isnull=True) | Q(beeindigd__gte=F("verwezen")),
            ),
            # The status agrees with the dates (the same rule as services/verwijzing.py, said in SQL).
            models.CheckConstraint(
                name="verwijzing_status_past_bij_datums",
                condition=(
                    Q(status__in=["aangevraagd", "wachtlijst"], gestart__isnull=True, beeindigd__isnull=True)
                    | Q(status="gestart", gestart__isnull=False, beeindigd__isnull=True)
                    | Q(status="afgerond", gestart__isnull=False, beeindigd__isnull=False)
                    | Q(status="afgewezen", gestart__isnull=True, beeindigd__isnull=False)
                    | Q(status="afgebroken", beeindigd__isnull=False)
                ),
            ),
        ]
        triggers = [STAND_VERWIJZING_TRIGGER]


class Terugkoppeling(models.Model):
    """A dated note of feedback from the partner on a referral."""

    verwijzing = models.ForeignKey(Verwijzing, on_delete=models.CASCADE, related_name="terugkoppelingen")
    datum = models.DateField(_("datum"))
    notitie = models.TextField(_("terugkoppeling"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")
        triggers = append_only("terugkoppeling", wisbaar="notitie")


class AfspraakAfwijking(models.Model):
    """A contact of a kind the safe-contact arrangement forbids, confirmed by the coach with a reason."""
    deelnemer_pad = "contactmoment__traject__deelnemer"  # the way to the participant, for clients.access

    contactmoment = models.ForeignKey(Contactmoment, on_delete=models.CASCADE, related_name="afspraak_afwijkingen")
    soort = models.CharField(_("soort contact"), max_length=30, choices=ContactSoort.choices)
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("afwijking van de contactafspraken")
        verbose_name_plural = _("afwijkingen van de contactafspraken")


# --- the outreach register (issue 19): anonymous, no personal data at all ---------------------


class LocatieSoort(models.TextChoices):
    RAAM = "raam", _("Raamprostitutie")
    CLUB_PRIVE = "club_prive", _("Club of privéhuis")
    ESCORT = "escort", _("Escort")
    ONLINE = "online", _("Online")
    STRAAT = "straat", _("Straat")
    THUIS = "thuis", _("Thuiswerk")
    OVERIG = "overig", _("Overig")


class OutreachLocatie(models.Model):
    """A named place on the programme's own outreach list (a window street, a club), never a person."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="outreach_locaties")
    naam = models.CharField(_("naam"), max_length=120)
    soort = models.CharField(_("soort locatie"), max_length=20, choices=LocatieSoort.choices)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("outreachlocatie")
        verbose_name_plural = _("outreachlocaties")
        constraints = [models.UniqueConstraint(fields=["programma", "naam"], name="outreachlocatie_naam_uniek")]

    def __str__(self):
        return self.naam


class OutreachActie(models.Model):
    """One outreach round: where, who went, how many people were reached. Counts only, no names."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="outreach_acties")
    datum = models.DateField(_("datum"))
    locatiesoort = models.CharField(_("soort locatie"), max_length=20, choices=LocatieSoort.choices)
    locatie = models.ForeignKey(
        OutreachLocatie, verbose_name=_("locatie"), null=True, blank=True, on_delete=models.PROTECT, related_name="acties",
    )
    medewerkers = models.PositiveSmallIntegerField(_("medewerkers"), default=1)
    voorlichters = models.PositiveSmallIntegerField(_("voorlichters (ervaringsdeskundigen)"), default=0)
    tolken = models.PositiveSmallIntegerField(_("tolken"), default=0)
    bereikt = models.PositiveIntegerField(_("aantal mensen bereikt"), default=0)
    gesprekken = models.PositiveIntegerField(_("gesprekken gevoerd"), default=0)
    materialen = models.PositiveIntegerField(_("materialen uitgedeeld"), default=0,
                                             help_text=_("Folders, kaartjes, goodiebags: het aantal."))
    talen = models.CharField(_("talen"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: Roemeens, Engels, Spaans."))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("outreachactie")
        verbose_name_plural = _("outreachacties")
        constraints = [
            models.CheckConstraint(
                name="outreach_gesprekken_niet_meer_dan_bereikt", condition=Q(gesprekken__lte=F("bereikt")),
                violation_error_message=_("Er kunnen niet meer gesprekken zijn dan mensen bereikt."),
            ),
        ]

    def __str__(self):
        waar = self.locatie.naam if self.locatie_id else self.get_locatiesoort_display()
        return f"{self.datum:%d-%m-%Y} {waar}"


# --- the werkoverleg between programme and gemeente (issue 17) ------------------------------------


class Werkoverleg(models.Model):
    """A structural meeting of a programme and one gemeente about the participants shared with that gemeente.

    The agenda is not stored: it is generated from the consents valid on the meeting date (trajecten.selectors).
    Attendees are free text, one per line ("naam – rol"): guests from outside the application attend too.
    """

    programma = models.ForeignKey(Programma, verbose_name=_("programma"), on_delete=models.PROTECT,
                                  related_name="werkoverleggen")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum"))
    aanwezigen = models.TextField(
        _("aanwezigen"), max_length=1000,
        help_text=_("Eén per regel: naam en rol, bijvoorbeeld ‘Sanne de Vries – klantmanager’."),
    )
    gepland_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("werkoverleg")
        verbose_name_plural = _("werkoverleggen")
        constraints = [
            models.UniqueConstraint(fields=["programma", "gemeente", "datum"], name="werkoverleg_een_per_dag"),
        ]

    def __str__(self):
        return f"werkoverleg {self.gemeente} {self.datum:%d-%m-%Y}"

    def aanwezigen_lijst(self) -> list[str]:
        return [r.strip() for r in self.aanwezigen.splitlines() if r.strip()]


class WerkoverlegAfspraak(models.Model):
    """What was agreed in a werkoverleg about one participant: what, who owns it, by when, and when it was done.
    Open ones return on the next agenda of that gemeente."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    werkoverleg = models.ForeignKey(Werkoverleg, on_delete=models.CASCADE, related_name="afspraken")
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="werkoverleg_afspraken")
    wat = models.CharField(_("wat is afgesproken"), max_length=500)
    eigenaar = models.CharField(_("wie pakt het op"), max_length=100,
                                help_text=_("Bijvoorbeeld: klantmanager, trajectbegeleider of een naam."))
    deadline = models.DateField(_("uiterlijk klaar op"))
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    afgerond_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("afspraak uit het werkoverleg")
        verbose_name_plural = _("afspraken uit het werkoverleg")
        constraints = [
            models.CheckConstraint(
                name="werkoverleg_afspraak_afgerond_door",
                condition=Q(afgerond_op__isnull=True, afgerond_door__isnull=True)
                | Q(afgerond_op__isnull=False, afgerond_door__isnull=False),
            ),
        ]

    def __str__(self):
        return f"afspraak {self.deelnemer_id} {self.deadline:%d-%m-%Y}"


# --- the warm handover to another programme (issue 17) -----------------------------------------------


class Overdracht(models.Model):
    """A warm handover of a participant from her programme (A) to another programme (B) in this installation.

    Prepared by A's coach under a consent for that transfer (a Toestemming with `programma` = B); B's
    coordinator accepts or declines. While it is pending, `samenvatting` holds what the consent covers (built
    when it was prepared): that is all B sees. It is emptied when the handover is declined or withdrawn, and
    moves to B's side (Overdrachtssamenvatting) when accepted, so B never reads A's dossier.
    """
    deelnemer_pad = "deelnemer"  # the way to the participant (A's), for clients.access
    AVG_WISSEN = {"samenvatting": {}}

    class Status(models.TextChoices):
        VOORBEREID = "voorbereid", _("Wacht op besluit")
        GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")
        TOESTEMMING_INGETROKKEN = "toestemming_ingetrokken", _("Toestemming ingetrokken")

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="overdrachten")
    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="overdrachten")
    van_programma = models.ForeignKey(Programma, verbose_name=_("van programma"), on_delete=models.PROTECT,
                                      related_name="+")
    naar_programma = models.ForeignKey(Programma, verbose_name=_("naar programma"), on_delete=models.PROTECT,
                                       related_name="+")
    # RESTRICT: the consent cannot be deleted on its own, but goes with the participant.
    toestemming = models.OneToOneField("clients.Toestemming", on_delete=models.RESTRICT, related_name="overdracht")
    bericht = models.TextField(_("bericht voor het ontvangende programma"), max_length=1000)
    samenvatting = models.JSONField(_("samenvatting binnen de toestemming"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.VOORBEREID)
    voorbereid_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    voorbereid_op = models.DateTimeField(auto_now_add=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    nieuwe_deelnemer = models.ForeignKey(
        Deelnemer, verbose_name=_("deelnemer in het ontvangende programma"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-voorbereid_op", "-id"]
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")
        constraints = [
            models.UniqueConstraint(fields=["deelnemer"], condition=Q(status="voorbereid"),
                                    name="overdracht_een_open_per_deelnemer"),
            models.CheckConstraint(
                name="overdracht_geaccepteerd_heeft_deelnemer",
                condition=Q(status="geaccepteerd", nieuwe_deelnemer__isnull=False)
                | (~Q(status="geaccepteerd") & Q(nieuwe_deelnemer__isnull=True)),
            ),
            models.CheckConstraint(name="overdracht_naar_ander_programma",
                                   condition=~Q(naar_programma=F("van_programma"))),
        ]

    def __str__(self):
        return f"overdracht {self.pk} naar {self.naar_programma_id}"

    @property
    def open(self):
        return self.status == self.Status.VOORBEREID


class Overdrachtssamenvatting(models.Model):
    """What programme B received with an accepted overdracht: a read-only copy on B's side (phases, goals,
    referrals within the consent), so B's dossier never reaches into A's."""
    deelnemer_pad = "deelnemer"  # the way to the participant (B's new one), for clients.access
    AVG_WISSEN = {"inhoud": {}}

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="overdrachtssamenvattingen")
    overdracht = models.OneToOneField(Overdracht, null=True, on_delete=models.SET_NULL, related_name="ontvangen")
    van_programma = models.ForeignKey(Programma, verbose_name=_("van programma"), on_delete=models.PROTECT,
                                      related_name="+")
    scopes = models.JSONField(_("wat is meegegeven"), default=list)
    inhoud = models.JSONField(_("samenvatting"), default=dict)
    ontvangen_op = models.DateField(_("ontvangen op"))
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ontvangen_op", "-id"]
        verbose_name = _("overdrachtssamenvatting")
        verbose_name_plural = _("overdrachtssamenvattingen")
