# The two commands of the README: `make run` and `make test`. Everything else supports them.
# Nothing here relies on software installed by hand: Python packages come from PyPI into .venv,
# system packages (Chromium for browser tests, Pango for PDFs, gettext) from Debian via apt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
APT := $(shell command -v apt-get 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=hodsite.settings.production SECRET_KEY=check-deploy-dummy-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ ALLOWED_HOSTS=www.hodhospital.go.th DATABASE_URL=sqlite:////tmp/hodsite-check-deploy.sqlite3

.PHONY: run test install system-pdf system-browser lint check bench messages clean-db production-check

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# WeasyPrint (PDFs with Thai text) needs Pango from the system.
system-pdf:
	@if ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' || ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then \
		echo "Installing Pango for PDF generation (apt)"; \
		$(SUDO) $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) $(APT) install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; \
	fi

# Browser journeys use Debian's Chromium; never a downloaded browser.
system-browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Chromium for browser tests (apt)"; \
		$(SUDO) $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) $(APT) install -y -qq chromium >/dev/null; \
	fi

run: install system-pdf
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@echo ""
	@echo "  เว็บไซต์โรงพยาบาลฮอด:  http://$(HOST):$(PORT)/"
	@echo "  ระบบจัดการเนื้อหา:     http://$(HOST):$(PORT)/admin/   (บัญชีทดลองใน README: admin / hod-demo-2569)"
	@echo "  รหัสยืนยันตัวตน 6 หลักของบัญชีทดลอง: .venv/bin/python manage.py demo_otp admin  (หรือใส่คีย์ทดลองใน README ลงแอปยืนยันตัวตน)"
	@echo "  งานตามกำหนดเวลาทำงานทุก 60 วินาทีคู่กับเว็บเซิร์ฟเวอร์ กด Ctrl+C เพื่อหยุดทั้งสองอย่าง"
	@echo ""
	@$(PY) manage.py run_periodic_jobs --loop --interval 60 & JOBS=$$!; \
		trap 'kill $$JOBS 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING

# Two workers on two cores: the browser journeys share one worker (one demo site), the rest spread over both.
PYTEST_WORKERS ?= -n 2 --dist loadgroup
test: install system-pdf system-browser lint check
	$(BIN)/pytest $(PYTEST_WORKERS)

# The production recipe of docs/production.md on this machine: nginx (TLS) → gunicorn → PostgreSQL + Redis,
# production settings, smoke checks and one browser journey; stops everything it started (about 5 minutes).
production-check: install system-pdf system-browser system-pgclient
	PY=$(abspath $(PY)) deploy/production-check.sh

# The site at volume (docs/performance.md): SQLite, or PostgreSQL with `make bench DATABASE_URL=postgres://…`.
bench: install
	BENCH=1 $(if $(DATABASE_URL),DATABASE_URL=$(DATABASE_URL)) $(BIN)/pytest tests/bench -q -p no:randomly --no-header -s

# Refresh our own Thai catalogs after adding strings (needs gettext), then compile them. The root
# catalog holds home, hodsite and the shared templates; each category app's catalog holds its code
# and its templates/<app>/ (linked in for the run). Fill in the new msgids' Thai before committing.
APPS := disclosure procurement manuals publishing eservices
messages: install
	$(PY) manage.py makemessages -l th --no-location --no-obsolete --ignore ".venv/*" --ignore "static/*" --ignore "media/*" --ignore "tests/*" --ignore "locale/*" $(foreach a,$(APPS),--ignore "$(a)/*")
	@for app in $(APPS); do \
		( cd $$app && ln -sfn ../templates/$$app _templates && ../$(PY) ../manage.py makemessages -l th --no-location --no-obsolete --symlinks; rm -f _templates ); \
	done
	$(PY) manage.py wagtail_thai --build

clean-db:
	rm -f db.sqlite3 db.sqlite3-shm db.sqlite3-wal

# Backups (docs/production.md). PostgreSQL needs pg_dump/pg_restore from Debian's postgresql-client.
.PHONY: system-pgclient backup restore
system-pgclient:
	@if [ ! -x "$$(command -v pg_dump)" ]; then \
		echo "Installing the PostgreSQL client for backups (apt)"; \
		$(SUDO) $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) $(APT) install -y -qq postgresql-client >/dev/null; \
	fi

backup: install system-pgclient
	$(PY) manage.py backup

# make restore BACKUP=backups/hodsite-backup-….tar  (replaces the database: stop the site first)
restore: install system-pgclient
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=path/to/hodsite-backup-….tar"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)" --yes
