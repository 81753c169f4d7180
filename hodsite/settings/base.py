"""Settings shared by every environment of the Hod Hospital transparency website.

Values that differ between machines come from the environment through django-environ (see the
"Configuration variables" table of docs/operations.md); ``dev``, ``test`` and ``production`` adjust the rest.
Reference: https://docs.djangoproject.com/en/5.2/ref/settings/ and
https://docs.wagtail.org/en/stable/reference/settings.html
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import environ

from .storage import s3_storages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
# A .env file beside manage.py is read if present (never committed); real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

INSTALLED_APPS = [
    "home",
    "disclosure",
    "procurement",
    "manuals",
    "publishing",
    "eservices",
    "operations",
    "importer",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "publishing.users_app.HospitalUsersConfig",  # wagtail.users, keeping two webmasters (R3.2)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    # Staff accounts (home/security): lockout after failed logins, two-factor codes and recovery codes.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost: one traffic-log line per request with the status the client got (operations/traffic.py).
    "operations.traffic.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy with a fresh nonce per response (home/security/csp.py).
    "home.security.csp.ContentSecurityPolicyMiddleware",
    # WhiteNoise serves the collected static files (CSS, JS, the Sarabun font) in production.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session entered a two-factor code (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # The admin, beyond sign-in, needs a verified session (ADMIN_2FA_REQUIRED).
    "home.security.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # WordPress's /?p=123 and /?page_id=45 reach the home page (not a 404), so they are redirected before it.
    "importer.middleware.LegacyQueryRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Counts public page views and daily visitors after the page is built (no cookie, no IP stored).
    "eservices.visits.middleware.VisitCounterMiddleware",
    # Anonymous visitors' pages from the cache (home/page_cache.py); after the visit counter, so that a page
    # served from the cache is still counted.
    "home.page_cache.PageCacheMiddleware",
    # django-axes must come last: it turns a locked-out sign-in into the Thai lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hodsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.security.csp.csp_nonce",
                "eservices.visits.beacon.beacon_context",
            ],
        },
    },
]

WSGI_APPLICATION = "hodsite.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://user@127.0.0.1:5432/hodsite)
# switches to PostgreSQL, the production database.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the periodic-jobs process write while the web server reads.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL;")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Staff accounts (docs/security.md "Staff accounts") ----------------------------------------
# Passwords: 12 characters at least, not a common password, not like the user's name or e-mail, not
# only digits, and none of the words everyone at the hospital would try first (hospital, Hod, the year).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "home.security.passwords.HospitalWordsValidator"},
]
# django-axes checks every sign-in first and refuses one from a locked-out username + address pair.
AUTHENTICATION_BACKENDS = [
    "home.security.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout (django-axes, https://django-axes.readthedocs.io/en/latest/4_configuration.html):
# 5 wrong passwords for one username from one address lock that pair for 30 minutes. Keyed on the
# pair, so a stranger cannot lock a colleague out from elsewhere, and one address cannot try many names
# without each name counting separately. The address is the one home.abuse.client_ip reads
# (TRUSTED_PROXY_COUNT), the same as the public forms' rate limits.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "home.abuse.client_ip"
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_RESET_ON_SUCCESS = True  # a successful sign-in (before the lock) clears the count
AXES_VERBOSE = False
# Unlock before the 30 minutes: *Settings › Locked sign-ins* in the admin, or `manage.py axes_reset_username USER`.
# Two-factor: every account that can open the Wagtail admin must enter a code from an authenticator app
# (TOTP) or a one-time recovery code after the password (home/security/two_factor.py).
ADMIN_2FA_REQUIRED = True  # in every environment, tests included (tests/conftest.py)
OTP_TOTP_ISSUER = "โรงพยาบาลฮอด"
# Staff sessions: 8 hours at most (a working day). Wagtail's sign-in ends the session when the browser
# closes unless "remember me" is ticked; even then it lasts no longer than this.
SESSION_COOKIE_AGE = 8 * 60 * 60
# A password-reset link is valid for one hour.
PASSWORD_RESET_TIMEOUT = 60 * 60

# Thai first: the site and the admin speak Thai; English msgids stay in the code so an English
# site can follow. Our catalog comes first, then the supplement for Wagtail's own strings (built
# by ``manage.py wagtail_thai``), then the packages' catalogs.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("th", "ภาษาไทย")]
WAGTAIL_CONTENT_LANGUAGES = [("th", "ภาษาไทย")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Sarabun comes from the fontpkg-sarabun wheel on PyPI and is served from our own host.
    "home.fonts.SarabunFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
# Where collectstatic puts the files nginx serves at /static/.
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Complaint attachments: outside MEDIA_ROOT (never served by the web server); staff download through the admin.
COMPLAINTS_PRIVATE_ROOT = env.path("COMPLAINTS_PRIVATE_ROOT", default=str(Path(MEDIA_ROOT).parent / "private"))
MEDIA_URL = "/media/"
# Let Django serve uploaded media (development and browser tests only; never in production).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Scale-out profile (docs/production.md, section 8): with MEDIA_STORAGE=s3 several app servers share media in an
# S3-compatible bucket (public images; documents only through Django) and complaint attachments in a second,
# private bucket (AWS_PRIVATE_BUCKET_NAME), never in the media bucket. See hodsite/settings/storage.py.
MEDIA_STORAGE = env("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    STORAGES.update(
        s3_storages(
            bucket=env("AWS_STORAGE_BUCKET_NAME"),
            private_bucket=env("AWS_PRIVATE_BUCKET_NAME"),
            endpoint_url=env("AWS_S3_ENDPOINT_URL", default=None),
            region_name=env("AWS_S3_REGION_NAME", default=None),
            access_key=env("AWS_ACCESS_KEY_ID", default=None),
            secret_key=env("AWS_SECRET_ACCESS_KEY", default=None),
            custom_domain=env("AWS_S3_CUSTOM_DOMAIN", default=None),
            querystring_auth=env.bool("AWS_QUERYSTRING_AUTH", default=False),
            querystring_expire=env.int("AWS_QUERYSTRING_EXPIRE", default=7 * 24 * 3600),
            addressing_style=env("AWS_S3_ADDRESSING_STYLE", default=None),
        )
    )
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'.")

# Backups (manage.py backup / restore, docs/production.md, sections 6-7): where they go and how many are kept.
BACKUP_DIR = env.path("BACKUP_DIR", default=str(BASE_DIR / "backups"))
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hodsite"}}

# The anonymous page cache (home/page_cache.py, docs/performance.md): seconds a rendered page is kept in
# the cache (0 = off) and the browsers' max-age. It needs a cache every process shares (Redis): the
# periodic-jobs process purges it when it publishes, so production turns it on only with REDIS_URL.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
PAGE_CACHE_BROWSER_SECONDS = env.int("PAGE_CACHE_BROWSER_SECONDS", default=30)
# The query parameters public pages read (home/listing.py: page, fiscal year, quarter, month, category); a request
# with any other parameter is not cached, so random parameters cannot fill the cache with copies of one page.
PAGE_CACHE_QUERY_PARAMETERS = ("page", "fy", "q", "m", "category")
# nginx's micro-cache of pages (deploy/nginx/hodsite.conf) is purged on publication through its purge listener,
# e.g. FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:8081 (home/frontend_cache.py); unset: nothing is purged.
WAGTAILFRONTENDCACHE = (
    {"nginx": {"BACKEND": "home.frontend_cache.NginxPurgeBackend", "LOCATION": env("FRONTEND_CACHE_PURGE_URL")}}
    if env("FRONTEND_CACHE_PURGE_URL", default="")
    else {}
)
PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/search/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/sitemap.xml",
    "/robots.txt",
)

# Django caps form fields at 1000; Wagtail's page editor with StreamFields can exceed it.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security defaults for every environment; production tightens the HTTPS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views opt back in to SAMEORIGIN themselves, so the site can deny framing.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin JavaScript reads the CSRF cookie.

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "โรงพยาบาลฮอด"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.HospitalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "home.HospitalDocument"
# The database backend on SQLite and PostgreSQL, with Thai word segmentation (home/search, docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "zip", "jpg", "jpeg", "png", "gif", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The image form with the virus scan (home/file_checks.py); EXIF is removed on save (home/image_metadata.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.admin_forms.HospitalImageForm"
# Documents are streamed by Django with Content-Disposition and nosniff, never linked raw.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_forms.HospitalLoginForm"
# No third-party requests from the admin: no Gravatar avatars (staff privacy, works offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# An edit after a head approved makes the item go through head review again (R2.3).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Approving the webmaster's step publishes: webmasters hold no "publish" permission of their own.
WAGTAIL_FINISH_WORKFLOW_ACTION = "publishing.workflows.publish_approved"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No shared-password privacy: a password known to many people cannot be withdrawn from one of them.
# Private pages and collections are limited to signed-in staff or to groups.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# --- Operations (operations/, docs/operations.md, docs/production.md) ----------------------------
# Traffic log (access.log), sign-in log (auth.log), nginx's log and the manifest that seals them. Production
# writes the files; development leaves the access log off and prints sign-ins to the console.
TRAFFIC_LOG_DIR = Path(env("TRAFFIC_LOG_DIR", default=str(BASE_DIR / "logs")))
# Days rotated logs are kept before ``seal_logs`` deletes them; the Computer Crime Act s.26 needs at least
# 90 (a system check refuses less).
TRAFFIC_LOG_RETENTION_DAYS = env.int("TRAFFIC_LOG_RETENTION_DAYS", default=90)
# ``check_jobs`` alerts ADMINS when the periodic jobs have not completed a run for this long; /healthz says "stale".
JOBS_STALE_MINUTES = env.int("JOBS_STALE_MINUTES", default=10)
# Small state files of the operations commands (the open-outage flag of ``check_jobs``).
OPERATIONS_STATE_DIR = Path(env("OPERATIONS_STATE_DIR", default=str(BASE_DIR / ".run")))
# Who gets the operations alerts and Django's error mails: ADMINS=ops@hodhospital.go.th,it@hodhospital.go.th
ADMINS = [(address, address) for address in env.list("ADMINS", default=[])]

# --- E-mail ------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="โรงพยาบาลฮอด <webmaster@hodhospital.go.th>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[เว็บไซต์โรงพยาบาลฮอด] "

# Publishing process targets (R2.2, R2.3, R2.6, R3.3); docs/operations.md "Periodic jobs" lists what reads them.
PUBLISHING_HEAD_REMINDER_MINUTES = 30  # a head reviews within this; reminded after it (R2.3)
PUBLISHING_ESCALATE_HOURS = 4  # the webmasters are told of a review still waiting after this
PUBLISHING_EXPIRY_WARNING_DAYS = 7  # owners are warned this many days before an item is taken down
PUBLISHING_WRITTEN_APPROVAL_WORKING_DAYS = 3  # written approval follows an urgent publication within this (R2.6)
# Working days skip Thai public holidays and Settings › Hospital holidays; each process re-reads the latter this often.
HOSPITAL_HOLIDAYS_CACHE_SECONDS = 60
# ITA/MOIT dashboard: a period without evidence is "due soon" this many days before its due day.
ITA_DUE_SOON_DAYS = 30

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},  # page events are in Wagtail's audit log already
        "hodsite.access": {"level": "WARNING"},  # one line per request: production writes it to a file
    },
}

# Tunables: home, procurement, manuals ----------------------------------------------------------
# Each is declared here once with its default; code reads ``settings.X``. Override in a settings module.
# Reverse proxies appending to X-Forwarded-For in front of the site (0: clients connect directly;
# production reads TRUSTED_PROXY_COUNT from the environment, default 1).
TRUSTED_PROXY_COUNT = 0
# Where the periodic-jobs runner keeps its lock file (one runner at a time).
PERIODIC_LOCK_DIR = BASE_DIR / ".run"
# How long a periodic-jobs runner holds its database lease (renewed between jobs); a crashed host's lease is
# taken over after this many seconds, so the jobs never stop for good when one app server dies.
PERIODIC_LEASE_SECONDS = 600
# Public searches per client address: (count, seconds). Generous, a search costs a few queries; bulk
# scraping stops.
SEARCH_RATE_LIMIT = (60, 60)
# Seconds a search's ranked hits stay cached (per normalised query; any publish or unpublish forgets them).
SEARCH_CACHE_SECONDS = 60
# Uploads (documents, images, complaint attachments) — archives are judged from their directory, never
# unpacked: a member larger than this when unpacked is refused (zip bomb) ...
UPLOAD_ARCHIVE_MAX_MEMBER_SIZE = 100 * 1000 * 1000
# ... as is an archive unpacking to more than this many times its packed size, once it unpacks to more
# than UPLOAD_ARCHIVE_RATIO_MIN_SIZE (small files of repeated text compress that well and are harmless).
UPLOAD_ARCHIVE_MAX_RATIO = 100
UPLOAD_ARCHIVE_RATIO_MIN_SIZE = 10 * 1000 * 1000
# Most files a ZIP upload may hold, and an Office file (DOCX/XLSX/PPTX/ODT/ODS, which are ZIP packages).
UPLOAD_ZIP_MAX_ENTRIES = 1_000
UPLOAD_OFFICE_MAX_ENTRIES = 5_000
# Optional virus scan by ClamAV's daemon: a unix socket path, or a host and port. Unset: no scan. Set but
# unreachable: uploads are refused until it answers (a scan that silently did not happen is no scan).
CLAMAV_SOCKET = env("CLAMAV_SOCKET", default="")
CLAMAV_HOST = env("CLAMAV_HOST", default="")
CLAMAV_PORT = env.int("CLAMAV_PORT", default=3310)
# Seconds to wait for clamd to connect and answer.
CLAMAV_TIMEOUT = 30

# --- E-services (eservices/) -------------------------------------------------------------------
# (COMPLAINTS_PRIVATE_ROOT, where attachments are kept, is declared beside MEDIA_ROOT above.)
# Complaints: acknowledged within this many working days, finished within this many days (R1.9).
COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS = 3
COMPLAINTS_RESOLVE_DAYS = 30
# Largest complaint attachment, in bytes.
COMPLAINTS_ATTACHMENT_MAX_SIZE = 5_000_000
# Complaints sent per client address per hour; tracking-code lookups per address per 10 minutes.
COMPLAINTS_RATE_LIMIT = 5
COMPLAINTS_LOOKUP_RATE_LIMIT = 30
# Comments and questions sent per client address per hour.
FEEDBACK_RATE_LIMIT = 10
# PDPA s.37(3): days a finished complaint keeps its personal data (name, contact, text, attachment, notes)
# before the job anonymise_past_retention blanks it; the case's type, channel, status and dates stay for the
# statistics. 10 years (3,653 days) from the day the case was finished: the period the privacy notice on
# the form promises, after the Regulation on Correspondence (ระเบียบงานสารบรรณ) for official records. Feedback
# (comments and questions) is not an official case file: 2 years from the answer, or from receipt if never
# answered. `manage.py check` refuses less than 365 days or more than 100 years (eservices.E001/E002).
COMPLAINT_RETENTION_DAYS = env.int("COMPLAINT_RETENTION_DAYS", default=3653)
FEEDBACK_RETENTION_DAYS = env.int("FEEDBACK_RETENTION_DAYS", default=730)
# Survey responses per client address (count, seconds): generous, as a waiting-room Wi-Fi puts many
# honest visitors behind one address; one response per visitor per day is enforced by the database.
SURVEY_RATE_LIMIT = (20, 3600)
# Count public page views and visitors (VisitCounterMiddleware); paths under these prefixes are never counted.
VISITS_COUNTING = True
# Who counts a view: "server" (VisitCounterMiddleware, as Django sends the page) or "beacon" (the page, once
# loaded, posts to /v/: eservices/visits/beacon.py). Production uses the beacon, so pages nginx serves from
# its cache are counted too; development and the tests count on the server unless a test says otherwise.
VISITS_COUNT_BY = env("VISITS_COUNT_BY", default="server")
if VISITS_COUNT_BY not in ("server", "beacon"):
    raise ImproperlyConfigured("VISITS_COUNT_BY must be 'server' or 'beacon'.")
# Beacon requests per client address (count, seconds): a page view each, so as generous as page views.
VISITS_BEACON_RATE_LIMIT = (120, 60)
VISITS_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/images/",
    "/favicon",
    "/robots.txt",
    "/sitemap.xml",
    "/healthz",  # polled by the monitor (operations)
)
