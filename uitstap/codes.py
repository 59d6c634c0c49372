"""The code lists of DEFINITIONS.md: stored values are the keys, labels are the Dutch words."""

from django.db import models
# The labels are Dutch source strings marked for makemessages (gettext_noop) and stay plain text: screens
# are Dutch, and a document printed in another language translates them where it renders them
# ({% translate groep.label %}, gettext(label)); the bilingual convenant needs the Dutch text itself.
from django.utils.translation import gettext_noop as _


class Rol(models.TextChoices):
    TRAJECTBEGELEIDER = "trajectbegeleider", _("Trajectbegeleider")
    COORDINATOR = "coordinator", _("Coördinator")
    KLANTMANAGER = "klantmanager", _("Klantmanager gemeente")
    BEHEERDER = "beheerder", _("Beheerder")


class Regeling(models.TextChoices):
    RUPS_I = "rups_i", _("RUPS I")
    RUPS_II = "rups_ii", _("RUPS II")
    RUPS_III = "rups_iii", _("RUPS III")
    DUUP = "duup", _("DUUP (decentralisatie-uitkering)")
    GEMEENTELIJK = "gemeentelijk", _("Gemeentelijk")
    OVERIG = "overig", _("Overig")


class Fase(models.TextChoices):
    CONTACT = "contact", _("Contact")
    ORIENTATIE = "orientatie", _("Oriëntatie")
    UITVOERING = "uitvoering", _("Uitvoering")
    NAZORG = "nazorg", _("Nazorg")


class Leefgebied(models.TextChoices):
    HUISVESTING = "huisvesting", _("Huisvesting")
    FINANCIEN = "financien", _("Financiën")
    WERK_DAGBESTEDING = "werk_dagbesteding", _("Werk en dagbesteding")
    SOCIAAL_FUNCTIONEREN = "sociaal_functioneren", _("Sociaal functioneren")
    PSYCHISCH_FUNCTIONEREN = "psychisch_functioneren", _("Psychisch functioneren")
    LICHAMELIJK_FUNCTIONEREN = "lichamelijk_functioneren", _("Lichamelijk functioneren")
    MIDDELENGEBRUIK = "middelengebruik", _("Middelengebruik")
    PRAKTISCH_FUNCTIONEREN = "praktisch_functioneren", _("Praktisch functioneren")
    ZINGEVING = "zingeving", _("Zingeving")
    JURIDISCH = "juridisch", _("Juridische ondersteuning")
    VEILIGHEID = "veiligheid", _("Veiligheid en weerbaarheid")


class Gender(models.TextChoices):
    VROUW = "vrouw", _("Vrouw")
    MAN = "man", _("Man")
    TRANSGENDER = "transgender", _("Transgender")
    NON_BINAIR = "non_binair", _("Non-binair")
    ONBEKEND = "onbekend", _("Onbekend")


class JuridischeCategorie(models.TextChoices):
    CAT_1 = "1", _("1 – mag wonen, werken en een uitkering ontvangen")
    CAT_2 = "2", _("2 – mag alleen als zelfstandige werken")
    CAT_3 = "3", _("3 – mag niet in Nederland wonen of werken")


class Verblijfsstatus(models.TextChoices):
    NEDERLANDS = "nederlands", _("Nederlands")
    EU_BURGER = "eu_burger", _("EU-burger")
    VERBLIJFSVERGUNNING = "verblijfsvergunning", _("Verblijfsvergunning")
    VERBLIJFSREGELING_MENSENHANDEL = (
        "verblijfsregeling_mensenhandel",
        _("Verblijfsregeling mensenhandel"),
    )
    ZONDER_VERBLIJFSRECHT = "zonder_verblijfsrecht", _("Zonder verblijfsrecht")
    ONBEKEND = "onbekend", _("Onbekend")


class Sector(models.TextChoices):
    RAAM = "raam", _("Raam")
    CLUB_PRIVE = "club_prive", _("Club/privéhuis")
    ESCORT = "escort", _("Escort")
    THUIS = "thuis", _("Thuis")
    STRAAT = "straat", _("Straat")
    ONLINE = "online", _("Online")
    OVERIG = "overig", _("Overig")
    ONBEKEND = "onbekend", _("Onbekend")


class Verwijzer(models.TextChoices):
    GGD = "ggd", _("GGD")
    POLITIE = "politie", _("Politie")
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", _("Maatschappelijk werk")
    EIGEN_OUTREACH = "eigen_outreach", _("Eigen outreach")
    ZELFMELDER = "zelfmelder", _("Zelfmelder")
    GEMEENTE = "gemeente", _("Gemeente")
    KETENPARTNER = "ketenpartner", _("Ketenpartner")
    OVERIG = "overig", _("Overig")
    # Added by issue 18 (named in the seeds, not in DEFINITIONS.md): new keys only.
    LOTGENOOT = "lotgenoot", _("Lotgenoot (ervaringsdeskundige)")
    ONLINE = "online", _("Online")


