"""Sentence segmentation: the first extraction step, which every later component relies on.

English text is parsed once with spaCy (the Doc is kept on ``ctx.nlp_doc`` for later rules);
Russian text is split with razdel. In both, a line break always ends a sentence, so headlines,
captions, credits and bullets are sentences of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from casegraph.extract.context import DocContext, Sentence
from casegraph.extract.nlp import english
from casegraph.extract.registry import component

MAX_CHARS = 1_000_000  # spaCy's default max_length; longer texts are cut and a note is left
_LINE_BREAK = re.compile(r"\n")


def _cap(ctx: DocContext) -> str:
    """The part of the text that will be parsed; cut on a paragraph break where possible."""
    if len(ctx.text) <= MAX_CHARS:
        return ctx.text
    cut = ctx.text.rfind("\n", 0, MAX_CHARS)
    if cut < MAX_CHARS // 2:
        cut = MAX_CHARS
    ctx.notes.append(
        f"Text is {len(ctx.text):,} characters long; only the first {cut:,} were analysed for names."
    )
    return ctx.text[:cut]


def split_lines(text: str, start: int, end: int) -> list[Sentence]:
    """Split ``text[start:end]`` at line breaks into stripped, non-empty sentences."""
    out: list[Sentence] = []
    pos = start
    for brk in [*(m.start() for m in _LINE_BREAK.finditer(text, start, end)), end]:
        s, e = pos, brk
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, text[s:e]))
        pos = brk + 1
    return out


def _english_sentences(ctx: DocContext, doc) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.sents:
        out.extend(split_lines(ctx.text, sent.start_char, sent.end_char))
    return out


def _russian_sentences(ctx: DocContext, text: str) -> list[Sentence]:
    from razdel import sentenize

    out: list[Sentence] = []
    for sent in sentenize(text):
        out.extend(split_lines(ctx.text, sent.start, sent.stop))
    return out


@component("segment", requires=(), assigns=("sentences", "parse"))
def run(ctx: DocContext) -> None:
    """Fill ``ctx.sentences`` (and ``ctx.nlp_doc`` for English)."""
    run_many([ctx])


def run_many(ctxs: Iterable[DocContext], batch_size: int = 16) -> None:
    """Segment many documents; English ones are parsed together with ``nlp.pipe`` (faster)."""
    english_ctxs: list[DocContext] = []
    for ctx in ctxs:
        if ctx.language == "ru":
            ctx.sentences = _russian_sentences(ctx, _cap(ctx))
        else:
            english_ctxs.append(ctx)
    if not english_ctxs:
        return
    texts = [_cap(ctx) for ctx in english_ctxs]
    for ctx, doc in zip(english_ctxs, english().pipe(texts, batch_size=batch_size), strict=True):
        ctx.nlp_doc = doc
        ctx.sentences = _english_sentences(ctx, doc)
