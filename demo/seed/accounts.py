"""The demo logins (password "demo"): one per role."""

from accounts.models import Rol, User

from . import upsert

DEMO_WACHTWOORD = "demo"
GEBRUIKERS = [
    ("beheerder", "Bea", "Bakker", Rol.BEHEERDER, ""),
    ("bestuurder", "Anouk", "Hermans", Rol.BESTUURDER, ""),
    ("regisseur", "Ilse", "de Regt", Rol.OPGAVEREGISSEUR, ""),
    ("regisseur2", "Youssef", "El Amrani", Rol.OPGAVEREGISSEUR, ""),
    ("teamlid", "Tom", "Jansen", Rol.TEAMLID, ""),
    ("partner", "Priya", "Sewdien", Rol.PARTNER, "Woonstichting Maasdal"),
    ("medewerker", "Mila", "Vermeulen", Rol.MEDEWERKER, ""),
    ("raadslid", "Ruud", "van Dijk", Rol.RAADSLID, ""),
]


def gebruikers() -> dict[str, User]:
    users = {}
    for username, voornaam, achternaam, rol, organisatie in GEBRUIKERS:
        user = upsert(
            User,
            username=username,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "rol": rol,
                "organisatie": organisatie,
                "email": f"{username}@maasdal.example",
                "is_active": True,
            },
        )
        if not user.check_password(DEMO_WACHTWOORD):
            user.set_password(DEMO_WACHTWOORD)
            user.save(update_fields=["password"])
        users[username] = user
    return users
