"""How advisor scales with the knowledge base: four commands on copies of the
bundled data made 1, 10, 30 and 100 times larger (bench/multiply.py).

Each command runs as a whole process; the figure is the median CPU time (user +
system) of its runs, which a busy machine moves less than wall time, and its
ratio to the bundled size. A run that takes longer than the limit is stopped and
shown as such, so the script always ends. Usage:

    python bench/scaling.py                    # 1x 10x 30x 100x, 3 runs each
    python bench/scaling.py --sizes 1 30 --runs 5 --limit 30
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from multiply import bundled, multiply
from startup import advisor_command, compile_package

COMMANDS = {
    "data check": ["data", "check", "{data}"],
    "roles": ["--data", "{data}", "roles"],
    "compare --all": ["--data", "{data}", "compare", "--all"],
    "recommend --json": [
        "--data",
        "{data}",
        "recommend",
        "--timeframe",
        "ongoing",
        "--side",
        "patient",
        "--need",
        "home-visits",
        "--json",
    ],
}


def cpu_seconds(command: list[str], env: dict[str, str], limit: float) -> float | None:
    """CPU time of one whole run, or None if it ran past `limit` seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            timeout=limit,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=60, help="seconds a run may take")
    args = parser.parse_args()
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("ADVISOR_DATA", None)
    compile_package()
    base = advisor_command()
    sizes = sorted(set(args.sizes))
    results: dict[str, dict[int, float | None]] = {name: {} for name in COMMANDS}
    with tempfile.TemporaryDirectory(prefix="advisor-scaling-") as scratch:
        for k in sizes:
            folder = multiply(bundled(), Path(scratch) / f"k{k}", k)
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            print(f"{k}x: {megabytes:.1f} MB", file=sys.stderr)
            for name, template in COMMANDS.items():
                argv = [a.replace("{data}", str(folder)) for a in template]
                times = []
                for _ in range(args.runs):
                    seconds = cpu_seconds(base + argv, env, args.limit)
                    if seconds is None:
                        break
                    times.append(seconds)
                results[name][k] = statistics.median(times) if len(times) == args.runs else None
    print(f"CPU seconds (median of {args.runs}) and ratio to {sizes[0]}x")
    print(f"{'command':18}" + "".join(f"{f'{k}x':>16}" for k in sizes))
    for name, by_size in results.items():
        first = by_size[sizes[0]]
        cells = []
        for k in sizes:
            seconds = by_size[k]
            if seconds is None:
                cells.append(f"{f'> {args.limit:g} s':>16}")
            else:
                ratio = f"({seconds / first:.2f}x)" if first else ""
                cells.append(f"{seconds:8.2f} {ratio:>7}")
        print(f"{name:18}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
