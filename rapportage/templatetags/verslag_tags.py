"""Dutch number formats for the verslag: 1.234 and 12,5; "—" for nothing; "<5" passes through."""

from decimal import Decimal

from django import template

register = template.Library()


def _duizendtallen(geheel: int) -> str:
    return f"{geheel:,}".replace(",", ".")


@register.filter
def nl(waarde, decimalen=None):
    """12345 -> '12.345', 12.5 -> '12,5', -6 -> '−6'; None -> '—'; text (such as '<5') unchanged."""
    if waarde is None or waarde == "":
        return "—"
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    getal = Decimal(str(waarde))
    if decimalen is not None:
        getal = getal.quantize(Decimal(1).scaleb(-int(decimalen)))
    teken = "−" if getal < 0 else ""
    getal = abs(getal)
    geheel = int(getal)
    rest = getal - geheel
    tekst = _duizendtallen(geheel)
    if rest or (decimalen and int(decimalen) > 0):
        breuk = format(getal, "f").split(".")[1] if "." in format(getal, "f") else ""
        if decimalen is None:
            breuk = breuk.rstrip("0")
        if breuk:
            tekst += "," + breuk
    return teken + tekst


@register.filter
def euro(waarde):
    """'€ 12.500' or '€ 12.500,50'."""
    if waarde is None:
        return "—"
    getal = Decimal(str(waarde))
    return "€ " + nl(getal, 2 if getal != getal.to_integral_value() else None)


@register.filter
def datum_nl(waarde):
    """An ISO date (as stored in the frozen figures) or a date as '15 juni 2025'."""
    import datetime

    from django.template.defaultfilters import date as datumfilter

    if not waarde:
        return "—"
    if isinstance(waarde, str):
        waarde = datetime.date.fromisoformat(waarde)
    return datumfilter(waarde, "j F Y")
