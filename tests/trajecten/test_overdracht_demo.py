"""seed_demo's overdracht step: one handover from Flevoland to the Haaglanden programme waits for its coordinator."""

import pytest
from django.core.management import call_command

from clients.selectors import deelnemers_visible_to
from trajecten.models import Overdracht
from trajecten.selectors import overdrachten_te_beoordelen
from uitstap.models import Gebruiker


@pytest.mark.django_db
def test_demo_has_one_pending_overdracht_to_haaglanden():
    call_command("seed_demo", deelnemers=40, seed=11, force_demo=True)
    haaglanden = Gebruiker.objects.get(username="coordinator_haaglanden")
    open_ = list(overdrachten_te_beoordelen(haaglanden))
    assert len(open_) == 1
    overdracht = Overdracht.objects.select_related("deelnemer__programma").get(pk=open_[0].pk)
    assert overdracht.deelnemer.programma.slug == "flevoland" and overdracht.naar_programma.slug == "haaglanden"
    assert overdracht.toestemming.scopes == ["basis", "werk_inkomen"]
    # Haaglanden's coordinator sees the summary, never Flevoland's participants; Flevoland's sees nothing to decide.
    assert not deelnemers_visible_to(haaglanden).exists()
    assert not overdrachten_te_beoordelen(Gebruiker.objects.get(username="coordinator")).exists()
