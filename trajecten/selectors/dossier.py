"""Reads for the dossier: the timeline of one traject."""

import datetime
from dataclasses import dataclass

from trajecten.models import Traject
from uitstap.codes import ContactStatus, Fase


@dataclass
class TijdlijnItem:
    datum: datetime.date
    soort: str
    titel: str
    tekst: str = ""
    sortering: tuple = (0, 0)
    obj: object = None


# Within one day the timeline reads in the order things happen: registration, intake, phase
# changes, contacts, outcome, relapse, closing; ties within a kind go by order of recording.
_RANG = {"aanmelding": 0, "intake": 1, "fase": 2, "verwijzing": 3, "contact": 4, "uitstroom": 5, "terugval": 6, "einde": 7}


def tijdlijn(traject: Traject, *, toon_vertrouwelijk: bool = True) -> list[TijdlijnItem]:
    """Phases, intake, contacts and outcome of one traject, newest first."""
    items: list[TijdlijnItem] = []
    for o in traject.fase_overgangen.all():
        soort = "aanmelding" if o.fase == Fase.CONTACT and o.datum == traject.aanmelddatum else "fase"
        items.append(TijdlijnItem(o.datum, "fase", f"Fase: {o.get_fase_display()}", o.reden, (_RANG[soort], o.pk), o))
    intake = getattr(traject, "intake", None)
    if intake is not None:
        items.append(TijdlijnItem(intake.datum, "intake", f"Intake – {intake.get_besluit_display()}", intake.besluit_reden, (_RANG["intake"], 0), intake))
    for c in traject.contactmomenten.select_related("ketenpartner").all():
        titel = f"{c.get_soort_display()} – {c.get_status_display().lower()}"
        if c.duur_minuten and c.status == ContactStatus.GEHOUDEN:
            titel += f" ({c.duur_minuten} min)"
        if c.ketenpartner_id:
            titel += f" met {c.ketenpartner}"
        tekst = c.notitie if (toon_vertrouwelijk or not c.vertrouwelijk) else "(vertrouwelijke notitie)"
        items.append(TijdlijnItem(c.datum, "contact", titel, tekst, (_RANG["contact"], c.pk), c))
    for v in traject.verwijzingen.select_related("ketenpartner").all():
        rang = (_RANG["verwijzing"], v.pk)
        items.append(TijdlijnItem(v.verwezen, "verwijzing", f"Verwezen naar {v.ketenpartner}", v.hulpvraag, rang, v))
        if v.gestart:
            items.append(TijdlijnItem(v.gestart, "verwijzing", f"Hulp gestart bij {v.ketenpartner}", "", rang, v))
        if v.beeindigd:
            items.append(TijdlijnItem(v.beeindigd, "verwijzing", f"Verwijzing {v.get_status_display().lower()}: {v.ketenpartner}", "", rang, v))
    uitstroom = getattr(traject, "uitstroom", None)
    if uitstroom is not None:
        detail = uitstroom.get_resultaat_display() if uitstroom.soort == "uitgestapt" else uitstroom.get_reden_display()
        items.append(TijdlijnItem(uitstroom.datum, "uitstroom", f"{uitstroom.get_soort_display()}: {detail}", uitstroom.toelichting, (_RANG["uitstroom"], 0), uitstroom))
    for t in traject.terugvallen.all():
        items.append(TijdlijnItem(t.datum, "terugval", "Terugval", t.toelichting, (_RANG["terugval"], t.pk), t))
    if traject.einddatum:
        items.append(TijdlijnItem(traject.einddatum, "einde", "Traject afgesloten", "", (_RANG["einde"], 0), traject))
    items.sort(key=lambda i: (i.datum, i.sortering), reverse=True)
    return items
