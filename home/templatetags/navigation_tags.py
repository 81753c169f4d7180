"""Navigation built from the page tree: the main menu (two levels) and breadcrumbs."""

from django import template

from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages shown in menus, each with its own shown-in-menu children. Two queries."""
    request = context.get("request")
    root = _site_root(request)
    current_path = request.path if request else ""
    if root is None:
        return {"menu": [], "current_path": current_path}
    pages = list(
        Page.objects.live()
        .public()
        .in_menu()
        .descendant_of(root)
        .filter(depth__in=[root.depth + 1, root.depth + 2])
        .order_by("path")
    )
    top = [p for p in pages if p.depth == root.depth + 1]
    menu = []
    for item in top:
        children = [p for p in pages if p.depth == root.depth + 2 and p.path.startswith(item.path)]
        url = item.get_url(request)
        menu.append(
            {
                "page": item,
                "children": children,
                "active": bool(url) and current_path.startswith(url),
                "current": url == current_path,
            }
        )
    return {"menu": menu, "current_path": current_path}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page below the site root, ending with the page itself."""
    page = context.get("page")
    if page is None or not isinstance(page, Page) or page.is_root():
        return {"crumbs": []}
    request = context.get("request")
    root = _site_root(request)
    if root is None or page.depth <= root.depth:
        return {"crumbs": []}
    crumbs = page.get_ancestors(inclusive=True).filter(depth__gt=root.depth)
    return {"crumbs": list(crumbs)}
