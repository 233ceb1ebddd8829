"""comparison_json.dumps writes what json.dumps writes, byte for byte."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from treatydiff import compare
from treatydiff.catalogue.refs import resolve
from treatydiff.render.json import comparison_dict, dumps, render_json


def _reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def test_real_comparisons_render_as_json_dumps_would(corpus: Path) -> None:
    laws = corpus / "laws-markdown"
    pairs = [
        (laws / "crc" / "2013-04-15.md", corpus / "raisely-noharm" / "CRC.md"),
        (laws / "opsc" / "2012-10-31.md", laws / "opac" / "2013-09-12.md"),
        (EXAMPLES / "opsc-preamble-ohchr.txt", EXAMPLES / "opsc-preamble-revised.txt"),
    ]
    for left, right in pairs:
        comparison = compare(resolve(str(left)), resolve(str(right)))
        for style in ("un", "short"):
            expected = _reference(comparison_dict(comparison, label_style=style)) + "\n"
            assert render_json(comparison, label_style=style) == expected


def test_every_kind_of_value() -> None:
    value = {
        "z": [],
        "a": {},
        "nested": {"b": [1, [2, []], {"c": None}], "a": ("x", True, False)},
        "text": 'quote " backslash \\ tab \t newline \n nul \x00 é \u2028 \U0001f600',
        "numbers": [0, -3, 10**30, 0.1, 1e-20, 1e300, -0.0, math.inf, -math.inf, math.nan],
        "": "empty key",
    }
    assert dumps(value) == _reference(value)
    for scalar in (None, True, 1, 2.5, "s", [], {}):
        assert dumps(scalar) == _reference(scalar)


def test_what_json_cannot_write_is_refused() -> None:
    with pytest.raises(TypeError):
        dumps({"set": {1, 2}})
    with pytest.raises(TypeError):
        dumps({1: "a key that is no str"})
