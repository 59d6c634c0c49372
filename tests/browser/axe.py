"""axe-core (shipped offline by axe-playwright-python) on a page at 1280 and 390 px, with screenshots."""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

ARTEFACTEN = Path(__file__).resolve().parent / "artefacts"
BREEDTES = (1280, 390)
_axe = Axe()


def controleer(page, naam: str) -> None:
    """0 serious or critical violations at both widths, no horizontal page scroll at 390 px; screenshots saved."""
    ARTEFACTEN.mkdir(exist_ok=True)
    fouten = []
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        resultaat = _axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]})
        for v in resultaat.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                doelen = [n["target"] for n in v["nodes"]][:3]
                fouten.append(f"{naam} @{breedte}px: {v['id']} ({v['impact']}) {doelen}")
        if breedte < 500:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > breedte:
                fouten.append(f"{naam} @{breedte}px: page scrolls sideways ({scroll}px)")
        page.screenshot(path=str(ARTEFACTEN / f"{naam}-{breedte}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not fouten, "\n".join(fouten)
