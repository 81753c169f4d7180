"""Settings shared by every environment of the Hod Hospital transparency website.

Values that differ between machines come from the environment through django-environ (see the
README's "Configuration" table); ``dev``, ``test`` and ``production`` adjust the rest.
Reference: https://docs.djangoproject.com/en/5.2/ref/settings/ and
https://docs.wagtail.org/en/stable/reference/settings.html
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

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
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Counts public page views and daily visitors after the page is built (no cookie, no IP stored).
    "eservices.visits.VisitCounterMiddleware",
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

# --- Staff accounts (README "Security") --------------------------------------------------------
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
# No shared-password privacy: a password known to many people cannot be withdrawn from one of them.
# Private pages and collections are limited to signed-in staff or to groups.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

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
