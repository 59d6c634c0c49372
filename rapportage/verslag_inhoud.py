"""The verslag's tables and charts arranged from its data object: Dutch labels from the code lists, in report order."""

from django.utils.translation import gettext_lazy as _

from uitstap.charts import data_uri, staaf_svg
from uitstap.codes import (
    Branche,
    Fase,
    Gender,
    Herkomst,
    IntakeBesluit,
    KetenpartnerSoort,
    Leefgebied,
    Leeftijdsgroep,
    Sector,
    Stopreden,
    UitstroomResultaat,
    Verwijzer,
)

VIJF_LABELS = (_("Aanmeldingen"), _("Ingestroomd"), _("Uitgestapt"), _("Tussentijds gestopt"), _("In traject op einddatum"))
VIJF = ("aanmeldingen", "ingestroomd", "uitgestapt", "tussentijds_gestopt", "in_traject_op_einddatum")

DEFINITIES = (
    (_("Periode"), _("Een verslagperiode loopt van begin tot en met einde; de perioden zijn de 12 maanden vanaf de start van de subsidie.")),
    (_("Aanmelding"), _("Een traject met zijn aanmelddatum in de periode (de contactfase begint).")),
    (_("Aanmeldingen per verwijzer"), _("Dezelfde aanmeldingen, verdeeld naar wie verwees (de verwijzer van het traject).")),
    (_("Ingestroomd"), _("Een traject met de eerste overgang naar oriëntatie, uitvoering of nazorg in de periode. Wie nooit verder kwam dan contact, is niet ingestroomd.")),
    (_("Uitgestapt"), _("Een uitstroom van de soort uitgestapt, gedateerd in de periode. Een deelnemer in nazorg telt hier, nooit ook als lopend.")),
    (_("Tussentijds gestopt"), _("Een uitstroom van de soort gestopt, gedateerd in de periode.")),
    (_("Nog in traject"), _("Ingestroomd vóór of op de einddatum en op die dag nog open.")),
    (_("Cumulatief"), _("Alle trajecten die vóór of op de einddatum zijn ingestroomd, verdeeld over uitgestapt, gestopt en lopend (geen uitstroom vóór of op de einddatum). De som klopt altijd.")),
    (_("Afgesloten zonder instroom"), _("Trajecten die in de periode zijn afgesloten zonder ooit de contactfase te verlaten; zij tellen niet als uitval.")),
    (_("Herinstroom"), _("Ingestroomde trajecten van een deelnemer die eerder al eens was ingestroomd in hetzelfde programma.")),
    (_("Duurzaam uitgestapt"), _("Uitgestapt, 365 dagen later in de periode, en geen terugval vanaf de dag van uitstroom tot en met 365 dagen daarna.")),
    (_("Nacontrole na 12 maanden"), _("Van dezelfde groep: teruggevallen bij een terugval of een nacontrole die terugval vond; bevestigd bij een nacontrole die 'uitgestapt gebleven' vond; anders onbekend.")),
    (_("Doorlooptijden"), _("Medianen in dagen (bij een even aantal het gemiddelde van de twee middelste waarden, niet afgerond).")),
    (_("Per woongemeente"), _("Naar de woongemeente van de deelnemer zoals die nu is vastgelegd; 'buiten de regio' is een gemeente buiten het programma, 'onbekend' is niet vastgelegd.")),
    (_("<5"), _("In de externe versie staan aantallen van 1 tot en met 4 als '<5', zodat niemand herkenbaar is. Staat in een verdeling maar één cel als '<5', dan is ook de kleinste andere cel verborgen, zodat de verborgen waarde niet uit het totaal terug te rekenen is.")),
)


def _rijen(telling: dict, keuzes) -> list[tuple[str, object]]:
    labels = dict(keuzes.choices)
    return [(labels.get(code, code), n) for code, n in telling.items()]


