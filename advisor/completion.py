"""Tab completion for role names and aspects (typer installs the shell side:
`advisor --install-completion`). Question flags complete in question_flags.py.

Completion runs a whole process on every Tab, so it loads only the roles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer._click.shell_completion import CompletionItem

from advisor.errors import AdvisorError
from advisor.help_format import AdvisorCommand


def _catalog(ctx: Any) -> Any:
    from advisor.knowledge.catalog import load_catalog

    data = ctx.find_root().params.get("data")
    return load_catalog(Path(data).resolve() if data else None)


def role_names(ctx: Any, incomplete: str, given: list[str]) -> list[str]:
    """Role ids and every alias, folded as `resolve` accepts them, not yet `given`.

    A role id also matches on a later word, so `adv` offers patient-advocate as
    well as the alias advocate.
    """
    catalog = _catalog(ctx)
    key = incomplete.lower()
    ids = [r.id for r in catalog.roles if key and f"-{key}" in f"-{r.id}"]
    found = dict.fromkeys([*ids, *(n for n in catalog.names if n.startswith(key))])
    return [n for n in found if n not in given]


def need_names(ctx: Any, incomplete: str, given: list[str]) -> list[str]:
    """The needs routes serve (`routes --need`); after a comma, the next one."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    needs = sorted(_catalog(ctx).questionnaire.needs())
    return [prefix + n for n in needs if n.startswith(last.lower())]


def aspect_names(incomplete: str) -> list[str]:
    """Aspect ids; after a comma (`--aspect cost,sal`), the next one."""
    from advisor.comparison import ASPECTS, CODES

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + a.id for a in (*ASPECTS, CODES) if a.id.startswith(last.lower())]


Completer = Callable[[Any, str, list[str]], list[str]]
# parameters, by name, that complete from the knowledge base in use
COMPLETERS: dict[str, Completer] = {
    "role": role_names,
    "role_names": role_names,
    "need": need_names,
}


class RoleArgumentCommand(AdvisorCommand):
    """A command whose role names (ROLE arguments, --role) and --need complete.

    typer's `autocompletion` keeps only answers that start with the typed text,
    which would hide patient-advocate from `adv`; so these parameters complete
    through click's own per-parameter hook instead.
    """

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            complete = COMPLETERS.get(param.name)
            if complete is not None:
                param.shell_complete = _hook(param, complete)
        return params


def _hook(param: Any, complete: Completer) -> Any:
    def shell_complete(ctx: Any, incomplete: str) -> list[CompletionItem]:
        given = ctx.params.get(param.name) or []
        given = [given] if isinstance(given, str) else list(given)
        try:
            names = complete(ctx, incomplete, given)
        except AdvisorError:  # a broken knowledge base completes nothing
            return []
        return [CompletionItem(n) for n in names]

    return shell_complete
