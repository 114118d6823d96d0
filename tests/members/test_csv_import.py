"""manage.py import_organisations: the member list from Excel into the register."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from members.membership import membership_on
from members.models import Membership, Organisation, OrganisationDomain, User
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "naam;soort;cbs_code;provincie;website;domeinen;categorie;lid_vanaf;lid_tot"
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "voorbeeld-organisaties.csv"
VEENENDAAL = (
    "Gemeente Veenendaal;gemeente;GM0345;utrecht;www.veenendaal.nl;veenendaal.nl;regulier;"
    "01-01-2019;"
)
PROVINCIE = "Provincie Utrecht;Provincie;PV26;Utrecht;;*.provincie-utrecht.nl;bijzonder;2020-01-01;"


def write(tmp_path, *lines, bom=False, name="leden.csv", newline="\r\n"):
    """A file as Dutch Excel saves it: CRLF, and a BOM with 'CSV UTF-8'."""
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + newline.join(lines).encode() + b"\r\n")
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_organisations", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_rows_create_organisations_domains_and_memberships(tmp_path):
    out, err = run(write(tmp_path, HEADER, VEENENDAAL, PROVINCIE, bom=True))

    veenendaal = Organisation.objects.get(cbs_code="GM0345")
    assert veenendaal.name == "Gemeente Veenendaal"
    assert veenendaal.kind == "gemeente"
    assert veenendaal.province == "utrecht"
    assert veenendaal.website == "https://www.veenendaal.nl"
    assert [str(d) for d in veenendaal.domains.all()] == ["veenendaal.nl"]
    membership = veenendaal.memberships.get()
    assert (membership.category, membership.valid_from, membership.valid_until) == (
        "regulier",
        datetime.date(2019, 1, 1),
        None,
    )
    provincie = Organisation.objects.get(cbs_code="PV26")
    assert provincie.kind == "provincie"
    domain = provincie.domains.get()
    assert (domain.domain, domain.include_subdomains) == ("provincie-utrecht.nl", True)
    assert provincie.memberships.get().category == "bijzonder"
    assert "Organisaties: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 afgewezen." in out
    assert "Domeinen: 2 toegevoegd" in out
    assert "Lidmaatschappen: 2 toegevoegd" in out
    assert err == ""


def test_plain_comma_separated_file_without_bom(tmp_path):
    path = write(
        tmp_path,
        HEADER.replace(";", ","),
        'Gemeente Súdwest-Fryslân,Gemeente,GM1900,Fryslân,,"sudwestfryslan.nl, swf.nl",'
        "Aspirant,2024-01-01,31-12-2025",
        "Gemeente Leeuwarden,gemeente,GM0080,friesland,,leeuwarden.nl,,,",
        newline="\n",
    )
    out, err = run(path)

    swf = Organisation.objects.get(cbs_code="GM1900")
    assert swf.name == "Gemeente Súdwest-Fryslân"
    assert swf.province == "fryslan"
    assert sorted(swf.domains.values_list("domain", flat=True)) == ["sudwestfryslan.nl", "swf.nl"]
    membership = swf.memberships.get()
    assert membership.category == "aspirant"
    assert membership.valid_until == datetime.date(2025, 12, 31)
    leeuwarden = Organisation.objects.get(cbs_code="GM0080")
    assert leeuwarden.province == "fryslan"
    assert not leeuwarden.memberships.exists()  # categorie and lid_vanaf empty
    assert "2 nieuw" in out
    assert err == ""


def test_bad_rows_are_rejected_with_line_and_reason_and_good_rows_still_import(tmp_path):
    path = write(
        tmp_path,
        HEADER,
        VEENENDAAL,  # line 2
        "Gemeente Leeuwarden;gemeente;GM0080;Frieslandd;;leeuwarden.nl;;;",  # 3
        "Gemeente Fout;gemeente;GM12;utrecht;;;;;",  # 4
        "Gemeente Omgekeerd;gemeente;;utrecht;;omgekeerd.nl;regulier;01-01-2024;31-12-2023",  # 5
        "gemeente veenendaal;gemeente;;utrecht;;;;;",  # 6: the same name again
        "Gemeente Domein;gemeente;;;;https://domein.nl;;;",  # 7
        "Gemeente Datum;gemeente;;;;;regulier;31-02-2024;",  # 8
        PROVINCIE,  # 9
    )
    out, err = run(path)

    assert set(Organisation.objects.values_list("name", flat=True)) == {
        "Gemeente Veenendaal",
        "Provincie Utrecht",
    }
    assert "Organisaties: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 6 afgewezen." in out
    assert "regel 3: provincie 'Frieslandd' onbekend" in err
    assert "regel 4: CBS-code 'GM12': Een CBS-code ziet eruit als GM0345 of PV26" in err
    assert "regel 5: lid_tot '31-12-2023': De einddatum ligt voor de begindatum" in err
    assert "regel 6: naam 'gemeente veenendaal' staat ook op regel 2" in err
    assert "regel 7: domein: 'https://domein.nl' is geen geldig domein" in err
    assert "regel 8: lid_vanaf '31-02-2024' is geen geldige datum" in err
    # A rejected row writes nothing at all, not even the parts that were fine.
    assert not OrganisationDomain.objects.filter(domain="omgekeerd.nl").exists()


def test_a_row_whose_save_fails_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_save(self, *args, **kwargs):
        from django.db import IntegrityError

        raise IntegrityError("kapot")

    monkeypatch.setattr(Membership, "save", broken_save)
    out, err = run(write(tmp_path, HEADER, VEENENDAAL))

    assert "regel 2: kon niet worden opgeslagen (kapot)" in err
    assert not Organisation.objects.exists()
    assert not OrganisationDomain.objects.exists()


def test_a_second_run_of_the_same_file_changes_nothing(tmp_path):
    path = write(tmp_path, HEADER, VEENENDAAL, PROVINCIE, bom=True)
    run(path)
    before = list(Organisation.objects.values("pk", "updated_at"))

    out, err = run(path)

    assert "Organisaties: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 0 afgewezen." in out
    assert "Domeinen: 0 toegevoegd, 0 gewijzigd." in out
    assert "Lidmaatschappen: 0 toegevoegd, 0 bijgewerkt." in out
    assert list(Organisation.objects.values("pk", "updated_at")) == before
    assert Membership.objects.count() == 2
    assert OrganisationDomain.objects.count() == 2


def test_a_changed_file_updates_and_never_deletes(tmp_path):
    run(write(tmp_path, HEADER, VEENENDAAL, PROVINCIE))
    OrganisationDomain.objects.create(
        organisation=Organisation.objects.get(cbs_code="GM0345"), domain="ede-veenendaal.nl"
    )
    changed = write(
        tmp_path,
        HEADER,
        # lid_tot added, a second domain, another province spelling, no website cell.
        "Gemeente Veenendaal;gemeente;GM0345;Utrecht;;veenendaal.nl odv.nl;regulier;"
        "01-01-2019;31-12-2026",
        name="gewijzigd.csv",
    )
    out, err = run(changed)

    veenendaal = Organisation.objects.get(cbs_code="GM0345")
    assert veenendaal.memberships.get().valid_until == datetime.date(2026, 12, 31)
    assert sorted(veenendaal.domains.values_list("domain", flat=True)) == [
        "ede-veenendaal.nl",  # not in the file, still there
        "odv.nl",
        "veenendaal.nl",
    ]
    assert veenendaal.website == "https://www.veenendaal.nl"  # an empty cell keeps it
    assert Organisation.objects.filter(cbs_code="PV26").exists()  # not in the file
    assert "Organisaties: 0 nieuw, 1 bijgewerkt, 0 ongewijzigd, 0 afgewezen." in out
    assert "Domeinen: 1 toegevoegd" in out
    assert "Lidmaatschappen: 0 toegevoegd, 1 bijgewerkt." in out
    assert err == ""


def test_the_file_decides_whether_subdomains_count(tmp_path):
    run(write(tmp_path, HEADER, VEENENDAAL))
    widened = VEENENDAAL.replace(";veenendaal.nl;", ";*.veenendaal.nl;")
    out, err = run(write(tmp_path, HEADER, widened, name="subdomeinen.csv"))

    assert OrganisationDomain.objects.get(domain="veenendaal.nl").include_subdomains
    assert "Domeinen: 0 toegevoegd, 1 gewijzigd." in out
    assert "0 nieuw, 1 bijgewerkt" in out


def test_matching_by_cbs_code_renames_and_by_name_adds_the_code(tmp_path):
    renamed = OrganisationFactory(name="Gemeente Oud", cbs_code="GM0345", domain=False)
    coded = OrganisationFactory(name="Gemeente Amersfoort", domain=False, member=False)
    path = write(
        tmp_path,
        HEADER,
        VEENENDAAL,
        "GEMEENTE AMERSFOORT;gemeente;GM0307;utrecht;;;;;",
        "Gemeente Amersfoort;gemeente;GM0308;utrecht;;;;;",
    )
    out, err = run(path)

    renamed.refresh_from_db()
    coded.refresh_from_db()
    assert renamed.name == "Gemeente Veenendaal"
    assert (coded.name, coded.cbs_code) == ("GEMEENTE AMERSFOORT", "GM0307")
    assert Organisation.objects.count() == 2
    assert "regel 4: naam 'Gemeente Amersfoort' staat ook op regel 3" in err


def test_dry_run_writes_nothing_but_reports_the_same(tmp_path, django_capture_on_commit_callbacks):
    path = write(tmp_path, HEADER, VEENENDAAL, PROVINCIE, "Fout;gemeente;GM12;;;;;;")
    with django_capture_on_commit_callbacks() as callbacks:
        out, err = run(path, "--dry-run")

    assert not Organisation.objects.exists()
    assert not OrganisationDomain.objects.exists()
    assert not Membership.objects.exists()
    assert callbacks == []  # no re-linking of people either
    assert "Organisaties: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 afgewezen." in out
    assert "niets opgeslagen" in out
    assert "regel 4: CBS-code 'GM12'" in err


@pytest.mark.parametrize(
    "header, message",
    [
        ("naam;cbs_code;provincie", "Verplichte kolom(men) ontbreken in de kopregel: soort"),
        ("naam;soort;gemeentecode", "Onbekende kolom(men) in de kopregel: gemeentecode"),
        ("naam;soort;naam", "Kolom(men) staan dubbel in de kopregel: naam"),
    ],
)
def test_a_bad_header_stops_the_import_before_anything_is_written(tmp_path, header, message):
    path = write(tmp_path, header, "Gemeente Veenendaal;gemeente;x")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(path)
    assert not Organisation.objects.exists()


def test_a_file_that_does_not_exist_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        run(tmp_path / "weg.csv")


def test_a_file_that_is_not_utf8_is_a_command_error(tmp_path):
    path = tmp_path / "ansi.csv"
    path.write_bytes(f"{HEADER}\r\nGemeente Súdwest-Fryslân;gemeente;;;;;;;\r\n".encode("cp1252"))
    with pytest.raises(CommandError, match="CSV UTF-8"):
        run(path)


def test_importing_a_domain_links_its_verified_people(tmp_path, django_capture_on_commit_callbacks):
    user = UserFactory(email="x@veenendaal.nl")
    assert membership_on(User.objects.get(pk=user.pk)).organisation is None

    with django_capture_on_commit_callbacks(execute=True):
        run(write(tmp_path, HEADER, VEENENDAAL))

    status = membership_on(User.objects.get(pk=user.pk), datetime.date(2026, 1, 1))
    assert status.organisation == Organisation.objects.get(cbs_code="GM0345")
    assert status.is_member


def test_the_example_file_in_docs_is_valid(tmp_path):
    out, err = run(EXAMPLE)

    assert err == ""
    assert "Organisaties: 6 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 afgewezen." in out
    assert Organisation.objects.get(cbs_code="PV26").domains.get().include_subdomains
    assert run(EXAMPLE)[0].startswith("Organisaties: 0 nieuw, 0 bijgewerkt, 6 ongewijzigd")


def test_a_domain_shared_with_another_organisation_is_pointed_out(tmp_path):
    path = write(
        tmp_path,
        HEADER,
        "Gemeente De Wolden;gemeente;GM1690;Drenthe;;dewoldenhoogeveen.nl;regulier;01-01-2020;",
        "Gemeente Hoogeveen;gemeente;GM0118;Drenthe;;dewoldenhoogeveen.nl;regulier;01-01-2020;",
    )
    out, err = run(path)
    assert "Gedeelde domeinen" in out
    assert "regel 3: dewoldenhoogeveen.nl, ook van Gemeente De Wolden" in out
    assert err == ""
    assert OrganisationDomain.objects.filter(domain="dewoldenhoogeveen.nl").count() == 2
