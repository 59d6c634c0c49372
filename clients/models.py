"""Who: the participant (Deelnemer) with coach and backup, and documents in the dossier."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from uitstap.codes import Gender, JuridischeCategorie, Sector, Verblijfsstatus
from uitstap.models import Gemeente, Ketenpartner, Programma


class Taalniveau(models.TextChoices):
    GEEN = "geen", _("Geen")
    BASIS = "basis", _("Basis (A1–A2)")
    REDELIJK = "redelijk", _("Redelijk (B1)")
    GOED = "goed", _("Goed (B2 of hoger)")
    MOEDERTAAL = "moedertaal", _("Moedertaal")


class Deelnemer(models.Model):
    """A participant, known on screen by clientcode and roepnaam only."""

    programma = models.ForeignKey(Programma, on_delete=models.PROTECT, related_name="deelnemers")
    clientcode = models.CharField(_("clientcode"), max_length=40)
    roepnaam = models.CharField(_("roepnaam"), max_length=100, blank=True, help_text=_("Mag een werknaam zijn."))
    # Personal data: only when needed, never in lists, titles or URLs.
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200, blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    bsn = models.CharField(
        _("BSN"), max_length=9, blank=True,
        validators=[RegexValidator(r"^\d{8,9}$", _("Een BSN bestaat uit 8 of 9 cijfers."))],
    )
    geboortejaar = models.PositiveSmallIntegerField(
        _("geboortejaar"), null=True, blank=True, validators=[MinValueValidator(1920), MaxValueValidator(2100)]
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, default=Gender.ONBEKEND)
    herkomstland = models.CharField(
        _("herkomstland"), max_length=2, blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Gebruik de landcode van twee letters, zoals NL of RO."))],
    )
    taal = models.CharField(_("voertaal"), max_length=60, blank=True)
    documenttaal = models.CharField(
        _("taal van het trajectplan"), max_length=10, blank=True,
        help_text=_("De taal waarin het trajectplan (convenant) wordt afgedrukt; leeg is Nederlands."),
    )
    taalniveau_nl = models.CharField(_("beheersing Nederlands"), max_length=20, choices=Taalniveau.choices, blank=True)
    juridische_categorie = models.CharField(
        _("juridische categorie"), max_length=1, choices=JuridischeCategorie.choices, blank=True
    )
    verblijfsstatus = models.CharField(
        _("verblijfsstatus"), max_length=40, choices=Verblijfsstatus.choices, default=Verblijfsstatus.ONBEKEND
    )
    bedenktijd_start = models.DateField(_("bedenktijd vanaf"), null=True, blank=True)
    bedenktijd_eind = models.DateField(_("bedenktijd tot"), null=True, blank=True)
    vergunning_start = models.DateField(_("verblijfsvergunning vanaf"), null=True, blank=True)
    vergunning_eind = models.DateField(_("verblijfsvergunning tot"), null=True, blank=True)
    woongemeente = models.ForeignKey(
        Gemeente, verbose_name=_("woongemeente"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    werkgemeente = models.ForeignKey(
        Gemeente, verbose_name=_("werkgemeente"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, default=Sector.ONBEKEND)
    signalen_mensenhandel = models.BooleanField(_("signalen van mensenhandel of dwang"), default=False)
    heeft_kinderen = models.BooleanField(_("heeft kinderen"), null=True, blank=True)
    gestopt_met_sekswerk_op = models.DateField(_("gestopt met sekswerk op"), null=True, blank=True)
    begeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trajectbegeleider"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="caseload",
    )
    achtervang = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("achtervang"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="achtervang_voor",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewist_op = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)
    # A duplicate registration merged into another dossier (clients/samenvoegen.py): its records live there now;
    # the row stays for the audit log and is visible to nobody.
    samengevoegd_met = models.ForeignKey(
        "self", verbose_name=_("samengevoegd met"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="samengevoegd_uit",
    )
    samengevoegd_op = models.DateTimeField(_("samengevoegd op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["clientcode"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
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
            models.CheckConstraint(
                name="samengevoegd_met_en_op",
                condition=Q(samengevoegd_met__isnull=True, samengevoegd_op__isnull=True)
                | (Q(samengevoegd_met__isnull=False, samengevoegd_op__isnull=False) & ~Q(samengevoegd_met=models.F("pk"))),
            ),
        ]
        indexes = [
            # Lists are ordered by clientcode (unique only per programme, so the constraint's index starts with the
            # programme): with this one a page of a large list walks the index instead of sorting every participant.
            models.Index(fields=["clientcode"], name="deelnemer_clientcode"),
            # What a coordinator's visibility reads (clients.selectors.deelnemers_visible_to): counting a whole
            # programme's list is an index-only scan instead of a pass over the table.
            models.Index(fields=["programma", "begeleider"], condition=Q(samengevoegd_op__isnull=True),
                         name="deelnemer_zichtbaar"),
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
        TRAJECTPLAN = "trajectplan", _("Ondertekend trajectplan")
        TOESTEMMING = "toestemming", _("Toestemmingsformulier")
        OVERIG = "overig", _("Overig")

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="documenten")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    bestandsnaam = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=200)
    opslagnaam = models.CharField(max_length=80, unique=True, editable=False)
    content_type = models.CharField(max_length=60, editable=False)
    grootte = models.PositiveIntegerField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-geupload_op"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self):
        return self.bestandsnaam


class Scope(models.TextChoices):
    """What a consent shares. `gevoelig` is never implied by another scope."""

    BASIS = "basis", _("Basis: clientcode, roepnaam, fase, trajectbegeleider en hoe die te bereiken is")
    WERK_INKOMEN = "werk_inkomen", _("Werk en inkomen: doelen en verwijzingen op werk, dagbesteding en financiën")
    TRAJECTPLAN = "trajectplan", _("Trajectplan: alle doelen en scores (zonder gevoelige leefgebieden)")
    GEVOELIG = "gevoelig", _("Gevoelig: gezondheid, verslaving, mensenhandel, verblijfsstatus")


class Toestemming(models.Model):
    """A participant's consent to share with one gemeente, or (for an overdracht) with one other programme.

    Exactly one of `gemeente` and `programma` is set. Rows are appended: a change or an extension is a new row
    pointing at the one it replaces (`vorige`); only a withdrawal is written onto a row."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    class Wijze(models.TextChoices):
        FORMULIER = "formulier", _("Ondertekend formulier (document)")
        MONDELING = "mondeling", _("Mondeling, met verklaring van de trajectbegeleider")

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="toestemmingen")
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    # The receiving programme of an overdracht (warm handover); then `gemeente` is empty.
    programma = models.ForeignKey(
        Programma, verbose_name=_("ontvangend programma"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    scopes = models.JSONField(_("wat wordt gedeeld"), default=list)
    tekstversie = models.CharField(_("versie van de toestemmingstekst"), max_length=40)
    gegeven_op = models.DateField(_("gegeven op"))
    geldig_tot = models.DateField(_("geldig tot"))
    wijze = models.CharField(_("hoe gegeven"), max_length=20, choices=Wijze.choices)
    # RESTRICT: the signed form cannot be deleted on its own, but goes with the participant.
    document = models.ForeignKey(
        Document, verbose_name=_("ondertekend formulier"), null=True, blank=True, on_delete=models.RESTRICT,
        related_name="+",
    )
    verklaring = models.TextField(_("verklaring van de trajectbegeleider"), blank=True)
    vorige = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="opvolger",
    )
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    intrekkingsreden = models.CharField(_("reden van intrekking"), max_length=300, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["deelnemer", "gemeente", "-gegeven_op", "-id"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.CheckConstraint(name="toestemming_geldig_na_gegeven", condition=Q(geldig_tot__gte=models.F("gegeven_op"))),
            models.CheckConstraint(
                name="toestemming_ingetrokken_door",
                condition=Q(ingetrokken_op__isnull=True, ingetrokken_door__isnull=True)
                | Q(ingetrokken_op__isnull=False, ingetrokken_door__isnull=False),
            ),
            models.CheckConstraint(
                name="toestemming_formulier_heeft_document",
                condition=~Q(wijze="formulier") | Q(document__isnull=False),
            ),
            models.CheckConstraint(
                name="toestemming_gemeente_of_programma",
                condition=Q(gemeente__isnull=False, programma__isnull=True)
                | Q(gemeente__isnull=True, programma__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.deelnemer.clientcode} → {self.ontvanger}"

    @property
    def ontvanger(self):
        """The recipient: the gemeente, or the programme of an overdracht."""
        return self.gemeente if self.gemeente_id else self.programma

    def scope_labels(self):
        return [Scope(s).label.split(":")[0] for s in self.scopes if s in Scope.values]


class Signaal(models.Model):
    """A klantmanager's dated note for the coach (e.g. a free place in a work programme); the coach closes it."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="gemeente_signalen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    toestemming = models.ForeignKey(Toestemming, on_delete=models.CASCADE, related_name="signalen")
    datum = models.DateField(_("datum"))
    tekst = models.CharField(_("signaal"), max_length=500)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    afgesloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("signaal van de gemeente")
        verbose_name_plural = _("signalen van de gemeente")


# --- safe contact and the legal route (issue 19): history is appended, the newest row is in force ---


class Toegestaan(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee, niet veilig")


class Contactafspraak(models.Model):
    """How the programme may reach a participant safely. Every change is a new version; the newest is in force."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="contactafspraken")
    versie = models.PositiveIntegerField(default=1, editable=False)
    bellen = models.CharField(_("bellen"), max_length=3, choices=Toegestaan.choices, blank=True)
    sms = models.CharField(_("sms of berichtje"), max_length=3, choices=Toegestaan.choices, blank=True)
    voicemail = models.CharField(_("voicemail inspreken"), max_length=3, choices=Toegestaan.choices, blank=True)
    post = models.CharField(_("post sturen"), max_length=3, choices=Toegestaan.choices, blank=True)
    huisbezoek = models.CharField(_("huisbezoek"), max_length=3, choices=Toegestaan.choices, blank=True)
    email = models.CharField(_("e-mail"), max_length=3, choices=Toegestaan.choices, blank=True)
    veilig_adres = models.TextField(_("veilig postadres"), blank=True)
    veilig_telefoon = models.CharField(_("veilig telefoonnummer"), max_length=30, blank=True)
    codewoorden = models.CharField(_("codewoorden"), max_length=200, blank=True,
                                   help_text=_("Bijvoorbeeld een woord waarmee zij laat weten dat ze niet vrij kan praten."))
    vermijden = models.CharField(_("tijden om te vermijden"), max_length=200, blank=True)
    alleen_via = models.ForeignKey(
        Ketenpartner, verbose_name=_("contact alleen via"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    alleen_via_toelichting = models.CharField(_("contact alleen via (naam of toelichting)"), max_length=200, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-versie"]
        verbose_name = _("contactafspraak")
        verbose_name_plural = _("contactafspraken")
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "versie"], name="contactafspraak_versie_uniek"),
        ]

    def __str__(self):
        return f"contactafspraken {self.deelnemer_id} v{self.versie}"


class JuridischeRoute(models.Model):
    """The legal route of a participant with trafficking signals or a dependent residence status (B8).

    Every change is a new version; the newest is in force.
    """
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="juridische_routes")
    versie = models.PositiveIntegerField(default=1, editable=False)
    juridische_categorie = models.CharField(
        _("juridische categorie"), max_length=1, choices=JuridischeCategorie.choices, blank=True
    )
    bedenktijd_start = models.DateField(_("bedenktijd vanaf"), null=True, blank=True)
    bedenktijd_eind = models.DateField(_("bedenktijd tot"), null=True, blank=True)
    aangifte_op = models.DateField(_("aangifte gedaan op"), null=True, blank=True)
    geen_aangifte_op = models.DateField(_("besloten geen aangifte te doen op"), null=True, blank=True)
    melding_op = models.DateField(_("gemeld bij het landelijk coördinatiecentrum (CoMensha) op"), null=True, blank=True)
    vergunning_start = models.DateField(_("tijdelijke verblijfsvergunning vanaf"), null=True, blank=True)
    vergunning_eind = models.DateField(_("tijdelijke verblijfsvergunning tot"), null=True, blank=True)
    verlenging_aangevraagd_op = models.DateField(_("verlenging aangevraagd op"), null=True, blank=True)
    beslissing_uiterlijk = models.DateField(_("beslissing uiterlijk op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-versie"]
        verbose_name = _("juridische route")
        verbose_name_plural = _("juridische routes")
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "versie"], name="juridische_route_versie_uniek"),
            models.CheckConstraint(
                name="route_bedenktijd_volgorde",
                condition=Q(bedenktijd_start__isnull=True) | Q(bedenktijd_eind__isnull=True)
                | Q(bedenktijd_eind__gte=models.F("bedenktijd_start")),
                violation_error_message=_("De bedenktijd eindigt voor hij begint."),
            ),
            models.CheckConstraint(
                name="route_vergunning_volgorde",
                condition=Q(vergunning_start__isnull=True) | Q(vergunning_eind__isnull=True)
                | Q(vergunning_eind__gte=models.F("vergunning_start")),
                violation_error_message=_("De vergunning eindigt voor hij begint."),
            ),
            models.CheckConstraint(
                name="route_aangifte_of_geen",
                condition=Q(aangifte_op__isnull=True) | Q(geen_aangifte_op__isnull=True),
                violation_error_message=_("Vul een aangiftedatum of een datum voor geen aangifte in, niet allebei."),
            ),
        ]

    def __str__(self):
        return f"juridische route {self.deelnemer_id} v{self.versie}"


class JuridischeCategorieWijziging(models.Model):
    """History of the juridische categorie: one row per change (it changes when a permit is granted)."""
    deelnemer_pad = "deelnemer"  # the way to the participant, for clients.access

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="categorie_wijzigingen")
    van = models.CharField(_("van"), max_length=1, choices=JuridischeCategorie.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=1, choices=JuridischeCategorie.choices, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("wijziging juridische categorie")
        verbose_name_plural = _("wijzigingen juridische categorie")


class GeenDuplicaat(models.Model):
    """The coordinator's decision that two participants who look alike are two people: the pair is not
    shown as a likely duplicate again. The pair is stored in id order (deelnemer < ander); appended, never edited.

    PROTECT, not CASCADE: the decision is about two dossiers, so it is neither one participant's own record
    (inzage, erasure) nor moved by a merge.
    """

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.PROTECT, related_name="geen_duplicaat_van")
    ander = models.ForeignKey(Deelnemer, on_delete=models.PROTECT, related_name="geen_duplicaat_met")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-vastgelegd_op", "-id"]
        verbose_name = _("besluit geen duplicaat")
        verbose_name_plural = _("besluiten geen duplicaat")
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "ander"], name="geen_duplicaat_uniek"),
            models.CheckConstraint(name="geen_duplicaat_volgorde", condition=Q(deelnemer__lt=models.F("ander"))),
        ]

    def __str__(self):
        return f"geen duplicaat {self.deelnemer_id}/{self.ander_id}"
