"""The ``termbase`` command line: a thin layer over :mod:`termbase.services`.

Each command parses its options, calls one service and renders the result as text or JSON
(:mod:`.render`). Errors of the library (:class:`termbase.errors.TermbaseError`) become one line,
``Error: ...`` on stderr, with a hint naming this command's option when the error says what would get
past it (``needs``); exit status 2. Commands that report findings exit 1 when they find something.
This package imports only :mod:`termbase.services`, :mod:`termbase.models` and :mod:`termbase.errors`.

One module per group of commands: :mod:`.termbase` (init, stats), :mod:`.concepts` (lookup, show, add,
edit, remove), :mod:`.transfer` (import, export), :mod:`.align`, :mod:`.extract`, :mod:`.check`; the
group itself in :mod:`.app`, text renderings in :mod:`.render`. A command's module is imported when
the command runs (or ``--help`` lists them), so each command loads only what it uses.
"""

from .app import main  # its commands load on demand (app.COMMAND_MODULES)

__all__ = ["main"]
