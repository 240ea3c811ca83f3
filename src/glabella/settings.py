"""Django settings, all read through :mod:`glabella.config`."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from glabella import config

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = config.var_dir()

SECRET_KEY = config.secret_key()
DEBUG = config.env_bool("GLABELLA_DEBUG", False)
ALLOWED_HOSTS = config.env_list("GLABELLA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = config.env_list("GLABELLA_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "ninja",  # serves the API docs' Swagger UI from our static files (the CSP forbids CDNs)
    "glabella.accounts",
    "glabella.audit",
    "glabella.patients",
    "glabella.treatments",
    "glabella.inventory",
    "glabella.followup",
    "glabella.refresh",
    "glabella.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "glabella.accounts.middleware.ClinicMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "glabella.urls"
WSGI_APPLICATION = "glabella.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "glabella.accounts.context_processors.clinic",
            ],
        },
    }
]

DATABASES = {"default": dj_database_url.parse(config.database_url(), conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the demo's web server and worker read while another writes.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failed logins (django-axes), keyed by username and address.
AXES_FAILURE_LIMIT = config.env_int("GLABELLA_LOGIN_FAILURE_LIMIT", 5, 1, 100)
AXES_COOLOFF_TIME = config.env_int("GLABELLA_LOGIN_COOLOFF_MINUTES", 15, 1, 24 * 60) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Cookies are Secure by default; GLABELLA_SECURE_COOKIES=false only for plain-HTTP loopback demos.
SECURE_COOKIES = config.env_bool("GLABELLA_SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = config.env_int("GLABELLA_SESSION_SECONDS", 8 * 3600, 300, 30 * 86400)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if config.env_bool("GLABELLA_BEHIND_TLS_PROXY", False)
    else None
)

# Content-Security-Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

MAIL = config.mail()
EMAIL_HOST = MAIL.host
EMAIL_PORT = MAIL.port
EMAIL_USE_TLS = MAIL.use_tls
EMAIL_HOST_USER = MAIL.user
EMAIL_HOST_PASSWORD = MAIL.password
DEFAULT_FROM_EMAIL = MAIL.sender
# Reminder outbox transports by dotted path (see glabella.followup.transports); "" = default.
GLABELLA_EMAIL_TRANSPORT = os.environ.get("GLABELLA_EMAIL_TRANSPORT", "")
GLABELLA_SMS_TRANSPORT = os.environ.get("GLABELLA_SMS_TRANSPORT", "")
# The address patients reach the site at, for links in emails (no trailing slash).
GLABELLA_BASE_URL = os.environ.get("GLABELLA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Logs carry request paths and codes, never patient data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
