from django.contrib.auth.forms import AuthenticationForm

from core.forms import NLDSFormMixin


class LoginForm(NLDSFormMixin, AuthenticationForm):
    pass
