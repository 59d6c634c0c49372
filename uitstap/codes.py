"""The code lists of DEFINITIONS.md: stored values are the keys, labels are the Dutch words."""

from django.db import models


class Rol(models.TextChoices):
    TRAJECTBEGELEIDER = "trajectbegeleider", "Trajectbegeleider"
    COORDINATOR = "coordinator", "Coördinator"
    KLANTMANAGER = "klantmanager", "Klantmanager gemeente"
    BEHEERDER = "beheerder", "Beheerder"


class Regeling(models.TextChoices):
    RUPS_I = "rups_i", "RUPS I"
    RUPS_II = "rups_ii", "RUPS II"
    RUPS_III = "rups_iii", "RUPS III"
    DUUP = "duup", "DUUP (decentralisatie-uitkering)"
    GEMEENTELIJK = "gemeentelijk", "Gemeentelijk"
    OVERIG = "overig", "Overig"


class Fase(models.TextChoices):
    CONTACT = "contact", "Contact"
    ORIENTATIE = "orientatie", "Oriëntatie"
    UITVOERING = "uitvoering", "Uitvoering"
    NAZORG = "nazorg", "Nazorg"


class Leefgebied(models.TextChoices):
    HUISVESTING = "huisvesting", "Huisvesting"
    FINANCIEN = "financien", "Financiën"
    WERK_DAGBESTEDING = "werk_dagbesteding", "Werk en dagbesteding"
    SOCIAAL_FUNCTIONEREN = "sociaal_functioneren", "Sociaal functioneren"
    PSYCHISCH_FUNCTIONEREN = "psychisch_functioneren", "Psychisch functioneren"
    LICHAMELIJK_FUNCTIONEREN = "lichamelijk_functioneren", "Lichamelijk functioneren"
    MIDDELENGEBRUIK = "middelengebruik", "Middelengebruik"
    PRAKTISCH_FUNCTIONEREN = "praktisch_functioneren", "Praktisch functioneren"
    ZINGEVING = "zingeving", "Zingeving"
    JURIDISCH = "juridisch", "Juridische ondersteuning"
    VEILIGHEID = "veiligheid", "Veiligheid en weerbaarheid"


class Gender(models.TextChoices):
    VROUW = "vrouw", "Vrouw"
    MAN = "man", "Man"
    TRANSGENDER = "transgender", "Transgender"
    NON_BINAIR = "non_binair", "Non-binair"
    ONBEKEND = "onbekend", "Onbekend"


class JuridischeCategorie(models.TextChoices):
    CAT_1 = "1", "1 – mag wonen, werken en een uitkering ontvangen"
    CAT_2 = "2", "2 – mag alleen als zelfstandige werken"
    CAT_3 = "3", "3 – mag niet in Nederland wonen of werken"


class Verblijfsstatus(models.TextChoices):
    NEDERLANDS = "nederlands", "Nederlands"
    EU_BURGER = "eu_burger", "EU-burger"
    VERBLIJFSVERGUNNING = "verblijfsvergunning", "Verblijfsvergunning"
    VERBLIJFSREGELING_MENSENHANDEL = (
        "verblijfsregeling_mensenhandel",
        "Verblijfsregeling mensenhandel",
    )
    ZONDER_VERBLIJFSRECHT = "zonder_verblijfsrecht", "Zonder verblijfsrecht"
    ONBEKEND = "onbekend", "Onbekend"


class Sector(models.TextChoices):
    RAAM = "raam", "Raam"
    CLUB_PRIVE = "club_prive", "Club/privéhuis"
    ESCORT = "escort", "Escort"
    THUIS = "thuis", "Thuis"
    STRAAT = "straat", "Straat"
    ONLINE = "online", "Online"
    OVERIG = "overig", "Overig"
    ONBEKEND = "onbekend", "Onbekend"


class Verwijzer(models.TextChoices):
    GGD = "ggd", "GGD"
    POLITIE = "politie", "Politie"
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", "Maatschappelijk werk"
    EIGEN_OUTREACH = "eigen_outreach", "Eigen outreach"
    ZELFMELDER = "zelfmelder", "Zelfmelder"
    GEMEENTE = "gemeente", "Gemeente"
    KETENPARTNER = "ketenpartner", "Ketenpartner"
    OVERIG = "overig", "Overig"
    # Added by issue 18 (named in the seeds, not in DEFINITIONS.md): new keys only.
    LOTGENOOT = "lotgenoot", "Lotgenoot (ervaringsdeskundige)"
    ONLINE = "online", "Online"


