"""Which role a person gets from their groups (the sign-in itself runs against a real
provider in tests/e2e/test_oidc.py)."""

from accounts.oidc import rol_uit


def test_the_first_matching_group_gives_the_role(settings):
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = [
        ("GG-Beheer", "beheerder"),
        ("GG-Regie", "opgaveregisseur"),
        ("GG-Alle", "medewerker"),
        ("GG-Fout", "superuser"),  # not a role: ignored
    ]
    assert rol_uit({"groups": ["GG-Alle", "GG-Regie"]}) == "opgaveregisseur"
    assert rol_uit({"groups": "GG-Beheer"}) == "beheerder"
    assert rol_uit({"groups": ["GG-Fout"]}) is None
    assert rol_uit({"groups": []}) is None
    assert rol_uit({}) is None


def test_the_claim_is_configurable(settings):
    settings.OIDC_ROLE_CLAIM = "roles"
    settings.OIDC_ROLE_MAP = [("Opgavenregie.Bestuurder", "bestuurder")]
    assert rol_uit({"roles": ["Opgavenregie.Bestuurder"], "groups": []}) == "bestuurder"
    assert rol_uit({"groups": ["Opgavenregie.Bestuurder"]}) is None
