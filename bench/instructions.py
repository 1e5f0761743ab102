"""Instructions executed by each benchmark command, as a ratio to the floor.

Timings on a shared machine move by a few hundredths from run to run; the
number of instructions a process executes barely moves, so this is the way to
see whether one change made start-up cheaper. It needs valgrind (Debian:
`apt-get install valgrind`) and takes about ten seconds a command. Usage:

    python bench/instructions.py
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
    FLOOR,
    advisor_command,
    compile_package,
)


def instructions(command: list[str], env: dict[str, str]) -> int:
    """What callgrind counts for one whole run of `command`."""
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
    print(f"{'command':32} {'ratio':>6} {'instructions':>14}")
    print(f"{'floor':32} {1:6.3f} {floor:14,}")
    counts = {}
    for label, argv in CASES.items():
        count = instructions(advisor_command() + argv, {**env, **CASE_ENV.get(label, {})})
        counts[label] = count
        print(f"{label:32} {count / floor:6.3f} {count:14,}")
    for label, argv in DESCRIBE_CASES.items():
        count = instructions(advisor_command() + argv, env)
        against = count / counts[DESCRIBED_AGAINST]
        print(f"{label:32} {count / floor:6.3f} {count:14,}  ({against:.3f} x {DESCRIBED_AGAINST})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