def _getal(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def secties_voor(g: dict) -> dict:
    c = g["cijfers"]
    leefgebied = dict(Leefgebied.choices)
    soort = dict(KetenpartnerSoort.choices)
    groepen = c["doelgroep_instroom"]
    juridisch = {"1": _("categorie 1"), "2": _("categorie 2"), "3": _("categorie 3"), "onbekend": _("Onbekend")}
    voortgang = c["leefgebied_voortgang"]
    wacht = c["verwijzingen_per_soort"]
    lg_labels = [leefgebied[lg] for lg in voortgang if _getal(voortgang[lg]["gemiddelde_verandering"]) is not None]
    lg_waarden = [voortgang[lg]["gemiddelde_verandering"] for lg in voortgang
                  if _getal(voortgang[lg]["gemiddelde_verandering"]) is not None]
    w_labels = [soort[s] for s in wacht if _getal(wacht[s]["mediane_wachttijd_dagen"]) is not None]
    w_waarden = [wacht[s]["mediane_wachttijd_dagen"] for s in wacht if _getal(wacht[s]["mediane_wachttijd_dagen"]) is not None]
    dl = c["doorlooptijden"]
    centrum = g["programma"].get("centrumgemeente")
    return {
        "regiogemeenten": [naam for naam in g["programma"]["gemeenten"] if naam != centrum],
        "doelgroep": [
            (_("Gender"), _rijen(groepen["gender"], Gender)),
            (_("Leeftijdsgroep"), _rijen(groepen["leeftijdsgroep"], Leeftijdsgroep)),
            (_("Juridische categorie"), [(juridisch[k], n) for k, n in groepen["juridische_categorie"].items()]),
            (_("Sector"), _rijen(groepen["sector"], Sector)),
            (_("Herkomst"), _rijen(groepen["herkomst"], Herkomst)),
            (_("Signalen van mensenhandel"), [(_("Ja"), groepen["signalen_mensenhandel"]["ja"]),
                                              (_("Nee"), groepen["signalen_mensenhandel"]["nee"])]),
        ],
        "vijf_labels": VIJF_LABELS,
        "woongemeente": [
            ({"buiten_regio": _("Buiten de regio"), "onbekend": _("Onbekend")}.get(naam, naam), [v[k] for k in VIJF])
            for naam, v in c["per_woongemeente"].items()
        ],
        "organisatie": [(naam, [v[k] for k in VIJF]) for naam, v in c["per_organisatie"].items()],
        "instroom": [
            (_("Aanmeldingen"), c["aanmeldingen"]),
            (_("Afgesloten zonder instroom (nooit verder dan contact)"), c["afgesloten_zonder_instroom"]),
            (_("Intakes gehouden"), c["intakes_gehouden"]),
            (_("Ingestroomd"), c["ingestroomd"]),
            (_("waarvan herinstroom"), c["herinstroom"]),
            (_("Actief in de periode"), c["actief_in_periode"]),
        ],
        "verwijzers": _rijen(c["aanmeldingen_per_verwijzer"], Verwijzer) if "aanmeldingen_per_verwijzer" in c else None,
        "intakes": _rijen(c["intakes_per_besluit"], IntakeBesluit),
        "fasen": _rijen(c["per_fase_op_einddatum"], Fase),
        "doorlooptijden": [
            (_("Aanmelding tot instroom"), dl["aanmelding_tot_instroom"]),
            (_("Instroom tot ondertekend trajectplan"), dl["instroom_tot_ondertekend_plan"]),
            (_("Instroom tot uitstroom"), dl["instroom_tot_uitstroom"]),
        ],
        "plannen": [
            (_("Trajectplannen opgesteld"), c["trajectplannen_opgesteld"]),
            (_("Trajectplannen ondertekend door deelnemer en begeleider"), c["trajectplannen_ondertekend"]),
        ],
        "doelen": [
            (leefgebied[lg], v["gesteld"], v["behaald"], voortgang[lg]["trajecten"], voortgang[lg]["gemiddelde_verandering"])
            for lg, v in c["doelen_per_leefgebied"].items()
        ],
        "grafiek_leefgebied": data_uri(staaf_svg(labels=lg_labels, waarden=lg_waarden,
                                                 titel=str(_("Gemiddelde verandering van de eigen score")))) if lg_labels else None,
        "verwijzingen": [
            (soort[s], v["verwezen"], v["gestart"], v["mediane_wachttijd_dagen"]) for s, v in wacht.items()
        ],
        "grafiek_wachttijd": data_uri(staaf_svg(labels=w_labels, waarden=w_waarden,
                                                titel=str(_("Mediane wachttijd in dagen")))) if w_labels else None,
        "contact": [
            (_("Contactmomenten gehouden"), c["contactmomenten_gehouden"]),
            (_("Contacturen"), c["contacturen"]),
            (_("Niet verschenen"), c["niet_verschenen"]),
            (_("In nazorg op de einddatum"), c["per_fase_op_einddatum"]["nazorg"]),
        ],
        "resultaat": _rijen(c["uitgestapt_per_resultaat"], UitstroomResultaat),
        "branche": _rijen(c["uitgestapt_per_branche"], Branche),
        "reden": _rijen(c["gestopt_per_reden"], Stopreden),
        "gestopt_fase": _rijen(c["gestopt_per_fase"], Fase),
        "terugval": [
            (_("Terugval gemeld in de periode"), c["terugval"]),
            (_("Duurzaam uitgestapt (12 maanden zonder terugval)"), c["duurzaam_uitgestapt_12m"]),
            (_("Terugval binnen 12 maanden na uitstroom"), c["terugval_binnen_12m"]),
            (_("Nacontrole 12 maanden: bevestigd uitgestapt"), c["nacontrole_12m"]["bevestigd_uitgestapt"]),
            (_("Nacontrole 12 maanden: teruggevallen"), c["nacontrole_12m"]["teruggevallen"]),
            (_("Nacontrole 12 maanden: onbekend"), c["nacontrole_12m"]["onbekend"]),
            (_("Herinstroom"), c["herinstroom"]),
        ],
        "definities": DEFINITIES,
    }
