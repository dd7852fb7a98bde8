"""The ``termbase`` command line: a thin layer over the library.

Each command parses options, makes one library call and renders text or JSON. Library errors
(:class:`termbase.errors.TermbaseError`) become a one-line ``Error: ...`` on stderr with exit status 2
for input/usage problems; commands that report findings use exit status 1 for "found something".
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..errors import NotFound, TermbaseError

#: Exit status for usage and input errors (click uses 2 for usage errors too).
EXIT_ERROR = 2


def default_db_path() -> Path:
    """``$TERMBASE_DB``, else the per-user data folder (``$XDG_DATA_HOME/termbase/termbase.db``)."""
    env = os.environ.get("TERMBASE_DB")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "termbase" / "termbase.db"


class Env:
    """What every command gets: where the termbase is, opened on demand."""

    def __init__(self, db: Path | None):
        self.db_path = db or default_db_path()
        self._store = None
        self._index = None

    def store(self):
        """The opened termbase (a :class:`termbase.store.Store`); a clear error says how to create one
        when it does not exist."""
        from ..store import open_store

        if self._store is None:
            if not self.db_path.exists():
                raise NotFound(
                    f"no termbase at {self.db_path}; create one with 'termbase init' "
                    "(or point --db / TERMBASE_DB at an existing one)"
                )
            self._store = open_store(self.db_path)
        return self._store

    def term_index(self):
        """The termbase's search index (a :class:`termbase.search.TermIndex`), built on first use."""
        from ..search import TermIndex

        if self._index is None:
            self._index = TermIndex(self.store())
        return self._index

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._index = None


class TermbaseGroup(click.Group):
    """A click group that turns library errors into one-line messages, never tracebacks."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TermbaseError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except BrokenPipeError:  # `termbase ... | head`
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


@click.group(cls=TermbaseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Termbase file (SQLite). Default: $TERMBASE_DB, else ~/.local/share/termbase/termbase.db.",
)
@click.version_option(package_name="termbase")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """termbase: terminology and translation memory for English, Kazakh and Russian.

    Exit status: 0 success, 1 findings (check), 2 usage or input error.
    """
    env = Env(db)
    ctx.obj = env
    ctx.call_on_close(env.close)


def emit_json(data) -> None:
    """Print ``data`` as JSON (UTF-8, not ASCII-escaped, stable key order as built)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


pass_env = click.make_pass_decorator(Env)


def _register() -> None:
    from . import core  # noqa: F401  (init, stats, lookup, add, edit, remove, import, export)

    for name in ("extract", "align", "check"):
        try:
            __import__(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # feature module not written yet
            if exc.name != f"{__name__}.{name}":
                raise


_register()
