"""The duplicate warning as a row of the access matrix: per role, what registering participant A again shows.

zichtbaar = her clientcode and a link to her dossier; buiten_beeld = only "overleg met de coördinator", no code,
no name, no link; geen = no warning at all (another organisation's programme); 403 = may not register.
"""

import datetime

import pytest
from django.urls import reverse

from tests.security.test_access_matrix import ROL_FIXTURE
from tests.security import access_matrix as am

DUPLICAAT = dict(zip(am.ROLLEN, ("zichtbaar", "zichtbaar", "buiten_beeld", "zichtbaar", "geen", 403, 403)))
BUITEN = "Mogelijk al bekend bij het programma: overleg met de coördinator."


@pytest.mark.django_db
@pytest.mark.parametrize("rol", am.ROLLEN)
def test_duplicate_warning_per_role(request, client, deelnemer, deelnemer_elders, ander_deelnemer, rol):
    deelnemer.roepnaam, deelnemer.geboortejaar, deelnemer.herkomstland = "Matrixnaam", 1991, "BG"
    deelnemer.bsn = "123123123"
    deelnemer.save()
    client.force_login(request.getfixturevalue(ROL_FIXTURE[rol]))
    r = client.post(reverse("trajecten:deelnemer_nieuw"), {
        "roepnaam": "Matrixnam", "geboortejaar": 1991, "gender": "vrouw", "herkomstland": "BG",
        "sector": "onbekend", "verblijfsstatus": "onbekend", "aanmelddatum": datetime.date.today().isoformat(),
    })
    verwacht = DUPLICAAT[rol]
    if verwacht == 403:
        assert r.status_code == 403
        return
    html = r.content.decode()
    dossier_url = reverse("trajecten:dossier", args=[deelnemer.pk])
    if verwacht == "geen":
        assert r.status_code == 302 and "Matrixnaam" not in html
        return
    assert r.status_code == 200
    if verwacht == "zichtbaar":
        assert deelnemer.clientcode in html and dossier_url in html and BUITEN not in html
    else:
        assert BUITEN in html
        for geheim in (deelnemer.clientcode, "Matrixnaam", dossier_url, "123123123"):
            assert geheim not in html
