"""Figures as a spreadsheet (openpyxl): one row per figure, nested keys flattened with " / "."""

import io


def platte_rijen(cijfers: dict, voorvoegsel: str = "") -> list[tuple[str, object]]:
    rijen = []
    for sleutel, waarde in cijfers.items():
        naam = f"{voorvoegsel} / {sleutel}" if voorvoegsel else str(sleutel)
        if isinstance(waarde, dict):
            rijen.extend(platte_rijen(waarde, naam))
        else:
            rijen.append((naam, waarde))
    return rijen


def werkboek(bladen: list[tuple[str, list[str], list[list]]]) -> bytes:
    """An .xlsx with one sheet per (title, header, rows). Written row by row (openpyxl's write-only mode): a
    dataset of tens of thousands of trajecten is never held as cell objects."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    vet = Font(bold=True)
    for titel, kop, rijen in bladen:
        ws = wb.create_sheet(titel[:31])
        ws.column_dimensions["A"].width = 60
        koppen = []
        for naam in kop:
            cel = WriteOnlyCell(ws, value=naam)
            cel.font = vet
            koppen.append(cel)
        ws.append(koppen)
        for rij in rijen:
            ws.append(list(rij))
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def cijfers_xlsx(cijfers: dict, titel: str = "Cijfers") -> bytes:
    return werkboek([(titel, ["sleutel", "waarde"], platte_rijen(cijfers))])
