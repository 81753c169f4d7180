"""The hospital's own part of the demo: accounts, departments, home page, sections, policies, settings.

Everything it shows is data in ``demo/data/hospital.toml`` (also read by ``demo.content``)."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from wagtail.models import PageLogEntry

from demo import content, media, two_factor
from home.models import ContactPage, ContactSettings, FooterSettings, SitemapPage, StandardPage
from home.thai_dates import current_fiscal_year, fiscal_year_range

DEMO_PASSWORD = "hod-demo-2569"  # noqa: S105 — demo only, printed in the README

DATA = content.read("hospital")
BANGKOK = ZoneInfo("Asia/Bangkok")


def load(builder):
    accounts(builder)
    for name, kind in content.DEPARTMENTS:
        builder.department(name, kind)
    home_page(builder)
    sections(builder)
    special_pages(builder)


def accounts(builder):
    User = get_user_model()
    # Their roles (groups) come from the publishing loader, which runs setup_roles once every section exists.
    for account in DATA["accounts"]:
        username = account["username"]
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            first_name=account["first_name"],
            last_name=account["last_name"],
            email=f"{username}@hodhospital.go.th",
            is_staff=True,
            is_superuser=account["superuser"],
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        builder.created.append(f"user: {username}")


def home_page(builder):
    home = builder.home
    fy = current_fiscal_year()
    director_name, director_position = content.DIRECTOR
    text = DATA["home"]

    def fill(template):
        return template.format(fy=fy, director_name=director_name, director_position=director_position)

    hero = builder.image(
        text["hero_image"]["title"], media.hospital_scene, "hod-hospital.jpg", text["hero_image"]["alt"]
    )
    director_photo = builder.image(
        text["director_photo"]["title"], lambda: media.portrait(1), "director.jpg", fill(text["director_photo"]["alt"])
    )

    def no_gift_files(year):
        image = builder.image(
            text["no_gift_image"]["title"].format(
                fy=year, director_name=director_name, director_position=director_position
            ),
            lambda: media.no_gift_infographic(year, director_name, director_position),
            f"no-gift-{year}.png",
            text["no_gift_image"]["alt"].format(
                fy=year, director_name=director_name, director_position=director_position
            ),
        )
        pdf = builder.pdf_document(
            text["no_gift_document"]["title"].format(fy=year),
            text["no_gift_document"]["paragraphs"],
            f"no-gift-policy-{year}.pdf",
            meta=[director_name, director_position],
            description=text["no_gift_document"]["description"],
        )
        return image, pdf

    changed = False
    if not home.hero_message:
        home.title = text["title"]
        home.draft_title = home.title
        home.seo_title = text["seo_title"]
        home.hero_title = text["hero_title"]
        home.hero_message = text["hero_message"]
        home.hero_image = hero
        home.director_name, home.director_position = director_name, director_position
        home.director_photo = director_photo
        home.director_message = text["director_message"]
        home.search_description = text["search_description"]
        changed = True
    if home.no_gift_fiscal_year != fy and not home.no_gift_image_id:
        # Last year's policy first, published at the start of last year, as the home page's history would
        # show on a real site (the ITA dashboard's MOIT 12.1 check of a past year reads that history).
        home.no_gift_fiscal_year = fy - 1
        home.no_gift_image, home.no_gift_document = no_gift_files(fy - 1)
        home.save_revision().publish()
        start_of_last_year = datetime.datetime.combine(
            fiscal_year_range(fy - 1)[0] + datetime.timedelta(days=4), datetime.time(9), tzinfo=BANGKOK
        )
        last = PageLogEntry.objects.filter(page=home, action="wagtail.publish").order_by("-pk").first()
        PageLogEntry.objects.filter(pk=last.pk).update(timestamp=start_of_last_year)
        home.no_gift_fiscal_year = fy
        home.no_gift_image, home.no_gift_document = no_gift_files(fy)
        changed = True
    if changed:
        home.save_revision().publish()
        builder.created.append("home page content")


def sections(builder):
    for slug, title, intro, body, _children, in_menu in content.TREE:
        if slug in content.HOME_GROUPS:
            builder.page(builder.home, StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=in_menu)
    for path in content.HOME_OWNED:
        parent_slug, slug = path.split("/")
        title, intro, body = content.section_text(path)
        builder.page(
            builder.find(parent_slug), StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=True
        )


def special_pages(builder):
    home = builder.home
    contact, form = DATA["contact_page"], DATA["contact_page"]["request_form"]
    request_form = builder.document(
        form["title"],
        lambda: media.thai_docx(form["title"], DATA["oia_request_form"]),
        "oia-request-form.docx",
        description=form["description"],
        owner=builder.department(form["owner"], "unit"),
    )
    builder.contact = builder.page(
        home,
        ContactPage,
        "contact",
        title=contact["title"],
        show_in_menus=True,
        intro=contact["intro"],
        body=content.body(contact["body"])
        + [{"type": "document", "value": {"document": request_form.pk, "title": ""}}],
    )
    builder.sitemap = builder.page(
        home, SitemapPage, "sitemap", title=DATA["sitemap"]["title"], intro=DATA["sitemap"]["intro"]
    )
    builder.policies = {
        slug: builder.page(home, StandardPage, slug, title=title, intro=intro, body=body, list_children=False)
        for slug, title, intro, body in content.POLICIES
    }


def finish(builder):
    """After every app's loader: menu order, quick links, news on the home page, site settings."""
    home = builder.home
    order_sections(builder)
    two_factor.load(builder)  # every demo account exists by now (demo/two_factor.py)
    changed = False
    news = builder.find("news")
    if news and not home.news_index_id:
        home.news_index = news
        changed = True
    if not home.quick_links:
        blocks = []
        for link in DATA["quick_links"]:
            # The first of the candidate pages that exists (the online form, if e-services is installed).
            target = next((page for page in map(builder.find, link["paths"]) if page), None)
            if target:
                value = {"title": link["title"], "description": link["description"], "page": target, "url": ""}
                blocks.append(("link", {**value, "icon": link["icon"]}))
        home.quick_links = blocks
        changed = True
    if changed:
        home.save_revision().publish()
        builder.created.append("home page links")
    site_settings(builder)


def order_sections(builder):
    """Put top-level sections in MENU_ORDER, but only when this run created one of them."""
    if not any(item.startswith("page: ") and item.count("/") == 3 for item in builder.created):
        return
    previous = None
    for slug in content.MENU_ORDER:
        page = builder.find(slug)
        if page is None:
            continue
        if previous is not None:
            page.move(previous, pos="right")
            page.refresh_from_db()
        previous = page


def site_settings(builder):
    contact = ContactSettings.for_site(builder.site)
    if not contact.address:
        for field, value in content.CONTACT.items():
            setattr(contact, field, value)
        contact.map_image = builder.image(
            DATA["map_image"]["title"], media.map_picture, "hod-map.png", DATA["map_image"]["alt"]
        )
        contact.save()
        builder.created.append("contact settings")
    footer = FooterSettings.for_site(builder.site)
    if not footer.sitemap_page_id:
        footer.sitemap_page = builder.find("sitemap")
        footer.privacy_page = builder.find("privacy")
        footer.website_policy_page = builder.find("website-policy")
        footer.security_policy_page = builder.find("security-policy")
        footer.accessibility_page = builder.find("accessibility")
        footer.contact_page = builder.find("contact")
        footer.save()
        builder.created.append("footer links")
