"""Small public views: robots.txt and the friendly error pages."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Keep crawlers out of the admin and documents' raw URLs; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/?",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """A friendly Thai 404 with the menu and a search box, so the visitor can find their way."""
    return render(request, "404.html", status=404)


def server_error(request):
    """A static 500 page: no database, no context processors, nothing that could fail again."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
