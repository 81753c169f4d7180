"""E-mail ADMINS once when the periodic jobs stop, and once more when they run again (``check_jobs``).

The state (is an outage open, since when) is kept in a small JSON file in ``OPERATIONS_STATE_DIR``, not
in the cache (Redis may be the thing that is down) and not in a table (one file per host is enough: the
check runs from one timer).
"""

import json
import logging
from pathlib import Path

from django.conf import settings
from django.core.mail import mail_admins
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home.thai_dates import thai_datetime

from .health import jobs_are_stale

logger = logging.getLogger("hodsite.health")
STATE_FILE = "check-jobs.json"


def _state_path():
    directory = Path(settings.OPERATIONS_STATE_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory / STATE_FILE


def _load():
    try:
        return json.loads(_state_path().read_text())
    except (OSError, ValueError):
        return {}


def _save(state):
    path = _state_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state))
    tmp.replace(path)


def _when(value):
    return thai_datetime(timezone.localtime(value)) if value else pgettext("periodic jobs last run", "never")


def check_jobs(now=None):
    """Returns "ok", "stale" (already reported), "alerted" or "recovered"."""
    now = now or timezone.now()
    stale, last = jobs_are_stale(now)
    state = _load()
    minutes = settings.JOBS_STALE_MINUTES
    with translation.override(settings.LANGUAGE_CODE):
        if stale and not state.get("outage"):
            logger.error("Periodic jobs have not run for %s minutes (last run: %s)", minutes, last)
            mail_admins(
                _("Periodic jobs have stopped"),
                _(
                    "The website's periodic jobs (scheduled publishing, reminders, reports) have not completed "
                    "a run for more than %(minutes)s minutes. Last complete run: %(last)s.\n\n"
                    "Check the hodsite-jobs.timer and its log (journalctl -u hodsite-jobs). Another e-mail "
                    "follows when they run again."
                )
                % {"minutes": minutes, "last": _when(last)},
            )
            _save({"outage": True, "since": now.isoformat()})
            return "alerted"
        if stale:
            return "stale"
        if state.get("outage"):
            logger.warning("Periodic jobs run again (last run: %s)", last)
            mail_admins(
                _("Periodic jobs run again"),
                _("The website's periodic jobs completed a run again at %(last)s.") % {"last": _when(last)},
            )
            _save({"outage": False})
            return "recovered"
    return "ok"
