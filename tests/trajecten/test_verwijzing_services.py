"""Referral services and selectors: lifecycle, date and status consistency, waiting time, median, caseload signal."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import DeelnemerFactory, KetenpartnerFactory, ProgrammaFactory
from trajecten import services
from trajecten import selectors as sel
from trajecten.models import Terugkoppeling, Verwijzing
from trajecten.selectors import caseload, signalen_voor
from trajecten.services import (
    terugkoppeling_aanmaken,
    verwijzing_wijzigen,
    verwijzing_aanmaken,
    verwijzing_intake_vastleggen,
    verwijzing_starten,
    verwijzing_status_wijzigen,
)
from uitstap.codes import VerwijzingStatus
from uitstap.locking import Conflict
from uitstap.models import AuditEvent, Contactpersoon

D = datetime.date
S = VerwijzingStatus
VANDAAG_PER_TEST = True  # tests/conftest.py sets VANDAAG to today before every test (never at import time)
VANDAAG = None


def dagen_geleden(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen_geleden(400), door=coach)


@pytest.fixture
def contact(schuldhulp):
    return Contactpersoon.objects.create(ketenpartner=schuldhulp, naam="Anouk de Boer", functie="Budgetcoach")


def verwijs(traject, partner, door, n=60, **kwargs):
    return verwijzing_aanmaken(traject=traject, ketenpartner=partner, verwezen=dagen_geleden(n), door=door, **kwargs)


# --- lifecycle ---------------------------------------------------------------------------------


def test_referral_lifecycle_from_request_to_finished(traject, schuldhulp, contact, coach):
    v = verwijs(traject, schuldhulp, coach, 60, contactpersoon=contact, hulpvraag="Schuldenoverzicht")
    assert (v.status, v.versie, v.door) == (S.AANGEVRAAGD, 1, coach)
    event = AuditEvent.objects.filter(object_type="verwijzing").latest("id")
    assert (event.actie, event.clientcode, event.grondslag) == ("create", traject.deelnemer.clientcode, "eigen_caseload")

    verwijzing_status_wijzigen(verwijzing=v, status=S.WACHTLIJST, door=coach, gelezen_versie=v.versie)
    verwijzing_intake_vastleggen(verwijzing=v, datum=dagen_geleden(50), door=coach, gelezen_versie=v.versie)
    assert sel.wachtdagen(v, VANDAAG) == 60 and sel.wacht_nog(v)

    verwijzing_starten(verwijzing=v, gestart=dagen_geleden(35), door=coach, gelezen_versie=v.versie)
    v.refresh_from_db()
    assert (v.status, v.gestart, v.versie) == (S.GESTART, dagen_geleden(35), 4)
    assert sel.wachtdagen(v, VANDAAG) == 25 and not sel.wacht_nog(v)

    terugkoppeling_aanmaken(verwijzing=v, datum=dagen_geleden(20), notitie="Loopt goed.", door=coach)
    verwijzing_status_wijzigen(verwijzing=v, status=S.AFGEROND, datum=dagen_geleden(5), door=coach, gelezen_versie=v.versie)
    v.refresh_from_db()
    assert (v.status, v.beeindigd, v.reden) == (S.AFGEROND, dagen_geleden(5), "")
    assert sel.wachtdagen(v, VANDAAG) == 25
    assert AuditEvent.objects.filter(object_type="verwijzing", actie="update").count() == 4
    assert AuditEvent.objects.filter(object_type="terugkoppeling", actie="create").count() == 1


def test_start_before_referral_is_refused_and_nothing_is_written(traject, schuldhulp, coach):
    v = verwijs(traject, schuldhulp, coach, 10)
    voor = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as e:
        verwijzing_starten(verwijzing=v, gestart=dagen_geleden(11), door=coach, gelezen_versie=v.versie)
    assert "De hulp kan niet eerder starten dan de verwijzing" in str(e.value)
    assert f"{dagen_geleden(10):%d-%m-%Y}" in str(e.value)
    assert "datum" in e.value.error_dict  # on the short status form the date field is `datum`
    v = Verwijzing.objects.get()
    assert (v.status, v.gestart, v.versie) == (S.AANGEVRAAGD, None, 1)
    assert AuditEvent.objects.count() == voor


def test_full_edit_with_start_before_referral_is_refused(traject, schuldhulp, coach):
    v = verwijs(traject, schuldhulp, coach, 10)
    with pytest.raises(ValidationError) as e:
        verwijzing_wijzigen(verwijzing=v, data={"status": S.GESTART, "gestart": dagen_geleden(12)}, door=coach,
                             gelezen_versie=1)
    assert "gestart" in e.value.error_dict
    assert Verwijzing.objects.get().gestart is None


@pytest.mark.parametrize("maak, veld, tekst", [  # dates made in the test, not at import
    (lambda: {"status": S.GESTART}, "gestart", "Vul in wanneer de hulp is gestart"),
    (lambda: {"status": S.AFGEWEZEN, "beeindigd": dagen_geleden(5)}, "reden", "waarom is de verwijzing afgewezen"),
    (lambda: {"status": S.AFGEBROKEN, "gestart": dagen_geleden(20), "beeindigd": dagen_geleden(5)}, "reden", "afgebroken"),
    (lambda: {"status": S.AFGEROND, "beeindigd": dagen_geleden(5)}, "gestart", "eerst gestart"),
    (lambda: {"status": S.AFGEROND, "gestart": dagen_geleden(20)}, "beeindigd", "Vul de datum in"),
    (lambda: {"status": S.WACHTLIJST, "gestart": dagen_geleden(20)}, "status", "al gestart"),
    (lambda: {"status": S.AFGEWEZEN, "gestart": dagen_geleden(20), "beeindigd": dagen_geleden(5), "reden": "x"}, "status", "niet afgewezen"),
    (lambda: {"status": S.GESTART, "gestart": VANDAAG + datetime.timedelta(days=1)}, "gestart", "toekomst"),
    (lambda: {"status": S.AFGEROND, "gestart": dagen_geleden(5), "beeindigd": dagen_geleden(8)}, "beeindigd", "vóór de start"),
    (lambda: {"intake_partner": dagen_geleden(31)}, "intake_partner", "vóór de verwijzing"),
    (lambda: {"status": S.GESTART, "intake_partner": dagen_geleden(10), "gestart": dagen_geleden(15)}, "gestart", "vóór de intake"),
])
def test_status_and_dates_must_agree(traject, schuldhulp, coach, maak, veld, tekst):
    with pytest.raises(ValidationError) as e:
        verwijs(traject, schuldhulp, coach, 30, **maak())
    assert veld in e.value.error_dict
    assert tekst in " ".join(e.value.error_dict[veld][0].messages)
    assert not Verwijzing.objects.exists()


def test_refusal_and_breaking_off_keep_their_reason(traject, schuldhulp, coach):
    a = verwijs(traject, schuldhulp, coach, 30)
    verwijzing_status_wijzigen(verwijzing=a, status=S.AFGEWEZEN, datum=dagen_geleden(20), reden=" Buiten doelgroep ", door=coach, gelezen_versie=a.versie)
    a.refresh_from_db()
    assert (a.status, a.beeindigd, a.reden) == (S.AFGEWEZEN, dagen_geleden(20), "Buiten doelgroep")
    assert sel.wachtdagen(a, VANDAAG) is None  # ended without start: no waiting time
    b = verwijs(traject, KetenpartnerFactory(programma=traject.deelnemer.programma), coach, 30)
    with pytest.raises(ValidationError, match="reden"):
        verwijzing_status_wijzigen(verwijzing=b, status=S.AFGEBROKEN, datum=dagen_geleden(2), reden="  ", door=coach, gelezen_versie=b.versie)
    assert Verwijzing.objects.get(pk=b.pk).status == S.AANGEVRAAGD


def test_referral_date_rules(traject, schuldhulp, coach):
    with pytest.raises(ValidationError, match="toekomst"):
        verwijzing_aanmaken(traject=traject, ketenpartner=schuldhulp, verwezen=VANDAAG + datetime.timedelta(days=1), door=coach)
    with pytest.raises(ValidationError, match="aanmelddatum"):
        verwijs(traject, schuldhulp, coach, 401)
    assert not Verwijzing.objects.exists()


def test_partner_contact_and_goal_must_belong(traject, schuldhulp, coach, programma):
    ander_programma = ProgrammaFactory()
    vreemd = KetenpartnerFactory(programma=ander_programma)
    with pytest.raises(ValidationError, match="sociale kaart van dit programma"):
        verwijs(traject, vreemd, coach)
    ander = KetenpartnerFactory(programma=programma)
    persoon = Contactpersoon.objects.create(ketenpartner=ander, naam="Iemand Anders")
    with pytest.raises(ValidationError, match="werkt niet bij"):
        verwijs(traject, schuldhulp, coach, contactpersoon=persoon)
    schuldhulp.actief = False
    schuldhulp.save()
    with pytest.raises(ValidationError, match="niet \\(meer\\) actief"):
        verwijs(traject, schuldhulp, coach)
    assert not Verwijzing.objects.exists()


def test_no_new_referral_in_a_closed_traject(traject, schuldhulp, coach):
    if not traject.heeft_instroom:
        services.fase_wijzigen(traject=traject, fase="orientatie", datum=dagen_geleden(1), door=coach)
    services.uitstroom_vastleggen(traject=traject, soort="gestopt", reden="verhuisd", datum=dagen_geleden(1), door=coach,
                                  gelezen_versie=traject.versie)
    traject.refresh_from_db()
    with pytest.raises(ValidationError, match="afgesloten"):
        verwijs(traject, schuldhulp, coach)


def test_concurrent_edit_raises_conflict_and_keeps_the_first_save(traject, schuldhulp, coach, coach2):
    v = verwijs(traject, schuldhulp, coach, 30)
    kopie = Verwijzing.objects.get(pk=v.pk)
    verwijzing_wijzigen(verwijzing=v, data={"hulpvraag": "Eerste"}, gelezen_versie=1, door=coach)
    with pytest.raises(Conflict):
        verwijzing_wijzigen(verwijzing=kopie, data={"hulpvraag": "Tweede"}, gelezen_versie=1, door=coach2)
    v.refresh_from_db()
    assert (v.hulpvraag, v.versie) == ("Eerste", 2)


def test_feedback_is_dated_within_the_referral(traject, schuldhulp, coach):
    v = verwijs(traject, schuldhulp, coach, 10)
    with pytest.raises(ValidationError, match="vóór de verwijzing"):
        terugkoppeling_aanmaken(verwijzing=v, datum=dagen_geleden(11), notitie="x", door=coach)
    with pytest.raises(ValidationError, match="teruggekoppeld"):
        terugkoppeling_aanmaken(verwijzing=v, datum=dagen_geleden(1), notitie="  ", door=coach)
    assert not Terugkoppeling.objects.exists()


# --- waiting time and median ------------------------------------------------------------------


def test_median_of_odd_even_and_empty_counts():
    assert sel.mediaan([30, 10, 20]) == 20
    assert sel.mediaan([40, 10, 20, 30]) == 25
    assert sel.mediaan([10, 11, 20, 30]) == 15.5
    assert sel.mediaan([7]) == 7
    assert sel.mediaan([]) is None


def _gestarte(traject, partner, door, wachttijden, start_geleden=10):
    for w in wachttijden:
        v = verwijs(traject, partner, door, start_geleden + w)
        verwijzing_starten(verwijzing=v, gestart=dagen_geleden(start_geleden), door=door, gelezen_versie=v.versie)


def test_median_waiting_time_per_partner_over_last_12_months(traject, schuldhulp, coach, programma, vandaag):
    _gestarte(traject, schuldhulp, coach, [10, 40, 25])  # odd: median 25
    # Started more than 12 months ago: not counted.
    oud = DeelnemerFactory(programma=programma, begeleider=coach)
    oud_traject = services.traject_starten(deelnemer=oud, aanmelddatum=dagen_geleden(800), door=coach)
    _gestarte(oud_traject, schuldhulp, coach, [300], start_geleden=370)
    # Still waiting: not a waiting time yet, but counted as waiting.
    verwijs(traject, schuldhulp, coach, 45)
    c = sel.partner_cijfers(coach, [schuldhulp], vandaag)[schuldhulp.pk]
    assert (c.gestart_12m, c.mediane_wachttijd, c.wachtend, c.lang_wachtend, c.open) == (3, 25, 1, 1, 5)
    assert sel.mediane_wachttijd(Verwijzing.objects.all(), vandaag) == 25

    _gestarte(traject, schuldhulp, coach, [50])  # even: 10, 25, 40, 50 -> 32.5
    c = sel.partner_cijfers(coach, [schuldhulp], vandaag)[schuldhulp.pk]
    assert (c.gestart_12m, c.mediane_wachttijd) == (4, 32.5)


def test_median_counts_only_referrals_the_user_may_see(traject, schuldhulp, coach, coach3, coordinator, ander_deelnemer, vandaag):
    _gestarte(traject, schuldhulp, coach, [10])
    ander = services.traject_starten(deelnemer=ander_deelnemer, aanmelddatum=dagen_geleden(400), door=coach3)
    _gestarte(ander, schuldhulp, coach3, [50])
    assert sel.partner_cijfers(coach, [schuldhulp], vandaag)[schuldhulp.pk].mediane_wachttijd == 10
    assert sel.partner_cijfers(coordinator, [schuldhulp], vandaag)[schuldhulp.pk].mediane_wachttijd == 30


def test_twelve_months_back_on_a_leap_day():
    assert sel.twaalf_maanden_terug(D(2028, 2, 29)) == D(2027, 2, 28)


# --- caseload signal ------------------------------------------------------------------------


def test_caseload_flags_referrals_waiting_longer_than_the_programme_threshold(traject, schuldhulp, coach, programma):
    verwijs(traject, schuldhulp, coach, 31)
    verwijs(traject, KetenpartnerFactory(programma=programma), coach, 30)  # exactly 30: not longer
    gestart = verwijs(traject, KetenpartnerFactory(programma=programma), coach, 90)
    verwijzing_starten(verwijzing=gestart, gestart=dagen_geleden(1), door=coach, gelezen_versie=gestart.versie)
    d = caseload(coach).get()
    assert d.lang_wachtend == 1
    assert "1 verwijzing wacht lang" in [s.tekst for s in signalen_voor(d)]
    programma.wachttijd_signaal_dagen = 20
    programma.save()
    assert caseload(coach).get().lang_wachtend == 2


def test_switching_to_an_inactive_partner_is_refused_but_keeping_one_is_fine(traject, schuldhulp, coach, programma):
    v = verwijs(traject, schuldhulp, coach, 30)
    oud = KetenpartnerFactory(programma=programma, actief=False)
    with pytest.raises(ValidationError, match="niet \\(meer\\) actief"):
        verwijzing_wijzigen(verwijzing=v, data={"ketenpartner": oud}, door=coach, gelezen_versie=1)
    schuldhulp.actief = False
    schuldhulp.save()
    v = Verwijzing.objects.get(pk=v.pk)
    verwijzing_wijzigen(verwijzing=v, data={"ketenpartner": schuldhulp, "hulpvraag": "Budgetbeheer"}, door=coach,
                         gelezen_versie=1)
    assert Verwijzing.objects.get().hulpvraag == "Budgetbeheer"
