"""The Jinja2 side of the HTML and Markdown renderers: the templates folder and the
settings both environments share.

The templates live in the top-level ``templates/`` folder (``resources.data_dir``), with
the stylesheet and script of the HTML pages. Every environment has StrictUndefined (a
missing value is an error, never empty text) and compiles each template once per process
(``auto_reload`` off: the package's templates do not change while it runs). The compiled
code is also kept between runs, in ``cache/templates`` of the data home
(``resources.data_home``; jinja2's ``FileSystemBytecodeCache``, which checks each entry
against the template's source and Python's version): compiling the report templates
costs about 20 ms a run, loading them about 1 ms.
"""

from __future__ import annotations

from contextlib import suppress
from functools import cache
from typing import Any

import jinja2

from treatydiff import __version__
from treatydiff.resources import data_dir, data_home


def environment(**options: Any) -> jinja2.Environment:
    """A new environment on the templates folder with the shared settings; ``options``
    (``autoescape``, ``finalize``...) are added to them. Global: ``version`` (of
    treatydiff). The synopsis pages get ``closest_floor`` from their renderers: the
    synopsis module stays out of a comparison report's imports."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
        **options,
    )
    env.globals["version"] = __version__
    return env


@cache
def asset(name: str) -> str:
    """The text of a file of the templates folder (the HTML pages' stylesheet or script),
    read once per process."""
    return (data_dir("templates") / name).read_text(encoding="utf-8")


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A bytecode cache whose writes may fail: the template is compiled again next run."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """The cache of compiled templates in the data home; None where it cannot be made
    (a read-only home): every run then compiles its templates, as it would anyway."""
    folder = data_home() / "cache" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder))
