"""Demo roles: the six demo accounts in the hospital's groups (after every section exists), one item in
every state of the process, and the workflow record of every live item. Data: ``demo/data/publishing.toml``."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo import content
from home.models import Department
from home.roles import DIRECTOR, WEBMASTERS
from publishing.setup import setup_roles

DATA = content.read("publishing")
ROLE_GROUPS = {"director": DIRECTOR, "webmasters": WEBMASTERS}
# username → (department names whose editors' group, heads' group; plus role groups)
DEMO_ROLES = {
    entry["username"]: {
        **{key: entry[key] for key in ("heads", "editors") if key in entry},
        **({"groups": [ROLE_GROUPS[name] for name in entry["groups"]]} if "groups" in entry else {}),
    }
    for entry in DATA["roles"]
}


def load(builder):
    report = setup_roles()
    builder.created.extend(f"roles: {line}" for line in report.created)
    User = get_user_model()
    default_groups = Group.objects.filter(name__in=["Editors", "Moderators"])
    for username, roles in DEMO_ROLES.items():
        user = User.objects.filter(username=username).first()
        if user is None or user.groups.exclude(pk__in=default_groups).exists():
            continue  # already given its roles (or changed by an administrator): keep as is
        user.groups.remove(*default_groups)
        groups = list(Group.objects.filter(name__in=roles.get("groups", [])))
        for name in roles.get("heads", []):
            groups.append(Department.objects.get(name=name).head_group)
        for name in roles.get("editors", []):
            groups.append(Department.objects.get(name=name).editor_group)
        user.groups.add(*groups)
        builder.created.append(f"roles of {username}: " + ", ".join(g.name for g in groups))
    workflow_states(builder)
    publication_records(builder)


def _item_in(builder, path):
    """A live item under the section at ``path`` to base a demo draft on (any page type)."""
    section = builder.find(path)
    if section is None:
        return None
    return section.get_children().live().specific().order_by("-first_published_at").first()


def _new_draft(item, text, user, today):
    """A new unpublished news item of the same type as ``item``, beside it, edited by ``user``.

    It takes the type and facts (owner unit, source) of ``item`` but its own title, summary and body from
    ``text``, and no picture, gallery or attachment of ``item``'s: each demo item reads as its own news."""
    parent = item.get_parent()
    existing = parent.get_children().filter(slug=text["slug"]).first()
    if existing:
        return None
    own = {"slug": text["slug"], "title": text["title"], "draft_title": text["title"], "live": False}
    own.update(intro=text["intro"], body=content.p(*text["body"]), attachments=[], search_description="")
    if hasattr(item, "listing_image_id"):
        own["listing_image"] = None
    if hasattr(item, "period_start"):
        own.update(period_start=today, period_end=None)
    copy = item.copy(to=parent, update_attrs=own, keep_live=False, user=user, log_action=None).specific
    if hasattr(copy, "gallery_images"):
        relation = type(copy)._meta.get_field("gallery_images")  # deleted in the database, then read back
        relation.related_model.objects.filter(**{relation.field.name: copy}).delete()
        copy = type(copy).objects.get(pk=copy.pk)
    copy.save_revision(user=user)
    return copy


def workflow_states(builder):
    """Leave items in every state, so every report shows something on the first run (R3, [3/6] §11)."""
    import datetime as dt

    from django.utils import timezone

    from wagtail.models import WorkflowState

    from publishing import jobs
    from publishing.urgent import urgent_publish

    if WorkflowState.objects.exists():
        return  # states were made before (or real work happened): leave them
    users = _demo_users()
    if users is None:
        return
    base = _item_in(builder, "news") or _item_in(builder, "knowledge")
    if base is None:
        return
    now = timezone.now()
    today = timezone.localdate()

    def submitted(text, **attrs):
        page = _new_draft(base, text, users["editor"], today)
        if page is None:
            return None
        for key, value in attrs.items():
            setattr(page, key, value)
        if attrs:
            page.save_revision(user=users["editor"])
        page.get_workflow().start(page, users["editor"])
        return page

    def act(page, user, action, **kwargs):
        page.refresh_from_db()
        state = page.current_workflow_task_state.specific
        state.task.specific.on_action(state, user, action, **kwargs)

    items = DATA["workflow"]
    waiting_head = submitted(items["awaiting_head"])
    waiting_web = submitted(items["awaiting_webmaster"])
    if waiting_web:
        act(waiting_web, users["head"], "approve")
    changes = items["changes_requested"]
    rejected = submitted(changes)
    if rejected:
        act(rejected, users["head"], "reject", comment=changes["reason"])
    later = submitted(items["scheduled"], go_live_at=now + dt.timedelta(days=3))
    if later:
        act(later, users["head"], "approve")
        act(later, users["webmaster"], "approve")
    urgent = _new_draft(base, items["urgent"], users["editor"], today)
    if urgent:
        urgent_publish(
            urgent,
            users["webmaster"],
            users["head"],
            now - dt.timedelta(minutes=15),
            items["urgent"]["verbal_approval"],
        )
    expired = submitted(items["expired"])
    if expired:
        act(expired, users["head"], "approve")
        act(expired, users["webmaster2"], "approve")
        from wagtail.models import Page

        Page.objects.filter(pk=expired.pk).update(expire_at=now - dt.timedelta(days=1))
        jobs.publish_scheduled()
    builder.created.append("workflow demo states")
    for page in (waiting_head, waiting_web, rejected, later, urgent, expired):
        if page is not None:
            builder.created.append(f"state: {page.title}")


