"""The baseline: a Django project with one view and nothing else (no apps, no middleware, no
database), served by the same gunicorn, worker kind and worker count as COP Hub in the bench."""

SECRET_KEY = "bare-baseline-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_I18N = False
WSGI_APPLICATION = "wsgi.application"
