import os

from django.core.wsgi import get_wsgi_application

from cophub.core.imports import signals_without_the_test_framework

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")
signals_without_the_test_framework()  # 7 MB less per worker
application = get_wsgi_application()
