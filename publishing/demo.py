"""Demo roles: the six demo accounts in the hospital's groups (after every section exists)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import Department

from .roles import DIRECTOR, WEBMASTERS
from .setup import setup_roles

# username → (department names whose editors' group, heads' group; plus role groups)
DEMO_ROLES = {
    "director": {"groups": [DIRECTOR]},
    "webmaster": {"groups": [WEBMASTERS]},
    "webmaster2": {"groups": [WEBMASTERS]},
    "head": {"heads": ["งานประชาสัมพันธ์", "งานข้อมูลและเทคโนโลยีสารสนเทศ"]},
    "editor": {"editors": ["งานประชาสัมพันธ์", "งานข้อมูลและเทคโนโลยีสารสนเทศ"]},
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


def _item_in(builder, path):
    """A live item under the section at ``path`` to base a demo draft on (any page type)."""
    section = builder.find(path)
    if section is None:
        return None
    return section.get_children().live().specific().order_by("-first_published_at").first()


def _new_draft(item, slug, title, user):
    """A new unpublished item of the same type as ``item``, beside it, edited by ``user``."""
    parent = item.get_parent()
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return None
    copy = item.copy(
        to=parent,
        update_attrs={"slug": slug, "title": title, "draft_title": title, "live": False},
        keep_live=False,
        user=user,
        log_action=None,
    )
    copy = copy.specific
    copy.save_revision(user=user)
    return copy


def workflow_states(builder):
    """Leave items in every state, so every report shows something on the first run (R3, [3/6] §11)."""
    import datetime as dt

    from django.utils import timezone

    from wagtail.models import WorkflowState

    from . import jobs
    from .urgent import urgent_publish

    if WorkflowState.objects.exists():
        return  # states were made before (or real work happened): leave them
    User = get_user_model()
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["editor", "head", "webmaster", "webmaster2", "director"])
    }
    if len(users) < 5:
        return
    base = _item_in(builder, "news") or _item_in(builder, "knowledge")
    if base is None:
        return
    now = timezone.now()

    def submitted(slug, title, **attrs):
        page = _new_draft(base, slug, title, users["editor"])
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

    waiting_head = submitted("demo-awaiting-head", "ประชาสัมพันธ์การรับบริจาคโลหิต ประจำเดือนธันวาคม (รอหัวหน้าตรวจสอบ)")
    waiting_web = submitted("demo-awaiting-webmaster", "กำหนดการตรวจสุขภาพประจำปีบุคลากร (รอผู้ดูแลเว็บไซต์เผยแพร่)")
    if waiting_web:
        act(waiting_web, users["head"], "approve")
    rejected = submitted("demo-changes-requested", "ประกาศปิดปรับปรุงห้องฉุกเฉินชั่วคราว (ขอให้แก้ไข)")
    if rejected:
        act(
            rejected,
            users["head"],
            "reject",
            comment="กรุณาระบุวันและเวลาที่ปิดปรับปรุงให้ชัดเจน และแนบไฟล์ประกาศที่ลงนามแล้วเป็น PDF",
        )
    later = submitted(
        "demo-scheduled", "ประกาศวันหยุดราชการ ช่วงเทศกาลปีใหม่ (ตั้งเวลาเผยแพร่)", go_live_at=now + dt.timedelta(days=3)
    )
    if later:
        act(later, users["head"], "approve")
        act(later, users["webmaster"], "approve")
    urgent = _new_draft(
        base, "demo-urgent", "แจ้งงดให้บริการคลินิกทันตกรรมชั่วคราว เนื่องจากไฟฟ้าดับ (เผยแพร่เร่งด่วน)", users["editor"]
    )
    if urgent:
        urgent_publish(
            urgent,
            users["webmaster"],
            users["head"],
            now - dt.timedelta(minutes=15),
            "หัวหน้างานประชาสัมพันธ์อนุญาตทางโทรศัพท์",
        )
    expired = submitted("demo-expired", "ประกาศรับสมัครอาสาสมัครสาธารณสุข (หมดเวลาการเผยแพร่)")
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
