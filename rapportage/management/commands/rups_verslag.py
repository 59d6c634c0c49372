"""`manage.py rups_verslag --programma SLUG (--periode N | --jaar YYYY | --van --tot) --format pdf|json|xlsx [--extern]`.

JSON for --jaar and --van/--tot is the figures JSON of DEFINITIONS.md, as before; --periode takes the
reporting period N of the programme's beschikking. The PDF is the verslag of that period: the stored
PDF of its latest definitief version when there is one, else the concept as it stands today.
"""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rapportage.cijfers import alle_cijfers, periode_van_jaar
from rapportage.models import Beschikking, Jaarverslag
from rapportage.selectors import onderdrukken, verslag_gegevens, verslag_pdf
from rapportage.xlsx import cijfers_xlsx
from uitstap.audit import Actie, audit_log
from uitstap.models import Programma


def _datum(tekst: str, optie: str) -> datetime.date:
    try:
        if len(tekst) != 10:
            raise ValueError
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"{optie} {tekst!r} is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2024-12-31.") from None


class Command(BaseCommand):
    help = "Print de uniforme cijfers (DEFINITIONS.md) of het verslag van een programma over een periode."

    def add_arguments(self, parser):
        parser.add_argument("--programma", required=True, help="korte naam (slug) van het programma")
        parser.add_argument("--jaar", type=int, help="verslagjaar, bijvoorbeeld 2024")
        parser.add_argument("--periode", type=int, help="verslagperiode N van de beschikking (12 maanden vanaf de start)")
        parser.add_argument("--beschikking", help="beschikkingsnummer (standaard de laatste beschikking)")
        parser.add_argument("--van", help="begin van de periode (JJJJ-MM-DD, standaard 1 januari)")
        parser.add_argument("--tot", help="einde van de periode, inclusief (JJJJ-MM-DD, standaard 31 december)")
        parser.add_argument("--format", default="json", choices=["json", "pdf", "xlsx"], help="uitvoerformaat")
        parser.add_argument("--extern", action="store_true", help="externe versie: aantallen 1 t/m 4 als <5")
        parser.add_argument("--output", help="schrijf naar dit bestand in plaats van naar stdout")

    def _programma(self, slug):
        programma = Programma.objects.filter(slug=slug).first()
        if programma is None:
            bekend = ", ".join(Programma.objects.values_list("slug", flat=True)) or "geen"
            raise CommandError(f"Onbekend programma {slug!r}. Bekende programma's: {bekend}.")
        return programma

    def _periode(self, programma, opts):
        beschikkingen = Beschikking.objects.filter(programma=programma).order_by("-startdatum", "-id")
        if opts["beschikking"]:
            beschikkingen = beschikkingen.filter(nummer=opts["beschikking"])
        beschikking = beschikkingen.first()
        if beschikking is None:
            raise CommandError(f"Programma {programma.slug!r} heeft geen beschikking; --periode kan dan niet.")
        periode = beschikking.perioden.filter(nummer=opts["periode"]).first()
        if periode is None:
            nummers = ", ".join(str(n) for n in beschikking.perioden.values_list("nummer", flat=True)) or "geen"
            raise CommandError(f"De beschikking {beschikking.nummer} heeft geen periode {opts['periode']}. Perioden: {nummers}.")
        return beschikking, periode

    def handle(self, *args, **opts):
        programma = self._programma(opts["programma"])
        if opts["periode"] is not None and (opts["jaar"] or opts["van"] or opts["tot"]):
            raise CommandError("Kies --periode of --jaar/--van/--tot, niet allebei.")
        if opts["periode"] is None and opts["jaar"] is None and not (opts["van"] and opts["tot"]):
            raise CommandError("Geef --periode N, --jaar JJJJ of --van en --tot.")
        if opts["format"] == "pdf" and opts["periode"] is None:
            raise CommandError("Het pdf-verslag hoort bij een verslagperiode van de beschikking: gebruik --periode N.")
        if opts["format"] == "pdf" and not opts["output"]:
            raise CommandError("Een pdf schrijf je naar een bestand: gebruik --output BESTAND.pdf.")
        verslag = None
        if opts["periode"] is not None:
            beschikking, periode = self._periode(programma, opts)
            van, tot, jaar = periode.van, periode.tot, periode.van.year
            verslag = (
                Jaarverslag.objects.filter(periode=periode, soort=Jaarverslag.Soort.JAARVERSLAG).order_by("-volgnummer").first()
                or Jaarverslag(beschikking=beschikking, periode=periode)
            )
        else:
            jaar = opts["jaar"] or _datum(opts["van"], "--van").year
            if not 2000 <= jaar <= 2100:
                raise CommandError(f"--jaar {jaar} ligt niet tussen 2000 en 2100.")
            van, tot = periode_van_jaar(jaar)
            if opts["van"]:
                van = _datum(opts["van"], "--van")
            if opts["tot"]:
                tot = _datum(opts["tot"], "--tot")
        if tot < van:
            raise CommandError(f"--tot ({tot.isoformat()}) ligt vóór --van ({van.isoformat()}).")

        if opts["format"] == "pdf":
            with translation.override("nl"):
                if verslag.pk and verslag.is_definitief and not opts["extern"]:
                    inhoud = bytes(verslag.pdf)
                else:
                    gegevens = verslag.cijfers if verslag.pk and verslag.is_definitief else verslag_gegevens(verslag)
                    _, inhoud = verslag_pdf(gegevens, extern=opts["extern"], status=verslag.status or "concept",
                                            sha256=verslag.sha256 if not opts["extern"] else "")
            self._schrijf_bytes(inhoud, opts["output"])
            audit_log(actie=Actie.PRINT, gebruikersnaam="manage.py rups_verslag", object_type="jaarverslag",
                      object_id=str(verslag.pk or ""), grondslag="extern" if opts["extern"] else "financier")
            return
        cijfers = alle_cijfers(programma, van, tot, jaar=jaar, zij_aan_zij=True)
        if opts["extern"]:
            cijfers = onderdrukken(cijfers)
        if opts["format"] == "xlsx":
            if not opts["output"]:
                raise CommandError("Een xlsx schrijf je naar een bestand: gebruik --output BESTAND.xlsx.")
            self._schrijf_bytes(cijfers_xlsx(cijfers, titel=f"{programma.slug} {van:%Y-%m-%d} {tot:%Y-%m-%d}"), opts["output"])
            return
        tekst = json.dumps(cijfers, ensure_ascii=False, indent=2)
        if opts["output"]:
            with open(opts["output"], "w", encoding="utf-8") as f:
                f.write(tekst + "\n")
            self.stderr.write(f"Cijfers geschreven naar {opts['output']}")
        else:
            self.stdout.write(tekst)

    def _schrijf_bytes(self, inhoud: bytes, pad: str):
        with open(pad, "wb") as f:
            f.write(inhoud)
        self.stderr.write(f"Geschreven naar {pad} ({len(inhoud)} bytes)")
