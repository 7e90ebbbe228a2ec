import pytest

from tests.participatie.factories import BijeenkomstFactory, ThematafelFactory


@pytest.fixture
def tafel(opgave):
    return ThematafelFactory(opgaven=[opgave])


@pytest.fixture
def sessie(tafel):
    return BijeenkomstFactory(thematafel=tafel)
