"""Create the hospital's roles, page permissions and workflows from the responsibility table.

Idempotent: running it again updates groups, permissions and workflows to match the table and
leaves users' memberships alone. Used by ``manage.py setup_roles`` and by the demo loader.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import Department
from home.roles import DIRECTOR, WEBMASTERS, editors_group_name, heads_group_name

from .models import HeadReviewTask, WebmasterPublishTask
from .roles import ALL_UNITS, load_table

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
WEBMASTER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
# The director approves through the workflow and edits nothing, but must find every page in the admin's
# explorer to print its paperwork (the request form). Wagtail has no view-only page permission; "lock" is
# the least one that makes the tree explorable (and a director may well stop edits to an item).
DIRECTOR_PAGE_PERMISSIONS = ["lock_page"]
GENERAL_WORKFLOW = "เผยแพร่: หน้าทั่วไปของเว็บไซต์"
WEBMASTER_TASK = "ผู้ดูแลเว็บไซต์ตรวจความครบถ้วนและเผยแพร่"
GENERAL_REVIEWERS = ["งานข้อมูลและเทคโนโลยีสารสนเทศ"]


@dataclass
class Report:
    created: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def add(self, text):
        self.created.append(text)


def _permission(codename, app_label):
    return Permission.objects.get(codename=codename, content_type__app_label=app_label)


def _group(name, report, admin_access=True):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.add(f"group: {name}")
    if admin_access:
        group.permissions.add(_permission("access_admin", "wagtailadmin"))
    return group


def _page_permissions(group, page, codenames, report):
    for codename in codenames:
        permission = Permission.objects.get(codename=codename, content_type=ContentType.objects.get_for_model(Page))
        _, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        if created:
            report.add(f"permission: {group.name} {codename} {page.url_path}")


# Wagtail checks documents and images against its own models' permissions (wagtaildocs.Document and
# wagtailimages.Image are the policies' auth models), not against our HospitalDocument/HospitalImage.
UPLOAD = [("add_document", "wagtaildocs"), ("add_image", "wagtailimages")]
CHOOSE = [("choose_document", "wagtaildocs"), ("choose_image", "wagtailimages")]
# Rows an earlier setup_roles made with our models' codenames: Wagtail never reads them.
STALE_MEDIA_CODENAMES = ["add_hospitaldocument", "choose_document", "add_hospitalimage", "choose_image"]


def _collection_permissions(group, collection, codenames, report):
    for codename, app_label in codenames:
        permission = _permission(codename, app_label)
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        if created:
            report.add(f"collection permission: {group.name} {codename} {collection.name}")


def remove_stale_media_permissions(report):
    stale = GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="home", permission__codename__in=STALE_MEDIA_CODENAMES
    )
    if stale.exists():
        report.add(f"removed {stale.count()} collection permission(s) Wagtail does not read")
        stale.delete()


def _media_permissions(group, report, upload=True):
    """Webmasters upload anywhere and choose any file (private collections aside: see home.security)."""
    root = Collection.get_first_root_node()
    _collection_permissions(group, root, (UPLOAD if upload else []) + CHOOSE, report)


def unit_collection(department, report):
    """The unit's own collection under the root, named after the unit (kept when the unit is renamed)."""
    if department.collection_id is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=department.name).first()
        if collection is None:
            collection = root.add_child(name=department.name)
            report.add(f"collection: {department.name}")
        department.collection = collection
        department.save(update_fields=["collection"])
    return department.collection


def department_groups(department, report):
    """The unit's editors' and heads' groups: admin access, upload into the unit's collection, choose any
    file. Choosing from the root reaches other units' public files; a private collection of another unit
    stays out of their chooser (``home.security.hooks.private_collections_hidden_from``)."""
    if department.editor_group_id is None:
        department.editor_group = _group(editors_group_name(department.name), report)
    if department.head_group_id is None:
        department.head_group = _group(heads_group_name(department.name), report)
    department.save(update_fields=["editor_group", "head_group"])
    collection = unit_collection(department, report)
    root = Collection.get_first_root_node()
    for group in (department.editor_group, department.head_group):
        group.permissions.add(_permission("access_admin", "wagtailadmin"))
        _collection_permissions(group, collection, UPLOAD + CHOOSE, report)
        _collection_permissions(group, root, CHOOSE, report)
    return department


