"""The admin's security screens: entering the second factor, enrolling, recovery codes, an administrator's
reset of someone's second factor, and unlocking a locked sign-in."""

import base64
import logging

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

import django_otp
import qrcode
import qrcode.image.svg
from axes.models import AccessAttempt
from axes.utils import reset
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor

logger = logging.getLogger(__name__)
SHOW_CODES_SESSION_KEY = "hod_2fa_new_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=pgettext_lazy("two-factor", "Code"),
        max_length=20,
        help_text=gettext_lazy("The 6-digit code your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
        error_messages={"required": gettext_lazy("Enter the code.")},
    )

    def clean_code(self):
        return two_factor.normalise_code(self.cleaned_data["code"])


def _account(user):
    """The user as a model instance: request.user is a lazy wrapper, which Wagtail's audit log does not
    recognise as a model (it would record nothing)."""
    return get_user_model().objects.get(pk=user.pk)


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def verify(request):
    """After the password: the code from the app or a recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_second_factor(user):
        return redirect(f"{reverse('hod_2fa_enrol')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(user, form.cleaned_data["code"])
        if device is not None and device.confirmed:
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code. %(left)d codes are left: make new ones if you are running out."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
        logger.warning("Wrong two-factor code for user id %s", user.pk)
        form.add_error("code", _("This code is not correct or has already been used. Try the newest code in your app."))
    return render(request, "security/verify.html", {"form": form, "next": _next_url(request)})


def _qr_svg(uri):
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def enrol(request):
    """Set up an authenticator app: scan or type the key, confirm with a code, receive recovery codes."""
    user = request.user
    if two_factor.confirmed_app(user) and not user.is_verified():
        return redirect(f"{reverse('hod_2fa_verify')}?next={_next_url(request)}")
    if two_factor.has_second_factor(user) and not user.is_verified():
        # Only recovery codes left: enter one first, then set up the new phone.
        return redirect(f"{reverse('hod_2fa_verify')}?next={reverse('hod_2fa_enrol')}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=two_factor.APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()  # one app at a time
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            request.session[SHOW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(user)
            log(instance=_account(user), action="hodsite.otp_enrolled", user=user)
            return redirect(f"{reverse('hod_2fa_codes')}?next={_next_url(request)}")
        form.add_error("code", _("This code is not correct. Check the time on your phone and enter the newest code."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "config_url": device.config_url,
    }
    return render(request, "security/enrol.html", context)


def codes(request):
    """The recovery codes just made (shown once), and the button to replace them."""
    new_codes = request.session.pop(SHOW_CODES_SESSION_KEY, None)
    if request.method == "POST":
        new_codes = two_factor.new_recovery_codes(request.user)
        log(instance=_account(request.user), action="hodsite.otp_codes", user=request.user)
    left = StaticDevice.objects.filter(user=request.user).values_list("token_set__token", flat=True)
    context = {
        "codes": new_codes,
        "left": len([code for code in left if code]),
        "next": _next_url(request),
    }
    response = render(request, "security/codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _may_manage_users(user):
    return user.is_superuser or user.has_perm(f"{get_user_model()._meta.app_label}.change_user")


def reset_user(request, user_id):
    """An administrator removes another user's app and recovery codes (lost phone); audited."""
    if not _may_manage_users(request.user):
        raise PermissionDenied
    target = get_object_or_404(get_user_model(), pk=user_id)
    if target.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        two_factor.reset_devices(target)
        log(instance=target, action="hodsite.otp_reset", user=request.user)
        messages.success(
            request,
            _("The two-factor sign-in of %(name)s was reset: they set up their app again at their next sign-in.")
            % {"name": target.get_full_name() or target.get_username()},
        )
        return redirect("wagtailusers_users:index")
    has_factor = two_factor.has_second_factor(target)
    return render(request, "security/reset.html", {"target": target, "has_factor": has_factor})


def locked_signins(request):
    """Sign-ins locked by repeated wrong passwords, with a button to unlock each before its 30 minutes."""
    if not _may_manage_users(request.user):
        raise PermissionDenied
    attempts = AccessAttempt.objects.order_by("-attempt_time")
    return render(request, "security/locked.html", {"attempts": attempts})


@require_POST
def unlock(request, attempt_id):
    if not _may_manage_users(request.user):
        raise PermissionDenied
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    reset(ip=attempt.ip_address, username=attempt.username)
    account = get_user_model().objects.filter(username=attempt.username).first() or _account(request.user)
    log(instance=account, action="hodsite.signin_unlocked", user=request.user,
        data={"username": attempt.username, "ip_address": attempt.ip_address})  # fmt: skip
    messages.success(request, _("Sign-in unlocked for %(username)s.") % {"username": attempt.username})
    return redirect("hod_locked_signins")
