import os

from django.core.asgi import get_asgi_application

from cophub.core.imports import signals_without_the_test_framework

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")
signals_without_the_test_framework()  # 7 MB less per worker
application = get_asgi_application()
