"""Core models: users, organisations, gemeenten, programmes, the sociale kaart and the audit log."""

import pgtrigger
from django.contrib.auth.models import AbstractUser
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.db.models import Q

from uitstap.codes import KetenpartnerSoort, Regeling, Rol


class Organisatie(models.Model):
    naam = models.CharField("naam", max_length=200, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    naam = models.CharField("naam", max_length=100, unique=True)
    cbs_code = models.CharField("CBS-code", max_length=6, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self):
        return self.naam


class Gebruiker(AbstractUser):
    """A person who logs in. Deactivated, never deleted: the audit log keeps who did what."""

    rol = models.CharField("rol", max_length=20, choices=Rol.choices, default=Rol.TRAJECTBEGELEIDER)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", null=True, blank=True, on_delete=models.PROTECT,
        related_name="gebruikers",
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", null=True, blank=True, on_delete=models.PROTECT,
        related_name="klantmanagers", help_text="Alleen voor klantmanagers.",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [
            models.CheckConstraint(
                name="klantmanager_heeft_gemeente",
                condition=~Q(rol=Rol.KLANTMANAGER) | Q(gemeente__isnull=False),
            ),
            # "Coach1" and "coach1" would be two accounts that look like one in the audit log.
            models.UniqueConstraint(Lower("username"), name="gebruikersnaam_uniek_hoofdletterongevoelig",
                                    violation_error_message="Deze gebruikersnaam bestaat al."),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_begeleider(self):
        return self.rol == Rol.TRAJECTBEGELEIDER

    @property
    def is_coordinator(self):
        return self.rol == Rol.COORDINATOR

    @property
    def is_klantmanager(self):
        return self.rol == Rol.KLANTMANAGER

    @property
    def is_beheerder(self):
        return self.rol == Rol.BEHEERDER


class Programma(models.Model):
    """An uitstapprogramma: possibly run jointly by several organisations for several gemeenten."""

    naam = models.CharField("naam", max_length=200)
    slug = models.SlugField("korte naam", unique=True)
    code = models.CharField(
        "voorvoegsel clientcode", max_length=5, help_text="Bijvoorbeeld FLV: clientcodes worden FLV-2026-0001."
    )
    organisaties = models.ManyToManyField(Organisatie, verbose_name="uitvoerende organisaties", related_name="programmas")
    gemeenten = models.ManyToManyField(Gemeente, verbose_name="gemeenten in de regio", related_name="programmas", blank=True)
    centrumgemeente = models.ForeignKey(
        Gemeente, verbose_name="centrumgemeente", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="De gemeente die de regeling voor de regio uitvoert (DUUP: de centrumgemeente); een van de gemeenten "
                  "in de regio. Het verslag noemt haar zo.",
    )
    regeling = models.CharField("regeling", max_length=20, choices=Regeling.choices)
    startdatum = models.DateField("startdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    wachttijd_signaal_dagen = models.PositiveSmallIntegerField(
        "signaal bij wachttijd (dagen)", default=30, validators=[MinValueValidator(1)],
        help_text="Verwijzingen die langer wachten staan als signaal op de caseload.",
    )
    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        "bewaartermijn (jaren na einddatum)", default=7, validators=[MinValueValidator(1)]
    )
    wettelijke_naam_op_pdf = models.BooleanField(
        "wettelijke naam op het trajectplan (pdf)", default=False,
        help_text="Standaard staan alleen clientcode en roepnaam op een geprint trajectplan.",
    )
    gezamenlijke_verwerking = models.BooleanField(
        "gezamenlijke verwerkingsverantwoordelijken (AVG art. 26)", default=False,
        help_text="Alleen met een vastgelegde regeling zien de coördinatoren van alle uitvoerende organisaties alle "
                  "deelnemers. Zonder regeling ziet elke coördinator de deelnemers van de eigen organisatie.",
    )
    gezamenlijke_verwerking_sinds = models.DateField("regeling vastgelegd op", null=True, blank=True)
    # The nazorg regime (CCV §4.1.4: monthly for six months, or one check and then close).
    nazorg_duur_maanden = models.PositiveSmallIntegerField(
        "duur van de nazorg (maanden)", default=12, validators=[MinValueValidator(1)],
        help_text="Na deze termijn vanaf de uitstroom vraagt de caseload om het traject af te sluiten.",
    )
    nazorg_contact_dagen = models.PositiveSmallIntegerField(
        "nazorgcontact minstens elke (dagen)", default=42, validators=[MinValueValidator(1)],
        help_text="Zonder contact binnen deze termijn staat 'Nazorgcontact nodig' op de caseload.",
    )
    nacontrole_6m = models.BooleanField("nacontrole na 6 maanden", default=True)
    nacontrole_12m = models.BooleanField("nacontrole na 12 maanden", default=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["naam"]
        verbose_name = "programma"
        verbose_name_plural = "programma's"
        constraints = [
            models.CheckConstraint(
                name="gezamenlijke_verwerking_heeft_datum",
                condition=Q(gezamenlijke_verwerking=False) | Q(gezamenlijke_verwerking_sinds__isnull=False),
            ),
            models.CheckConstraint(
                name="programma_einddatum_na_start",
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
            ),
        ]

    def __str__(self):
        return self.naam


class Toelatingscriterium(models.Model):
    """An admission criterion or contra-indication of a programme: a list the coordinator maintains (CCV §4.1.2)."""

    class Soort(models.TextChoices):
        CRITERIUM = "criterium", "Toelatingscriterium"
        CONTRA_INDICATIE = "contra_indicatie", "Contra-indicatie"

    programma = models.ForeignKey(Programma, on_delete=models.CASCADE, related_name="toelatingscriteria")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    omschrijving = models.CharField("omschrijving", max_length=300)
    neemt_zelf_actie = models.BooleanField(
        "de deelnemer neemt hier zelf actie op", default=False,
        help_text="Bijvoorbeeld: de deelnemer meldt zich zelf bij de verslavingszorg voordat het traject begint.",
    )
    actief = models.BooleanField("actief", default=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["programma", "soort", "volgorde", "id"]
        verbose_name = "toelatingscriterium"
        verbose_name_plural = "toelatingscriteria"
        constraints = [
            models.UniqueConstraint(fields=["programma", "omschrijving"], name="toelatingscriterium_uniek"),
        ]

    def __str__(self):
        return self.omschrijving


class ProgrammaJaar(models.Model):
    """The coordinator's own figures for one year: plan and budget."""

    programma = models.ForeignKey(Programma, on_delete=models.CASCADE, related_name="jaren")
    jaar = models.PositiveSmallIntegerField("jaar", validators=[MinValueValidator(2000)])
    verwacht_deelnemers = models.PositiveIntegerField("verwacht aantal deelnemers", null=True, blank=True)
    intakes_begroot = models.PositiveIntegerField("begroot aantal intakes", null=True, blank=True)
    begroting = models.DecimalField("begroting (€)", max_digits=12, decimal_places=2, null=True, blank=True)
    uitgaven = models.DecimalField("uitgaven (€)", max_digits=12, decimal_places=2, null=True, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        ordering = ["programma", "-jaar"]
        verbose_name = "programmajaar"
        verbose_name_plural = "programmajaren"
        constraints = [
            models.UniqueConstraint(fields=["programma", "jaar"], name="een_programmajaar_per_jaar"),
        ]

    def __str__(self):
        return f"{self.programma} {self.jaar}"


class Ketenpartner(models.Model):
    """An organisation on the programme's sociale kaart."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="ketenpartners")
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=40, choices=KetenpartnerSoort.choices)
    gemeenten = models.ManyToManyField(Gemeente, verbose_name="werkgebied", blank=True, related_name="ketenpartners")
    adres = models.CharField("adres", max_length=200, blank=True)
    telefoon = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    notities = models.TextField("notities", blank=True)
    actief = models.BooleanField("actief", default=True)
    voorgesteld = models.BooleanField(
        "voorstel van een trajectbegeleider", default=False,
        help_text="Een voorstel staat op de sociale kaart zodra de coördinator het goedkeurt.",
    )
    voorgesteld_door = models.ForeignKey(
        Gebruiker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        ordering = ["naam"]
        verbose_name = "ketenpartner"
        verbose_name_plural = "ketenpartners"
        constraints = [
            models.UniqueConstraint(Lower("naam"), "programma", name="ketenpartner_naam_uniek",
                                    violation_error_message="Er staat al een ketenpartner met deze naam op de sociale kaart."),
        ]

    def __str__(self):
        return self.naam


class Contactpersoon(models.Model):
    """The vaste aanspreekpunt at a ketenpartner."""

    ketenpartner = models.ForeignKey(Ketenpartner, on_delete=models.CASCADE, related_name="contactpersonen")
    naam = models.CharField("naam", max_length=200)
    functie = models.CharField("functie", max_length=200, blank=True)
    telefoon = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    actief = models.BooleanField("actief", default=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        ordering = ["naam"]
        verbose_name = "contactpersoon"
        verbose_name_plural = "contactpersonen"

    def __str__(self):
        return f"{self.naam} ({self.functie})" if self.functie else self.naam


class AuditEvent(models.Model):
    """One read or write of dossier data, export, print or login (NEN 7513). Append-only, hash-chained."""

    class Actie(models.TextChoices):
        VIEW = "view", "Ingezien"
        LIST = "list", "Lijst"
        SEARCH = "search", "Gezocht"
        CREATE = "create", "Aangemaakt"
        UPDATE = "update", "Gewijzigd"
        DELETE = "delete", "Verwijderd"
        EXPORT = "export", "Geëxporteerd"
        PRINT = "print", "Geprint"
        LOGIN = "login", "Ingelogd"
        LOGIN_FAILED = "login_failed", "Inloggen mislukt"
        LOGOUT = "logout", "Uitgelogd"
        MFA_FAILED = "mfa_failed", "Tweede factor mislukt"
        LOCKOUT = "lockout", "Geblokkeerd"
        DENIED = "denied", "Geweigerd"
        ERASE = "erase", "Gewist"

    class Uitkomst(models.TextChoices):
        OK = "ok", "Gelukt"
        GEWEIGERD = "geweigerd", "Geweigerd"
        MISLUKT = "mislukt", "Mislukt"

    tijdstip = models.DateTimeField("tijdstip (UTC)", db_index=True)
    gebruiker = models.ForeignKey(
        Gebruiker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=150, blank=True)
    rol = models.CharField("rol", max_length=20, blank=True)
    organisatie = models.CharField("organisatie", max_length=200, blank=True)
    actie = models.CharField("actie", max_length=20, choices=Actie.choices)
    uitkomst = models.CharField("uitkomst", max_length=10, choices=Uitkomst.choices, default=Uitkomst.OK)
    clientcode = models.CharField("clientcode", max_length=40, blank=True, db_index=True)
    clientcodes = models.JSONField("clientcodes in lijst", default=list, blank=True)
    object_type = models.CharField("soort gegeven", max_length=60, blank=True)
    object_id = models.CharField("id", max_length=40, blank=True)
    aantal = models.PositiveIntegerField("aantal resultaten", null=True, blank=True)
    ip = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    request_id = models.CharField("request-id", max_length=40, blank=True)
    grondslag = models.CharField("grondslag", max_length=60, blank=True)
    # HMAC over the fields above, written at insert (uitstap.audit.event_mac).
    mac = models.CharField(max_length=64, blank=True)
    # Set once by the sealer (uitstap.audit.audit_seal): position in the chain and the chain link.
    volgnummer = models.PositiveBigIntegerField("volgnummer", null=True, blank=True, unique=True)
    vorige_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "auditgebeurtenis"
        verbose_name_plural = "auditlog"
        constraints = [
            models.UniqueConstraint(fields=["hash"], condition=~Q(hash=""), name="auditevent_hash_uniek"),
        ]
        triggers = [
            pgtrigger.Protect(name="auditevent_append_only", operation=pgtrigger.Delete),
            # The only UPDATE allowed: the sealer filling volgnummer, vorige_hash and hash of an unsealed
            # event, once, without touching anything else.
            pgtrigger.Protect(
                name="auditevent_alleen_verzegelen",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    "OLD.volgnummer IS NOT NULL OR NEW.volgnummer IS NULL OR NEW.hash = '' OR ("
                    + " OR ".join(
                        f'OLD."{c}" IS DISTINCT FROM NEW."{c}"'
                        for c in (
                            "id", "tijdstip", "gebruiker_id", "gebruikersnaam", "rol", "organisatie", "actie",
                            "uitkomst", "clientcode", "clientcodes", "object_type", "object_id", "aantal", "ip",
                            "request_id", "grondslag", "mac",
                        )
                    )
                    + ")"
                ),
            ),
            pgtrigger.Trigger(
                name="auditevent_geen_truncate", operation=pgtrigger.Truncate, level=pgtrigger.Statement,
                when=pgtrigger.Before,
                func="RAISE EXCEPTION 'uitstap: het auditlog kan niet worden geleegd (TRUNCATE)'; RETURN NULL;",
            ),
        ]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie} {self.clientcode}"


class Accountverzoek(models.Model):
    """Four eyes: an account change one beheerder asks for and a second person approves within 24 hours.

    Resetting a second factor, a password link for an account that is already set up, a role (or
    organisation) that makes an account coordinator or beheerder, and (re-)activation: no single person
    can use these to take over an account.
    """

    class Soort(models.TextChoices):
        TWEEDE_FACTOR = "tweede_factor", "Tweede factor resetten"
        WACHTWOORDLINK = "wachtwoordlink", "Wachtwoordlink sturen"
        ROL = "rol", "Rol of organisatie wijzigen"
        ACTIVEREN = "activeren", "Account activeren"

    class Status(models.TextChoices):
        OPEN = "open", "Wacht op goedkeuring"
        UITGEVOERD = "uitgevoerd", "Goedgekeurd en uitgevoerd"
        AFGEWEZEN = "afgewezen", "Afgewezen"
        VERLOPEN = "verlopen", "Verlopen"

    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="accountverzoeken")
    # Only for Soort.ROL: the role, organisation and gemeente asked for.
    rol = models.CharField("nieuwe rol", max_length=20, choices=Rol.choices, blank=True)
    organisatie = models.ForeignKey(Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    gevraagd_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    gevraagd_op = models.DateTimeField("gevraagd op")
    afgehandeld_door = models.ForeignKey(Gebruiker, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)

    class Meta:
        ordering = ["-gevraagd_op"]
        verbose_name = "accountverzoek"
        verbose_name_plural = "accountverzoeken"
        constraints = [
            models.CheckConstraint(
                name="accountverzoek_vier_ogen",
                condition=~Q(status="uitgevoerd")
                | (Q(afgehandeld_door__isnull=False) & ~Q(afgehandeld_door=models.F("gevraagd_door"))),
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "soort"], condition=Q(status="open"), name="accountverzoek_een_open_per_soort",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} voor {self.gebruiker.username}"


class VerwerktFormulier(models.Model):
    """A one-time form token that has been used: a second POST of the same form shows the first result."""

    token = models.CharField(max_length=40, unique=True)
    gebruiker = models.ForeignKey("uitstap.Gebruiker", on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "verwerkt formulier"
        verbose_name_plural = "verwerkte formulieren"
