"""The browser-facing policy (CSP, Permissions-Policy and the rest) and how long a login
lasts; imported by base.py.

Apart from base.py so that file stays a readable overview; every environment gets these.
"""

# Public pages carry no inline script, so a cached page never needs a per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Players load only after the visitor pressed play (leerhuis/knowledge/video.py).
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# /admin/ only (leerhuis.core.middleware): Wagtail writes inline <script> and style="", so
# these may be inline there; only staff reach it, after a second factor. The rest is as
# strict as the site's; frame-ancestors 'self' for the admin's own preview frame.
CSP_ADMIN_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-ancestors": ["'self'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


# Features the site never uses are off for it and every frame in it, also for an injected
# script. On: what the video players ask for (static/js/video.js), on this site and the
# player hosts, which are also the CSP's frame-src (base.py; leerhuis/knowledge/video.py).
# Chromium logs every feature it does not know as an error, so no such names here.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        [
            *("accelerometer", "browsing-topics", "camera", "clipboard-read"),
            *("display-capture", "gamepad", "geolocation", "gyroscope", "hid"),
            *("idle-detection", "interest-cohort", "local-fonts", "magnetometer"),
            *("microphone", "midi", "otp-credentials", "payment"),
            *("publickey-credentials-create", "publickey-credentials-get"),
            *("screen-wake-lock", "serial", "usb", "window-management", "xr-spatial-tracking"),
        ],
        [],
    ),
    **dict.fromkeys(
        ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"],
        ["self", *VIDEO_PLAYER_ORIGINS],
    ),
}
# The admin's check-in page reads tickets with the camera (static/js/inchecken.js).
PERMISSIONS_POLICY_ADMIN = {**PERMISSIONS_POLICY, "camera": ["self"]}
# Other sites may not load pages, feeds or documents as a script or image (Spectre-style
# reads); static files and public images stay open to all (leerhuis.core.middleware).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# How long a login lasts (members/session_expiry.py). OWASP ASVS 4 (3.3.2) asks at level 2
# for a new login after 12 hours, or after 30 minutes idle. Staff reach everyone's personal
# data: exactly that. A member reaches their own and what their groups share; two hours
# idle lets them read a long article or sit through a webinar without being logged out.
# Both end within one working day, so a cookie left on a shared computer dies with it.
SESSION_IDLE_TIMEOUT = 2 * 60 * 60
SESSION_ABSOLUTE_TIMEOUT = 12 * 60 * 60
SESSION_STAFF_IDLE_TIMEOUT = 30 * 60
SESSION_STAFF_ABSOLUTE_TIMEOUT = 12 * 60 * 60
# The cookie and the stored session end this long after the last visit (Django moves the
# date on each save, about once a minute here), so `apply_retention` deletes a session (its
# IP address and browser) at most this long after it could last be used.
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
