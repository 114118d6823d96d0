"""python -m leerhuis.bench [--scale default|quick|<factor>]: what `make bench` runs."""

import argparse
import sys

from leerhuis.bench.runner import run


def main():
    parser = argparse.ArgumentParser(prog="python -m leerhuis.bench", description=__doc__)
    parser.add_argument("--scale", default="default", help="default, quick of een factor")
    parser.add_argument("--output", default=None, help="standaard: bench-results.json")
    options = parser.parse_args()
    sys.exit(run(options.scale, options.output))


if __name__ == "__main__":
    main()
