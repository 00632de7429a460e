"""Bad input to extraction: empty, garbled and over-long documents give a message, never a crash,
and one failing document never loses the others."""

from __future__ import annotations

import random

import pytest

from casegraph.extract import pipeline
from casegraph.model import Document


def doc(text: str, doc_id: str = "d1", language: str = "en") -> Document:
    return Document(id=doc_id, text=text, format="txt", language=language)


def test_empty_document_is_reported_not_extracted() -> None:
    outcome = pipeline.extract_document(doc("   \n\n  "))
    assert outcome.extraction is None and outcome.error is None
    assert "no text" in outcome.notes[0]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_garbled_text_does_not_crash(language: str) -> None:
    rng = random.Random(7)
    alphabet = "abcxyzАБВгдё0123456789 .,;:!?«»“”\"'()—\n\t€$%&*#@" + "\u200b\ufffd\u0301"
    text = "".join(rng.choice(alphabet) for _ in range(5000))
    outcome = pipeline.extract_document(doc(text, language=language))
    assert outcome.error is None, outcome.error
    assert outcome.extraction is not None


def test_overlong_text_is_capped_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 200)
    text = ("Anna Berg founded Northwind Trust in 2015. " * 20).strip()
    outcome = pipeline.extract_document(doc(text))
    assert outcome.error is None
    assert any("characters" in note for note in outcome.notes)
    assert outcome.extraction is not None
    assert all(s.end is None or s.end <= 200 for s in outcome.extraction.statements)


def test_one_failing_document_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.component

    def flaky(name: str):  # type: ignore[no-untyped-def]
        run = real(name)
        if name != "money":
            return run

        def boom(ctx):  # type: ignore[no-untyped-def]
            if "explode" in ctx.text:
                raise RuntimeError("synthetic failure")
            run(ctx)

        return boom

    monkeypatch.setattr(pipeline, "component", flaky)
    docs = [doc("Anna Berg paid 5,000 euros to Northwind Trust.", "a"),
            doc("This one will explode during extraction.", "b"),
            doc("Karl Brandt founded Eastgate Ltd in 2001.", "c")]
    outcomes = list(pipeline.extract_documents(docs))
    assert [o.document_id for o in outcomes] == ["a", "b", "c"]
    assert outcomes[1].error and "synthetic failure" in outcomes[1].error
    assert outcomes[0].extraction is not None and outcomes[2].extraction is not None
