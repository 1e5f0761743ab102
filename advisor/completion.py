"""Tab completion for role names and aspects (typer installs the shell side:
`advisor --install-completion`). Question flags complete in question_flags.py.

Completion runs a whole process on every Tab, so it loads only the roles.

Names come from a knowledge base that someone else may write, and zsh evaluates
what a completer prints (twice), so every value is quoted for its shell by one
function (`quoted_for`), and a name with a character a shell reads is not
offered at all (`knowledge.names.completes_safely`, which the loader and
`data check` use to refuse it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from typer._click.shell_completion import CompletionItem
from typer._completion_classes import BashComplete, FishComplete, ZshComplete

from advisor.errors import AdvisorError
from advisor.help_format import AdvisorCommand, AdvisorGroup
from advisor.shell_quoting import _carried, _single_quoted, quoted_for

__all__ = ["quoted_for"]  # kept here for callers; defined where Tab needs no typer


class _Carried:
    """Leaves out a value that some shell's protocol cannot carry (`_carried`):
    completion offers what it can, never a forged or expanded one."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        items: list[CompletionItem] = super().get_completions(args, incomplete)  # type: ignore[misc]
        return [i for i in items if _carried(i.value)]


class _SafeBash(_Carried, BashComplete):
    def format_completion(self, item: CompletionItem) -> str:
        return quoted_for(self.name, item.value)


class _SafeZsh(_Carried, ZshComplete):
    def format_completion(self, item: CompletionItem) -> str:
        return quoted_for(self.name, item.value, item.help or "")

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        items = [self.format_completion(i) for i in self.get_completions(args, incomplete)]
        if not items:
            return "_files"
        return "_arguments " + _single_quoted("*: :((" + " ".join(items) + "))")


class _SafeFish(_Carried, FishComplete):
    def format_completion(self, item: CompletionItem) -> str:
        return quoted_for(self.name, item.value, item.help or "")


def use_safe_shell_classes() -> None:
    """Put the quoting classes in place of typer's, just before a completion runs."""
    from typer._click.shell_completion import add_completion_class

    for cls in (_SafeBash, _SafeZsh, _SafeFish):
        add_completion_class(cls, cls.name)


def _catalog(ctx: Any) -> Any:
    from advisor.inputs import data_folder
    from advisor.knowledge.catalog import load_catalog

    data = ctx.find_root().params.get("data")
    return load_catalog(data_folder(data) if data else None)


def role_names(ctx: Any, incomplete: str, given: list[str]) -> list[str]:
    """Role ids and every alias, folded as `resolve` accepts them, not yet `given`.

    A role id also matches on a later word, so `adv` offers patient-advocate as
    well as the alias advocate.
    """
    from advisor.knowledge.names import completes_safely

    catalog = _catalog(ctx)
    key = incomplete.lower()
    ids = [r.id for r in catalog.roles if key and f"-{key}" in f"-{r.id}"]
    found = dict.fromkeys([*ids, *(n for n in catalog.names if n.startswith(key))])
    # The loader refuses such names already (names.completes_safely); a name is
    # checked again here because this is where it would reach a shell.
    return [n for n in found if n not in given and completes_safely(n)]


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


def complete_quietly(run: Callable[[], None]) -> None:
    """Run typer's completion with the quoting classes. Whatever goes wrong (a
    `--data` that cannot be resolved, a broken knowledge base) offers nothing and
    prints nothing: anything printed would land on the line being typed."""
    use_safe_shell_classes()
    try:
        run()
    except SystemExit:
        _remember_index()
        raise
    except Exception:
        raise SystemExit(0) from None


def _remember_index() -> None:
    """After a completion on the full path, write the index that lets the next
    Tab press skip it (completion_index.py), if the knowledge base loads and
    passes its checks; otherwise nothing, quietly."""
    import os
    from pathlib import Path

    from advisor.completion_index import data_folder_of, split_words, write_index
    from advisor.knowledge.catalog import load_catalog
    from advisor.knowledge.location import bundled_folder

    try:
        line = os.environ.get("_TYPER_COMPLETE_ARGS") or os.environ.get("COMP_WORDS", "")
        found = data_folder_of(split_words(line)[1:], os.environ)
        if found is not None:
            folder = found[0]
            write_index(load_catalog(None if folder == bundled_folder() else Path(folder)))
    except Exception:
        pass


def guard_installer(params: list[Any]) -> list[Any]:
    """typer's `--install-completion` writes ~/.bashrc and a script beside it with
    no error handling: a HOME that is missing, a file or read-only gave a
    traceback. Here such a failure is one line naming the file, exit 1."""
    for param in params:
        if param.name == "install_completion" and not getattr(param, "_guarded", False):
            param.callback = _guarded_install(param.callback)
            param._guarded = True
    return params


def _guarded_install(install: Callable[..., Any]) -> Callable[..., Any]:
    def callback(ctx: Any, param: Any, value: Any) -> Any:
        try:
            return install(ctx, param, value)
        except OSError as exc:
            from advisor.errors import DATA_ERROR
            from advisor.render.console import print_error

            where = exc.filename or "your home folder"
            print_error(f"{where}: cannot install completion: {exc.strerror or exc}")
            ctx.exit(DATA_ERROR)

    return callback


class CompletingGroup(AdvisorGroup):
    """advisor's top-level group: its Tab completion quotes every value for its
    shell and prints nothing on failure, and its `--install-completion` fails
    in one line."""

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: Any = None
    ) -> None:
        run = super()._main_shell_completion
        complete_quietly(lambda: run(ctx_args, prog_name, complete_var))

    def get_params(self, ctx: Any) -> list[Any]:
        return guard_installer(super().get_params(ctx))
