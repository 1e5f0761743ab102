"""Instructions executed by each benchmark command, as a ratio to the floor.

Timings on a shared machine move by a few hundredths from run to run; the
number of instructions a process executes barely moves, so this is the way to
see whether one change made start-up cheaper. It needs valgrind (Debian:
`apt-get install valgrind`) and takes about ten seconds a command. Usage:

    python bench/instructions.py                  # every command
    python bench/instructions.py roles "--help"   # only these (labels as printed)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from startup import (
    CASE_ENV,
    CASES,
    DESCRIBE_CASES,
    DESCRIBED_AGAINST,
    EMPTY,
    FLOOR,
    advisor_command,
    compile_package,
)


def instructions(command: list[str], env: dict[str, str]) -> int:
    """What callgrind counts for one whole run of `command`, after one run that is
    not counted (as startup.py warms up: the file cache, Tab's index)."""
    subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, env=env, check=True)
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if not found:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1))


def main() -> int:
    if not shutil.which("valgrind"):
        print("valgrind is not installed; see this script's docstring.", file=sys.stderr)
        return 1
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("ADVISOR_DATA", None)
    compile_package()
    floor = instructions(FLOOR, env)
    empty = instructions(EMPTY, env)
    print(f"{'command':32} {'x floor':>7} {'x pass':>7} {'instructions':>14}")
    print(f"{'python -c pass':32} {empty / floor:7.3f} {1:7.1f} {empty:14,}")
    print(f"{'floor':32} {1:7.3f} {floor / empty:7.1f} {floor:14,}")
    counts = {}
    wanted = sys.argv[1:]  # labels to count (default: every command)
    for label, argv in {**CASES, **DESCRIBE_CASES}.items():
        if (
            wanted
            and label not in wanted
            and not (label in DESCRIBE_CASES and DESCRIBED_AGAINST in wanted)
        ):
            continue
        count = instructions(advisor_command() + argv, {**env, **CASE_ENV.get(label, {})})
        counts[label] = count
        against = ""
        if label in DESCRIBE_CASES and DESCRIBED_AGAINST in counts:
            against = f"  ({count / counts[DESCRIBED_AGAINST]:.3f} x {DESCRIBED_AGAINST})"
        print(f"{label:32} {count / floor:7.3f} {count / empty:7.1f} {count:14,}{against}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
