"""Instruments for the harness tests: two built with the model (invented wording, no
corpus text), and the real corpus instruments the synthetic suite is made from.

ORCHARDS is the instrument the perturbation tests edit: a preamble, articles of one
paragraph with two sentences (to split), articles of numbered paragraphs (to merge and
renumber), a list with nested points, modal verbs and numbers (for word edits), a part
with a heading. LIGHTHOUSES, on another subject, is the donor of inserted clauses.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from treatydiff.formats import load_file
from treatydiff.model import Clause, Instrument

# Corpus files of the synthetic suite (laws-markdown, English): OPSC, CRC, OPAC,
# Palermo protocol, Lanzarote convention.
HARNESS_FILES = (
    "opsc/2012-10-31",
    "crc/2013-04-15",
    "opac/2013-09-12",
    "palermo-trafficking/2015-11-27",
    "lanzarote/2013-06-12",
)


@cache
def corpus_instrument(root: Path, name: str) -> Instrument:
    return load_file(root / "laws-markdown" / f"{name}.md")


def _preamble(*texts: str) -> Clause:
    """Opening formula, recitals, closing formula."""
    formula_1 = Clause("preamble__formula_1", "formula", num="1", text=texts[0])
    middle = tuple(
        Clause(f"preamble__p_{n}", "recital", num=str(n), text=text)
        for n, text in enumerate(texts[1:-1], start=1)
    )
    formula_2 = Clause("preamble__formula_2", "formula", num="2", text=texts[-1])
    return Clause("preamble", "preamble", children=(formula_1, *middle, formula_2))


def _article(n: int, text: str) -> Clause:
    return Clause(f"art_{n}", "article", num=str(n), text=text)


def _numbered(n: int, *paragraphs: str) -> Clause:
    return Clause(
        f"art_{n}",
        "article",
        num=str(n),
        children=tuple(
            Clause(f"art_{n}__para_{k}", "paragraph", num=str(k), text=text)
            for k, text in enumerate(paragraphs, start=1)
        ),
    )


def _listed(n: int, intro: str, *points: tuple[str, str]) -> Clause:
    eid = f"art_{n}"
    return Clause(
        eid,
        "article",
        num=str(n),
        children=(
            Clause(f"{eid}__intro", "intro", text=intro),
            *(Clause(f"{eid}__point_{a}", "point", num=a, text=text) for a, text in points),
        ),
    )


_NESTED = Clause(
    "art_3__para_2",
    "paragraph",
    num="2",
    children=(
        Clause(
            "art_3__para_2__intro",
            "intro",
            text="Each Party shall keep a register of orchards, which shall record:",
        ),
        Clause(
            "art_3__para_2__point_a",
            "point",
            num="a",
            children=(
                Clause(
                    "art_3__para_2__point_a__intro",
                    "intro",
                    text="for each orchard of more than five hectares:",
                ),
                Clause(
                    "art_3__para_2__point_a__point_i",
                    "point",
                    num="i",
                    text="the name of the grower and the address of the holding;",
                ),
                Clause(
                    "art_3__para_2__point_a__point_ii",
                    "point",
                    num="ii",
                    text="the varieties of fruit planted and the year of planting;",
                ),
            ),
        ),
        Clause(
            "art_3__para_2__point_b",
            "point",
            num="b",
            text="for every other orchard, the name of the grower only.",
        ),
    ),
)

ORCHARDS = Instrument(
    id="orchards",
    title="Convention on the Care of Orchards and Vineyards",
    body=(
        _preamble(
            "The States Parties to the present Convention,",
            "Considering that orchards and vineyards feed the people of every region and "
            "deserve the care of every Government,",
            "Recognizing that blight and frost have destroyed many harvests in recent "
            "years and that growers need common rules,",
            "Noting with concern the decline in the number of bees and other pollinating "
            "insects across the continent,",
            "Convinced that close cooperation between the agricultural services of the "
            "Parties will protect the harvests of future seasons,",
            "Desiring to establish a permanent body to advise the Parties on the health "
            "of fruit trees and vines,",
            "Have agreed as follows:",
        ),
        Clause(
            "part_I",
            "part",
            num="I",
            heading="Scope and definitions",
            children=(
                _article(
                    1,
                    "This Convention applies to every orchard and vineyard within the "
                    "territory of a Party. Each Party shall keep the growers informed of the "
                    "obligations that it lays upon them.",
                ),
                _listed(
                    2,
                    "For the purposes of this Convention:",
                    ("a", "orchard means any plot planted with fruit trees for a harvest;"),
                    ("b", "vineyard means any plot planted with vines for the making of wine;"),
                    ("c", "grower means the person who tends an orchard or a vineyard."),
                ),
            ),
        ),
        Clause(
            "part_II",
            "part",
            num="II",
            heading="Obligations of the Parties",
            children=(
                Clause(
                    "art_3",
                    "article",
                    num="3",
                    children=(
                        Clause(
                            "art_3__para_1",
                            "paragraph",
                            num="1",
                            text="Each Party shall take the measures needed to prevent the "
                            "spread of blight between neighbouring orchards.",
                        ),
                        _NESTED,
                    ),
                ),
                _numbered(
                    4,
                    "Each Party shall inspect every registered orchard at least once in "
                    "three years. The inspectors shall report to the competent authority.",
                    "A grower whose trees carry blight shall notify the competent "
                    "authority within thirty days of finding it.",
                    "The competent authority may order the felling of diseased trees "
                    "where no other remedy will stop the disease.",
                    "A grower who loses trees by such an order shall receive fair "
                    "compensation from the Party concerned.",
                ),
                _article(
                    5,
                    "The Parties shall exchange every year the results of their inspections "
                    "and the names of the diseases found. They shall publish a joint report "
                    "on the health of orchards every two years.",
                ),
                _numbered(
                    6,
                    "A Committee on Orchards and Vineyards is hereby established, with "
                    "twelve members elected by the Parties.",
                    "The members of the Committee shall serve for four years and may be "
                    "re-elected once. The Committee shall adopt its own rules of procedure.",
                    "The Committee may invite growers and scientists to its meetings as "
                    "observers without a right to vote.",
                ),
                _article(
                    7,
                    "Nothing in this Convention shall prevent a Party from adopting stricter "
                    "measures for the protection of its orchards and vineyards.",
                ),
                _numbered(
                    8,
                    "This Convention shall enter into force on the ninetieth day after the "
                    "deposit of the fifth instrument of ratification.",
                    "For each State ratifying it thereafter, this Convention shall enter "
                    "into force on the thirtieth day after the deposit of its instrument.",
                ),
            ),
        ),
    ),
)

LIGHTHOUSES = Instrument(
    id="lighthouses",
    title="Agreement on Coastal Lighthouses",
    body=(
        _preamble(
            "The Contracting Parties,",
            "Mindful of the danger that unlit headlands pose to ships sailing at night "
            "along rocky shores,",
            "Wishing to share the cost of keeping lamps, lenses and foghorns in working "
            "order along their coasts,",
            "Agree as follows:",
        ),
        _article(
            1,
            "Every Contracting State shall keep each lighthouse on its coast lit from sunset "
            "to sunrise throughout the year.",
        ),
        _numbered(
            2,
            "Keepers of lighthouses shall be trained in the care of lenses, lamps and "
            "foghorns before taking up their posts.",
            "Where a lighthouse is automated, a keeper shall visit it after every severe "
            "storm to check its machinery.",
        ),
        _article(
            3,
            "Ships passing a lighthouse shall pay light dues into a common fund held by the "
            "harbour masters of the coast.",
        ),
    ),
)
