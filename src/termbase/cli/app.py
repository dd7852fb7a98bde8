"""The ``termbase`` group, what every command shares (the termbase location, JSON output), and the
one place where library errors become messages with hints and exit statuses."""

from __future__ import annotations

import json
import os
import sys
from importlib import import_module
from pathlib import Path

import click

from typing import TYPE_CHECKING

from ..errors import TermbaseError
from ..services import VERSION
from .progress import TerminalProgress, terminal_progress

if TYPE_CHECKING:  # pragma: no cover
    from ..services import Workspace

# The services (and through them the store, the languages, the search) load when a command first
# needs the termbase, not here (importing the package loads none of them): ``termbase --version`` and
# ``--help`` do without them.

#: How long a change waits for another process's by default (seconds): the store's
#: ``DEFAULT_LOCK_TIMEOUT``, written out here for ``--help`` (tests/cli/test_app.py checks they agree).
DEFAULT_LOCK_TIMEOUT = 300.0

#: Exit status for usage and input errors (click uses 2 for usage errors too).
EXIT_ERROR = 2
#: Exit status when a command reports findings (check).
EXIT_FINDINGS = 1

# What an error's ``needs`` asks for, as this command line says it: (the parameter of the command
# that gives it, the hint). A hint is added only when the command has that parameter.
_HINTS = {
    "termbase": (None, "create one with 'termbase init' (or point --db / TERMBASE_DB at an existing one)"),
    "force": ("force", "use --force to replace it"),
    "force_add": ("force", "use --force to add it anyway"),
    "on_conflict": ("on_conflict", "see --on-conflict"),
    "langs": ("langs", "give the languages with --langs"),
    "target_lang": ("target_lang", "give it with --target-lang"),
    "source_lang": ("source_lang", "give the languages with --source-lang and --target-lang"),
    "format": ("fmt_name", "give the format with --format"),
    "yes": ("yes", "add --yes to go ahead"),
    "lock_timeout": (None, "wait longer with --lock-timeout SECONDS (before the command) or TERMBASE_LOCK_TIMEOUT"),
}


def hint(needs: str | None, command: click.Command | None) -> str:
    """The hint for an error's ``needs`` in ``command`` (``""`` when the command cannot help)."""
    if needs not in _HINTS:
        return ""
    param, text = _HINTS[needs]
    if param is not None and (command is None or all(p.name != param for p in command.params)):
        return ""
    return text


def error_line(message: str, needs: str | None, command: click.Command | None) -> str:
    extra = hint(needs, command)
    return f"Error: {message}" + (f"; {extra}" if extra else "")


#: What ``--db`` and ``$TERMBASE_DB`` take as a database server rather than a file.
SERVER_SCHEMES = ("postgresql://", "postgres://")


def default_db_path() -> Path | str:
    """``$TERMBASE_DB`` (a file, or a ``postgresql://`` URL), else the per-user data folder
    (``$XDG_DATA_HOME/termbase/termbase.db``)."""
    env = os.environ.get("TERMBASE_DB")
    if env:
        return env if env.startswith(SERVER_SCHEMES) else Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "termbase" / "termbase.db"


class Env:
    """What every command gets: where the termbase is, and the termbase opened on demand."""

    def __init__(self, db: Path | str | None, lock_timeout: float | None = None, quiet: bool = False):
        self.db_path = db or default_db_path()  # a Path, or a database URL (str)
        self.lock_timeout = lock_timeout
        self.quiet = quiet
        self._ws: Workspace | None = None
        self._progress: TerminalProgress | None = None

    def progress(self) -> TerminalProgress | None:
        """A progress line for a long job when standard error is a terminal and not ``--quiet``."""
        if self._progress is None:
            self._progress = terminal_progress(self.quiet)
        return self._progress

    def end_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()

    @property
    def shown(self) -> str:
        """The termbase's location as messages show it (a URL without its password)."""
        from ..services import shown_location

        return shown_location(self.db_path)

    def exists(self) -> bool:
        from ..services import has_termbase

        return has_termbase(self.db_path)

    def workspace(self) -> Workspace:
        """The opened termbase (:class:`termbase.services.Workspace`)."""
        if self._ws is None:
            from ..services import Workspace

            self._ws = Workspace.open(self.db_path, lock_timeout=self.lock_timeout)
        return self._ws

    def workspace_if_any(self) -> Workspace | None:
        """The opened termbase, or None when there is none (commands that work without one)."""
        return self.workspace() if self.exists() else None

    def close(self) -> None:
        self.end_progress()
        if self._ws is not None:
            self._ws.close()
            self._ws = None


