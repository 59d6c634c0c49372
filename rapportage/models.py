"""The grant (Beschikking) with its reporting periods, budget and plan figures, and the Jaarverslag per period.

A Beschikking is the funder's grant decision for one programme. Its reporting periods are the
12-month periods from the grant's start (Bijlage 1, art. 6), plus any custom period. Changes
are kept as appended Wijziging rows (who changed which field from what to what), next to the
audit event every service writes.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, gettext_lazy as _

from uitstap.models import Organisatie, Programma

BEDRAG = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(0, _("Een bedrag is niet negatief."))]}


class Begrotingspost(models.TextChoices):
    BEGELEIDING = "begeleiding", _("Begeleiding")
    ACTIVITEITEN = "activiteiten", _("Activiteiten")
    KETENKOSTEN = "ketenkosten", _("Ketenkosten")
    ONDERZOEK = "onderzoek", _("Onderzoek")
    OVERIG = "overig", _("Overig")


# A grant of this amount or more needs an accountant's statement with the final account (art. 7).
ACCOUNTANTSVERKLARING_VANAF = 100_000


class Beschikking(models.Model):
    """The grant decision of a programme: funder, number, grant period, amount, penvoerder."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="beschikkingen")
    financier = models.CharField(_("financier"), max_length=200)
    nummer = models.CharField(_("beschikkingsnummer"), max_length=100)
    startdatum = models.DateField(_("start subsidieperiode"))
    einddatum = models.DateField(_("einde subsidieperiode"))
    bedrag = models.DecimalField(_("toegekend bedrag (€)"), **BEDRAG)
    penvoerder = models.ForeignKey(
        Organisatie, verbose_name=_("penvoerder"), on_delete=models.PROTECT, related_name="beschikkingen_als_penvoerder"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["programma", "-startdatum"]
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")
        constraints = [
            models.UniqueConstraint(fields=["programma", "nummer"], name="beschikking_nummer_uniek"),
            models.CheckConstraint(name="beschikking_einde_na_start", condition=Q(einddatum__gte=F("startdatum"))),
            models.CheckConstraint(name="beschikking_bedrag_niet_negatief", condition=Q(bedrag__gte=0)),
        ]

    def __str__(self):
        return f"{self.financier} {self.nummer}"

    @property
    def accountantsverklaring_nodig(self) -> bool:
        return self.bedrag >= ACCOUNTANTSVERKLARING_VANAF


class Verslagperiode(models.Model):
    """A reporting period of the grant with the project plan's targets for it."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="perioden")
    nummer = models.PositiveSmallIntegerField(_("periode"), validators=[MinValueValidator(1)])
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    # Project-plan targets (null: not entered).
    plan_deelnemers = models.PositiveIntegerField(_("verwacht aantal deelnemers"), null=True, blank=True)
    plan_intakes = models.PositiveIntegerField(_("intakes"), null=True, blank=True)
    plan_trajectplannen = models.PositiveIntegerField(_("trajectplannen"), null=True, blank=True)
    plan_uitstroom = models.PositiveIntegerField(_("uitstroom (uitgestapt)"), null=True, blank=True)
    plan_betaald_werk = models.PositiveIntegerField(_("uitstroom naar betaald werk"), null=True, blank=True)
    plan_fte = models.DecimalField(
        _("fte begeleiding"), max_digits=6, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    werkelijk_fte = models.DecimalField(
        _("fte begeleiding (werkelijk)"), max_digits=6, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["beschikking", "nummer"]
        verbose_name = _("verslagperiode")
        verbose_name_plural = _("verslagperioden")
        constraints = [
            models.UniqueConstraint(fields=["beschikking", "nummer"], name="verslagperiode_nummer_uniek"),
            models.CheckConstraint(name="verslagperiode_tot_na_van", condition=Q(tot__gte=F("van"))),
        ]

    def __str__(self):
        return gettext("periode %(nummer)s (%(van)s t/m %(tot)s)") % {
            "nummer": self.nummer, "van": f"{self.van:%d-%m-%Y}", "tot": f"{self.tot:%d-%m-%Y}"}


class BegrotingsRegel(models.Model):
    """The approved budget of one post."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="begroting")
    post = models.CharField(_("post"), max_length=20, choices=Begrotingspost.choices)
    bedrag = models.DecimalField(_("begroot (€)"), **BEDRAG)

    class Meta:
        ordering = ["beschikking", "post"]
        constraints = [
            models.UniqueConstraint(fields=["beschikking", "post"], name="begrotingsregel_post_uniek"),
            models.CheckConstraint(name="begrotingsregel_post_bekend", condition=Q(post__in=Begrotingspost.values)),
        ]


class Besteding(models.Model):
    """What was spent on one post in one reporting period."""

    periode = models.ForeignKey(Verslagperiode, on_delete=models.CASCADE, related_name="bestedingen")
    post = models.CharField(_("post"), max_length=20, choices=Begrotingspost.choices)
    bedrag = models.DecimalField(_("besteed (€)"), **BEDRAG)

    class Meta:
        ordering = ["periode", "post"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "post"], name="besteding_post_uniek"),
            models.CheckConstraint(name="besteding_post_bekend", condition=Q(post__in=Begrotingspost.values)),
        ]


