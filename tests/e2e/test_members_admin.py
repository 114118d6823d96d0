import re
import json
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from members import affiliations
from members.models import OrganisationDomain
from tests.e2e.axe import violations, _axe, WCAG_TAGS
from tests.factories import PASSWORD, OrganisationFactory, StaffFactory, UserFactory
from tests.members.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def dump(page, name):
    open(f"/tmp/madmin/{name}.html", "w").write(page.content())
    v = violations(page)
    with open(f"/tmp/madmin/{name}.axe.txt", "w") as f:
        for x in v:
            f.write(f"{x['id']} {x['impact']} {x['help']}\n")
            for n in x["nodes"]:
                f.write(
                    f"   {n['target']} :: {n['html'][:300]}\n      {n.get('failureSummary', '')[:400]}\n"
                )


def test_explore(page):
    staff = StaffFactory(full_name="Toin Routers")
    secret = activate_totp(staff)
    sud = OrganisationFactory(name="Gemeente Súdwest-Fryslân", province="fryslan")
    OrganisationFactory(name="Gemeente Waadhoeke", province="fryslan")
    buren = OrganisationFactory(name="Gemeente Buren", domain=False)
    cul = OrganisationFactory(name="Gemeente Culemborg", domain=False)
    OrganisationDomain.objects.create(organisation=buren, domain="shared-domain.nl")
    OrganisationDomain.objects.create(organisation=cul, domain="shared-domain.nl")
    user = UserFactory(email="x@shared-domain.nl", full_name="Pim de Wit")
    affiliations.choose(user, buren)
    UserFactory(email="a@onbekend.nl")

    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill(staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    dump(page, "0-authenticate")
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    dump(page, "0-admin")
    print(
        page.evaluate(
            """() => { const e = document.querySelector('.messages li.success'); if (!e) return null; const cs = getComputedStyle(e); return [cs.backgroundColor, cs.color, cs.opacity, cs.animationName, cs.transition, e.getAnimations().map(a => a.playState + ' ' + a.animationName)]; }"""
        )
    )
    page.wait_for_timeout(3000)
    print(
        page.evaluate(
            """() => { const e = document.querySelector('.messages li.success'); if (!e) return null; const cs = getComputedStyle(e); return [cs.backgroundColor, cs.color, cs.opacity, cs.animationName, cs.transition]; }"""
        )
    )
    dump(page, "0-admin-later")
    urls = {
        "1-orgs": reverse("wagtailsnippets_members_organisation:list") + "?lid_nu=true&q=sudwest",
        "2-inspect": reverse("wagtailsnippets_members_organisation:inspect", args=[sud.pk]),
        "3-koppelingen": reverse("koppelingen:index"),
        "3-affiliation": reverse("koppelingen:inspect", args=[user.affiliation.pk]),
        "4-unknown": reverse("onbekende-domeinen:index"),
    }
    for name, url in urls.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        dump(page, name)

    page.goto(urls["3-affiliation"])
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state("networkidle")
    dump(page, "5-confirmed")
    page.get_by_role("button", name="Koppelen").click()
    page.wait_for_load_state("networkidle")
    dump(page, "6-noreason")
    page.get_by_label("Reden").fill("Gedetacheerd bij Culemborg.")
    page.get_by_label("Organisatie").select_option(label="Gemeente Culemborg")
    page.get_by_role("button", name="Koppelen").click()
    page.wait_for_load_state("networkidle")
    dump(page, "7-linked")
