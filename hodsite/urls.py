"""URL routes: specific routes first, Wagtail's page-serving catch-all last (order matters)."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from eservices.visits.beacon import visit_beacon
from home import views as home_views
from home.search import views as search_views
from home.security.conflicts import edit_page
from home.slugs import SERVE_PATTERN
from operations import views as operations_views

urlpatterns = [
    # Before Wagtail's admin: its page editor, refusing a form older than the page's latest revision
    # (home/security/conflicts.py). Same address and view otherwise.
    path("admin/pages/<int:page_id>/edit/", never_cache(edit_page), name="hod_page_edit"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("search/", search_views.search, name="search"),
    path("healthz", operations_views.healthz, name="healthz"),
    # The visit beacon of public pages (eservices/visits/beacon.py): never cached, not even by nginx.
    path("v/", visit_beacon, name="visit_beacon"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA:
    # Development and the browser tests only; production's web server serves /media/.
    from django.views.static import serve

    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [
    # Anything not matched above is a page of the tree: this must stay last. Wagtail's own pattern
    # refuses Thai vowels and tone marks in a slug, so ours (home/slugs.py) comes first under its name.
    re_path(SERVE_PATTERN, wagtail_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
