"""Fixtures the trajecten tests share: a ketenpartner on the test programme's sociale kaart."""

import pytest

from tests.factories import KetenpartnerFactory
from uitstap.codes import KetenpartnerSoort


@pytest.fixture
def schuldhulp(programma):
    return KetenpartnerFactory(programma=programma, naam="Schuldhulp Test", soort=KetenpartnerSoort.SCHULDHULPVERLENING)
