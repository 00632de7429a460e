"""Name candidates from the shape of the text (parties_shapes) on sentences written for these tests,
checked through the party finder, which weighs them with the model's own votes."""

from __future__ import annotations

import pytest

from casegraph.extract import parties, segment
from casegraph.extract.context import DocContext


def found(text: str) -> dict[str, str]:
    ctx = DocContext(text=text, language="en")
    segment.run(ctx)
    parties.run(ctx)
    return {p.name: p.schema for p in ctx.parties.values()}


@pytest.mark.parametrize(("text", "name", "kinds"), [
    ("The talks failed. Apex Media acted for the buyer in the talks.", "Apex Media", {"Organization", "Company"}),
    ("Funding came from the Open Lens Institute and two banks.", "Open Lens Institute", {"Organization"}),
    ("In May the state media regulator (Vesknadzor) blocked the site.", "Vesknadzor", {"PublicBody"}),
    ("The deal closed. Pavel Lindt, a former correspondent for a wire service, said it was rushed.",
     "Pavel Lindt", {"Person"}),
])
def test_shape_gives_a_party(text: str, name: str, kinds: set[str]) -> None:
    got = found(text)
    assert got.get(name) in kinds, got


@pytest.mark.parametrize("text", [
    "Media coverage of the trial was thin, and Group work resumed in May.",  # bare heads, no name
    "The committee met (briefly) and then adjourned.",  # brackets after a word that describes no party
])
def test_no_party_from_a_bare_head_or_plain_brackets(text: str) -> None:
    assert found(text) == {}
