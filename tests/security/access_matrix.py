"""THE access table: expected HTTP status of a GET per role per URL name (one place in the repository).

Columns (ROLLEN): coach = the participant's own coach; achtervang = her backup coach; andere_coach = a coach
of the same organisation without a link to her; coordinator = coordinator of the organisation running her
programme; coordinator_elders = coordinator of another organisation (second programme); klantmanager;
beheerder. Participant routes are called with participant A's ids (coach's caseload, coach2 achtervang).
The walker also calls every participant route with the ids of a participant of the other organisation:
see `elders()`.

Status codes: 200 shown, 302 redirect, 403 role not allowed (independent of the participant), 404 not
visible / not found, 405 GET not allowed (POST-only action). A set means any of these is fine.
"""

ROLLEN = ("coach", "achtervang", "andere_coach", "coordinator", "coordinator_elders", "klantmanager", "beheerder")

# URL parameter -> what it points at (model name); otherwise the path segment before it decides.
PARAM_MODEL = {
    "traject_pk": "traject", "contact_pk": "contactmoment", "plan_pk": "trajectplan", "doel_pk": "doel",
    "document_pk": "document", "verwijzing_pk": "verwijzing", "meting_pk": "meting",
    "toestemming_pk": "toestemming", "signaal_pk": "signaal", "overdracht_pk": "overdracht",
    "werkoverleg_pk": "werkoverleg", "afspraak_pk": "werkoverlegafspraak",
    "ander_pk": "deelnemer",  # samenvoegen: the walker pairs participant A with herself (the page says no)
}
SEGMENT_MODEL = {
    "deelnemers": "deelnemer", "trajecten": "traject", "contacten": "contactmoment",
    "trajectplannen": "trajectplan", "trajectplan": "trajectplan", "doelen": "doel", "verwijzingen": "verwijzing",
    "documenten": "document", "metingen": "meting", "toestemmingen": "toestemming",
    "sociale-kaart": "ketenpartner", "contactpersonen": "contactpersoon", "gebruikers": "gebruiker",
}
# Models that are "the participant" itself (the rest of her records are found through trajecten.avg.eigen_records).
DEELNEMER_MODELLEN = {"deelnemer"}
VASTE_WAARDEN = {"uidb64": "MQ", "token": "ongeldig-token"}

ZIEN = (200, 200, 404, 200, 404, 404, 404)          # a dossier page: coach, achtervang and coordinator
COORD_DOSSIER = (403, 403, 403, 200, 404, 403, 403)  # coordinator-only page about one participant
COORD = (403, 403, 403, 200, 200, 403, 403)          # coordinator-only page, not about a participant
BEHEER = (403, 403, 403, 403, 403, 403, 200)         # the beheerder's account management
IEDEREEN = (200,) * 7
POST_ALLEEN = (405,) * 7

