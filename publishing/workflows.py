"""What happens when a workflow finishes (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Webmasters have no "publish" permission on pages, so nothing they do in the editor can skip the
head's approval. The approval of the final webmaster task is what publishes: the revision is
published (or scheduled, when its go-live time is in the future) on the workflow's authority,
after every task of the workflow was approved on this very revision.
"""

from django.core.exceptions import PermissionDenied

from wagtail.workflows import publish_workflow_state


def publish_approved(workflow_state, user=None):
    # Imported here: Wagtail imports this module while wagtail.models is still loading.
    from wagtail.models import TaskState

    from .models import HeadReviewTask, WebmasterPublishTask

    tasks = [t.specific for t in workflow_state.workflow.tasks]
    if not any(isinstance(t, WebmasterPublishTask) for t in tasks):
        return publish_workflow_state(workflow_state, user=user)  # not one of ours: Wagtail's behaviour
    revision = workflow_state.content_object.get_latest_revision()
    approved = set(
        TaskState.objects.filter(
            workflow_state=workflow_state, revision=revision, status=TaskState.STATUS_APPROVED
        ).values_list("task_id", flat=True)
    )
    if not all(t.pk in approved for t in tasks if isinstance(t, HeadReviewTask | WebmasterPublishTask)):
        raise PermissionDenied("Every step must approve the latest revision before it is published.")
    revision.publish(user=user, skip_permission_checks=True)
