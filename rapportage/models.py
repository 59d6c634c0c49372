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

from uitstap.models import Organisatie, Programma

BEDRAG = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(0, "Een bedrag is niet negatief.")]}


class Begrotingspost(models.TextChoices):
    BEGELEIDING = "begeleiding", "Begeleiding"
    ACTIVITEITEN = "activiteiten", "Activiteiten"
    KETENKOSTEN = "ketenkosten", "Ketenkosten"
    ONDERZOEK = "onderzoek", "Onderzoek"
    OVERIG = "overig", "Overig"


# A grant of this amount or more needs an accountant's statement with the final account (art. 7).
ACCOUNTANTSVERKLARING_VANAF = 100_000


class Beschikking(models.Model):
    """The grant decision of a programme: funder, number, grant period, amount, penvoerder."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="beschikkingen")
    financier = models.CharField("financier", max_length=200)
    nummer = models.CharField("beschikkingsnummer", max_length=100)
    startdatum = models.DateField("start subsidieperiode")
    einddatum = models.DateField("einde subsidieperiode")
    bedrag = models.DecimalField("toegekend bedrag (€)", **BEDRAG)
    penvoerder = models.ForeignKey(
        Organisatie, verbose_name="penvoerder", on_delete=models.PROTECT, related_name="beschikkingen_als_penvoerder"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["programma", "-startdatum"]
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
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
    nummer = models.PositiveSmallIntegerField("periode", validators=[MinValueValidator(1)])
    van = models.DateField("van")
    tot = models.DateField("tot en met")
    # Project-plan targets (null: not entered).
    plan_deelnemers = models.PositiveIntegerField("verwacht aantal deelnemers", null=True, blank=True)
    plan_intakes = models.PositiveIntegerField("intakes", null=True, blank=True)
    plan_trajectplannen = models.PositiveIntegerField("trajectplannen", null=True, blank=True)
    plan_uitstroom = models.PositiveIntegerField("uitstroom (uitgestapt)", null=True, blank=True)
    plan_betaald_werk = models.PositiveIntegerField("uitstroom naar betaald werk", null=True, blank=True)
    plan_fte = models.DecimalField(
        "fte begeleiding", max_digits=6, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    werkelijk_fte = models.DecimalField(
        "fte begeleiding (werkelijk)", max_digits=6, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["beschikking", "nummer"]
        verbose_name = "verslagperiode"
        verbose_name_plural = "verslagperioden"
        constraints = [
            models.UniqueConstraint(fields=["beschikking", "nummer"], name="verslagperiode_nummer_uniek"),
            models.CheckConstraint(name="verslagperiode_tot_na_van", condition=Q(tot__gte=F("van"))),
        ]

    def __str__(self):
        return f"periode {self.nummer} ({self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y})"


class BegrotingsRegel(models.Model):
    """The approved budget of one post."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="begroting")
    post = models.CharField("post", max_length=20, choices=Begrotingspost.choices)
    bedrag = models.DecimalField("begroot (€)", **BEDRAG)

    class Meta:
        ordering = ["beschikking", "post"]
        constraints = [
            models.UniqueConstraint(fields=["beschikking", "post"], name="begrotingsregel_post_uniek"),
            models.CheckConstraint(name="begrotingsregel_post_bekend", condition=Q(post__in=Begrotingspost.values)),
        ]


class Besteding(models.Model):
    """What was spent on one post in one reporting period."""

    periode = models.ForeignKey(Verslagperiode, on_delete=models.CASCADE, related_name="bestedingen")
    post = models.CharField("post", max_length=20, choices=Begrotingspost.choices)
    bedrag = models.DecimalField("besteed (€)", **BEDRAG)

    class Meta:
        ordering = ["periode", "post"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "post"], name="besteding_post_uniek"),
            models.CheckConstraint(name="besteding_post_bekend", condition=Q(post__in=Begrotingspost.values)),
        ]


class Cofinancier(models.Model):
    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="cofinanciers")
    naam = models.CharField("naam", max_length=200)
    bijdrage = models.DecimalField("bijdrage (€)", **BEDRAG)

    class Meta:
        ordering = ["beschikking", "naam"]
        verbose_name = "cofinancier"
        verbose_name_plural = "cofinanciers"
        constraints = [models.UniqueConstraint(fields=["beschikking", "naam"], name="cofinancier_naam_uniek")]


class Voorschot(models.Model):
    """An advance received (art. 5)."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="voorschotten")
    datum = models.DateField("ontvangen op")
    bedrag = models.DecimalField("bedrag (€)", **BEDRAG)

    class Meta:
        ordering = ["beschikking", "datum", "id"]
        verbose_name = "voorschot"
        verbose_name_plural = "voorschotten"


class Wijziging(models.Model):
    """History of the beschikking's figures: one appended row per changed field, never edited."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="wijzigingen")
    onderdeel = models.CharField("onderdeel", max_length=100)
    veld = models.CharField("veld", max_length=100)
    oud = models.CharField("was", max_length=200, blank=True)
    nieuw = models.CharField("wordt", max_length=200, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = "wijziging"
        verbose_name_plural = "wijzigingen"


class Jaarverslag(models.Model):
    """The verslag over one reporting period (or, as eindverslag, the whole grant period).

    Concept while the coordinator writes; finalising freezes the figures (JSON) and the PDF with
    its SHA-256, so what was sent can be produced again unchanged. A correction is a new version.
    """

    class Soort(models.TextChoices):
        JAARVERSLAG = "jaarverslag", "Voortgangsverslag"
        EINDVERSLAG = "eindverslag", "Eindverslag"

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        DEFINITIEF = "definitief", "Definitief"

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="verslagen")
    periode = models.ForeignKey(
        Verslagperiode, null=True, blank=True, on_delete=models.PROTECT, related_name="verslagen",
        help_text="Leeg bij het eindverslag (de hele subsidieperiode).",
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices, default=Soort.JAARVERSLAG)
    volgnummer = models.PositiveSmallIntegerField("versienummer", default=1)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.CONCEPT)
    # The coordinator's narrative sections.
    toelichting_plan = models.TextField("toelichting op plan en werkelijkheid", blank=True)
    knelpunten = models.TextField("knelpunten en bijsturing", blank=True)
    continuiteit = models.TextField("continuïteit", blank=True)
    evaluatie = models.TextField("evaluatie", blank=True)
    # Frozen at finalising.
    cijfers = models.JSONField("cijfers bij vaststelling", null=True, blank=True)
    pdf = models.BinaryField("pdf", null=True, blank=True, editable=False)
    sha256 = models.CharField("SHA-256 van de pdf", max_length=64, blank=True)
    definitief_op = models.DateTimeField("definitief gemaakt op", null=True, blank=True)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # the lock, as everywhere

    SECTIES = ("toelichting_plan", "knelpunten", "continuiteit", "evaluatie")

    class Meta:
        ordering = ["beschikking", "periode__nummer", "-volgnummer"]
        verbose_name = "verslag"
        verbose_name_plural = "verslagen"
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
        wat = str(self.periode) if self.periode_id else "subsidieperiode"
        return f"{self.get_soort_display()} {wat} v{self.volgnummer}"

    @property
    def is_definitief(self) -> bool:
        return self.status == self.Status.DEFINITIEF
