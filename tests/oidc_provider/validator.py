"""The provider's claims (e-mail, name, groups), and the faults a test can ask for by writing
a mode into the provider's directory: a wrong audience, an expired token, a bad signature."""

import time

from django.conf import settings
from oauth2_provider.oauth2_validators import OAuth2Validator


def modus() -> str:
    pad = settings.MAP / "modus"
    return pad.read_text().strip() if pad.exists() else "normaal"


class Validator(OAuth2Validator):
    oidc_claim_scope = None  # every claim below, whatever the scopes

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "groups": [g.name for g in user.groups.all()],
        }

    def get_id_token_dictionary(self, token, token_handler, request):
        claims, verloopt = super().get_id_token_dictionary(token, token_handler, request)
        if modus() == "verlopen":
            claims["exp"] = int(time.time()) - 600
        return claims, verloopt

    def finalize_id_token(self, id_token, token, token_handler, request):
        if modus() == "verkeerde-aud":
            id_token["aud"] = "een-andere-applicatie"
        jwt = super().finalize_id_token(id_token, token, token_handler, request)
        if modus() == "verkeerde-handtekening":
            kop, inhoud, handtekening = jwt.split(".")
            vervalst = ("A" if handtekening[0] != "A" else "B") + handtekening[1:]
            jwt = f"{kop}.{inhoud}.{vervalst}"
        return jwt
