"""The coordinator's likely duplicates (selector) and samenvoegen (service): rules, scope, every record kept, figures."""

import datetime
import random
import string

import pytest
from django.core.exceptions import ValidationError

from clients import samenvoegen as sv
from clients import selectors
from clients.avg import eigen_records
from clients.models import Contactafspraak, Deelnemer, GeenDuplicaat, JuridischeRoute, Signaal
from clients.selectors import Reden, deelnemers_visible_to, duplicaat_paren
from clients.services import contactafspraak_vastleggen, juridische_route_vastleggen
from rapportage import cijfers as c
from tests.avg_data import vul_dossier
from tests.factories import (
    DeelnemerFactory, GebruikerFactory, OrganisatieFactory, ProgrammaFactory, ToestemmingFactory,
)
from tests.rapportage.helpers import TOT, VAN, traject
from trajecten.models import Traject
from uitstap.codes import Rol
from uitstap.locking import Conflict
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db


def paren(user, **kw):
    return {(p.a.clientcode, p.b.clientcode): p.redenen for p in duplicaat_paren(user, **kw)}


def dn(programma, code, roepnaam, jaar=1990, land="", bsn="", begeleider=None):
    return DeelnemerFactory(programma=programma, clientcode=code, roepnaam=roepnaam, geboortejaar=jaar,
                            herkomstland=land, bsn=bsn, begeleider=begeleider)


# --- the selector -----------------------------------------------------------------------------


def test_documented_cases_and_nothing_else(coordinator, programma, coach):
    dn(programma, "TST-1", "Heel anders", 1970, bsn="123456782", begeleider=coach)
    dn(programma, "TST-2", "Iemand", 1985, bsn="123456782", begeleider=coach)          # same BSN
    dn(programma, "TST-3", "Ioana", 1995, "RO", begeleider=coach)
    dn(programma, "TST-4", "IÓANA ", 1995, "RO", begeleider=coach)                       # same name, year, country
    dn(programma, "TST-5", "Ioana", 1995, "BG", begeleider=coach)                        # other country: no rule 2
    dn(programma, "TST-6", "Joy", 2000, "NG", begeleider=coach)
    dn(programma, "TST-7", "Joey", 2000, "GH", begeleider=coach)                         # one edit, same year
    dn(programma, "TST-8", "Joey", 2001, "GH", begeleider=coach)                         # other year
    dn(programma, "TST-9", "Mirja", 2000, begeleider=coach)                              # two edits from Maria
    dn(programma, "TST-10", "Maria", 2000, begeleider=coach)
    assert paren(coordinator) == {
        ("TST-1", "TST-2"): (Reden.BSN,),
        ("TST-3", "TST-4"): (Reden.NAAM,),
        ("TST-6", "TST-7"): (Reden.LIJKT,),
    }


def test_same_rules_as_at_registration(coordinator, coach, programma):
    """Every pair the list shows is a match the registration check finds, and the other way round."""
    rng = random.Random(7)
    namen = ["Ana", "Anna", "Ánna", "Anne", "Ann", "Hanna", "Joy", "Joey", "Eva", "Ava", "Iva"]
    deelnemers = [dn(programma, f"TST-{i}", rng.choice(namen), rng.choice([1990, 1991]), rng.choice(["RO", "NL"]),
                     begeleider=coach) for i in range(30)]
    gevonden = {(p.a.pk, p.b.pk) for p in duplicaat_paren(coordinator)}
    verwacht = set()
    for d in deelnemers:
        for m in selectors.mogelijke_duplicaten(coordinator, programma=programma, roepnaam=d.roepnaam,
                                                geboortejaar=d.geboortejaar, herkomstland=d.herkomstland).zichtbaar:
            if m.pk != d.pk:
                verwacht.add(tuple(sorted((d.pk, m.pk))))
    assert gevonden == verwacht and gevonden


def test_scope_non_joint_programme_and_other_programmes(organisatie, coordinator, coach):
    """In a programme run by two organisations without a joint-controller arrangement the coordinator sees
    pairs of her own organisation's participants only; another programme's pairs never."""
    andere = OrganisatieFactory()
    gedeeld = ProgrammaFactory(organisaties=[organisatie, andere], gezamenlijke_verwerking=False)
    coach_elders = GebruikerFactory(rol=Rol.TRAJECTBEGELEIDER, organisatie=andere)
    dn(gedeeld, "G-1", "Sanne", 1988, "NL", begeleider=coach)
    dn(gedeeld, "G-2", "Sanne", 1988, "NL", begeleider=coach_elders)        # half outside her scope
    dn(gedeeld, "G-3", "Petra", 1977, "NL", begeleider=coach_elders)
    dn(gedeeld, "G-4", "Petra", 1977, "NL", begeleider=coach_elders)        # wholly outside
    vreemd = ProgrammaFactory(organisaties=[andere])
    dn(vreemd, "V-1", "Lotte", 1980, "NL")
    dn(vreemd, "V-2", "Lotte", 1980, "NL")
    assert paren(coordinator) == {}
    coord_elders = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=andere)
    assert set(paren(coord_elders)) == {("G-3", "G-4"), ("V-1", "V-2")}
    # A coach is never given the list (the page is the coordinator's); through the selector she sees her own.
    assert paren(coach) == {}


