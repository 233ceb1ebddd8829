"""The Jinja2 side of the HTML and Markdown renderers: the templates folder and the
settings both environments share.

The templates live in the top-level ``templates/`` folder (``resources.data_dir``), with
the stylesheet and script of the HTML pages. Every environment has StrictUndefined (a
missing value is an error, never empty text) and compiles each template once per process
(``auto_reload`` off: the package's templates do not change while it runs).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from treatydiff import __version__
from treatydiff.report.synopsis import CLOSEST_FLOOR
from treatydiff.resources import data_dir


def environment(**options: Any) -> jinja2.Environment:
    """A new environment on the templates folder with the shared settings; ``options``
    (``autoescape``, ``finalize``...) are added to them. Globals: ``version`` (of
    treatydiff) and ``closest_floor`` (``report.synopsis.CLOSEST_FLOOR``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        **options,
    )
    env.globals["version"] = __version__
    env.globals["closest_floor"] = CLOSEST_FLOOR
    return env


@cache
def asset(name: str) -> str:
    """The text of a file of the templates folder (the HTML pages' stylesheet or script),
    read once per process."""
    return (data_dir("templates") / name).read_text(encoding="utf-8")
