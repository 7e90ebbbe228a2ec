from django.conf import settings
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.utils import translation


class LanguageMiddleware:
    """Dutch unless the user chose another language in the footer (the language cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: a
    municipality works in Dutch, also for staff whose browser happens to be English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in dict(settings.LANGUAGES):
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        return response


class HtmxMessagesMiddleware:
    """Messages set during an htmx request reach the page: the message region is sent along,
    swapped out of band (the page itself is not reloaded, so nothing else would show them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "htmx", False)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and "HX-Redirect" not in response
            and "Location" not in response
        ):
            meldingen = list(get_messages(request))
            if meldingen:
                response.content += render_to_string(
                    "components/meldingen.html",
                    {"messages": meldingen, "oob": True},
                    request=request,
                ).encode()
        return response