def test_pairs_stay_within_one_programme_and_skip_erased(organisatie, coordinator, programma, coach):
    tweede = ProgrammaFactory(organisaties=[organisatie])
    dn(programma, "TST-1", "Lena", 1990, "NL", bsn="111222333", begeleider=coach)
    dn(tweede, "TW-1", "Lena", 1990, "NL", bsn="111222333")
    gewist = dn(programma, "TST-2", "Lena", 1990, "NL")
    gewist.gewist_op = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    gewist.save()
    assert paren(coordinator) == {}


def test_geen_duplicaat_hides_the_pair_and_is_audited(coordinator, programma, coach):
    a = dn(programma, "TST-1", "Ioana", 1995, "RO", begeleider=coach)
    b = dn(programma, "TST-2", "Ioana", 1995, "RO", begeleider=coach)
    dn(programma, "TST-3", "Ioanna", 1995, "RO", begeleider=coach)
    assert len(duplicaat_paren(coordinator)) == 3
    sv.geen_duplicaat_vastleggen(deelnemer=b, ander=a, door=coordinator)
    assert set(paren(coordinator)) == {("TST-1", "TST-3"), ("TST-2", "TST-3")}
    besluit = GeenDuplicaat.objects.get()
    assert (besluit.deelnemer, besluit.ander) == (a, b)  # stored in id order
    event = AuditEvent.objects.get(object_type="geen_duplicaat")
    assert event.clientcodes == ["TST-1", "TST-2"] and event.gebruiker == coordinator
    with pytest.raises(ValidationError, match="al als verschillende personen"):
        sv.geen_duplicaat_vastleggen(deelnemer=a, ander=b, door=coordinator)
    with pytest.raises(ValidationError, match="Alleen de coördinator"):
        sv.geen_duplicaat_vastleggen(deelnemer=a, ander=b, door=coach)


def test_not_quadratic(coordinator, programma, coach, django_assert_max_num_queries, monkeypatch):
    """400 participants born in one year: the names are compared through the deletion index, not pair by pair,
    and the number of queries does not grow with the programme."""
    rng = random.Random(3)
    namen = {"".join(rng.choice(string.ascii_lowercase) for _ in range(9)) for _ in range(400)}
    Deelnemer.objects.bulk_create([
        Deelnemer(programma=programma, clientcode=f"TST-{i:04d}", roepnaam=naam, geboortejaar=1990, begeleider=coach)
        for i, naam in enumerate(sorted(namen))
    ])
    dn(programma, "TST-X1", "Wilhelmina", 1990, begeleider=coach)
    dn(programma, "TST-X2", "Wilhelmiena", 1990, begeleider=coach)
    vergelijkingen = []
    echt = selectors.een_bewerking_verschil
    monkeypatch.setattr(selectors, "een_bewerking_verschil", lambda a, b: vergelijkingen.append(1) or echt(a, b))
    with django_assert_max_num_queries(6):
        gevonden = paren(coordinator)
    assert gevonden == {("TST-X1", "TST-X2"): (Reden.LIJKT,)}
    assert len(vergelijkingen) < 50  # all pairs would be 80 000


# --- samenvoegen ------------------------------------------------------------------------------


