"""The command group, and the one place where failures become exit codes."""

from __future__ import annotations

import gc
import sys
from typing import Any, NoReturn

import click

from treatydiff import __version__
from treatydiff.errors import TreatydiffError

EXIT_TROUBLE = 2
# New objects between two passes of the cyclic garbage collector while a command runs
# (Python's default: 700). A command makes few reference cycles: at the default pace, a
# compare of two conventions made about 60 passes over the objects of its imports and of
# the instruments read, which found next to nothing; at this pace it makes none, and a
# long run (a synopsis, a site) still collects.
GC_THRESHOLD = 100_000
# 128 + SIGINT, as shells report a command stopped with Ctrl-C.
EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """The command group, and the one place where failures become exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort):
            raise  # explicit exits and Ctrl-C at a prompt: click reports them
        except click.UsageError as exc:
            _fail(ctx, _usage_line(exc, ctx.command_path))
        except click.ClickException as exc:
            _fail(ctx, f"error: {exc.format_message()}", exit_code=exc.exit_code)
        except BrokenPipeError:
            sys.exit(EXIT_TROUBLE)  # the reader went away: nothing left to tell it
        except KeyboardInterrupt:
            _fail(ctx, "interrupted", exit_code=EXIT_INTERRUPTED)
        except TreatydiffError as exc:
            _fail(ctx, f"error: {exc}")
        except Exception as exc:
            _fail(
                ctx,
                f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
            )

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        # The group's own options are parsed here, before invoke: same one line.
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            _say(_usage_line(exc, info_name or "treatydiff"))
            sys.exit(EXIT_TROUBLE)


def _usage_line(exc: click.UsageError, command_path: str) -> str:
    """A usage error as one line, in place of click's usage block, naming the help to read."""
    command = exc.ctx.command_path if exc.ctx else command_path
    return f"error: {exc.format_message()} (see '{command} --help')"


def _fail(ctx: click.Context, message: str, *, exit_code: int = EXIT_TROUBLE) -> NoReturn:
    """Report the exception being handled in one line (after its traceback with --debug);
    the line is a ``normalize.log_line``: a message may quote an input."""
    if ctx.params.get("debug"):
        import traceback

        traceback.print_exc()
    _say(message)
    sys.exit(exit_code)


def _say(message: str) -> None:
    """One line on stderr, ``treatydiff: `` first, safe for a terminal and a CI log."""
    from treatydiff.normalize import log_line

    click.echo("treatydiff: " + log_line(message), err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="treatydiff")
@click.option(
    "--debug",
    is_flag=True,
    envvar="TREATYDIFF_DEBUG",
    help="On trouble, also print the Python traceback (environment: TREATYDIFF_DEBUG=1).",
)
def main(debug: bool) -> None:
    """Compare treaty texts clause by clause.

    REF names an instrument: a catalogue id (`opsc`, its default version), an id at a
    version (`opsc@2005-09-23`, `opsc@ohchr`), a file path (`FILE#2` selects the second
    instrument of a file that holds two), or `-` for standard input.
    """
    previous = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *previous[1:])
    # Set back when the command ends, for a caller that runs it in its own process.
    click.get_current_context().call_on_close(lambda: gc.set_threshold(*previous))
