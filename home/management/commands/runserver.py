"""Django's development server (with static files), saying in Thai what it does.

`make run` ends with this command; its own start-up lines ("Performing system checks…", "Watching for file
changes…", "Starting development server at…") were the only English a new user of the demo saw. The server
itself is Django's: only the lines it prints before serving are ours. Production never runs it (gunicorn).
"""

import logging
import os

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as StaticfilesRunserver
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home.thai_dates import thai_datetime


class Command(StaticfilesRunserver):
    def run(self, **options):
        # The reloader announces itself in English through this logger; inner_run says it in Thai instead.
        logging.getLogger("django.utils.autoreload").setLevel(logging.WARNING)
        super().run(**options)

    def inner_run(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            if not options["skip_checks"]:
                self.stdout.write(_("Checking the system…"))
                # Problems are printed by the check itself, and an error stops the server as in Django's run.
                self.check(display_num_errors=False)
                self.stdout.write(_("System check complete."))
            if options["use_reloader"]:
                self.stdout.write(_("The server restarts by itself when a program file changes."))
        super().inner_run(*args, **{**options, "skip_checks": True})

    def on_bind(self, server_port):
        if self._raw_ipv6:
            addr = f"[{self.addr}]"
        elif self.addr == "0":
            addr = "0.0.0.0"  # noqa: S104 — the address the user asked for, printed
        else:
            addr = self.addr
        with translation.override(settings.LANGUAGE_CODE):
            lines = [
                thai_datetime(timezone.now(), short=False),
                _("Django %(version)s, settings %(settings)s")
                % {"version": self.get_version(), "settings": settings.SETTINGS_MODULE},
                _("Development server started at %(url)s") % {"url": f"{self.protocol}://{addr}:{server_port}/"},
                _("Press Ctrl+C to stop it."),
            ]
            if os.environ.get("DJANGO_RUNSERVER_HIDE_WARNING") != "true":
                lines.append(
                    self.style.WARNING(
                        _(
                            "This server is for development and trying out only, never for a real site: "
                            "production runs gunicorn behind nginx (docs/production.md)."
                        )
                    )
                )
        self.stdout.write("\n".join(str(line) for line in lines))
