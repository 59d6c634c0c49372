"""Issue 20, findings 8 and 9 (server side): Dutch words, labels not codes, the menu's contrast."""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from trajecten import services

pytestmark = pytest.mark.django_db
D = datetime.date


def test_audit_log_shows_labels_not_codes(login, coordinator, deelnemer):
    from uitstap.templatetags.uitstap_tags import code_label

    assert code_label("eigen_caseload", "grondslag") == "Eigen caseload"
    assert code_label("trajectbegeleider", "rol") == "Trajectbegeleider"
    assert code_label("persoonsgegevens") == "Persoonsgegevens"
    client = login(coordinator)
    client.get(reverse("audit_zoeken"))
    html = client.get(reverse("audit_zoeken")).content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert "<td>Coördinator</td>" in body and "<td>Auditlog</td>" in body
    assert ">coordinator<" not in body and ">auditlog<" not in body


def test_figures_page_does_not_name_files_and_years_start_at_the_programme(login, coordinator, programma):
    response = login(coordinator).get(reverse("rapportage:cijfers"))
    html = response.content.decode()
    assert "DEFINITIONS.md" not in html
    assert min(response.context["jaren"]) == programma.startdatum.year


def test_second_login_step_messages_are_dutch():
    from django_otp.forms import OTPAuthenticationFormMixin

    with translation.override("nl"):
        berichten = {k: str(v) for k, v in OTPAuthenticationFormMixin.otp_error_messages.items()
                     if k != "n_failed_attempts"}
    assert berichten["invalid_token"].startswith("Deze code klopt niet")
    assert not any(re.search(r"\b(Please|Invalid|token)\b", b) for b in berichten.values()), berichten


def _luminantie(hexkleur):
    r, g, b = (int(hexkleur[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_menu_text_passes_4_5_to_1_on_the_programme_colour():
    css = (Path(__file__).resolve().parents[2] / "static/css/uitstap.css").read_text()
    achtergrond = re.search(r"--uitstap-primair:\s*(#[0-9a-f]{6})", css).group(1)
    tekst = re.search(r"\.bg-uitstap \{ --bs-navbar-color:\s*(#[0-9a-f]{3,6})", css).group(1)
    tekst = "#ffffff" if tekst in ("#fff", "#ffffff") else tekst
    l1, l2 = sorted((_luminantie(achtergrond), _luminantie(tekst)), reverse=True)
    assert (l1 + 0.05) / (l2 + 0.05) >= 4.5


def test_quick_contact_comes_right_after_the_summary(login, deelnemer, coach):
    services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)
    html = login(coach).get(reverse("trajecten:dossier", args=[deelnemer.pk])).content.decode()
    # Before the quick form: only the menu, the summary's actions and the tabs (no timeline filter, no links list).
    voor = html.split('id="snel-contact"')[0].split('id="inhoud"')[1]
    bereikbaar = len(re.findall(r"<a\s|<button|<select|<input(?![^>]*type=\"hidden\")", voor))
    # 27 before issue 20; the tabs Leefsituatie, Toestemmingen and Veiligheid came later (one stop each).
    assert bereikbaar <= 17, bereikbaar


def test_dossier_has_a_print_stylesheet_that_hides_the_quick_form():
    css = (Path(__file__).resolve().parents[2] / "static/css/print.css").read_text()
    assert "#snel-contact" in css and ".nav-tabs" in css and "break-inside: avoid" in css