class KetenpartnerSoort(models.TextChoices):
    UITKERINGSINSTANTIE = "uitkeringsinstantie", "Sociale Dienst/UWV"
    SCHULDHULPVERLENING = "schuldhulpverlening", "Schuldhulpverlening"
    HUISVESTING = "huisvesting", "Huisvesting (corporatie, opvang, urgentie)"
    VERSLAVINGSZORG = "verslavingszorg", "Verslavingszorg"
    GGZ = "ggz", "GGZ"
    WERK_REINTEGRATIE = "werk_reintegratie", "Re-integratie, uitzendbureau"
    ONDERWIJS_TAAL = "onderwijs_taal", "Taal, inburgering, opleiding"
    GGD = "ggd", "GGD"
    POLITIE = "politie", "Politie"
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", "Maatschappelijk werk"
    JURIDISCH = "juridisch", "Juridisch"
    ZORGCOORDINATIE_MENSENHANDEL = (
        "zorgcoordinatie_mensenhandel",
        "Zorgcoördinatie mensenhandel",
    )
    OVERIG = "overig", "Overig"
    # Added by issue 18: new keys only.
    WIJKTEAM = "wijkteam", "Wijkteam"
    VROUWENOPVANG = "vrouwenopvang", "Vrouwenopvang"
    DAGBESTEDING_SW = "dagbesteding_sw", "Dagbesteding (sociale werkvoorziening)"
    WERKGEVER = "werkgever", "Werkgever"
    HUISARTS = "huisarts", "Huisarts"


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", "Gesprek"
    TELEFONISCH = "telefonisch", "Telefonisch"
    DIGITAAL = "digitaal", "Digitaal"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    OUTREACH = "outreach", "Outreach"
    GROEP = "groep", "Groep"
    CASUSOVERLEG = "casusoverleg", "Casusoverleg"
    BEGELEIDING_EXTERN = "begeleiding_extern", "Begeleiding extern"


class ContactStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    GEHOUDEN = "gehouden", "Gehouden"
    NIET_VERSCHENEN = "niet_verschenen", "Niet verschenen"
    AFGEZEGD = "afgezegd", "Afgezegd"


class UitstroomSoort(models.TextChoices):
    UITGESTAPT = "uitgestapt", "Uitgestapt"
    GESTOPT = "gestopt", "Tussentijds gestopt"


class UitstroomResultaat(models.TextChoices):
    BETAALD_WERK = "betaald_werk", "Betaald werk"
    OPLEIDING = "opleiding", "Opleiding"
    STAGE = "stage", "Stage"
    DAGBESTEDING = "dagbesteding", "Dagbesteding"
    VRIJWILLIGERSWERK = "vrijwilligerswerk", "Vrijwilligerswerk"
    UITKERING = "uitkering", "Uitkering"
    TERUGKEER_HERKOMSTLAND = "terugkeer_herkomstland", "Terugkeer naar herkomstland"
    # Added by issue 18: new keys only.
    ZORG_BEHANDELING = "zorg_behandeling", "Zorg of behandeling"
    ZELFSTANDIG_BUITEN_BRANCHE = "zelfstandig_buiten_branche", "Zelfstandig ondernemer buiten de branche"


class Stopreden(models.TextChoices):
    MOTIVATIE = "motivatie", "Motivatie"
    TERUG_IN_PROSTITUTIE = "terug_in_prostitutie", "Terug in de prostitutie"
    CONTACT_VERLOREN = "contact_verloren", "Contact verloren"
    VERHUISD = "verhuisd", "Verhuisd"
    DOORVERWEZEN = "doorverwezen", "Doorverwezen"
    AFSPRAKEN_NIET_NAGEKOMEN = "afspraken_niet_nagekomen", "Afspraken niet nagekomen"
    OVERIG = "overig", "Overig"
    # Added by issue 18: new keys only.
    FINANCIERING_BEEINDIGD = "financiering_beeindigd", "Financiering beëindigd"
    CONTRA_INDICATIE = "contra_indicatie", "Contra-indicatie"


class Branche(models.TextChoices):
    SCHOONMAAK = "schoonmaak", "Schoonmaak"
    ZORG = "zorg", "Zorg"
    DETAILHANDEL = "detailhandel", "Detailhandel"
    HORECA = "horeca", "Horeca"
    ADMINISTRATIE = "administratie", "Administratie"
    VERVOER = "vervoer", "Vervoer"
    OVERIG = "overig", "Overig"


