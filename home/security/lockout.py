"""Lockout after repeated wrong passwords (django-axes; settings ``AXES_*`` in hodsite/settings/base.py).

Five failures for one username from one address lock that pair for 30 minutes; the sixth attempt is
refused with ``templates/security/lockout.html`` even with the right password. The address is
``home.abuse.client_ip`` (honours ``TRUSTED_PROXY_COUNT``).
"""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check before every web sign-in.

    Sign-ins without a request (``manage.py shell``, the test client's ``login``) are not web sign-ins:
    nobody can try passwords through them remotely, so they pass to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
