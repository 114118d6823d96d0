import pytest

from tests.factories import PASSWORD, StaffFactory
from tests.members.mfa import activate_totp, totp_code


def _login_with_mfa(client, user):
    """Log in as staff do: password, then a code from the authenticator app."""
    secret = activate_totp(user)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    client.staff = user
    return client


@pytest.fixture
def login_with_mfa():
    """`login_with_mfa(client, user)`: a client in the admin as that (staff) user."""
    return _login_with_mfa


@pytest.fixture
def admin_client_with_mfa(client):
    return _login_with_mfa(client, StaffFactory(full_name="Toin Routers"))