MATRIX: dict[str, tuple] = {
    #                                      coach achterv andere  coord  c.elders  km   beheer
    # --- account, login, second factor (every logged-in user) ---
    "start":                               (302,) * 7,
    "two_factor:login":                    IEDEREEN,
    "two_factor:setup":                    IEDEREEN,
    "two_factor:qr":                       (404,) * 7,   # only during a setup session
    "two_factor:setup_complete":           (302,) * 7,
    "two_factor:backup_tokens":            (302,) * 7,
    "two_factor:profile":                  IEDEREEN,
    "two_factor:disable":                  (302,) * 7,
    "account":                             IEDEREEN,
    "logout":                              POST_ALLEEN,
    "password_change":                     IEDEREEN,
    "password_change_done":                IEDEREEN,
    "password_reset":                      IEDEREEN,
    "password_reset_done":                 IEDEREEN,
    "password_reset_confirm":              IEDEREEN,     # shows "link invalid" for a bad token
    "password_reset_complete":             IEDEREEN,
    # --- per role start pages and programme settings ---
    "klantmanager_start":                  (403, 403, 403, 403, 403, 302, 403),  # to trajecten:gemeente_start
    "programma_lijst":                     (403, 403, 403, 302, 302, 403, 403),
    "programma_detail":                    (403, 403, 403, 200, 404, 403, 403),  # slug of our programme
    "programma_bewerken":                  (403, 403, 403, 200, 404, 403, 403),
    "programmajaar_nieuw":                 (403, 403, 403, 200, 404, 403, 403),
    "programmajaar_bewerken":              (403, 403, 403, 200, 404, 403, 403),
    "programma_criteria":                  (403, 403, 403, 200, 404, 403, 403),  # issue 18
    "criterium_actief":                    (403, 403, 403, 405, 405, 403, 403),
    "rapportage:cijfers":                  COORD,
    "rapportage:export":                   (403, 403, 403, 200, 404, 403, 403),  # slug of our programme
    # --- grant and verslag (coordinator only; the walker has no beschikking, so ids are unknown: 404) ---
    "rapportage:dataset":                  (403, 403, 403, 200, 404, 403, 403),  # slug of our programme
    "rapportage:beschikkingen":            COORD,
    "rapportage:beschikking":              (403, 403, 403, 404, 404, 403, 403),
    "rapportage:begroting":                (403, 403, 403, 404, 404, 403, 403),
    "rapportage:plan":                     (403, 403, 403, 404, 404, 403, 403),
    "rapportage:besteding":                (403, 403, 403, 404, 404, 403, 403),
    "rapportage:verslag":                  (403, 403, 403, 404, 404, 403, 403),
    "rapportage:verslag_pdf":              (403, 403, 403, 404, 404, 403, 403),
    "rapportage:verslag_voorbeeld":        (403, 403, 403, 404, 404, 403, 403),  # DEBUG only
    "rapportage:cofinancier":              (403, 403, 403, 405, 405, 403, 403),
    "rapportage:voorschot":                (403, 403, 403, 405, 405, 403, 403),
    "rapportage:verslag_nieuw":            (403, 403, 403, 405, 405, 403, 403),
    "rapportage:vaststellen":              (403, 403, 403, 405, 405, 403, 403),
    "audit_zoeken":                        COORD,
    # --- account management (beheerder) ---
    "gebruikers":                          BEHEER,
    "gebruiker_nieuw":                     BEHEER,
    "gebruiker_detail":                    BEHEER,
    "gebruiker_bewerken":                  BEHEER,
    "gebruiker_deactiveren":               (403, 403, 403, 403, 403, 403, 405),
    "gebruiker_activeren":                 (403, 403, 403, 403, 403, 403, 405),
    "gebruiker_tweede_factor_resetten":    (403, 403, 403, 403, 403, 403, 405),
    "gebruiker_deblokkeren":               (403, 403, 403, 403, 403, 403, 405),
    "gebruiker_wachtwoordlink":            (403, 403, 403, 403, 403, 403, 405),
    "accountverzoeken":                    (403, 403, 403, 200, 200, 403, 200),
    "accountverzoek_goedkeuren":           (403, 403, 403, 405, 405, 403, 405),
    "accountverzoek_afwijzen":             (403, 403, 403, 405, 405, 403, 405),
    # --- lists (scoped by deelnemers_visible_to inside) ---
    "trajecten:caseload":                  (200, 200, 200, 200, 200, 403, 403),
    "trajecten:deelnemers":                (200, 200, 200, 200, 200, 403, 403),
    "trajecten:coordinator_start":         COORD,
    "trajecten:deelnemer_nieuw":           (200, 200, 200, 200, 200, 403, 403),
    "trajecten:duplicaten":                COORD,        # issue 19: the coordinator's likely duplicates
    "trajecten:samenvoegen":               COORD_DOSSIER,
    "trajecten:geen_duplicaat":            (403, 403, 403, 405, 405, 403, 403),
    # --- the dossier of participant A ---
    "trajecten:dossier":                   ZIEN,
    "trajecten:contacten":                 ZIEN,
    "trajecten:persoonsgegevens":          ZIEN,
    "trajecten:begeleiding":               COORD_DOSSIER,
    "trajecten:traject_nieuw":             ZIEN,
    "trajecten:fase":                      ZIEN,
    "trajecten:intake":                    ZIEN,
    "trajecten:contact_nieuw":             ZIEN,
    "trajecten:uitstroom":                 ZIEN,
    "trajecten:beeindigen":                ZIEN,
    "trajecten:terugval":                  ZIEN,
    "trajecten:contact_bewerken":          ZIEN,
    "trajecten:contact_foutief":           ZIEN,
    # issue 18: leefsituatie tab and forms (writes: coach, backup and coordinator only), intake talks
    "trajecten:leefsituatie":              ZIEN,
    "trajecten:leefsituatie_nieuw":        (200, 200, 404, 200, 404, 403, 403),
    "trajecten:nacontrole_nieuw":          (200, 200, 404, 200, 404, 403, 403),
    "trajecten:intakegesprek_nieuw":       ZIEN,
    "trajecten:trajectplan":               ZIEN,
    "trajecten:plan_pdf":                  ZIEN,
    "trajecten:plan_pdf_voorbeeld":        (404,) * 7,   # DEBUG only
    "trajecten:meting_nieuw":              ZIEN,
    "trajecten:plan_nieuw":                ZIEN,
    "trajecten:plan_bewerken":             ZIEN,
    "trajecten:plan_ondertekenen":         ZIEN,
    "trajecten:plan_nieuwe_versie":        ZIEN,
    "trajecten:doel_nieuw":                ZIEN,
    "trajecten:doel_bewerken":             ZIEN,
    "trajecten:subdoel_nieuw":             ZIEN,
    "trajecten:voortgang_nieuw":           ZIEN,
    "trajecten:doel_status":               ZIEN,
    "trajecten:doel_verwijderen":          ZIEN,         # GET asks for confirmation
    "trajecten:verwijzingen":              ZIEN,
    "trajecten:verwijzing_nieuw":          ZIEN,
    "trajecten:verwijzing_bewerken":       ZIEN,
    "trajecten:verwijzing_status":         ZIEN,
    "trajecten:verwijzing_intake":         ZIEN,
    "trajecten:terugkoppeling_nieuw":      ZIEN,
    "trajecten:documenten":                ZIEN,
    "trajecten:document_download":         ZIEN,
    "trajecten:veiligheid":                ZIEN,
    "trajecten:contactafspraken":          ZIEN,
    "trajecten:juridische_route":          ZIEN,
    "trajecten:ingezien":                  COORD_DOSSIER,
    "trajecten:avg_inzage":                COORD_DOSSIER,
    "trajecten:avg_wissen":                COORD_DOSSIER,
    "trajecten:toestemmingen":             ZIEN,
    "trajecten:toestemming_nieuw":         ZIEN,
    "trajecten:toestemming_verlengen":     ZIEN,
    "trajecten:toestemming_intrekken":     ZIEN,         # GET asks for confirmation
    "trajecten:signaal_afsluiten":         POST_ALLEEN,
    # --- the klantmanager's own pages (the Almere klantmanager has no consent for A: see KM_KOLOMMEN) ---
    "trajecten:gemeente_start":            (403, 403, 403, 403, 403, 200, 403),
    "trajecten:gemeente_deelnemer":        (403, 403, 403, 403, 403, 404, 403),
    # --- the werkoverleg (ours with Zeewolde, where A shares everything; an afspraak about A) ---
    "trajecten:werkoverleggen":            (403, 403, 403, 200, 200, 200, 403),
    "trajecten:werkoverleg_nieuw":         (403, 403, 403, 200, 200, 200, 403),
    "trajecten:werkoverleg":               (403, 403, 403, 200, 404, 404, 403),
    "trajecten:werkoverleg_bewerken":      (403, 403, 403, 200, 404, 404, 403),
    "trajecten:werkoverleg_afspraak_nieuw": (403, 403, 403, 200, 404, 404, 403),
    "trajecten:werkoverleg_agenda_pdf":    (403, 403, 403, 200, 404, 404, 403),
    "trajecten:werkoverleg_verslag_pdf":   (403, 403, 403, 200, 404, 404, 403),
    "trajecten:werkoverleg_afspraak_bewerken": (403, 403, 403, 200, 404, 404, 403),
    "trajecten:werkoverleg_afspraak_afronden": (403, 403, 403, 200, 404, 404, 403),
    # --- the warm handover (issue 17): A's dossier; B's coordinator (the walker has no overdracht: 404) ---
    "trajecten:overdracht_nieuw":          (200, 200, 404, 200, 404, 404, 404),
    "trajecten:overdracht_ontvangen":      ZIEN,
    "trajecten:overdracht_intrekken":      (404,) * 7,
    "trajecten:overdrachten":              COORD,
    "trajecten:overdracht_beoordelen":     (403, 403, 403, 404, 404, 403, 403),
    "trajecten:overdracht_accepteren":     POST_ALLEEN,
    "trajecten:overdracht_afwijzen":       POST_ALLEEN,
    # --- sociale kaart (ketenpartner of our programme) ---
    "trajecten:sociale_kaart":             (200, 200, 200, 200, 200, 403, 403),
    "trajecten:ketenpartner_nieuw":        (200, 200, 200, 200, 200, 403, 403),
    "trajecten:ketenpartner_detail":       (200, 200, 200, 200, 404, 403, 403),
    "trajecten:ketenpartner_bewerken":     (403, 403, 403, 200, 404, 403, 403),
    "trajecten:ketenpartner_goedkeuren":   (403, 403, 403, 405, 405, 403, 403),
    "trajecten:ketenpartner_afwijzen":     (403, 403, 403, 405, 405, 403, 403),
    "trajecten:ketenpartner_actief":       (403, 403, 403, 405, 405, 403, 403),
    "trajecten:contactpersoon_nieuw":      (403, 403, 403, 200, 404, 403, 403),
    "trajecten:contactpersoon_bewerken":   (403, 403, 403, 200, 404, 403, 403),
    # --- the outreach register (anonymous, programme-wide) ---
    "trajecten:outreach":                  (200, 200, 200, 200, 200, 403, 403),
    "trajecten:outreach_nieuw":            (200, 200, 200, 200, 200, 403, 403),
    "trajecten:outreach_bewerken":         (404, 404, 404, 404, 404, 403, 403),  # no action with that id
    "trajecten:outreach_locatie_nieuw":    (403, 403, 403, 200, 200, 403, 403),
    # --- Django admin: nobody here is staff ---
    "admin:index":                         (302,) * 7,
}


