"""The demo Hod Hospital: ``manage.py load_demo_data`` builds it (DEBUG only).

A dev/test-only app: it is in INSTALLED_APPS of ``hodsite.settings.dev`` and ``hodsite.settings.test``
and never of ``base`` or ``production``; no module outside ``demo/`` (and ``tests/``) imports it.
The Thai content is data (``demo/data/<area>.toml``); the loaders (``demo/loaders/<area>.py``) turn it
into pages and records; pictures and PDFs are drawn by code (``demo/media.py``).
"""