class DoelStatus(models.TextChoices):
    OPEN = "open", "Open"
    BEZIG = "bezig", "Bezig"
    BEHAALD = "behaald", "Behaald"
    NIET_BEHAALD = "niet_behaald", "Niet behaald"
    VERVALLEN = "vervallen", "Vervallen"


class VerwijzingStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "Aangevraagd"
    WACHTLIJST = "wachtlijst", "Wachtlijst"
    GESTART = "gestart", "Gestart"
    AFGEROND = "afgerond", "Afgerond"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    AFGEBROKEN = "afgebroken", "Afgebroken"


class IntakeBesluit(models.TextChoices):
    TOEGELATEN = "toegelaten", "Toegelaten"
    NOG_NIET = "nog_niet", "Nog niet (eerst andere hulp)"
    NIET_TOEGELATEN = "niet_toegelaten", "Niet toegelaten"


class Afsluitreden(models.TextChoices):
    """Why a traject that never left contact was closed (it has no Uitstroom)."""

    GEEN_VERVOLG = "geen_vervolg", "Geen vervolg"
    NIET_BEREIKBAAR = "niet_bereikbaar", "Niet bereikbaar"
    GEEN_HULPVRAAG = "geen_hulpvraag", "Geen hulpvraag"
    DOORVERWEZEN = "doorverwezen", "Doorverwezen"
    OVERIG = "overig", "Overig"


class NacontroleTermijn(models.TextChoices):
    ZES_MAANDEN = "6m", "6 maanden"
    TWAALF_MAANDEN = "12m", "12 maanden"


class NacontroleUitkomst(models.TextChoices):
    UITGESTAPT_GEBLEVEN = "uitgestapt_gebleven", "Uitgestapt gebleven"
    TERUGGEVALLEN = "teruggevallen", "Teruggevallen"
    ONBEKEND = "onbekend", "Onbekend"


# --- leefsituatie (issue 18): dated situations of a participant --------------------------------


class Inkomstenbron(models.TextChoices):
    BIJSTAND_AANGEVRAAGD = "bijstand_aangevraagd", "Bijstand aangevraagd"
    BIJSTAND = "bijstand", "Bijstand"
    UWV = "uwv", "UWV-uitkering"
    TOZO = "tozo", "Tozo"
    LOON = "loon", "Loon uit werk"
    EIGEN_ONDERNEMING = "eigen_onderneming", "Eigen onderneming"
    SEKSWERK = "sekswerk", "Sekswerk"
    GEEN = "geen", "Geen inkomen"
    ONBEKEND = "onbekend", "Onbekend"


class Woonsituatie(models.TextChoices):
    EIGEN_HUUR = "eigen_huur", "Eigen huurwoning"
    PARTICULIERE_KAMER = "particuliere_kamer", "Particuliere kamer"
    BIJ_ANDEREN = "bij_anderen", "Inwonend bij anderen"
    IN_HET_CIRCUIT = "in_het_circuit", "In het circuit (werkplek)"
    OPVANG = "opvang", "Opvang"
    BESCHERMD_WONEN = "beschermd_wonen", "Beschermd wonen"
    DAKLOOS = "dakloos", "Dakloos"
    ONBEKEND = "onbekend", "Onbekend"


class Schulden(models.TextChoices):
    GEEN = "geen", "Geen schulden"
    PROBLEMATISCH = "problematisch", "Problematische schulden"
    IN_SCHULDHULP = "in_schuldhulp", "In schuldhulpverlening"
    GESTABILISEERD = "gestabiliseerd", "Gestabiliseerd"
    ONBEKEND = "onbekend", "Onbekend"


class SekswerkStatus(models.TextChoices):
    ACTIEF = "actief", "Actief"
    AFGEBOUWD = "afgebouwd", "Afgebouwd"
    GESTOPT = "gestopt", "Gestopt"
    HERVAT = "hervat", "Hervat (terugval)"


class Leeftijdsgroep(models.TextChoices):
    T_M_23 = "t/m 23", "t/m 23"
    VAN_24_TOT_29 = "24-29", "24-29"
    VAN_30_TOT_39 = "30-39", "30-39"
    VANAF_40 = "40+", "40+"
    ONBEKEND = "onbekend", "Onbekend"


class Herkomst(models.TextChoices):
    NL = "NL", "Nederland"
    EU = "EU", "EU/EER/Zwitserland"
    BUITEN_EU = "buiten_EU", "Buiten de EU"
    ONBEKEND = "onbekend", "Onbekend"


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
