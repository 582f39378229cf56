from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from insights.views import serve_document
from qsite import topics

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's download view with private caching for members-only files; see insights/views.py.
    path("documents/<int:document_id>/<str:document_filename>", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language: /en/... and /cy/.... A bare "/"
# is redirected by LocaleMiddleware to the visitor's language, English by default.
urlpatterns += i18n_patterns(
    path("topics/<slug:slug>/", topics.topic_detail, name="topic"),
    path("topics/<slug:slug>/feed/rss/", topics.topic_feed, {"kind": "rss"}, name="topic_rss"),
    path("topics/<slug:slug>/feed/atom/", topics.topic_feed, {"kind": "atom"}, name="topic_atom"),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("comments/", include("comments.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
