"""`make run`'s last step, the development server, prints its start-up lines in Thai."""

import io
import logging
from unittest import mock

from django.core.management import get_commands
from django.core.management.base import OutputWrapper
from django.core.management.commands import runserver as django_runserver

from home.management.commands.runserver import Command

ENGLISH = ("Performing system checks", "System check identified", "Starting development server", "Quit the server")


def _command():
    command = Command(stdout=io.StringIO(), stderr=io.StringIO())
    command.addr, command.port, command._raw_ipv6, command.use_ipv6 = "127.0.0.1", "8000", False, False
    return command


def test_manage_py_runserver_is_ours():
    assert get_commands()["runserver"] == "home"


def test_start_up_lines_are_thai(db):
    command = _command()
    with mock.patch.object(django_runserver, "run") as serve:
        command.inner_run(
            use_threading=True, skip_checks=False, use_reloader=True, use_static_handler=True, insecure_serving=False
        )
    assert serve.called  # Django's server still runs, with our on_bind
    command.on_bind(8000)
    out = command.stdout._out.getvalue() if isinstance(command.stdout, OutputWrapper) else command.stdout.getvalue()
    for english in ENGLISH:
        assert english not in out, english
    assert "กำลังตรวจสอบระบบ" in out
    assert "http://127.0.0.1:8000/" in out and "เริ่มเซิร์ฟเวอร์" in out
    assert "Ctrl+C" in out and "gunicorn" in out


def test_the_reloaders_english_line_is_silenced():
    command = _command()
    with mock.patch.object(django_runserver.Command, "run"):
        command.run(use_reloader=True)
    assert not logging.getLogger("django.utils.autoreload").isEnabledFor(logging.INFO)
