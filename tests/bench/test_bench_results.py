"""`make bench` (issue 21): from measured figures to bench-results.json, the table and the
exit status. Pure functions, no server."""

import json

from leerhuis.bench import results

GOOD_BURST = {"confirmed": 50, "waitlisted": 150, "duplicates": 0}


def measured(name, kind, rps, errors=0, p95=20):
    return {
        "name": name,
        "kind": kind,
        "rps": rps,
        "p50_ms": 10,
        "p95_ms": p95,
        "errors": errors,
        "queries": 3,
        "requests": int(rps * 3),
    }


def a_run(**changes):
    rows = {
        "ceiling": measured("plafond", "ceiling", 1000),
        "home": measured("home /", "anonymous", 600),
        "search": measured("zoeken", "search", 90),
        "feed_304": measured("agenda.ics 304", "feed_304", 700),
        "member": measured("lid: Mijn Leerhuis", "logged_in", 200),
        "burst": measured("aanmeldpiek", "burst", 40, p95=800),
    }
    rows.update(changes)
    return list(rows.values())


def by_name(document):
    return {target["name"]: target for target in document["targets"]}


def test_each_target_has_exactly_the_fields_of_the_issue_and_the_ratio_to_the_ceiling(tmp_path):
    document = results.result(a_run(), GOOD_BURST, 12.5, {"101": 180.0, "102": 175.5})
    path = tmp_path / "bench-results.json"
    results.write(document, path)
    stored = json.loads(path.read_text())
    for target in stored["targets"]:
        assert list(target) == list(results.FIELDS)
    targets = by_name(stored)
    assert targets["home /"]["ratio"] == 0.6
    assert targets["home /"]["goal_met"] is True
    assert targets["zoeken"]["ratio"] == 0.09
    assert targets["zoeken"]["goal_met"] is False  # search needs 0.1
    assert targets["agenda.ics 304"]["goal_met"] is True
    assert targets["lid: Mijn Leerhuis"]["goal_met"] is True
    assert targets["plafond"]["ratio"] == 1.0
    assert targets["aanmeldpiek"]["goal_met"] is True
    linking = stored["targets"][-1]
    assert linking["p50_ms"] == 12.5 and linking["goal_met"] is True
    assert stored["memory_mb"] == {"101": 180.0, "102": 175.5}
    assert stored["memory_goal_met"] is True


def test_missed_goals_alone_do_not_fail_the_run():
    slow = measured("home /", "anonymous", 20)
    document = results.result(a_run(home=slow), GOOD_BURST, 80.0, {"1": 300.0})
    targets = by_name(document)
    assert targets["home /"]["goal_met"] is False
    assert targets[results.linking_row(80.0)["name"]]["goal_met"] is False
    assert document["memory_goal_met"] is False
    assert results.exit_status(document) == 0
    table = results.table(document)
    assert "| home / | 20.0 |" in table
    assert "**nee**" in table


def test_a_target_with_errors_fails_the_run():
    broken = measured("home /", "anonymous", 600, errors=3)
    document = results.result(a_run(home=broken), GOOD_BURST, 10.0, {})
    assert by_name(document)["home /"]["goal_met"] is False
    assert results.exit_status(document) == 1


def test_a_burst_that_ends_with_the_wrong_counts_is_an_error_not_just_a_missed_goal():
    overbooked = {"confirmed": 51, "waitlisted": 149, "duplicates": 0}
    document = results.result(a_run(), overbooked, 10.0, {})
    burst = by_name(document)["aanmeldpiek"]
    assert burst["goal_met"] is False
    assert burst["errors"] == 1
    assert results.exit_status(document) == 1


def test_a_slow_but_right_burst_misses_its_goal_without_failing():
    slow = measured("aanmeldpiek", "burst", 10, p95=5100)
    document = results.result(a_run(burst=slow), GOOD_BURST, 10.0, {})
    assert by_name(document)["aanmeldpiek"]["goal_met"] is False
    assert results.exit_status(document) == 0
