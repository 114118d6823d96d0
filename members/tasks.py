"""Background work of members/: re-linking people after staff change the register.

A domain can cover hundreds of people; the admin request should not wait for them.
"""

from django_tasks import task

from members import affiliations


@task()
def relink_domain(domain: str) -> int:
    return affiliations.reevaluate_domain(domain)


@task()
def relink_users(user_ids: list[int]) -> int:
    return affiliations.reevaluate_users(user_ids)
