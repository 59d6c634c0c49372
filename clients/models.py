"""Who: the participant (Deelnemer) with coach and backup, and documents in the dossier."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from uitstap.codes import Gender, JuridischeCategorie, Sector, Verblijfsstatus
from uitstap.models import Gemeente, Programma


class Taalniveau(models.TextChoices):
    GEEN = "geen", "Geen"
    BASIS = "basis", "Basis (A1–A2)"
    REDELIJK = "redelijk", "Redelijk (B1)"
    GOED = "goed", "Goed (B2 of hoger)"
    MOEDERTAAL = "moedertaal", "Moedertaal"


class Deelnemer(models.Model):
    """A participant, known on screen by clientcode and roepnaam only."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="deelnemers")
    clientcode = models.CharField("clientcode", max_length=40)
    roepnaam = models.CharField("roepnaam", max_length=100, blank=True, help_text="Mag een werknaam zijn.")
    # Personal data: only when needed, never in lists, titles or URLs.
    voornamen = models.CharField("voornamen", max_length=200, blank=True)
    achternaam = models.CharField("achternaam", max_length=200, blank=True)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    bsn = models.CharField(
        "BSN", max_length=9, blank=True,
        validators=[RegexValidator(r"^\d{8,9}$", "Een BSN bestaat uit 8 of 9 cijfers.")],
    )
    geboortejaar = models.PositiveSmallIntegerField(
        "geboortejaar", null=True, blank=True, validators=[MinValueValidator(1920), MaxValueValidator(2100)]
    )
    gender = models.CharField("gender", max_length=20, choices=Gender.choices, default=Gender.ONBEKEND)
    herkomstland = models.CharField(
        "herkomstland", max_length=2, blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Gebruik de landcode van twee letters, zoals NL of RO.")],
    )
    taal = models.CharField("voertaal", max_length=60, blank=True)
    taalniveau_nl = models.CharField("beheersing Nederlands", max_length=20, choices=Taalniveau.choices, blank=True)
    juridische_categorie = models.CharField(
        "juridische categorie", max_length=1, choices=JuridischeCategorie.choices, blank=True
    )
    verblijfsstatus = models.CharField(
        "verblijfsstatus", max_length=40, choices=Verblijfsstatus.choices, default=Verblijfsstatus.ONBEKEND
    )
    bedenktijd_start = models.DateField("bedenktijd vanaf", null=True, blank=True)
    bedenktijd_eind = models.DateField("bedenktijd tot", null=True, blank=True)
    vergunning_start = models.DateField("verblijfsvergunning vanaf", null=True, blank=True)
    vergunning_eind = models.DateField("verblijfsvergunning tot", null=True, blank=True)
    woongemeente = models.ForeignKey(
        Gemeente, verbose_name="woongemeente", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    werkgemeente = models.ForeignKey(
        Gemeente, verbose_name="werkgemeente", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.CharField("sector", max_length=20, choices=Sector.choices, default=Sector.ONBEKEND)
    signalen_mensenhandel = models.BooleanField("signalen van mensenhandel of dwang", default=False)
    heeft_kinderen = models.BooleanField("heeft kinderen", null=True, blank=True)
    gestopt_met_sekswerk_op = models.DateField("gestopt met sekswerk op", null=True, blank=True)
    begeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="trajectbegeleider", null=True, blank=True,
        on_delete=models.PROTECT, related_name="caseload",
    )
    achtervang = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="achtervang", null=True, blank=True,
        on_delete=models.PROTECT, related_name="achtervang_voor",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewist_op = models.DateTimeField("persoonsgegevens gewist op", null=True, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["clientcode"]
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        constraints = [
            models.UniqueConstraint(fields=["programma", "clientcode"], name="clientcode_uniek_per_programma"),
            models.CheckConstraint(
                name="achtervang_niet_begeleider",
                condition=Q(achtervang__isnull=True) | ~Q(achtervang=models.F("begeleider")),
            ),
            models.CheckConstraint(
                name="bedenktijd_volgorde",
                condition=Q(bedenktijd_start__isnull=True) | Q(bedenktijd_eind__isnull=True)
                | Q(bedenktijd_eind__gte=models.F("bedenktijd_start")),
            ),
        ]

    def __str__(self):
        return self.clientcode

    @property
    def label(self):
        return f"{self.clientcode} · {self.roepnaam}" if self.roepnaam else self.clientcode

    @property
    def wettelijke_naam(self):
        return " ".join(p for p in (self.voornamen, self.achternaam) if p)


class Document(models.Model):
    """A file in the dossier, stored under a random name outside every web root."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    class Soort(models.TextChoices):
        TRAJECTPLAN = "trajectplan", "Ondertekend trajectplan"
        TOESTEMMING = "toestemming", "Toestemmingsformulier"
        OVERIG = "overig", "Overig"

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="documenten")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    bestandsnaam = models.CharField("oorspronkelijke bestandsnaam", max_length=200)
    opslagnaam = models.CharField(max_length=80, unique=True, editable=False)
    content_type = models.CharField(max_length=60, editable=False)
    grootte = models.PositiveIntegerField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-geupload_op"]
        verbose_name = "document"
        verbose_name_plural = "documenten"

    def __str__(self):
        return self.bestandsnaam