class KetenpartnerSoort(models.TextChoices):
    UITKERINGSINSTANTIE = "uitkeringsinstantie", _("Sociale Dienst/UWV")
    SCHULDHULPVERLENING = "schuldhulpverlening", _("Schuldhulpverlening")
    HUISVESTING = "huisvesting", _("Huisvesting (corporatie, opvang, urgentie)")
    VERSLAVINGSZORG = "verslavingszorg", _("Verslavingszorg")
    GGZ = "ggz", _("GGZ")
    WERK_REINTEGRATIE = "werk_reintegratie", _("Re-integratie, uitzendbureau")
    ONDERWIJS_TAAL = "onderwijs_taal", _("Taal, inburgering, opleiding")
    GGD = "ggd", _("GGD")
    POLITIE = "politie", _("Politie")
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", _("Maatschappelijk werk")
    JURIDISCH = "juridisch", _("Juridisch")
    ZORGCOORDINATIE_MENSENHANDEL = (
        "zorgcoordinatie_mensenhandel",
        _("Zorgcoördinatie mensenhandel"),
    )
    OVERIG = "overig", _("Overig")
    # Added by issue 18: new keys only.
    WIJKTEAM = "wijkteam", _("Wijkteam")
    VROUWENOPVANG = "vrouwenopvang", _("Vrouwenopvang")
    DAGBESTEDING_SW = "dagbesteding_sw", _("Dagbesteding (sociale werkvoorziening)")
    WERKGEVER = "werkgever", _("Werkgever")
    HUISARTS = "huisarts", _("Huisarts")


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("Gesprek")
    TELEFONISCH = "telefonisch", _("Telefonisch")
    DIGITAAL = "digitaal", _("Digitaal")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    OUTREACH = "outreach", _("Outreach")
    GROEP = "groep", _("Groep")
    CASUSOVERLEG = "casusoverleg", _("Casusoverleg")
    BEGELEIDING_EXTERN = "begeleiding_extern", _("Begeleiding extern")


class ContactStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEHOUDEN = "gehouden", _("Gehouden")
    NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")
    AFGEZEGD = "afgezegd", _("Afgezegd")


class UitstroomSoort(models.TextChoices):
    UITGESTAPT = "uitgestapt", _("Uitgestapt")
    GESTOPT = "gestopt", _("Tussentijds gestopt")


class UitstroomResultaat(models.TextChoices):
    BETAALD_WERK = "betaald_werk", _("Betaald werk")
    OPLEIDING = "opleiding", _("Opleiding")
    STAGE = "stage", _("Stage")
    DAGBESTEDING = "dagbesteding", _("Dagbesteding")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    UITKERING = "uitkering", _("Uitkering")
    TERUGKEER_HERKOMSTLAND = "terugkeer_herkomstland", _("Terugkeer naar herkomstland")
    # Added by issue 18: new keys only.
    ZORG_BEHANDELING = "zorg_behandeling", _("Zorg of behandeling")
    ZELFSTANDIG_BUITEN_BRANCHE = "zelfstandig_buiten_branche", _("Zelfstandig ondernemer buiten de branche")


class Stopreden(models.TextChoices):
    MOTIVATIE = "motivatie", _("Motivatie")
    TERUG_IN_PROSTITUTIE = "terug_in_prostitutie", _("Terug in de prostitutie")
    CONTACT_VERLOREN = "contact_verloren", _("Contact verloren")
    VERHUISD = "verhuisd", _("Verhuisd")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    AFSPRAKEN_NIET_NAGEKOMEN = "afspraken_niet_nagekomen", _("Afspraken niet nagekomen")
    OVERIG = "overig", _("Overig")
    # Added by issue 18: new keys only.
    FINANCIERING_BEEINDIGD = "financiering_beeindigd", _("Financiering beëindigd")
    CONTRA_INDICATIE = "contra_indicatie", _("Contra-indicatie")


class Branche(models.TextChoices):
    SCHOONMAAK = "schoonmaak", _("Schoonmaak")
    ZORG = "zorg", _("Zorg")
    DETAILHANDEL = "detailhandel", _("Detailhandel")
    HORECA = "horeca", _("Horeca")
    ADMINISTRATIE = "administratie", _("Administratie")
    VERVOER = "vervoer", _("Vervoer")
    OVERIG = "overig", _("Overig")


class DoelStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEZIG = "bezig", _("Bezig")
    BEHAALD = "behaald", _("Behaald")
    NIET_BEHAALD = "niet_behaald", _("Niet behaald")
    VERVALLEN = "vervallen", _("Vervallen")


class VerwijzingStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd")
    WACHTLIJST = "wachtlijst", _("Wachtlijst")
    GESTART = "gestart", _("Gestart")
    AFGEROND = "afgerond", _("Afgerond")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    AFGEBROKEN = "afgebroken", _("Afgebroken")


