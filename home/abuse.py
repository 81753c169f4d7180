"""What every public form and counter shares against abuse: a honeypot field, per-IP rate limits,
and an anonymous visitor key that never stores an IP address.

- ``HoneypotFormMixin`` adds a field people never see (hidden by CSS and from screen readers). Bots
  that fill every input fill it too; the form then fails with a neutral Thai message.
- ``rate_limited(request, scope, limit, seconds)`` counts requests per client and scope in the cache
  (Redis in production, so all web workers share the counts) and says whether the limit is passed.
- ``visitor_key(request, day)`` is an HMAC of the client address and browser with the day's random salt
  (``home.DailySalt``, kept in the database and deleted once the day is over): the same visitor gives
  the same key all day (one vote per day, unique visitors per day), keys of different days cannot be
  linked, and once the salt is gone nobody can recompute a key; the address itself is never stored.
"""

import datetime as dt
import hashlib
import hmac

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


def client_ip(request):
    """The client's address. Behind the hospital's reverse proxy set ``TRUSTED_PROXY_COUNT``."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


# Salts read from the database, by day, in this process: a counted page view then needs no query for it.
# Only salts read back (committed) are kept, never one this process has just created inside a
# transaction that might still roll back; days before today are dropped when a new day is first used.
_salts = {}


def forget_salts():
    _salts.clear()


def _daily_salt(day):
    salt = _salts.get(day)
    if salt is None:
        from home.models import DailySalt

        salt, created = DailySalt.for_day(day)
        if not created:
            today = timezone.localdate()
            for old in [known for known in _salts if known < today]:
                del _salts[old]
            _salts[day] = salt
    return salt.encode()


def visitor_key(request, day=None):
    """A 64-character hex key for this visitor on ``day`` (today, local time, by default)."""
    day = day or timezone.localdate()
    if isinstance(day, dt.datetime):
        day = day.date()
    agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    message = f"{client_ip(request)}|{agent}".encode()
    return hmac.new(_daily_salt(day), message, hashlib.sha256).hexdigest()


def rate_limited(request, scope, limit, seconds):
    """Count this request against ``limit`` per ``seconds`` for the client; True once it is over the limit."""
    window = int(timezone.now().timestamp()) // seconds
    client = hashlib.sha256(f"{settings.SECRET_KEY}|{client_ip(request)}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{client}:{window}"
    if cache.add(key, 1, timeout=seconds + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds + 5)
            count = 1
    return count > limit


class HoneypotFormMixin(forms.Form):
    """Adds the honeypot field; a form that comes back with it filled is refused."""

    website_url = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-field"}),
    )

    def clean_website_url(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("The form could not be sent. Please try again."))
        return ""
