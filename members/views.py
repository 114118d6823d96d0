from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
@login_required
def mijn_leerhuis(request):
    """The personal dashboard; later issues add registrations and submissions."""
    user = request.user
    context = {
        "emailaddresses": EmailAddress.objects.filter(user=user).order_by("-primary", "email"),
        "has_mfa": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
    }
    return render(request, "members/mijn_leerhuis.html", context)
