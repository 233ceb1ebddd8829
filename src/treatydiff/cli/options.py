"""The options several commands share, and the helpers that read them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from treatydiff.cli.group import _say
from treatydiff.lang import LANGUAGES

if TYPE_CHECKING:
    from treatydiff.formats.options import ReadOptions, Revisions
    from treatydiff.model import Instrument


def _read(
    refs: Sequence[str],
    *,
    lang: str | None,
    fmt: str | None,
    options: ReadOptions | None = None,
) -> list[tuple[Instrument, str]]:
    """Each REF read as language ``lang`` (--lang), with the language read; without it,
    as English, unless its words are of another known language that reads its structure
    (``refs.words_language``: a French text whose "Article 2" English reads), or English
    finds no treaty structure and another known language does (a Spanish PDF): then in
    that language, said on stderr. A reading with no
    structure is still compared, with a warning naming the languages that would read
    some (``refs.other_readings``). Every REF is read before anything is said, so that
    an input that cannot be read is the only line on stderr."""
    from treatydiff.catalogue import refs as references

    code = lang or "en"
    read = [(ref, references.resolve(ref, lang=code, fmt=fmt, options=options)) for ref in refs]
    out: list[tuple[Instrument, str]] = []
    for ref, instrument in read:
        found = references.other_readings(ref, instrument, lang=code, fmt=fmt, options=options)
        written = None
        if lang is None and found is None:
            written = references.words_language(
                ref, instrument, lang=code, fmt=fmt, options=options
            )
        if written is not None:
            _say(f"note: {ref}: written in {written}, not en: read as {written}")
            out.append((references.resolve(ref, lang=written, fmt=fmt, options=options), written))
        elif found is None:
            out.append((instrument, code))
        elif lang is None and found:
            _say(f"note: {ref}: no article, recital or paragraph in English: read as {found[0]}")
            out.append((references.resolve(ref, lang=found[0], fmt=fmt, options=options), found[0]))
        else:
            warning = references.structure_warning(ref, instrument, lang=code, found=found)
            _say(f"warning: {warning}")
            out.append((instrument, code))
    return out


class _InputFormat(click.Choice[str]):
    """``auto`` or an import format of the registry (``formats.FORMATS``), read when the
    option is parsed or its help shown: the CLI's start-up imports no stage."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from treatydiff.formats import FORMATS

        return ("auto", *FORMATS)

    @choices.setter
    def choices(self, _: object) -> None:
        pass  # click.Choice.__init__ sets its choices; these come from the registry


_FORMAT_CHOICE = _InputFormat()

input_format_option = click.option(
    "--input-format",
    type=_FORMAT_CHOICE,
    default="auto",
    show_default=True,
    help="Force the input format instead of detecting it from the content.",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the text: the half to read from a bilingual source, and the words "
    "of its structure ('Article', 'Artículo').  [default: en, or the language that finds "
    "articles where English finds none]",
)
docx_revisions_option = click.option(
    "--docx-revisions",
    type=click.Choice(["accepted", "original"]),
    default="accepted",
    show_default=True,
    help="Which text of a Word file with tracked changes (or a web page with <del> and "
    "<ins>) to read: with every change accepted, or the original before them.",
)
encoding_option = click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="Text encoding of text and HTML inputs (utf-8, cp1252, latin-1...), in place of "
    "the one a byte-order mark states or the one detected.",
)
_Command = TypeVar("_Command", bound=Callable[..., Any])


def output_option(command: _Command) -> _Command:
    """``-o/--output FILE`` and ``--force``: where a command writes its result."""
    command = click.option(
        "--force",
        is_flag=True,
        help="Write through a symbolic link at -o (and --junit) to the file it points to; "
        "without it a link there is refused.",
    )(command)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to this regular file (atomically) instead of standard output; a device, "
        "pipe, folder or an input of the command is refused.",
    )(command)


def _input_limit(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    """Set the reading limit of ``--max-bytes`` for the rest of the command (the default
    limit of ``formats.reading.MAX_BYTES`` when not given)."""
    if value is not None:
        from treatydiff.formats.reading import input_limit

        ctx.with_resource(input_limit(value))


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    callback=_input_limit,
    expose_value=False,
    default=None,
    metavar="BYTES",
    help="Refuse an input larger than this [default: 52428800, 50 MiB].",
)


def _instrument_cache(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """Keep the instruments the command imports in the data home's cache for the next runs
    (``formats.cache``), unless ``--no-cache`` (which ``ctx.meta["no_cache"]`` records for
    commands with caches of their own: ``reuse``)."""
    ctx.meta["no_cache"] = value
    if not value:
        from treatydiff.formats.cache import caching

        ctx.with_resource(caching())


no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    envvar="TREATYDIFF_NO_CACHE",
    callback=_instrument_cache,
    expose_value=False,
    help="Import every input afresh, neither reading nor filling the caches of imported "
    "instruments (and of reuse) in the data home (environment: TREATYDIFF_NO_CACHE=1).",
)

labels_option = click.option(
    "--labels",
    type=click.Choice(["un", "short"]),
    default="un",
    show_default=True,
    help="Citation style of clause labels.",
)
left_label_option = click.option(
    "--left-label",
    metavar="NAME",
    default=None,
    help='Name of the left side in the output ("Draft A") [default: its id with its '
    "version, e.g. opsc@2005-09-23].",
)
right_label_option = click.option(
    "--right-label",
    metavar="NAME",
    default=None,
    help="Name of the right side in the output [default: its id with its version].",
)


def _input_format(value: str) -> str | None:
    return None if value == "auto" else value


def _read_options(
    docx_revisions: str, pages: tuple[int, int] | None = None, encoding: str | None = None
) -> ReadOptions:
    from treatydiff.formats.options import ReadOptions

    return ReadOptions(
        docx_revisions=cast("Revisions", docx_revisions), pages=pages, encoding=encoding
    )


def _page_range(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    first, _, last = value.partition("-")
    if not (first.isdigit() and (last or first).isdigit() and 0 < int(first) <= int(last or first)):
        raise click.BadParameter("give pages as A-B (or A), counted from 1")
    return (int(first), int(last or first))


pages_option = click.option(
    "--pages",
    metavar="A-B",
    callback=_page_range,
    default=None,
    help="Read only pages A to B of a PDF (counted from 1, as a PDF viewer counts).",
)


def _build_time() -> str | None:
    """The build time HTML pages state: from SOURCE_DATE_EPOCH, when set."""
    import os

    from treatydiff.render.html import build_time

    return build_time(os.environ.get("SOURCE_DATE_EPOCH"))


def _sources(*instruments: Instrument) -> list[str]:
    """The files the instruments were read from (the others name no file), which no
    output of the command may overwrite."""
    return [source for one in instruments if (source := one.metadata.source)]
