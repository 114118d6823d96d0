"""Site forms for members only (proposing a begrip, writing a praktijkcasus): who may not,
is told why.

An anonymous visitor is sent to log in and back; a logged-in non-member gets a Dutch 403
page that names what is for members, why this account does not count as one (the
membership status), and the next step where there is one (choose an organisation, confirm
the address).
"""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from members.access import private
from members.membership import membership_on


def refusal(request, *, heading, explanation, block=None, back_url="", back_label=""):
    """None when the visitor may go on; else the response that tells them why not.

    `block(user)` says why not in Dutch ("" to allow), when the app has its own one answer
    (shared with Mijn Leerhuis); without it, being a member is what counts."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    status = membership_on(request.user)
    reason = block(request.user) if block else ("" if status.is_member else str(status.message))
    if not reason:
        return None
    context = {
        "heading": heading,
        "explanation": explanation,
        "reason": reason,
        "status": status,
        "back_url": back_url,
        "back_label": back_label,
    }
    return private(TemplateResponse(request, "members/alleen_voor_leden.html", context, status=403))