def _workflow(name, head_task, webmaster_task, report):
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if created:
        report.add(f"workflow: {name}")
    if not workflow.active:
        workflow.active = True
        workflow.save()
    wanted = [head_task, webmaster_task]
    current = [wt.task_id for wt in WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order")]
    if current != [t.pk for t in wanted]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        for order, task in enumerate(wanted):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _head_task(name, departments, by_owner_unit, director, report):
    task = HeadReviewTask.objects.filter(name=name).first()
    if task is None:
        task = HeadReviewTask.objects.create(name=name, review_by_owner_unit=by_owner_unit)
        report.add(f"task: {name}")
    elif task.review_by_owner_unit != by_owner_unit:
        task.review_by_owner_unit = by_owner_unit
        task.save()
    task.groups.set([d.head_group for d in departments] + [director])
    return task


def _assign(page, workflow, report):
    assignment = WorkflowPage.objects.filter(page=page).first()
    if assignment is None:
        WorkflowPage.objects.create(page=page, workflow=workflow)
        report.add(f"workflow assigned: {page.url_path} → {workflow.name}")
    elif assignment.workflow_id != workflow.pk:
        assignment.workflow = workflow
        assignment.save()


# Wagtail's migrations create these two groups with "publish" on the whole tree (Moderators) and edit on
# it (Editors): anyone added to them would bypass the sections' workflows. Removed by publishing.0002 and
# again here if a Wagtail migration brings them back. Nothing of ours uses them.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")


def remove_wagtail_default_groups(report):
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        group.delete()
        report.add(f"removed Wagtail's default group: {group.name}")


def setup_roles(table=None):
    report = Report()
    remove_wagtail_default_groups(report)
    table = table if table is not None else load_table()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        report.warnings.append("No default site; run migrate first.")
        return report
    home = site.root_page

    webmasters = _group(WEBMASTERS, report)
    director = _group(DIRECTOR, report)
    _page_permissions(webmasters, home, WEBMASTER_PAGE_PERMISSIONS, report)
    _page_permissions(director, home, DIRECTOR_PAGE_PERMISSIONS, report)
    remove_stale_media_permissions(report)
    _media_permissions(webmasters, report)
    _media_permissions(director, report, upload=False)  # the director edits nothing
    # Webmasters keep the hospital's own holidays, which every working-day time limit skips.
    webmasters.permissions.add(
        *(_permission(f"{action}_hospitalholiday", "home") for action in ("add", "change", "delete", "view"))
    )
    webmaster_task = WebmasterPublishTask.objects.filter(name=WEBMASTER_TASK).first()
    if webmaster_task is None:
        webmaster_task = WebmasterPublishTask.objects.create(name=WEBMASTER_TASK)
        report.add(f"task: {WEBMASTER_TASK}")
    webmaster_task.groups.set([webmasters])

    names = {n for row in table for n in row.responsible + row.reviewer_units if n != ALL_UNITS} | set(
        GENERAL_REVIEWERS
    )
    for name in sorted(names):
        department, created = Department.objects.get_or_create(name=name)
        if created:
            report.add(f"department: {name}")
    for department in Department.objects.filter(is_active=True):
        department_groups(department, report)

    # Pages outside every section (home page, contact, policies): the IT unit's head, then a webmaster.
    general_head = _head_task(
        "หัวหน้าตรวจสอบ: หน้าทั่วไปของเว็บไซต์",
        list(Department.objects.filter(name__in=GENERAL_REVIEWERS)),
        False,
        director,
        report,
    )
    general = _workflow(GENERAL_WORKFLOW, general_head, webmaster_task, report)
    _assign(home, general, report)
    # Wagtail's default one-step workflow would let a single moderator publish: retire it.
    Workflow.objects.exclude(pk__in=Workflow.objects.filter(name__startswith="เผยแพร่:")).filter(active=True).update(
        active=False
    )
    WorkflowPage.objects.filter(page__depth=1).delete()

    for row in table:
        responsible = (
            list(Department.objects.filter(is_active=True))
            if ALL_UNITS in row.responsible
            else list(Department.objects.filter(name__in=row.responsible))
        )
        reviewers = list(Department.objects.filter(name__in=row.reviewer_units))
        for path in row.paths:
            page = Page.objects.filter(url_path=f"{home.url_path}{path}/").first()
            if page is None:
                report.warnings.append(
                    f"section {path} ({row.category}) not found; create it and run setup_roles again"
                )
                continue
            for department in responsible:
                _page_permissions(department.editor_group, page, EDITOR_PAGE_PERMISSIONS, report)
                _page_permissions(department.head_group, page, EDITOR_PAGE_PERMISSIONS, report)
            head_task = _head_task(
                f"หัวหน้าตรวจสอบ: {page.title}", reviewers, row.reviews_by_owner_unit, director, report
            )
            workflow = _workflow(f"เผยแพร่: {page.title}", head_task, webmaster_task, report)
            _assign(page, workflow, report)
    return report
