"""The whole pipeline through the case service on the example case: every span is exact, and
re-extraction keeps reviewer decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.services import Case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "meduza-case"


@pytest.fixture(scope="module")
def example_case(tmp_path_factory: pytest.TempPathFactory):
    case = Case.open(tmp_path_factory.mktemp("example") / "case.db")
    report = case.ingest([EXAMPLES])
    assert not report.failed, [(i.path, i.reason) for i in report.failed]
    assert not [n for i in report.items for n in i.notes if n.startswith("extraction failed")]
    yield case
    case.close()


def test_every_format_of_the_example_case_is_ingested(example_case: Case) -> None:
    formats = {d.format for d in example_case.documents()}
    assert formats >= {"txt", "md", "html", "pdf"}
    languages = {d.language for d in example_case.documents()}
    assert {"en", "ru"} <= languages


def same_name(surface: str, value: str) -> bool:
    """A name statement's span holds the name as written; Russian names are stored in the
    nominative, so there only the word stems must agree ("Министерства юстиции" → "Министерство…")."""
    if surface == value:
        return True
    a, b = surface.lower().split(), value.lower().split()
    return len(a) == len(b) and all(x[:3] == y[:3] for x, y in zip(a, b, strict=True))


def test_every_span_points_at_its_text(example_case: Case) -> None:
    docs = {d.id: example_case.document(d.id) for d in example_case.documents()}
    for mention in example_case.store.list_mentions():
        assert docs[mention.document_id].text[mention.start:mention.end] == mention.text
    for st in example_case.store.iter_statements():
        assert st.document_id in docs and st.start is not None and st.end is not None
        assert 0 <= st.start < st.end <= len(docs[st.document_id].text)
        if st.prop in ("name", "alias"):
            assert same_name(docs[st.document_id].text[st.start:st.end], st.value)
    for quote in example_case.quotes():
        assert docs[quote.document_id].text[quote.start:quote.end] == quote.text


def test_extraction_finds_parties_in_english_and_russian(example_case: Case) -> None:
    people = {e.caption for e in example_case.entities("Person")}
    assert "Vadim Subbotin" in people
    # a Russian name may now be one of a merged (canonical) person's names rather than its caption
    names = {n for e in example_case.entities("Person") for n in e.get("name")}
    assert any(any("а" <= ch <= "я" for ch in name.lower()) for name in names)
    assert example_case.entities("PublicBody")


def test_reextraction_keeps_decisions(example_case: Case) -> None:
    statements = list(example_case.store.iter_statements())
    confirmed, rejected = statements[0], statements[-1]
    example_case.decide(confirmed.id, "confirmed", "alice")
    example_case.decide(rejected.id, "rejected", "alice", note="wrong reading")
    before = {s.id for s in example_case.store.iter_statements()}
    example_case.extract()
    after = {s.id: s.status for s in example_case.store.iter_statements(include_rejected=True)}
    assert after[confirmed.id] == "confirmed" and after[rejected.id] == "rejected"
    assert rejected.id not in {s.id for s in example_case.store.iter_statements()}
    assert before - {rejected.id} <= set(after)