class Cofinancier(models.Model):
    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="cofinanciers")
    naam = models.CharField(_("naam"), max_length=200)
    bijdrage = models.DecimalField(_("bijdrage (€)"), **BEDRAG)

    class Meta:
        ordering = ["beschikking", "naam"]
        verbose_name = _("cofinancier")
        verbose_name_plural = _("cofinanciers")
        constraints = [models.UniqueConstraint(fields=["beschikking", "naam"], name="cofinancier_naam_uniek")]


class Voorschot(models.Model):
    """An advance received (art. 5)."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="voorschotten")
    datum = models.DateField(_("ontvangen op"))
    bedrag = models.DecimalField(_("bedrag (€)"), **BEDRAG)

    class Meta:
        ordering = ["beschikking", "datum", "id"]
        verbose_name = _("voorschot")
        verbose_name_plural = _("voorschotten")


class Wijziging(models.Model):
    """History of the beschikking's figures: one appended row per changed field, never edited."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="wijzigingen")
    onderdeel = models.CharField(_("onderdeel"), max_length=100)
    veld = models.CharField(_("veld"), max_length=100)
    oud = models.CharField(_("was"), max_length=200, blank=True)
    nieuw = models.CharField(_("wordt"), max_length=200, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")


class Jaarverslag(models.Model):
    """The verslag over one reporting period (or, as eindverslag, the whole grant period).

    Concept while the coordinator writes; finalising freezes the figures (JSON) and the PDF with
    its SHA-256, so what was sent can be produced again unchanged. A correction is a new version.
    """

    class Soort(models.TextChoices):
        JAARVERSLAG = "jaarverslag", _("Voortgangsverslag")
        EINDVERSLAG = "eindverslag", _("Eindverslag")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        DEFINITIEF = "definitief", _("Definitief")

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="verslagen")
    periode = models.ForeignKey(
        Verslagperiode, null=True, blank=True, on_delete=models.PROTECT, related_name="verslagen",
        help_text=_("Leeg bij het eindverslag (de hele subsidieperiode)."),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.JAARVERSLAG)
    volgnummer = models.PositiveSmallIntegerField(_("versienummer"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    # The coordinator's narrative sections.
    toelichting_plan = models.TextField(_("toelichting op plan en werkelijkheid"), blank=True)
    knelpunten = models.TextField(_("knelpunten en bijsturing"), blank=True)
    continuiteit = models.TextField(_("continuïteit"), blank=True)
    evaluatie = models.TextField(_("evaluatie"), blank=True)
    # Frozen at finalising.
    cijfers = models.JSONField(_("cijfers bij vaststelling"), null=True, blank=True)
    pdf = models.BinaryField(_("pdf"), null=True, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 van de pdf"), max_length=64, blank=True)
    definitief_op = models.DateTimeField(_("definitief gemaakt op"), null=True, blank=True)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # the lock, as everywhere

    SECTIES = ("toelichting_plan", "knelpunten", "continuiteit", "evaluatie")

    class Meta:
        ordering = ["beschikking", "periode__nummer", "-volgnummer"]
        verbose_name = _("verslag")
        verbose_name_plural = _("verslagen")
        constraints = [
            models.UniqueConstraint(fields=["beschikking", "periode", "soort", "volgnummer"], name="verslag_versie_uniek"),
            models.UniqueConstraint(
                fields=["beschikking", "soort", "volgnummer"], condition=Q(periode__isnull=True), name="eindverslag_versie_uniek"
            ),
            models.CheckConstraint(
                name="verslag_periode_past_bij_soort",
                condition=Q(soort="jaarverslag", periode__isnull=False) | Q(soort="eindverslag", periode__isnull=True),
            ),
            models.CheckConstraint(
                name="definitief_verslag_is_bevroren",
                condition=Q(status="concept") | (
                    Q(status="definitief", cijfers__isnull=False, pdf__isnull=False, definitief_op__isnull=False)
                    & ~Q(sha256="")
                ),
            ),
        ]

    def __str__(self):
        wat = str(self.periode) if self.periode_id else gettext("subsidieperiode")
        return f"{self.get_soort_display()} {wat} v{self.volgnummer}"

    @property
    def is_definitief(self) -> bool:
        return self.status == self.Status.DEFINITIEF
