"""The command-line interface: a thin layer over the library.

Exit codes follow diff(1): 0 no differences, 1 differences or a failed check, 2 trouble.
Trouble is always one line on stderr: a ``TreatydiffError`` (the input, the options or the
environment) as ``treatydiff: error: ...``, any other exception (a bug) as ``treatydiff:
internal error: ...``. The traceback shows only with ``--debug`` or ``TREATYDIFF_DEBUG=1``.

``group`` holds the command group ``main`` and that mapping of failures to exit codes,
``options`` the options several commands share; each other module adds a family of
commands to ``main`` when imported (here).
"""

from treatydiff.cli import catalogue, check, compare, multiple  # noqa: F401 (the commands)
from treatydiff.cli.group import main

__all__ = ["main"]
