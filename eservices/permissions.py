"""Who may read the e-services' admin reports (satisfaction survey, website visits)."""

from home.roles import DIRECTOR, WEBMASTERS, in_groups


def can_see_statistics(user):
    """Webmasters, the director and administrators see survey comments and the visit report."""
    return user.is_active and (user.is_superuser or in_groups(user, WEBMASTERS, DIRECTOR))