class IntakeBesluit(models.TextChoices):
    TOEGELATEN = "toegelaten", _("Toegelaten")
    NOG_NIET = "nog_niet", _("Nog niet (eerst andere hulp)")
    NIET_TOEGELATEN = "niet_toegelaten", _("Niet toegelaten")


class Afsluitreden(models.TextChoices):
    """Why a traject that never left contact was closed (it has no Uitstroom)."""

    GEEN_VERVOLG = "geen_vervolg", _("Geen vervolg")
    NIET_BEREIKBAAR = "niet_bereikbaar", _("Niet bereikbaar")
    GEEN_HULPVRAAG = "geen_hulpvraag", _("Geen hulpvraag")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    OVERIG = "overig", _("Overig")


class NacontroleTermijn(models.TextChoices):
    ZES_MAANDEN = "6m", _("6 maanden")
    TWAALF_MAANDEN = "12m", _("12 maanden")


class NacontroleUitkomst(models.TextChoices):
    UITGESTAPT_GEBLEVEN = "uitgestapt_gebleven", _("Uitgestapt gebleven")
    TERUGGEVALLEN = "teruggevallen", _("Teruggevallen")
    ONBEKEND = "onbekend", _("Onbekend")


# --- leefsituatie (issue 18): dated situations of a participant --------------------------------


class Inkomstenbron(models.TextChoices):
    BIJSTAND_AANGEVRAAGD = "bijstand_aangevraagd", _("Bijstand aangevraagd")
    BIJSTAND = "bijstand", _("Bijstand")
    UWV = "uwv", _("UWV-uitkering")
    TOZO = "tozo", _("Tozo")
    LOON = "loon", _("Loon uit werk")
    EIGEN_ONDERNEMING = "eigen_onderneming", _("Eigen onderneming")
    SEKSWERK = "sekswerk", _("Sekswerk")
    GEEN = "geen", _("Geen inkomen")
    ONBEKEND = "onbekend", _("Onbekend")


class Woonsituatie(models.TextChoices):
    EIGEN_HUUR = "eigen_huur", _("Eigen huurwoning")
    PARTICULIERE_KAMER = "particuliere_kamer", _("Particuliere kamer")
    BIJ_ANDEREN = "bij_anderen", _("Inwonend bij anderen")
    IN_HET_CIRCUIT = "in_het_circuit", _("In het circuit (werkplek)")
    OPVANG = "opvang", _("Opvang")
    BESCHERMD_WONEN = "beschermd_wonen", _("Beschermd wonen")
    DAKLOOS = "dakloos", _("Dakloos")
    ONBEKEND = "onbekend", _("Onbekend")


class Schulden(models.TextChoices):
    GEEN = "geen", _("Geen schulden")
    PROBLEMATISCH = "problematisch", _("Problematische schulden")
    IN_SCHULDHULP = "in_schuldhulp", _("In schuldhulpverlening")
    GESTABILISEERD = "gestabiliseerd", _("Gestabiliseerd")
    ONBEKEND = "onbekend", _("Onbekend")


class SekswerkStatus(models.TextChoices):
    ACTIEF = "actief", _("Actief")
    AFGEBOUWD = "afgebouwd", _("Afgebouwd")
    GESTOPT = "gestopt", _("Gestopt")
    HERVAT = "hervat", _("Hervat (terugval)")


class Leeftijdsgroep(models.TextChoices):
    T_M_23 = "t/m 23", _("t/m 23")
    VAN_24_TOT_29 = "24-29", "24-29"
    VAN_30_TOT_39 = "30-39", "30-39"
    VANAF_40 = "40+", "40+"
    ONBEKEND = "onbekend", _("Onbekend")


class Herkomst(models.TextChoices):
    NL = "NL", _("Nederland")
    EU = "EU", _("EU/EER/Zwitserland")
    BUITEN_EU = "buiten_EU", _("Buiten de EU")
    ONBEKEND = "onbekend", _("Onbekend")


# EU = the other EU member states, the EEA and Switzerland (DEFINITIONS.md, `herkomst`).
EU_LANDEN = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT PL PT RO SK SI ES SE IS LI NO CH".split()
)


def herkomst_van(land: str | None) -> str:
    if not land:
        return Herkomst.ONBEKEND
    land = land.upper()
    if land == "NL":
        return Herkomst.NL
    if land in EU_LANDEN:
        return Herkomst.EU
    return Herkomst.BUITEN_EU


def leeftijdsgroep_van(instroomjaar: int, geboortejaar: int | None) -> str:
    if not geboortejaar:
        return Leeftijdsgroep.ONBEKEND
    leeftijd = instroomjaar - geboortejaar
    if leeftijd <= 23:
        return Leeftijdsgroep.T_M_23
    if leeftijd <= 29:
        return Leeftijdsgroep.VAN_24_TOT_29
    if leeftijd <= 39:
        return Leeftijdsgroep.VAN_30_TOT_39
    return Leeftijdsgroep.VANAF_40
