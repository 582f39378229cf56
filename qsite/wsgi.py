"""WSGI entry point for gunicorn (see qsite/gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qsite.settings.production")

application = get_wsgi_application()
