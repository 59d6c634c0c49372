"""Core models: users, organisations, gemeenten, programmes, the sociale kaart and the audit log."""

import pgtrigger
from django.contrib.auth.models import AbstractUser
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower, Upper
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _

from uitstap.codes import KetenpartnerSoort, Regeling, Rol


class Organisatie(models.Model):
    naam = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.naam


class Gebruiker(AbstractUser):
    """A person who logs in. Deactivated, never deleted: the audit log keeps who did what."""

    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.TRAJECTBEGELEIDER)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="gebruikers",
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="klantmanagers", help_text=_("Alleen voor klantmanagers."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                name="klantmanager_heeft_gemeente",
                condition=~Q(rol=Rol.KLANTMANAGER) | Q(gemeente__isnull=False),
            ),
            # "Coach1" and "coach1" would be two accounts that look like one in the audit log.
            models.UniqueConstraint(Lower("username"), name="gebruikersnaam_uniek_hoofdletterongevoelig",
                                    violation_error_message=_("Deze gebruikersnaam bestaat al.")),
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

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), unique=True)
    code = models.CharField(
        _("voorvoegsel clientcode"), max_length=5, help_text=_("Bijvoorbeeld FLV: clientcodes worden FLV-2026-0001.")
    )
    organisaties = models.ManyToManyField(Organisatie, verbose_name=_("uitvoerende organisaties"), related_name="programmas")
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("gemeenten in de regio"), related_name="programmas", blank=True)
    centrumgemeente = models.ForeignKey(
        Gemeente, verbose_name=_("centrumgemeente"), null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("De gemeente die de regeling voor de regio uitvoert (DUUP: de centrumgemeente); een van de gemeenten "
                  "in de regio. Het verslag noemt haar zo."),
    )
    regeling = models.CharField(_("regeling"), max_length=20, choices=Regeling.choices)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    wachttijd_signaal_dagen = models.PositiveSmallIntegerField(
        _("signaal bij wachttijd (dagen)"), default=30, validators=[MinValueValidator(1)],
        help_text=_("Verwijzingen die langer wachten staan als signaal op de caseload."),
    )
    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn (jaren na einddatum)"), default=7, validators=[MinValueValidator(1)]
    )
    wettelijke_naam_op_pdf = models.BooleanField(
        _("wettelijke naam op het trajectplan (pdf)"), default=False,
        help_text=_("Standaard staan alleen clientcode en roepnaam op een geprint trajectplan."),
    )
    gezamenlijke_verwerking = models.BooleanField(
        _("gezamenlijke verwerkingsverantwoordelijken (AVG art. 26)"), default=False,
        help_text=_("Alleen met een vastgelegde regeling zien de coördinatoren van alle uitvoerende organisaties alle "
                  "deelnemers. Zonder regeling ziet elke coördinator de deelnemers van de eigen organisatie."),
    )
    gezamenlijke_verwerking_sinds = models.DateField(_("regeling vastgelegd op"), null=True, blank=True)
    # The nazorg regime (CCV §4.1.4: monthly for six months, or one check and then close).
    nazorg_duur_maanden = models.PositiveSmallIntegerField(
        _("duur van de nazorg (maanden)"), default=12, validators=[MinValueValidator(1)],
        help_text=_("Na deze termijn vanaf de uitstroom vraagt de caseload om het traject af te sluiten."),
    )
    nazorg_contact_dagen = models.PositiveSmallIntegerField(
        _("nazorgcontact minstens elke (dagen)"), default=42, validators=[MinValueValidator(1)],
        help_text=_("Zonder contact binnen deze termijn staat 'Nazorgcontact nodig' op de caseload."),
    )
    nacontrole_6m = models.BooleanField(_("nacontrole na 6 maanden"), default=True)
    nacontrole_12m = models.BooleanField(_("nacontrole na 12 maanden"), default=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
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
        CRITERIUM = "criterium", _("Toelatingscriterium")
        CONTRA_INDICATIE = "contra_indicatie", _("Contra-indicatie")

    programma = models.ForeignKey(Programma, on_delete=models.CASCADE, related_name="toelatingscriteria")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    neemt_zelf_actie = models.BooleanField(
        _("de deelnemer neemt hier zelf actie op"), default=False,
        help_text=_("Bijvoorbeeld: de deelnemer meldt zich zelf bij de verslavingszorg voordat het traject begint."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["programma", "soort", "volgorde", "id"]
        verbose_name = _("toelatingscriterium")
        verbose_name_plural = _("toelatingscriteria")
        constraints = [
            models.UniqueConstraint(fields=["programma", "omschrijving"], name="toelatingscriterium_uniek"),
        ]

    def __str__(self):
        return self.omschrijving


class ProgrammaJaar(models.Model):
    """The coordinator's own figures for one year: plan and budget."""

    programma = models.ForeignKey(Programma, on_delete=models.CASCADE, related_name="jaren")
    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=[MinValueValidator(2000)])
    verwacht_deelnemers = models.PositiveIntegerField(_("verwacht aantal deelnemers"), null=True, blank=True)
    intakes_begroot = models.PositiveIntegerField(_("begroot aantal intakes"), null=True, blank=True)
    begroting = models.DecimalField(_("begroting (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    uitgaven = models.DecimalField(_("uitgaven (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        ordering = ["programma", "-jaar"]
        verbose_name = _("programmajaar")
        verbose_name_plural = _("programmajaren")
        constraints = [
            models.UniqueConstraint(fields=["programma", "jaar"], name="een_programmajaar_per_jaar"),
        ]

    def __str__(self):
        return f"{self.programma} {self.jaar}"


class Ketenpartner(models.Model):
    """An organisation on the programme's sociale kaart."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="ketenpartners")
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=40, choices=KetenpartnerSoort.choices)
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("werkgebied"), blank=True, related_name="ketenpartners")
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notities = models.TextField(_("notities"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    voorgesteld = models.BooleanField(
        _("voorstel van een trajectbegeleider"), default=False,
        help_text=_("Een voorstel staat op de sociale kaart zodra de coördinator het goedkeurt."),
    )
    voorgesteld_door = models.ForeignKey(
        Gebruiker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("ketenpartner")
        verbose_name_plural = _("ketenpartners")
        constraints = [
            models.UniqueConstraint(Lower("naam"), "programma", name="ketenpartner_naam_uniek",
                                    violation_error_message=_("Er staat al een ketenpartner met deze naam op de sociale kaart.")),
        ]

    def __str__(self):
        return self.naam


class Contactpersoon(models.Model):
    """The vaste aanspreekpunt at a ketenpartner."""

    ketenpartner = models.ForeignKey(Ketenpartner, on_delete=models.CASCADE, related_name="contactpersonen")
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic lock (uitstap.locking)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self):
        return f"{self.naam} ({self.functie})" if self.functie else self.naam


class AuditEvent(models.Model):
    """One read or write of dossier data, export, print or login (NEN 7513). Append-only, hash-chained."""

    class Actie(models.TextChoices):
        VIEW = "view", _("Ingezien")
        LIST = "list", _("Lijst")
        SEARCH = "search", _("Gezocht")
        CREATE = "create", _("Aangemaakt")
        UPDATE = "update", _("Gewijzigd")
        DELETE = "delete", _("Verwijderd")
        EXPORT = "export", _("Geëxporteerd")
        PRINT = "print", _("Geprint")
        LOGIN = "login", _("Ingelogd")
        LOGIN_FAILED = "login_failed", _("Inloggen mislukt")
        LOGOUT = "logout", _("Uitgelogd")
        MFA_FAILED = "mfa_failed", _("Tweede factor mislukt")
        LOCKOUT = "lockout", _("Geblokkeerd")
        DENIED = "denied", _("Geweigerd")
        ERASE = "erase", _("Gewist")

    class Uitkomst(models.TextChoices):
        OK = "ok", _("Gelukt")
        GEWEIGERD = "geweigerd", _("Geweigerd")
        MISLUKT = "mislukt", _("Mislukt")

    tijdstip = models.DateTimeField(_("tijdstip (UTC)"), db_index=True)
    gebruiker = models.ForeignKey(
        Gebruiker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    rol = models.CharField(_("rol"), max_length=20, blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    uitkomst = models.CharField(_("uitkomst"), max_length=10, choices=Uitkomst.choices, default=Uitkomst.OK)
    clientcode = models.CharField(_("clientcode"), max_length=40, blank=True, db_index=True)
    clientcodes = models.JSONField(_("clientcodes in lijst"), default=list, blank=True)
    object_type = models.CharField(_("soort gegeven"), max_length=60, blank=True)
    object_id = models.CharField(_("id"), max_length=40, blank=True)
    aantal = models.PositiveIntegerField(_("aantal resultaten"), null=True, blank=True)
    ip = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    request_id = models.CharField(_("request-id"), max_length=40, blank=True)
    grondslag = models.CharField(_("grondslag"), max_length=60, blank=True)
    # HMAC over the fields above, written at insert (uitstap.audit.event_mac).
    mac = models.CharField(max_length=64, blank=True)
    # Set once by the sealer (uitstap.audit.audit_seal): position in the chain and the chain link.
    volgnummer = models.PositiveBigIntegerField(_("volgnummer"), null=True, blank=True, unique=True)
    vorige_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditlog")
        constraints = [
            models.UniqueConstraint(fields=["hash"], condition=~Q(hash=""), name="auditevent_hash_uniek"),
        ]
        # The coordinator's audit search (uitstap.selectors.audit_zoeken), newest first, by clientcode or user
        # (case-insensitive, as typed) or action: each reads its newest events from an index instead of walking
        # the whole log, which grows by every page anyone opens. Without a filter, or by period: `tijdstip`.
        indexes = [
            models.Index(Upper("clientcode"), "tijdstip", name="audit_zoeken_clientcode"),
            models.Index(Upper("gebruikersnaam"), "tijdstip", name="audit_zoeken_gebruiker"),
            models.Index("actie", "tijdstip", name="audit_zoeken_actie"),
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
        TWEEDE_FACTOR = "tweede_factor", _("Tweede factor resetten")
        WACHTWOORDLINK = "wachtwoordlink", _("Wachtwoordlink sturen")
        ROL = "rol", _("Rol of organisatie wijzigen")
        ACTIVEREN = "activeren", _("Account activeren")

    class Status(models.TextChoices):
        OPEN = "open", _("Wacht op goedkeuring")
        UITGEVOERD = "uitgevoerd", _("Goedgekeurd en uitgevoerd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        VERLOPEN = "verlopen", _("Verlopen")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="accountverzoeken")
    # Only for Soort.ROL: the role, organisation and gemeente asked for.
    rol = models.CharField(_("nieuwe rol"), max_length=20, choices=Rol.choices, blank=True)
    organisatie = models.ForeignKey(Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    gevraagd_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    gevraagd_op = models.DateTimeField(_("gevraagd op"))
    afgehandeld_door = models.ForeignKey(Gebruiker, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        ordering = ["-gevraagd_op"]
        verbose_name = _("accountverzoek")
        verbose_name_plural = _("accountverzoeken")
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
        return gettext("%(soort)s voor %(username)s") % {"soort": self.get_soort_display(), "username": self.gebruiker.username}


class VerwerktFormulier(models.Model):
    """A one-time form token that has been used: a second POST of the same form shows the first result."""

    token = models.CharField(max_length=40, unique=True)
    gebruiker = models.ForeignKey("uitstap.Gebruiker", on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verwerkt formulier")
        verbose_name_plural = _("verwerkte formulieren")
