from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail_localize.views import report, snippets_api

from groups.views import unsubscribe as group_unsubscribe
from insights.views import serve_document
from qsite import health, topics
from qsite.languages import translators_only
from qsite.security import ThrottledLoginView
from search import regions
from search import views as search_views

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
    path("documents/<int:document_id>/<str:document_filename>", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", search_views.sitemap, name="sitemap"),
    path("robots.txt", search_views.robots_txt, name="robots_txt"),
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
    path("regions/<slug:slug>/", regions.region_detail, name="region"),
    path("search/", search_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("comments/", include("comments.urls")),
    path("updates/", include("home.urls")),
    path("group-emails/unsubscribe/<str:token>/", group_unsubscribe, name="groups_unsubscribe"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
