"""Long output in a pager, the way git and gh do it.

Only when standard output is a terminal and the text is taller than the
screen; never when piped. The pager is `ADVISOR_PAGER`, else `PAGER`, else
`less`; `cat` (or `--no-pager`) prints directly. `less` gets `LESS=-FRXE` and a prompt
saying which keys to press, unless the user set `LESS`, and always `LESSSECURE=1`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

DEFAULT_PAGER = "less"
# Quit if it fits, keep colour, leave the text on screen, quit at the end (a person
# who has read to the end and starts typing must reach the shell or the next
# question, not less), and say how to move.
LESS_DEFAULTS = "-FRXE -Ps(Space or arrows for more, b to go back, q to quit)$"
# less cuts a prompt wider than the screen from the left ("rrows for more, ..."),
# so a narrow terminal gets the short one.
LESS_NARROW = "-FRXE -Ps(Space for more, b back, q quit)$"


def less_defaults(width: int) -> str:
    """The `LESS` options for a screen `width` columns wide: the prompt fits on it."""
    return LESS_DEFAULTS if width > len(LESS_DEFAULTS) - len("-FRXE -Ps$") else LESS_NARROW


def pager_command() -> str | None:
    """The pager to run, or None to print directly (`cat`, or none installed)."""
    command = os.environ.get("ADVISOR_PAGER") or os.environ.get("PAGER") or DEFAULT_PAGER
    import shlex

    try:
        program = shlex.split(command)[0] if command.strip() else "cat"
    except ValueError:
        return None
    if os.path.basename(program) == "cat" or shutil.which(program) is None:
        return None
    return command


def show(console: Console, *renderables: RenderableType, paged: bool = True) -> None:
    """Print `renderables`; through the pager when they would not fit the screen.

    No cropping pass: render/terminal.py already fits every line to the width
    (the snapshot and layout tests hold it to that), and cutting all the output
    into lines a second time is a noticeable part of printing a long comparison.
    """
    if not (paged and console.is_terminal):
        console.print(*renderables, crop=False)
        return
    with console.capture() as capture:
        console.print(*renderables, crop=False)
    text = capture.get()
    command = pager_command()
    if command is None or text.count("\n") < console.height:
        sys.stdout.write(text)
        return
    _run(command, text, console.width)


def _run(command: str, text: str, width: int = 80) -> None:
    """Hand `text` to the pager and wait; Ctrl-C belongs to the pager meanwhile."""
    env = dict(os.environ)
    env.setdefault("LESS", less_defaults(width))
    env.setdefault("LV", "-c")  # lv, another pager: keep colour
    # Keys typed by mistake must not run commands or write files ("!", "s", "v").
    env["LESSSECURE"] = "1"
    sys.stdout.flush()
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        process.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the reader quit before the end: that is fine
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:  # less handles Ctrl-C itself; wait for it to finish
            continue