# Extra columns: klantmanagers of three other gemeenten, each with a full consent (every scope) for participant
# A that is valid, expired, or withdrawn. They get what the klantmanager column says, except where listed here.
KM_KOLOMMEN = ("km_geldig", "km_verlopen", "km_ingetrokken")
KM_AFWIJKEND: dict[str, tuple] = {
    #                                      geldig verlopen ingetrokken
    "trajecten:gemeente_deelnemer":        (200, 404, 404),
    "trajecten:werkoverleg":               (200, 404, 404),
    "trajecten:werkoverleg_bewerken":      (200, 404, 404),
    "trajecten:werkoverleg_afspraak_nieuw": (200, 404, 404),
    "trajecten:werkoverleg_agenda_pdf":    (200, 404, 404),
    "trajecten:werkoverleg_verslag_pdf":   (200, 404, 404),
    "trajecten:werkoverleg_afspraak_bewerken": (200, 404, 404),
    "trajecten:werkoverleg_afspraak_afronden": (200, 404, 404),
}


def verwacht_voor(name: str, rol: str):
    """The expected status of `name` for `rol` (a column of MATRIX or one of KM_KOLOMMEN)."""
    if rol in KM_KOLOMMEN:
        if name in KM_AFWIJKEND:
            return KM_AFWIJKEND[name][KM_KOLOMMEN.index(rol)]
        return MATRIX[name][ROLLEN.index("klantmanager")]
    return MATRIX[name][ROLLEN.index(rol)]


def overslaan(name: str) -> bool:
    """Django's admin (staff only; none of these roles is staff) is checked by its index page alone."""
    return name.startswith("admin:") and name != "admin:index"


def standaard(rol: str, *, deelnemer_route: bool, onbekend: bool):
    """The rule for a route the table does not list yet."""
    if onbekend:
        return {403, 404, 405}  # an id we could not make up must not show anything
    if deelnemer_route:
        zichtbaar = rol in ("coach", "achtervang", "coordinator")  # never a klantmanager (KM_KOLOMMEN included)
        return {200, 302, 403, 405} if zichtbaar else {403, 404, 405}
    return {200, 302, 403, 404, 405}  # never a 500 (404: e.g. another organisation's programme)


def elders(verwacht):
    """Expected status for the other organisation's participant: whatever was shown becomes a 404."""
    if isinstance(verwacht, (set, frozenset)):
        return {404} | {s for s in verwacht if s in (403, 405)}
    return 404 if verwacht in (200, 302) else verwacht
