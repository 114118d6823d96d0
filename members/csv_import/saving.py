"""Finding, validating and writing what one row says; one transaction per row."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from members.csv_import.reading import ParsedRow, RowError
from members.models import Membership, Organisation, OrganisationDomain

# How a model field is called in the file, for the reasons given to staff.
FIELD_LABELS = {
    "name": "naam",
    "kind": "soort",
    "cbs_code": "CBS-code",
    "province": "provincie",
    "website": "website",
    "domain": "domein",
    "include_subdomains": "domein",
    "category": "categorie",
    "valid_from": "lid_vanaf",
    "valid_until": "lid_tot",
}


def _find(row: ParsedRow) -> Organisation | None:
    """By CBS code when the row has one, else by name (case-insensitive)."""
    cbs = row.fields.get("cbs_code")
    if cbs:
        found = Organisation.objects.filter(cbs_code=cbs).first()
        if found:
            if found.name.lower() != row.name.lower() and (
                Organisation.objects.filter(name__iexact=row.name).exclude(pk=found.pk).exists()
            ):
                raise RowError(
                    f"naam '{row.name}' is al in gebruik bij een andere organisatie dan "
                    f"{found.name} ({cbs})"
                )
            return found
    found = Organisation.objects.filter(name__iexact=row.name).first()
    if found and cbs and found.cbs_code and found.cbs_code != cbs:
        raise RowError(
            f"'{found.name}' heeft CBS-code {found.cbs_code}, niet {cbs}; "
            "pas de naam of de code aan"
        )
    return found


def _clean(instance, raw: dict, exclude=()) -> list[str]:
    """The model's own validation, worded for the file: "CBS-code 'GM12': …"."""
    # As a ModelForm does: fields the model fills in itself are not checked here.
    exclude = {f.name for f in instance._meta.fields if not f.editable} | set(exclude)
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = []
        for name, texts in error.message_dict.items():
            label = FIELD_LABELS.get(name, "" if name == NON_FIELD_ERRORS else name)
            cell = raw.get(name, "")
            for text in texts:
                text = text.rstrip(".")  # the reasons are joined with "; "
                if not label:
                    messages.append(text)
                elif cell and cell not in text:
                    messages.append(f"{label} '{cell}': {text}")
                else:
                    messages.append(f"{label}: {text}")
        return messages
    return []


@dataclass
class Outcome:
    status: str  # "created", "updated" or "unchanged"
    domains_created: int = 0
    domains_updated: int = 0
    memberships_created: int = 0
    memberships_updated: int = 0
    # Allowed (a shared werkorganisatie), but new people at such a domain must then choose.
    shared_domains: list[str] = field(default_factory=list)


def import_row(row: ParsedRow) -> Outcome:
    """Validate everything the row touches, then write it in one transaction."""
    organisation = _find(row) or Organisation()
    is_new = organisation.pk is None
    org_changed = False
    for name, value in row.fields.items():
        if getattr(organisation, name) != value:
            setattr(organisation, name, value)
            org_changed = True
    errors = _clean(organisation, row.raw)

    existing = (
        {}
        if is_new
        else {d.domain: d for d in OrganisationDomain.objects.filter(organisation=organisation)}
    )
    new_domains, changed_domains = [], []
    for domain, (include, written) in row.domains.items():
        current = existing.get(domain)
        if current is None:
            current = OrganisationDomain(domain=domain, include_subdomains=include)
            new_domains.append(current)
        elif current.include_subdomains != include:
            current.include_subdomains = include
            changed_domains.append(current)
        else:
            continue
        errors += _clean(current, {"domain": written}, exclude={"organisation"})

    membership, membership_new = _membership(row, organisation, is_new)
    if membership is not None:
        errors += _clean(membership, row.raw, exclude={"organisation"})
    if errors:
        raise RowError("; ".join(errors))

    try:
        with transaction.atomic():
            if is_new or org_changed:
                organisation.save()
            for domain in new_domains + changed_domains:
                domain.organisation = organisation
                domain.save()  # its signal re-links people at that domain on commit
            if membership is not None:
                membership.organisation = organisation
                membership.save()
    except IntegrityError as exc:
        raise RowError(f"kon niet worden opgeslagen ({exc})") from exc

    shared = [
        f"{d.domain}, ook van {', '.join(others)}"
        for d in new_domains
        if (others := _others_with(d))
    ]
    membership_changed = membership is not None and not membership_new
    anything = org_changed or new_domains or changed_domains or membership is not None
    return Outcome(
        status="created" if is_new else ("updated" if anything else "unchanged"),
        domains_created=len(new_domains),
        domains_updated=len(changed_domains),
        memberships_created=int(membership_new),
        memberships_updated=int(membership_changed),
        shared_domains=shared,
    )


def _others_with(domain: OrganisationDomain) -> list[str]:
    return list(
        OrganisationDomain.objects.filter(domain=domain.domain)
        .exclude(organisation_id=domain.organisation_id)
        .values_list("organisation__name", flat=True)
    )


def _membership(row: ParsedRow, organisation, is_new) -> tuple[Membership | None, bool]:
    """The membership to save and whether it is new; (None, False) when nothing changes."""
    if row.valid_from is None:
        return None, False
    current = (
        None
        if is_new
        else Membership.objects.filter(organisation=organisation, valid_from=row.valid_from)
        .order_by("pk")
        .first()
    )
    if current is None:
        membership = Membership(valid_from=row.valid_from, valid_until=row.valid_until)
        if row.category:
            membership.category = row.category
        return membership, True
    changed = False
    if row.category and current.category != row.category:
        current.category, changed = row.category, True
    # An empty lid_tot means open-ended, so it is compared too (when the column is there).
    if row.until_given and current.valid_until != row.valid_until:
        current.valid_until, changed = row.valid_until, True
    return (current, False) if changed else (None, False)