# Information providers of the units that have no demo login: named staff records (no password, they
# cannot log in) so every printed request form shows a real-looking provider of the owner unit.
DEMO_STAFF = [(s["username"], s["first_name"], s["last_name"], s["unit"]) for s in DATA["staff"]]


def _provider_for(unit, fallback):
    """A member of the unit's editors' group (a demo staff record if it has none), else ``fallback``."""
    if unit is None or unit.editor_group_id is None:
        return fallback
    member = unit.editor_group.user_set.filter(is_active=True).order_by("pk").first()
    if member is not None:
        return member
    User = get_user_model()
    for username, first, last, name in DEMO_STAFF:
        if name != unit.name:
            continue
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@hodhospital.go.th"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(unit.editor_group)
        return user
    return fallback


def publication_records(builder):
    """Give every live demo item the workflow record a real publication leaves (submitted, approved by
    the head or the director, published by a webmaster), dated just before it went live, so each has a
    request form and the monthly report of its month lists it. Items that already have one are left."""
    import datetime as dt

    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, TaskState, WorkflowState

    from home.models.base import ItemPage
    from publishing.models import HeadReviewTask, WebmasterPublishTask
    from publishing.paperwork.records import records_for_page

    users = _demo_users()
    if users is None:
        return
    page_type = ContentType.objects.get_for_model(Page)
    made = 0
    for number, page in enumerate(Page.objects.live().filter(depth__gt=2).specific().order_by("path")):
        if not isinstance(page, ItemPage) or page.live_revision is None or not page.first_published_at:
            continue
        workflow = page.get_workflow()
        if workflow is None or records_for_page(page):
            continue
        tasks = [t.specific for t in workflow.tasks]
        head_task = next((t for t in tasks if isinstance(t, HeadReviewTask)), None)
        web_task = next((t for t in tasks if isinstance(t, WebmasterPublishTask)), None)
        if head_task is None or web_task is None:
            continue
        unit = page.owner_unit
        submitter = _provider_for(unit, users["editor"])
        approver = (
            users["head"]
            if head_task.user_may_review(page, users["head"]) and submitter != users["head"]
            else users["director"]
        )
        publisher = users["webmaster"] if number % 3 else users["webmaster2"]
        published = page.first_published_at
        # Mostly within the head's 30-minute target; every seventh item took longer, as real months do.
        head_minutes = 52 if number % 7 == 0 else 12 + number % 15
        requested = published - dt.timedelta(minutes=head_minutes + 25 + number % 40)
        approved = requested + dt.timedelta(minutes=head_minutes)
        state = WorkflowState.objects.create(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=page_type,
            object_id=str(page.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_APPROVED,
            requested_by=submitter,
        )
        WorkflowState.objects.filter(pk=state.pk).update(created_at=requested)
        for task, by, started, finished in (
            (head_task, approver, requested, approved),
            (web_task, publisher, approved, published),
        ):
            task_state = TaskState.objects.create(
                workflow_state=state,
                revision=page.live_revision,
                task=task,
                status=TaskState.STATUS_APPROVED,
                finished_at=finished,
                finished_by=by,
            )
            TaskState.objects.filter(pk=task_state.pk).update(started_at=started)
        made += 1
    if made:
        builder.created.append(f"publication records of {made} demo items")


def _demo_users():
    """The five demo accounts the workflow records name, by username; None until every one exists."""
    names = ["editor", "head", "webmaster", "webmaster2", "director"]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    return users if len(users) == len(names) else None
