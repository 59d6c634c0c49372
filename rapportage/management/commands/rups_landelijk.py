"""`manage.py rups_landelijk FILE.json... [--format json|xlsx|pdf] [--extern] [--output FILE]`: the national overview."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rapportage.landelijk import OngeldigBestand, samenvoegen
from rapportage.selectors import CCV_VRAGEN, onderdrukken
from rapportage.xlsx import platte_rijen, werkboek


class Command(BaseCommand):
    help = "Voegt de cijfers (rups_verslag --format json) van meerdere programma's samen tot één landelijk overzicht."

    def add_arguments(self, parser):
        parser.add_argument("bestanden", nargs="+", help="JSON-bestanden van rups_verslag; de bestandsnaam is de programmanaam")
        parser.add_argument("--format", default="json", choices=["json", "xlsx", "pdf"])
        parser.add_argument("--extern", action="store_true", help="aantallen 1 t/m 4 als <5")
        parser.add_argument("--output", help="schrijf naar dit bestand (verplicht voor xlsx en pdf)")

    def handle(self, *args, bestanden, format, extern, output, **opts):
        gelezen = {}
        for pad in bestanden:
            naam = Path(pad).stem
            if naam in gelezen:
                raise CommandError(f"{pad}: de programmanaam {naam!r} komt twee keer voor; hernoem een van de bestanden.")
            try:
                gelezen[naam] = json.loads(Path(pad).read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise CommandError(f"{pad}: bestand niet gevonden.") from None
            except json.JSONDecodeError as e:
                raise CommandError(f"{pad}: geen geldige JSON (regel {e.lineno}).") from None
        try:
            overzicht = samenvoegen(gelezen)
        except OngeldigBestand as e:
            raise CommandError(str(e)) from None
        if extern:
            overzicht = {**overzicht, "programmas": {n: onderdrukken(c) for n, c in overzicht["programmas"].items()},
                         "totaal": onderdrukken(overzicht["totaal"])}
        if format in ("xlsx", "pdf") and not output:
            raise CommandError(f"Een {format} schrijf je naar een bestand: gebruik --output.")
        if format == "json":
            tekst = json.dumps(overzicht, ensure_ascii=False, indent=2)
            if output:
                Path(output).write_text(tekst + "\n", encoding="utf-8")
            else:
                self.stdout.write(tekst)
            return
        namen = list(overzicht["programmas"])
        if format == "xlsx":
            per = {n: dict(platte_rijen(c)) for n, c in overzicht["programmas"].items()}
            totaal = dict(platte_rijen(overzicht["totaal"]))
            rijen = [[k, *[per[n].get(k) for n in namen], totaal.get(k)] for k in per[namen[0]]]
            Path(output).write_bytes(werkboek([("Landelijk", ["sleutel", *namen, "totaal"], rijen)]))
            return
        from uitstap.pdf import render_pdf

        vragen = [(label, [overzicht["programmas"][n].get(k) for n in namen], overzicht["totaal"].get(k))
                  for k, label in CCV_VRAGEN]
        extra = [(label, [overzicht["programmas"][n].get(k) for n in namen], overzicht["totaal"].get(k)) for k, label in (
            ("aanmeldingen", "Aanmeldingen"), ("intakes_gehouden", "Intakes gehouden"), ("herinstroom", "Herinstroom"),
            ("afgesloten_zonder_instroom", "Afgesloten zonder instroom"), ("terugval", "Terugval"),
            ("duurzaam_uitgestapt_12m", "Duurzaam uitgestapt (12 maanden)"),
            ("contactmomenten_gehouden", "Contactmomenten gehouden"), ("kosten_per_actieve_deelnemer", "Kosten per actieve deelnemer (€)"),
        )]
        cum = [(label, [overzicht["programmas"][n]["cumulatief"][k] for n in namen], overzicht["totaal"]["cumulatief"][k])
               for k, label in (("ingestroomd", "Ingestroomd"), ("uitgestapt", "Uitgestapt"),
                                ("tussentijds_gestopt", "Tussentijds gestopt"), ("lopend", "Lopend"))]
        with translation.override("nl"):
            _html, pdf = render_pdf("rapportage/pdf/landelijk.html", {
                "namen": namen, "vragen": vragen, "extra": extra, "cumulatief": cum, "extern": extern,
            }, pdf_variant="pdf/ua-1")
        Path(output).write_bytes(pdf)
