"""The start-up floor for a typer + rich + pydantic command-line tool.

The smallest program that does what every `advisor` command must do at the
least: parse two arguments with typer, validate data with a pydantic model and
print a rich table. `bench/startup.py` measures advisor as a ratio to it.
Usage: python bench/floor.py A B
"""

import rich.console
import rich.table
import typer
from pydantic import BaseModel


class Role(BaseModel):
    name: str


app = typer.Typer()


@app.command()
def compare(first: str, second: str) -> None:
    roles = [Role(name=first), Role(name=second)]
    table = rich.table.Table()
    for role in roles:
        table.add_column(role.name)
    table.add_row("timeframe", "focus")
    rich.console.Console().print(table)


if __name__ == "__main__":
    app()