@pytest.fixture
def twee(programma, coach, coach2, coordinator):
    """Two full dossiers of one person: A with a closed traject, B with an open one; consents, signals,
    arrangements and a legal route on both."""
    a = dn(programma, "TST-A", "Ioana", 1995, "RO", begeleider=coach)
    b = dn(programma, "TST-B", "Ioanna", 1995, "", begeleider=coach2)
    vul_dossier(a, coach, "DossierA", einddatum=datetime.date(2024, 12, 1))
    vul_dossier(b, coach2, "DossierB", start=datetime.date(2025, 3, 1))
    for d in (a, b):
        d.refresh_from_db()
        t = ToestemmingFactory(deelnemer=d, scopes=["basis"])
        Signaal.objects.create(deelnemer=d, gemeente=t.gemeente, toestemming=t, datum=datetime.date.today(),
                               tekst="Plek vrij", door=d.begeleider)
    contactafspraak_vastleggen(deelnemer=a, data={"bellen": "nee"}, gelezen_versie=0, door=coach)
    contactafspraak_vastleggen(deelnemer=b, data={"bellen": "ja"}, gelezen_versie=0, door=coach2)
    contactafspraak_vastleggen(deelnemer=a, data={"bellen": "nee", "huisbezoek": "nee"}, gelezen_versie=1, door=coach)
    juridische_route_vastleggen(deelnemer=b, data={"juridische_categorie": "3"}, gelezen_versie=0, door=coach2)
    a.refresh_from_db()
    b.refresh_from_db()
    return a, b


def _tellingen(*deelnemers):
    uit = {}
    for d in deelnemers:
        for model, qs in eigen_records(d):
            uit[model._meta.label] = uit.get(model._meta.label, 0) + qs.count()
    return uit


def test_every_relation_to_deelnemer_is_classified():
    """A new model with a foreign key to Deelnemer is moved by a merge (or this test says why not)."""
    gevonden = {(r.model._meta.label, r.veld): r.hoe for r in sv.relaties()}
    alle = {(rel.related_model._meta.label, rel.field.name) for rel in Deelnemer._meta.related_objects}
    assert set(gevonden) == alle
    assert gevonden[("trajecten.Traject", "deelnemer")] == sv.VERPLAATSEN
    assert gevonden[("clients.Document", "deelnemer")] == sv.VERPLAATSEN
    assert gevonden[("clients.Contactafspraak", "deelnemer")] == sv.VERSIES
    assert gevonden[("clients.JuridischeRoute", "deelnemer")] == sv.VERSIES
    assert gevonden[("clients.GeenDuplicaat", "ander")] == sv.LATEN


def test_merge_keeps_every_record(twee, coordinator):
    a, b = twee
    voor = _tellingen(a, b)
    assert voor["trajecten.Traject"] == 2 and voor["clients.Contactafspraak"] == 3 and voor["trajecten.FaseOvergang"] == 4
    blijft = sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie,
                                       door=coordinator)
    assert blijft == a
    # Everything moved; one row more: A's category followed B's legal route, and that change is history.
    voor["clients.JuridischeCategorieWijziging"] += 1
    assert _tellingen(a) == voor
    a.refresh_from_db()
    b.refresh_from_db()
    assert all(n == 0 for n in _tellingen(b).values())
    # Versions: one history in recording order (A v1, B v1, A v2), the newest recorded is in force.
    versies = list(Contactafspraak.objects.filter(deelnemer=a).order_by("versie").values_list("versie", "bellen", "door"))
    assert [(v, bellen) for v, bellen, _ in versies] == [(1, "nee"), (2, "ja"), (3, "nee")]
    assert selectors.contactafspraak_van(a).huisbezoek == "nee"
    # The legal route came from B: A's category follows it, and the change is history.
    assert JuridischeRoute.objects.filter(deelnemer=a).count() == 1
    assert a.juridische_categorie == "3" and a.categorie_wijzigingen.filter(naar="3").count() == 2
    # B: closed as merged, invisible to all, personal data erased, the row kept.
    assert b.samengevoegd_met == a and b.samengevoegd_op is not None and b.gewist_op is not None
    assert b.roepnaam == "" and b.bsn == "" and b.clientcode == "TST-B"
    assert not deelnemers_visible_to(coordinator).filter(pk=b.pk).exists()
    assert not deelnemers_visible_to(b.begeleider).filter(pk=b.pk).exists()
    event = AuditEvent.objects.get(object_type="samenvoegen")
    assert event.clientcode == "TST-A" and event.clientcodes == ["TST-A", "TST-B"] and event.gebruiker == coordinator


def test_inzage_of_the_kept_dossier_names_who_read_the_merged_one(twee, coordinator, coach2):
    from clients.avg import audit_events_voor
    from uitstap.audit import Actie, audit_log

    a, b = twee
    audit_log(actie=Actie.VIEW, gebruiker=coach2, clientcode=b.clientcode, object_type="deelnemer", object_id=str(b.pk))
    assert not audit_events_voor(a).filter(clientcode=b.clientcode).exists()
    sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    gelezen = audit_events_voor(a)
    assert gelezen.filter(clientcode=b.clientcode, gebruiker=coach2, actie="view").exists()
    assert gelezen.filter(clientcode=a.clientcode, object_type="samenvoegen").exists()


