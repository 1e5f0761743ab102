"""The console-script entry point, kept tiny so that signals are handled before
anything heavy is imported: a Ctrl-C while typer and rich load says
"Interrupted." instead of printing a traceback, and SIGTERM or SIGHUP at any
moment unwinds cleanly (see errors.Terminated). Even `signal` (which imports
enum) is imported inside `main`, where a Ctrl-C is caught, and nothing else
(not even `typing`) is imported before it."""

from __future__ import annotations

import sys

from advisor.errors import INTERRUPTED, Terminated

# The values of PYDANTIC_DISABLE_PLUGINS with which pydantic loads no plugin at all.
PLUGINS_OFF = ("__all__", "1", "true")


def _stop(signum: int, frame: object) -> None:
    raise Terminated(signum)


def _say(line: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _version_printed() -> bool:
    """`advisor --version`, the one answer that needs nothing loaded; False (and
    nothing printed) on an odd stdout, which the full path reports as it does."""
    from advisor import __version__

    try:
        sys.stdout.write(f"advisor {__version__}\n")
        sys.stdout.flush()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _skip_plugin_search(disabled: str) -> None:
    """With every plugin disabled, stand in for pydantic's plugin loader, which
    imports `importlib.metadata` (email, zipfile, csv ...) at module level only to
    return no plugins: about 7% of a run's instructions. The stand-in gives the
    same answer, and only for the values with which pydantic's own loader returns
    none before it looks (tests/test_snapshot.py holds both to that)."""
    if disabled not in PLUGINS_OFF or "pydantic.plugin._loader" in sys.modules:
        return
    import types

    loader = types.ModuleType("pydantic.plugin._loader", "advisor's stand-in: no plugins")
    loader.get_plugins = tuple  # type: ignore[attr-defined]
    sys.modules[loader.__name__] = loader


def main() -> None:
    """Run advisor; exit 0, 1 (data), 2 (usage), 130 (Ctrl-C), 143 or 129 (stopped)."""
    if sys.argv[1:] == ["--version"] and _version_printed():
        return
    import gc

    # Start-up builds a great many objects that live until exit (modules, classes,
    # pydantic's schemas, the knowledge base), and the cyclic garbage collector
    # would walk them again and again for nothing: about a twentieth of a run.
    # Reference counting still frees everything else. The questionnaire, the one
    # part that runs for long, turns collection back on (`wizard.interview`).
    gc.disable()
    try:
        import signal

        stopping = (signal.SIGTERM, signal.SIGHUP)
        for signum in stopping:
            signal.signal(signum, _stop)
        # pydantic looks for plugins (observability hooks) in the entry points of
        # every installed package when it builds its first model; advisor uses
        # none, and the search is a noticeable part of start-up. A value the
        # user set is kept.
        import os

        if "_ADVISOR_COMPLETE" in os.environ:  # a Tab press: answer from the index if it can
            from advisor.completion_index import run_quickly

            run_quickly()
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        _skip_plugin_search(os.environ["PYDANTIC_DISABLE_PLUGINS"])
        from advisor.cli import main as run

        run()
    except KeyboardInterrupt:
        _say("\nInterrupted.")
        sys.exit(INTERRUPTED)
    except Terminated as stop:
        import signal

        for signum in (signal.SIGTERM, signal.SIGHUP):  # unwinding must not be interrupted
            signal.signal(signum, signal.SIG_IGN)
        _say("\nStopped: the terminal closed." if stop.signum == signal.SIGHUP else "\nStopped.")
        sys.exit(stop.exit_code)
