"""``VisitCounterMiddleware`` (last in ``settings.MIDDLEWARE``): counts a public page view once the page
has been sent, by the rules of ``eservices.visits.counting``; never breaks or delays the page."""

import logging

from django.conf import settings

from eservices.visits.counting import count_view, is_countable

logger = logging.getLogger("hodsite.visits")


def _count_safely(request):
    # Django ignores errors of response closers silently; a lost count must at least be logged.
    try:
        count_view(request)
    except Exception:
        logger.exception("Could not count a page view")


class VisitCounterMiddleware:
    """Counts public HTML page views once the page has been sent; never breaks or delays the page.

    The count runs when the server closes the response (after the last byte went out), like Django's
    own ``request_finished`` work, so the visitor does not wait for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # With VISITS_COUNT_BY = "beacon" the page's beacon counts it (eservices.visits.beacon), never both.
        if settings.VISITS_COUNTING and settings.VISITS_COUNT_BY == "server" and is_countable(request, response):
            response._resource_closers.append(lambda: _count_safely(request))
        return response
