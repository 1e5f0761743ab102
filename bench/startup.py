"""Start-up benchmark: advisor's commands as whole processes, as a ratio to a floor.

Each advisor command is run alternately with `floor.py` (the smallest typer +
pydantic + rich program), so both see the same machine noise; the figure is the
median of the per-pair ratios. The floor is itself measured against `python -c
pass` the same way, which gives each command's ratio to an empty Python too.
Usage:

    python bench/startup.py             # every command, 40 pairs each
    python bench/startup.py --quick --max-ratio 1.15   # CI: the gated commands, fewer runs
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = [sys.executable, str(HERE / "floor.py"), "advocate", "case-manager"]
EMPTY = [sys.executable, "-c", "pass"]


def advisor_command() -> list[str]:
    """The installed console script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "advisor"
    if script.exists():
        return [str(script)]
    found = shutil.which("advisor")
    return [found] if found else [sys.executable, "-m", "advisor"]


ANSWERS = ["--timeframe", "ongoing", "--side", "patient", "--need", "home-visits"]
CASES = {
    "compare advocate case-manager": ["compare", "advocate", "case-manager"],
    "recommend ... --json": ["recommend", *ANSWERS, "--json"],
    "roles": ["roles"],
    # one Tab press: bash asks advisor for the words that complete `compare adv`
    "complete: compare adv<TAB>": [],
    "show advocate": ["show", "advocate"],
    "compare --all": ["compare", "--all"],
    "recommend ... (text)": ["recommend", *ANSWERS, "--no-input"],
    "routes": ["routes"],
    "career --licence none --json": ["career", "--licence", "none", "--json"],
    "map": ["map"],
    "--help": ["--help"],
    "--version": ["--version"],
}
# what `--quick` (CI's gate) runs: one command of each kind
QUICK = (
    "compare advocate case-manager",
    "recommend ... --json",
    "roles",
    "complete: compare adv<TAB>",
    "routes",
)
# Tab's own target, as a ratio to the floor
COMPLETE_TARGET = 0.4
# `--describe` reads a person's words on top of `recommend ... --json`: its lexicon,
# the cues' index, rapidfuzz and, for Spanish, the stemmer. Its target is a ratio to
# that command (1.3), not to the floor.
DESCRIBED_AGAINST = "recommend ... --json"
DESCRIBE_TARGET = 1.3
DESCRIBE_CASES = {
    "recommend --describe ... --json": [
        "recommend",
        "--describe",
        "Dad has dementia, lives alone, I'm 300 miles away. He doesn't need help with bills.",
        "--json",
    ],
    "recommend --describe (Spanish)": [
        "recommend",
        "--describe",
        "Mi papá tiene demencia y vive solo. Vivo en otro estado; no necesita ayuda con facturas.",
        "--json",
    ],
}
# Timed on a busy machine, the Spanish case (1.29 by instruction count) sits too near
# the target to gate CI on; bench/instructions.py shows it reliably.
DESCRIBE_GATED = ("recommend --describe ... --json",)
CASE_ENV = {
    "complete: compare adv<TAB>": {
        "_ADVISOR_COMPLETE": "complete_bash",
        "COMP_WORDS": "advisor compare adv",
        "COMP_CWORD": "2",
    },
}


def compile_package() -> None:
    """Write advisor's bytecode, as `pip install` does.

    A source checkout run with PYTHONDONTWRITEBYTECODE (as on CI machines) would
    otherwise recompile every module on every run, which no installed copy does.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("advisor")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env, check=True
    )
    return time.perf_counter() - start


def measure(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float, float]:
    """(median ratio, median floor seconds, median command seconds) over alternating pairs."""
    for _ in range(2):  # warm the file cache for both
        timed(FLOOR, env)
        timed(command, env)
    ratios, floors, times = [], [], []
    for _ in range(runs):
        floor = timed(FLOOR, env)
        took = timed(command, env)
        ratios.append(took / floor)
        floors.append(floor)
        times.append(took)
    return statistics.median(ratios), statistics.median(floors), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="pairs per command (default 40)")
    parser.add_argument(
        "--quick", action="store_true", help="the gated commands only, 15 pairs each"
    )
    parser.add_argument(
        "--max-ratio", type=float, default=None, help="exit 1 if any median ratio is above this"
    )
    args = parser.parse_args()
    runs = 15 if args.quick else args.runs
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("ADVISOR_DATA", None)
    advisor = advisor_command()
    compile_package()
    # the floor against an empty Python, alternating the same way (pass = 1 / this)
    empty, _, _ = measure(EMPTY, runs, env)
    per_empty = 1 / empty
    print(f"floor = {per_empty:.1f} x python -c pass ({runs} pairs)")
    print(f"{'command':32} {'x floor':>7} {'x pass':>7} {'floor ms':>9} {'advisor ms':>11}")
    worst = 0.0
    ratios = {}
    for label, argv in CASES.items():
        if args.quick and label not in QUICK:
            continue
        ratio, floor, took = measure(advisor + argv, runs, {**env, **CASE_ENV.get(label, {})})
        worst = max(worst, ratio)
        ratios[label] = ratio
        print(
            f"{label:32} {ratio:7.2f} {ratio * per_empty:7.1f} {floor * 1000:9.0f}"
            f" {took * 1000:11.0f}"
        )
    slowest = 0.0
    for label, argv in DESCRIBE_CASES.items():
        if args.quick and label not in DESCRIBE_GATED:
            continue
        ratio, floor, took = measure(advisor + argv, runs, env)
        against = ratio / ratios[DESCRIBED_AGAINST]
        if label in DESCRIBE_GATED:
            slowest = max(slowest, against)
        print(
            f"{label:32} {ratio:7.2f} {ratio * per_empty:7.1f} {floor * 1000:9.0f}"
            f" {took * 1000:11.0f}  ({against:.2f} x {DESCRIBED_AGAINST})"
        )
    if args.max_ratio is not None and worst > args.max_ratio:
        print(f"FAIL: a median ratio of {worst:.2f} is above {args.max_ratio}")
        return 1
    if args.max_ratio is not None and slowest > DESCRIBE_TARGET:
        print(f"FAIL: --describe at {slowest:.2f} x {DESCRIBED_AGAINST}, above {DESCRIBE_TARGET}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
