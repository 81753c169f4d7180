"""Settings shared by every environment of the Hod Hospital transparency website.

Values that differ between machines come from the environment through django-environ (see the
README's "Configuration" table); ``dev``, ``test`` and ``production`` adjust the rest.
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
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise serves the collected static files (CSS, JS, the Sarabun font) in production.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Counts public page views and daily visitors after the page is built (no cookie, no IP stored).
    "eservices.visits.VisitCounterMiddleware",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
STATIC_ROOT = BASE_DIR / "static"
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

# Scale-out profile (deploy/README-backup.md): with MEDIA_STORAGE=s3 several app servers share media in an
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

# Backups (manage.py backup / restore, deploy/README-backup.md): where they go and how many are kept.
BACKUP_DIR = env.path("BACKUP_DIR", default=str(BASE_DIR / "backups"))
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hodsite"}}

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
# The database backend on SQLite and PostgreSQL, with Thai word segmentation (home/search, README).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "zip", "jpg", "jpeg", "png", "gif", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
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

# --- E-mail ------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="โรงพยาบาลฮอด <webmaster@hodhospital.go.th>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[เว็บไซต์โรงพยาบาลฮอด] "

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
    },
}
