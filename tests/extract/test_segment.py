"""Sentence splitting: line breaks always end a sentence; offsets point into the text."""

from __future__ import annotations

from casegraph.extract import segment
from casegraph.extract.context import DocContext


def _sentences(text: str, language: str = "en") -> list[str]:
    ctx = DocContext(text, language=language)
    segment.run(ctx)
    for s in ctx.sentences:
        assert ctx.text[s.start : s.end] == s.text
    return [s.text for s in ctx.sentences]


def test_headline_caption_and_bullets_are_own_sentences() -> None:
    text = (
        "Harbour deal under scrutiny\n"
        "Photo: Jane Roe\n\n"
        "The port authority signed the lease in March. Critics objected the next day.\n"
        "  • First point without a stop\n"
        "  • Second point"
    )
    assert _sentences(text) == [
        "Harbour deal under scrutiny",
        "Photo: Jane Roe",
        "The port authority signed the lease in March.",
        "Critics objected the next day.",
        "• First point without a stop",
        "• Second point",
    ]


def test_nlp_doc_is_kept_for_english() -> None:
    ctx = DocContext("Anna Smith met the mayor.")
    segment.run(ctx)
    assert ctx.nlp_doc is not None and ctx.nlp_doc.text == ctx.text


def test_run_many_batches_documents() -> None:
    ctxs = [DocContext("First text. Two sentences."), DocContext("Второй текст. Тоже два.", language="ru")]
    segment.run_many(ctxs)
    assert [len(c.sentences) for c in ctxs] == [2, 2]
    assert ctxs[1].nlp_doc is None


def test_russian_sentences_split_on_lines() -> None:
    assert _sentences("Заголовок без точки\nПервое предложение. Второе предложение.", "ru") == [
        "Заголовок без точки",
        "Первое предложение.",
        "Второе предложение.",
    ]


def test_overlong_text_is_cut_with_a_note(monkeypatch) -> None:
    monkeypatch.setattr(segment, "MAX_CHARS", 60)
    ctx = DocContext("A short opening line.\n" + "More words here. " * 10)
    segment.run(ctx)
    assert ctx.notes and "only the first" in ctx.notes[0]
    assert ctx.sentences[-1].end <= 60
