from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail_localize.views import report, snippets_api

from qsite import health, topics
from qsite.languages import translators_only
from qsite.security import ThrottledLoginView

# Database outages get a 503 page rather than a 500; see qsite/resilience.py.
handler500 = "qsite.resilience.server_error"
# A 404 in the reader's language that offers the page in the other language when it exists there.
handler404 = "qsite.languages.page_not_found"

# Matched before the admin's own copies of these wagtail-localize URLs, which let in any admin user.
LOCALIZE_GUARDED = [
    path("reports/translations/", report.TranslationsReportView.as_view()),
    path("reports/translations/results/", report.TranslationsReportView.as_view(results_only=True)),
    path("api/snippets/<slug:app_label>/<slug:model_name>/", snippets_api.SnippetViewSet.as_view({"get": "list"})),
    path(
        "api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        snippets_api.SnippetViewSet.as_view({"get": "retrieve"}),
    ),
]

urlpatterns = [
    # For the load balancer: plain paths, no language prefix, no redirects.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    *[path(f"{settings.ADMIN_PATH}localize/{p.pattern}", translators_only(p.callback)) for p in LOCALIZE_GUARDED],
    # Wagtail's sign-in with failed attempts counted; must come before the admin's own URLs.
    path(f"{settings.ADMIN_PATH}login/", ThrottledLoginView.as_view(), name="qsite_admin_login"),
    path(settings.ADMIN_PATH, include(wagtailadmin_urls)),
    # Wagtail's download view with private caching for members-only files; see insights/views.py.
    # Before Wagtail's own documents URLs, so it wins.
    path("documents/", include("insights.urls")),
    path("documents/", include(wagtaildocs_urls)),
    # /sitemap.xml and /robots.txt.
    path("", include("search.site_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language: /en/... and /cy/.... A bare "/"
# is redirected by LocaleMiddleware to the visitor's language, English by default.
urlpatterns += i18n_patterns(
    path("topics/", topics.topic_index, name="topics"),
    path("topics/<slug:slug>/", topics.topic_detail, name="topic"),
    path("topics/<slug:slug>/feed/rss/", topics.topic_feed, {"kind": "rss"}, name="topic_rss"),
    path("topics/<slug:slug>/feed/atom/", topics.topic_feed, {"kind": "atom"}, name="topic_atom"),
    path("regions/", include("search.region_urls")),
    path("search/", include("search.urls")),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("comments/", include("comments.urls")),
    path("updates/", include("updates.urls")),
    path("group-emails/", include("groups.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