def test_a_chain_of_merges_points_at_where_the_records_are(programma, coach, coordinator):
    a, b, c3 = (dn(programma, f"TST-{x}", "Ioana", 1995, "RO", begeleider=coach) for x in "ABC")
    for d in (a, b, c3):
        traject(d, "2024-01-10", eind="2024-02-01")
    sv.deelnemers_samenvoegen(blijft=b, vervalt=c3, versie_blijft=b.versie, versie_vervalt=c3.versie, door=coordinator)
    b.refresh_from_db()
    sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    assert Deelnemer.objects.get(pk=c3.pk).samengevoegd_met == a and Deelnemer.objects.get(pk=b.pk).samengevoegd_met == a
    assert Traject.objects.filter(deelnemer=a).count() == 3
    assert [p.a.clientcode for p in duplicaat_paren(coordinator)] == []


def test_kept_dossier_is_completed_never_overwritten(programma, coach, coordinator):
    a = dn(programma, "TST-A", "Ioana", 1995, "", begeleider=coach)
    b = dn(programma, "TST-B", "Ioanna", 1995, "RO", bsn="123456782", begeleider=coach)
    b.signalen_mensenhandel, b.taal = True, "Roemeens"
    b.save()
    a.taal = "Engels"
    a.save()
    assert set(sv.aanvulling_labels(blijft=a, vervalt=b)) == {"BSN", "herkomstland", "signalen van mensenhandel of dwang"}
    sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    a.refresh_from_db()
    assert (a.herkomstland, a.bsn, a.signalen_mensenhandel, a.taal, a.roepnaam) == ("RO", "123456782", True, "Engels", "Ioana")


def test_a_period_is_taken_whole_or_not_at_all(programma, coach, coordinator):
    a = dn(programma, "TST-A", "Ioana", 1995, "RO", begeleider=coach)
    b = dn(programma, "TST-B", "Ioana", 1995, "RO", begeleider=coach)
    Deelnemer.objects.filter(pk=a.pk).update(bedenktijd_eind=datetime.date(2026, 1, 31))
    Deelnemer.objects.filter(pk=b.pk).update(bedenktijd_start=datetime.date(2026, 3, 1),
                                             vergunning_start=datetime.date(2026, 4, 1),
                                             vergunning_eind=datetime.date(2027, 3, 31))
    a.refresh_from_db()
    b.refresh_from_db()
    assert set(sv.aanvullingen(blijft=a, vervalt=b)) == {"vergunning_start", "vergunning_eind"}
    sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    a.refresh_from_db()
    assert (a.bedenktijd_start, a.bedenktijd_eind, a.vergunning_eind) == (None, datetime.date(2026, 1, 31),
                                                                         datetime.date(2027, 3, 31))


def test_refusals_change_nothing(twee, coordinator, coach, programma, organisatie):
    a, b = twee
    # Both with an open traject.
    Traject.objects.filter(deelnemer=a).update(einddatum=None)
    voor = _tellingen(a, b)
    with pytest.raises(ValidationError, match="Beide deelnemers hebben een lopend traject.*sluit eerst een van de twee af"):
        sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    assert _tellingen(a, b) == voor and Deelnemer.objects.get(pk=b.pk).samengevoegd_op is None
    Traject.objects.filter(deelnemer=a).update(einddatum=datetime.date(2024, 12, 1))
    with pytest.raises(ValidationError, match="met zichzelf"):
        sv.deelnemers_samenvoegen(blijft=a, vervalt=a, versie_blijft=a.versie, versie_vervalt=a.versie, door=coordinator)
    with pytest.raises(ValidationError, match="Alleen de coördinator"):
        sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coach)
    elders = dn(ProgrammaFactory(organisaties=[organisatie]), "TW-1", "Ioana", 1995, "RO")
    with pytest.raises(ValidationError, match="verschillende programma's"):
        sv.deelnemers_samenvoegen(blijft=a, vervalt=elders, versie_blijft=a.versie, versie_vervalt=elders.versie,
                                  door=coordinator)
    vreemd = dn(ProgrammaFactory(organisaties=[OrganisatieFactory()]), "V-1", "Ioana", 1995, "RO")
    with pytest.raises(ValidationError, match="zelf mag inzien"):
        sv.deelnemers_samenvoegen(blijft=a, vervalt=vreemd, versie_blijft=a.versie, versie_vervalt=vreemd.versie,
                                  door=coordinator)
    # Stale: someone changed B after the page was shown.
    with pytest.raises(Conflict):
        sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie - 1,
                                  door=coordinator)
    assert _tellingen(a, b) == voor
    sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    b.refresh_from_db()
    c3 = dn(programma, "TST-C", "Ioana", 1995, "RO", begeleider=coach)
    with pytest.raises(ValidationError, match="al samengevoegd"):
        sv.deelnemers_samenvoegen(blijft=c3, vervalt=b, versie_blijft=c3.versie, versie_vervalt=b.versie,
                                  door=coordinator)
    assert not AuditEvent.objects.filter(object_type="samenvoegen").exclude(clientcodes=["TST-A", "TST-B"]).exists()


