"""Tab completion for role names and aspects (typer installs the shell side:
`advisor --install-completion`). Question flags complete in question_flags.py.

Completion runs a whole process on every Tab, so it loads only the roles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer._click.shell_completion import CompletionItem

from advisor.errors import AdvisorError
from advisor.help_format import AdvisorCommand


def role_names(ctx: Any, incomplete: str, given: list[str]) -> list[str]:
    """Role ids and every alias, folded as `resolve` accepts them, not yet `given`.

    A role id also matches on a later word, so `adv` offers patient-advocate as
    well as the alias advocate.
    """
    from advisor.knowledge.catalog import load_catalog

    data = ctx.find_root().params.get("data")
    try:
        catalog = load_catalog(Path(data).resolve() if data else None)
    except AdvisorError:
        return []
    key = incomplete.lower()
    ids = [r.id for r in catalog.roles if key and f"-{key}" in f"-{r.id}"]
    found = dict.fromkeys([*ids, *(n for n in catalog.names if n.startswith(key))])
    return [n for n in found if n not in given]


def aspect_names(incomplete: str) -> list[str]:
    """Aspect ids; after a comma (`--aspect cost,sal`), the next one."""
    from advisor.comparison import ASPECTS, CODES

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + a.id for a in (*ASPECTS, CODES) if a.id.startswith(last.lower())]


class RoleArgumentCommand(AdvisorCommand):
    """A command whose ROLE argument completes role names.

    typer's `autocompletion` keeps only answers that start with the typed text,
    which would hide patient-advocate from `adv`; so the argument completes
    through click's own per-parameter hook instead.
    """

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.param_type_name == "argument":
                param.shell_complete = _role_completer(param)
        return params


def _role_completer(param: Any) -> Any:
    def complete(ctx: Any, incomplete: str) -> list[CompletionItem]:
        given = ctx.params.get(param.name) or []
        given = [given] if isinstance(given, str) else list(given)
        return [CompletionItem(n) for n in role_names(ctx, incomplete, given)]

    return complete
