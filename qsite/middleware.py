"""Site-wide middleware."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside i18n_patterns: a 404 there is a real 404, not a page missing its language prefix.
# The admin's path is configurable (ADMIN_PATH), so it is added from settings at request time.
UNPREFIXED = ("/documents/", "/static/", "/media/", "/sitemap.xml", "/healthz", "/readyz")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus the redirect of unprefixed 404s for the admin and files.

    Django redirects any 404 without a language prefix to /en/<path> when that path
    would resolve, and Wagtail's catch-all makes every path resolve, so an unknown
    admin or document URL would bounce to a public 404 instead of answering 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith((settings.ADMIN_URL_PREFIX, *UNPREFIXED)):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
