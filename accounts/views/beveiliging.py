"""The security log for the beheerder (the BIO asks that someone looks at it): filter by
person, kind, outcome and period, and take it along as CSV. Looking and exporting are
themselves in the log."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.http import HtmxHttpRequest, pagina, require_perm
from core.models import Beveiligingsgebeurtenis
from core.security_log import log_event
from core.tekstbestand import veilig

from ..forms import BeveiligingslogFilter

PERM = "accounts.view_beveiligingslog"
KOLOMMEN = ["Moment", "Gebruiker", "Adres", "Methode", "Pad", "Soort", "Object", "Uitkomst"]


class _Regel:
    """A file-like object that hands back what the csv writer wrote."""

    def write(self, tekst: str) -> str:
        return tekst


@login_required
@require_GET
def beveiligingslog(request: HtmxHttpRequest):
    require_perm(request, PERM)
    filter_form = BeveiligingslogFilter(request.GET or None)
    regels = filter_form.gefilterd(Beveiligingsgebeurtenis.objects.all())
    filters = request.GET.copy()
    filters.pop("pagina", None)
    filters.pop("formaat", None)
    if request.GET.get("formaat") == "csv":
        log_event("beveiligingslog_export", request=request, obj=filters.urlencode()[:300])
        return _csv(regels)
    log_event("beveiligingslog_inzien", request=request, obj=filters.urlencode()[:300])
    context = pagina(request, regels, 50) | {"filter_form": filter_form, "filters": filters}
    template = "accounts/beheer/beveiligingslog.html"
    return render(request, f"{template}#regels" if request.htmx else template, context)


def _csv(regels) -> StreamingHttpResponse:
    """Every line that matches, newest first, streamed (the log can be long); cells that a
    spreadsheet would run as a formula are quoted."""
    schrijver = csv.writer(_Regel(), delimiter=";")

    def rijen():
        yield "\ufeff" + schrijver.writerow(KOLOMMEN)
        for r in regels.iterator(chunk_size=2000):
            waarden = [
                timezone.localtime(r.moment).isoformat(timespec="seconds"),
                r.gebruiker,
                r.bron or "",
                r.methode,
                r.pad,
                r.actie,
                r.object,
                r.uitkomst,
            ]
            yield schrijver.writerow([veilig(w) for w in waarden])

    naam = f"beveiligingslog-{timezone.localdate():%Y-%m-%d}.csv"
    return StreamingHttpResponse(
        rijen(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{naam}"'},
    )
