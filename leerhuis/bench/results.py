"""From measured figures to the result: each target's ratio to the ceiling, its goal and
whether it was met, the Markdown table, the JSON document and the exit status. Pure
functions: no Django, no network."""

import json

# Issue 21's goals, as a ratio to the ceiling of the same run.
RATIO_GOALS = {
    "anonymous": 0.5,
    "feed": 0.5,  # the feed's 200 counts as an anonymous page
    "logged_in": 0.15,
    "search": 0.1,
    "feed_304": 0.6,
}
BURST_CONFIRMED, BURST_WAITLISTED, BURST_P95_MS = 50, 150, 1000
LINKING_MEDIAN_MS = 50
MEMORY_MB = 250
FIELDS = ("name", "rps", "p50_ms", "p95_ms", "errors", "queries", "ratio", "goal", "goal_met")


def ceiling_rps(measured):
    return next((m["rps"] for m in measured if m["kind"] == "ceiling"), 0)


def target_row(measurement, ceiling, burst_outcome=None):
    """One row of the result: the measured figures, the ratio, the goal and its verdict."""
    kind = measurement["kind"]
    ratio = round(measurement["rps"] / ceiling, 3) if ceiling and kind != "burst" else None
    errors = measurement["errors"]
    if kind == "ceiling":
        goal, met = "1 (de maat)", None
    elif kind == "burst":
        outcome = burst_outcome or {}
        right = (
            outcome.get("confirmed") == BURST_CONFIRMED
            and outcome.get("waitlisted") == BURST_WAITLISTED
            and outcome.get("duplicates") == 0
        )
        if not right:
            errors += 1  # a wrong outcome is an error of the run, not a missed goal
        goal = (
            f"{BURST_CONFIRMED} bevestigd / {BURST_WAITLISTED} wachtlijst / 0 fouten, "
            f"p95 < {BURST_P95_MS} ms"
        )
        met = right and errors == 0 and measurement["p95_ms"] < BURST_P95_MS
    else:
        minimum = RATIO_GOALS[kind]
        goal = f"ratio >= {minimum}"
        met = ratio is not None and ratio >= minimum and errors == 0
    return {
        "name": measurement["name"],
        "rps": round(float(measurement["rps"]), 1),
        "p50_ms": measurement["p50_ms"],
        "p95_ms": measurement["p95_ms"],
        "errors": errors,
        "queries": measurement.get("queries"),
        "ratio": ratio,
        "goal": goal,
        "goal_met": met,
    }


def linking_row(median_ms):
    return {
        "name": "begrippen koppelen (5.000 woorden, 2.000 begrippen)",
        "rps": None,
        "p50_ms": round(median_ms, 1),
        "p95_ms": None,
        "errors": 0,
        "queries": None,
        "ratio": None,
        "goal": f"mediaan <= {LINKING_MEDIAN_MS} ms",
        "goal_met": median_ms <= LINKING_MEDIAN_MS,
    }


def result(measured, burst_outcome, linking_ms, memory_mb, **extra):
    """The document written to bench-results.json."""
    ceiling = ceiling_rps(measured)
    targets = [target_row(m, ceiling, burst_outcome) for m in measured]
    if linking_ms is not None:
        targets.append(linking_row(linking_ms))
    peak = max(memory_mb.values(), default=0)
    return {
        "targets": targets,
        "memory_mb": memory_mb,
        "memory_goal_met": peak < MEMORY_MB,
        "burst": burst_outcome,
        **extra,
    }


def exit_status(document):
    """Non-zero when any target returned errors; a missed goal alone does not fail."""
    return 1 if any(target["errors"] for target in document["targets"]) else 0


def _cell(value):
    if value is None:
        return "–"
    if value is True:
        return "ja"
    if value is False:
        return "**nee**"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 1 else f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return str(value)


def table(document):
    """The Markdown table printed at the end of a run."""
    lines = [
        "| " + " | ".join(FIELDS) + " |",
        "|" + "|".join("---" for _ in FIELDS) + "|",
    ]
    for target in document["targets"]:
        lines.append("| " + " | ".join(_cell(target[field]) for field in FIELDS) + " |")
    memory = ", ".join(f"{mb:.0f}" for mb in document["memory_mb"].values()) or "–"
    verdict = "ja" if document["memory_goal_met"] else "**nee**"
    lines.append("")
    lines.append(
        f"Piekgeheugen per worker (VmHWM): {memory} MB; doel < {MEMORY_MB} MB gehaald: {verdict}."
    )
    return "\n".join(lines)


def write(document, path):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(document, file, ensure_ascii=False, indent=2)
        file.write("\n")