def test_figures_after_merge_are_what_the_merged_data_says(programma, coach, coordinator):
    """Hand-computed, 2024. A (herkomstland unknown): traject aangemeld 1 Feb, orientatie 10 Feb, closed 1 May.
    B (RO), the same person registered again: aangemeld 1 Jun, orientatie 15 Jun, open.

    Before: aanmeldingen 2, ingestroomd 2, herinstroom 0 (two people entering for the first time), herkomst
    onbekend 1 + EU 1. After merging B into A: still 2 aanmeldingen and 2 ingestroomd (two trajecten), but the
    June traject is a herinstroom (1) of one person whose origin is now known: EU 2, onbekend 0.
    """
    a = dn(programma, "TST-A", "Ioana", 1995, "", begeleider=coach)
    b = dn(programma, "TST-B", "Ioana", 1995, "RO", begeleider=coach)
    traject(a, "2024-02-01", ("orientatie", "2024-02-10"), eind="2024-05-01")
    traject(b, "2024-06-01", ("orientatie", "2024-06-15"))

    def cijfers():
        herkomst = c.doelgroep_instroom(programma, VAN, TOT)["herkomst"]
        return (c.aanmeldingen(programma, VAN, TOT), c.ingestroomd(programma, VAN, TOT),
                c.herinstroom(programma, VAN, TOT), herkomst["EU"], herkomst["onbekend"])

    assert cijfers() == (2, 2, 0, 1, 1)
    a.refresh_from_db()
    b.refresh_from_db()
    sv.deelnemers_samenvoegen(blijft=a, vervalt=b, versie_blijft=a.versie, versie_vervalt=b.versie, door=coordinator)
    assert cijfers() == (2, 2, 1, 2, 0)



@pytest.mark.django_db
def test_a_pending_overdracht_blocks_the_merge(twee, coordinator):
    from clients.models import Toestemming
    from tests.factories import OrganisatieFactory, ProgrammaFactory
    from trajecten import services

    a, b = twee
    elders = ProgrammaFactory(naam="Elders", slug="elders", code="ELD", organisaties=[OrganisatieFactory(naam="Elders")])
    services.overdracht_voorbereiden(
        deelnemer=b, naar_programma=elders, scopes=["basis"], bericht="Verhuist.", gegeven_op=datetime.date.today(),
        wijze=Toestemming.Wijze.MONDELING, verklaring="Mondeling gegeven.", door=b.begeleider)
    bezwaren = sv.samenvoegen_bezwaren(blijft=a, vervalt=b, door=coordinator)
    assert bezwaren == [f"Voor {b.clientcode} staat een overdracht naar een ander programma klaar. Laat die eerst "
                        "afhandelen of trek haar in; daarna kun je samenvoegen."]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_name_index_finds_every_pair_the_rules_match(seed):
    """_kandidaat_paren against every pair compared with every other (no database): each pair the rules match
    (same BSN, same name, a name one edit apart, within one programme and birth year) is among the candidates,
    also when many participants share a name or a name is a deletion of another."""
    from types import SimpleNamespace

    rng = random.Random(seed)
    namen = ["an", "ana", "anna", "ann", "anne", "hanna", "na", "nan", "nana", "ánna", "Anna ", ""]
    rijen = [{"id": i, "programma_id": rng.choice([1, 2]), "bsn": rng.choice(["", "", "", "111", "222"]),
              "roepnaam": rng.choice(namen), "geboortejaar": rng.choice([1990, 1991, None]),
              "herkomstland": rng.choice(["RO", "NL"])} for i in range(1, 121)]
    kandidaten = selectors._kandidaat_paren(rijen)
    verwacht = set()
    for a in rijen:
        for b in rijen:
            if a["id"] < b["id"] and a["programma_id"] == b["programma_id"] and selectors.duplicaat_redenen(
                    SimpleNamespace(**b), bsn=a["bsn"], naam=selectors.naam_sleutel(a["roepnaam"]),
                    geboortejaar=a["geboortejaar"], herkomstland=a["herkomstland"]):
                verwacht.add((a["id"], b["id"]))
    assert verwacht and verwacht <= kandidaten
