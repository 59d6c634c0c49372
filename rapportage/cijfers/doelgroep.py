"""Who ingestroomd: the ingestroomd trajecten broken down by their participant (doelgroep_instroom)."""

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import ExtractYear, Upper

from rapportage.cijfers.basis import ingestroomd_qs
from uitstap.codes import EU_LANDEN, Gender, Herkomst, Leeftijdsgroep, Sector

ONBEKEND = "onbekend"
JURIDISCHE_CATEGORIEEN = ["1", "2", "3", ONBEKEND]


def _code(veld: str, codes: list[str]) -> Case:
    """The stored code when it is a known one, else onbekend (blank, NULL or unknown)."""
    return Case(
        *[When(**{veld: c}, then=Value(c)) for c in codes if c != ONBEKEND],
        default=Value(ONBEKEND), output_field=CharField(),
    )


def doelgroep_instroom(programma, van, tot) -> dict:
    """One GROUP BY over the six characteristics; the (few) combinations are then summed per list."""
    eu = sorted(EU_LANDEN)
    rijen = (
        ingestroomd_qs(programma, van, tot)
        .annotate(land=Upper("deelnemer__herkomstland"))
        .values(
            gender=_code("deelnemer__gender", Gender.values),
            leeftijdsgroep=Case(
                When(deelnemer__geboortejaar__isnull=True, then=Value(Leeftijdsgroep.ONBEKEND.value)),
                When(Q(deelnemer__geboortejaar__gte=ExtractYear("instroomdatum") - 23), then=Value(Leeftijdsgroep.T_M_23.value)),
                When(Q(deelnemer__geboortejaar__gte=ExtractYear("instroomdatum") - 29), then=Value(Leeftijdsgroep.VAN_24_TOT_29.value)),
                When(Q(deelnemer__geboortejaar__gte=ExtractYear("instroomdatum") - 39), then=Value(Leeftijdsgroep.VAN_30_TOT_39.value)),
                default=Value(Leeftijdsgroep.VANAF_40.value), output_field=CharField(),
            ),
            juridische_categorie=_code("deelnemer__juridische_categorie", JURIDISCHE_CATEGORIEEN),
            sector=_code("deelnemer__sector", Sector.values),
            herkomst=Case(
                When(land="NL", then=Value(Herkomst.NL.value)),
                When(land__in=eu, then=Value(Herkomst.EU.value)),
                When(Q(land="") | Q(land__isnull=True), then=Value(Herkomst.ONBEKEND.value)),
                default=Value(Herkomst.BUITEN_EU.value), output_field=CharField(),
            ),
            signalen_mensenhandel=Case(
                When(deelnemer__signalen_mensenhandel=True, then=Value("ja")), default=Value("nee"),
                output_field=CharField(),
            ),
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    uit = {
        "gender": dict.fromkeys(Gender.values, 0),
        "leeftijdsgroep": dict.fromkeys(Leeftijdsgroep.values, 0),
        "juridische_categorie": dict.fromkeys(JURIDISCHE_CATEGORIEEN, 0),
        "sector": dict.fromkeys(Sector.values, 0),
        "herkomst": dict.fromkeys(Herkomst.values, 0),
        "signalen_mensenhandel": {"ja": 0, "nee": 0},
    }
    for rij in rijen:
        for lijst, telling in uit.items():
            telling[rij[lijst]] += rij["n"]
    return uit