class TermbaseGroup(click.Group):
    """A click group that turns library errors into one-line messages, never tracebacks."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.NoSuchOption as exc:
            if exc.option_name == "--db":  # "termbase init --db x.db": a global option given too late
                exc.message = ("No such option '--db' here: --db goes before the command, "
                               f"as in 'termbase --db FILE {ctx.invoked_subcommand or 'COMMAND'} ...'")
            raise
        except TermbaseError as exc:
            if isinstance(ctx.obj, Env):
                ctx.obj.end_progress()
            command = self.get_command(ctx, ctx.invoked_subcommand) if ctx.invoked_subcommand else None
            click.echo(error_line(str(exc), exc.needs, command), err=True)
            ctx.exit(EXIT_ERROR)
        except BrokenPipeError:  # `termbase ... | head`
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


#: Each top-level command and the module of this package that defines it (it registers itself on
#: ``main`` when imported). ``termbase COMMAND`` imports only that module, and through it only the
#: services it calls; ``termbase --help`` imports them all. tests/cli/test_app.py checks this table
#: against what the modules register.
COMMAND_MODULES = {
    "add": "concepts", "align": "align", "approve": "review", "check": "check", "copy": "termbase",
    "edit": "concepts", "export": "transfer", "extract": "extract", "formats": "transfer",
    "glossary": "termbase", "history": "review", "import": "transfer", "init": "termbase", "limits": "termbase",
    "list": "concepts", "lookup": "concepts", "pretranslate": "tm", "reject": "review", "remove": "concepts",
    "review": "review", "serve": "server", "show": "concepts", "stats": "termbase", "term": "review",
    "tm": "tm", "token": "server", "translit": "translit", "undo": "review",
}


class CommandLine(TermbaseGroup):
    """The top-level group: its commands load on demand (:data:`COMMAND_MODULES`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            import_module(f".{COMMAND_MODULES[cmd_name]}", __package__)
        return self.commands.get(cmd_name)


class Location(click.ParamType):
    """A termbase file (a path), or a PostgreSQL database (a ``postgresql://`` URL, kept as text)."""

    name = "FILE|URL"
    _file = click.Path(dir_okay=False, path_type=Path)

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value.startswith(SERVER_SCHEMES):
            return value
        return self._file.convert(value, param, ctx)


@click.group(cls=CommandLine, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=Location(),
    default=None,
    help="Termbase: a file (SQLite) or a postgresql://user@host/dbname URL (PostgreSQL). "
         "Default: $TERMBASE_DB, else ~/.local/share/termbase/termbase.db.",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    envvar="TERMBASE_LOCK_TIMEOUT",
    default=None,
    metavar="SECONDS",
    help=f"How long a change waits for another process's change to the termbase (an import) to end. "
         f"Default: $TERMBASE_LOCK_TIMEOUT, else {DEFAULT_LOCK_TIMEOUT:g}.",
)
@click.option("-q", "--quiet", is_flag=True,
              help="No progress line on standard error (it is shown only on a terminal anyway).")
@click.version_option(version=VERSION, package_name="termbase")
@click.pass_context
def main(ctx: click.Context, db: Path | str | None, lock_timeout: float | None, quiet: bool) -> None:
    """termbase: terminology and translation memory for English, Kazakh and Russian.

    Exit status: 0 success, 1 findings (check), 2 usage or input error.

    Size limits on inputs (term, segment, document, file, DOCX) are shown by 'termbase limits' and
    set by the environment variables it names.
    """
    env = Env(db, lock_timeout, quiet)
    ctx.obj = env
    ctx.call_on_close(env.close)


def emit_json(data) -> None:
    """Print ``data`` as JSON (UTF-8, not ASCII-escaped, stable key order as built)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def emit_json_line(data) -> None:
    """Print ``data`` as one line of JSON (JSON lines, for streams of results)."""
    click.echo(json.dumps(data, ensure_ascii=False))


def split_langs(value: str | None) -> list[str] | None:
    """``"en,kk"`` -> ``["en", "kk"]`` (the services check the codes)."""
    if not value:
        return None
    return [code.strip() for code in value.split(",") if code.strip()]


pass_env = click.make_pass_decorator(Env)


def actor_of(by: str | None) -> str | None:
    """Who makes a change: ``--by``, else the user name ($USER), else nobody recorded."""
    if by:
        return by
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment: the change is recorded without one
        return None
