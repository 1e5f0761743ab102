"""Terminal layout of tables: column widths, and the grid drawn from fitted lines."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from advisor.document import Cell, Document, Section, Table
from advisor.render.terminal import _greedy, column_widths, to_rich
from helpers import Run

WORDS = st.text("abcdefgh", min_size=1, max_size=12)
CELLS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)


def _table(columns: int, rows: list[list[str]]) -> Table:
    header = tuple(f"Column {c}" for c in range(columns))
    return Table(header, tuple(tuple(Cell((text,)) for text in row[:columns]) for row in rows))


def test_short_columns_keep_their_width_and_long_ones_share_the_rest() -> None:
    block = Table(
        ("Role", "Works for", "Focus", "Detail"),
        (tuple(Cell((t,)) for t in ("Care manager", "patient", "x " * 80, "y " * 80)),),
    )
    widths = column_widths(100, block)
    assert widths is not None
    short, long = widths[:2], widths[2:]
    assert short == [len("Care manager"), len("Works for")]  # as wide as their longest line
    assert long[0] == long[1]  # the long ones share what is left alike ...
    assert sum(widths) + 3 * len(widths) + 1 == 100  # ... and the grid fills the width


def test_a_table_too_narrow_to_read_is_stacked() -> None:
    block = _table(3, [["label", "word " * 40, "word " * 40]])
    assert column_widths(50, block) is None
    widths = column_widths(60, block)
    assert widths is not None
    assert widths[0] == len("Column 0")  # the header is its longest line
    assert widths[1] == widths[2] and sum(widths) + 3 * 3 + 1 == 60


@given(
    total=st.integers(20, 240),
    columns=st.integers(2, 5),
    rows=st.lists(st.lists(CELLS, min_size=5, max_size=5), min_size=1, max_size=4),
)
def test_every_table_fits_the_terminal(total: int, columns: int, rows: list[list[str]]) -> None:
    """Laid out by the real renderer, no line is ever wider than the terminal."""
    block = _table(columns, rows)
    console = Console(file=io.StringIO(), width=total, color_system=None)
    console.print(to_rich(console, Document("T", (Section("", (block,)),))))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert max(cell_len(line) for line in lines) <= total
    widths = column_widths(total, block)
    grid = [line for line in lines if line.startswith("|")]
    assert bool(grid) is (widths is not None)
    if widths is not None:  # a grid's lines are all as wide as its columns say
        assert {len(line) for line in grid} == {sum(widths) + 3 * columns + 1}


@pytest.mark.parametrize("width", [20, 42, 80])
@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["show", "advocate"],
        ["show", "navigator"],
        ["compare", "--all"],
        ["routes"],
        ["map"],
        ["career", "--no-input", "--licence", "nurse", "--details"],
        ["recommend", "--no-input", "--side", "patient", "--need", "rights", "--details"],
    ],
)
def test_no_line_is_wider_than_the_terminal(run: Run, args: list[str], width: int) -> None:
    """Output is printed without rich's cropping pass (pager.show), so every line
    must already fit: a wider one would wrap on the user's screen."""
    result = run(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    wide = [line for line in result.stdout.splitlines() if cell_len(line) > width]
    assert not wide, wide[:3]


@pytest.mark.parametrize("width", [42, 80, 100])
def test_a_citation_is_never_split_across_lines(run: Run, width: int) -> None:
    """'[1, 2, 3]' stays whole: '[1,' at the end of a line and '2, 3]' on the next
    reads as two broken references."""
    import re

    result = run("compare", "--all", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    split = re.compile(r"\[\d+(, \d+)*,\s*([|│]|$)")
    broken = [line for line in result.stdout.splitlines() if split.search(line)]
    assert not broken, broken[:3]


LINES = st.one_of(
    st.text(alphabet="ab \x00\t-", max_size=60),  # anything textwrap reads
    st.lists(st.text(alphabet="ab\x00-", min_size=1, max_size=9), max_size=12).map(" ".join),
)


@given(
    LINES,
    st.integers(min_value=1, max_value=30),
    st.text(alphabet=" -+[1]", max_size=6),
    st.integers(min_value=0, max_value=6),
)
@settings(max_examples=2000, deadline=None)
def test_the_quick_wrap_is_textwraps(line: str, width: int, first: str, hang: int) -> None:
    """render/terminal.py wraps the usual line itself (it was most of the cost of
    laying out a long page) and must give textwrap's lines whenever it does."""
    import textwrap

    rest = " " * hang
    quick = _greedy(line, width, first, rest)
    if line and " ".join(line.split()) == line and max(map(len, line.split())) <= width - 6:
        assert quick is not None  # the usual line takes the quick way
    if quick is not None:
        kept = textwrap.wrap(
            line, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        )
        assert quick == kept
