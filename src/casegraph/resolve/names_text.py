"""Word-level name forms: the transliteration skeleton and Russian inflection variants of one token.

Two spellings of one name differ in ways that are not typos: transliteration systems (Yevgeny / Evgeny /
Evgenij, Aleksandr / Alexander, Sergei / Sergey / Serguei), Russian case endings (Ионова, Ионову,
Ионовым are all the surname Ионов) and the feminine form of a surname (Ионова). rigour already
transliterates every script to one Latin form (``NamePart.comparable``); this module folds the
remaining transliteration choices into a *skeleton* and adds the lemmas pymorphy2 (natasha's
morphology) gives a Cyrillic word, so that the matcher and the blocking keys can treat those
spellings as one word without treating different words (Ivanov / Ionov) as one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from rigour.text import ascii_text

# Order matters: multi-letter transliterations first, then single letters, then doubled letters.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sc"), ("sch", "sc"), ("tsch", "c"), ("tch", "c"), ("ch", "c"),
    ("kh", "h"), ("zh", "j"), ("dj", "j"), ("dzh", "j"),
    ("ks", "x"), ("cks", "x"), ("ph", "f"), ("w", "v"), ("ou", "u"),
    ("tz", "c"), ("ts", "c"),
    ("yo", "e"), ("ye", "e"), ("jo", "e"), ("je", "e"), ("ë", "e"),
    ("yu", "u"), ("iu", "u"), ("ju", "u"),
    ("ya", "a"), ("ia", "a"), ("ja", "a"),
    ("y", "i"),
)
_FOLD_RE = re.compile("|".join(re.escape(src) for src, _ in _FOLDS))
_FOLD_MAP = dict(_FOLDS)
_DOUBLE_RE = re.compile(r"(.)\1+")
# A "j" that is not before a vowel is a transliterated й (Sergej, Mikhajlov); before a vowel it is
# usually the French ж (Prigojine) or a iotation the folds above already handled.
_J_SEMIVOWEL = re.compile(r"j(?![aeiouy])")
# A hard "c" in English spelling is the "k" a transliteration writes (Concord / Конкорд); in the
# scientific system c is ц (Kuznecov). So it is a second reading, not part of the skeleton.
_HARD_C = re.compile(r"c(?=[aoulrkt]|$)|ck")
# German umlauts spelt out (Mueller / Müller → muller once ascii_text has dropped the dots): a
# German reading only, since Zuev and Shoigu's -oe- are Russian vowels side by side.
_UMLAUT = re.compile(r"(?<=[a-z])(ue|oe|ae)")
_VOWELS = re.compile(r"[aeiouj]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Feminine and oblique endings of Russian surnames written in Latin letters; the Cyrillic ones are
# pymorphy2's job. Each pair is (ending of the inflected form, ending of the masculine nominative).
_LATIN_SURNAME_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("yna", "yn"),
    ("skaya", "sky"), ("skaia", "sky"), ("skaja", "sky"), ("tskaya", "tsky"),
    ("aya", "y"),
)
_PATRONYMIC_RE = re.compile(r"(ovic|evic|ovna|evna|icna|inicna|ovi|evi|[ktmn]ic)$")

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@functools.lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The word reduced to what every common transliteration of it shares."""
    text = _NON_ALNUM.sub("", ascii_text(word).lower())
    text = _J_SEMIVOWEL.sub("i", text)
    text = _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group(0)], text)
    return _DOUBLE_RE.sub(r"\1", text) if len(text) > 3 else text  # EU is not EEU


def is_patronymic(word: str) -> bool:
    """A Russian patronymic (Викторович, Viktorovich, Petrovna) by its ending."""
    skel = skeleton(word)
    return len(skel) > 5 and bool(_PATRONYMIC_RE.search(skel))


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


@functools.cache
def _morph() -> Any:
    """pymorphy2's analyser, or None when it cannot be loaded (then inflection is not folded).

    natasha is imported first: it installs the Python 3.11 shims pymorphy2 needs (stack notes).
    """
    try:
        import natasha  # noqa: F401
        import pymorphy2  # type: ignore[import-untyped]

        return pymorphy2.MorphAnalyzer()
    except Exception:  # pragma: no cover - depends on the installed stack
        return None


# Endings a Russian name has only when declined or feminine; a word without one (Сергей, Ионов,
# Зеленский) is already a masculine nominative and is not worth pymorphy2's time.
_INFLECTED_ENDINGS = ("а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ом", "ем", "ым", "им", "ых", "их",
                      "ого", "его", "ому", "ему", "ая", "яя")

_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Orgn", "Geox", "NOUN", "ADJF"})


@functools.lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Dictionary forms of a Cyrillic word (Ионову → ионов, Медузы → медуза), lower case.

    Several are kept because the case of a bare word is ambiguous (Ионова is the genitive of Ионов
    and a woman's nominative); the matcher counts any shared lemma as an inflection match, weaker
    than an exact one.
    """
    word = word.lower()
    if not is_cyrillic(word) or not word.endswith(_INFLECTED_ENDINGS):
        return frozenset()
    morph = _morph()
    if morph is None:
        return frozenset()
    found: set[str] = set()
    for parse in morph.parse(word)[:4]:
        if parse.score < 0.05 or not (_NAME_GRAMMEMES & set(parse.tag.grammemes)):
            continue
        if parse.normal_form != word:
            found.add(parse.normal_form)
    return frozenset(found)


# Case endings of Russian surnames in Cyrillic, for surnames pymorphy2's dictionary does not know
# (its guesses by analogy often keep the ending). (ending, nominative masculine ending)
_CYRILLIC_SURNAME_ENDINGS: tuple[tuple[str, str], ...] = tuple(
    (stem + ending, stem)
    for stem in ("ов", "ев", "ёв", "ин", "ын")
    for ending in ("а", "у", "ым", "е", "ой", "ым", "ых", "ы")
) + tuple(("ск" + ending, "ский") for ending in ("ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их")) + tuple(
    ("цк" + ending, "цкий") for ending in ("ого", "ому", "им", "ом", "ая", "ой", "ую"))


def cyrillic_inflections(word: str) -> frozenset[str]:
    """Masculine nominative of a declined or feminine Cyrillic surname (Пусоевой → Пусоев)."""
    low = word.lower()
    found = set()
    for ending, base in _CYRILLIC_SURNAME_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            found.add(low[: -len(ending)] + base)
    return frozenset(found)


def latin_inflections(word: str) -> frozenset[str]:
    """Masculine nominative of a Russian surname written in Latin letters (Ionova → Ionov)."""
    low = ascii_text(word).lower()
    found = set()
    for ending, base in _LATIN_SURNAME_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            found.add(low[: -len(ending)] + base)
    return frozenset(found)


@functools.lru_cache(maxsize=200_000)
def word_forms(form: str) -> frozenset[str]:
    """Skeletons of the inflection variants of a word (itself excluded).

    ``form`` is the word in its own script (rigour's ``NamePart.form``).
    """
    own = skeleton(form)
    variants = {skeleton(lemma) for lemma in lemmas(form)}
    variants |= {skeleton(v) for v in latin_inflections(form)}
    if is_cyrillic(form):
        variants |= {skeleton(v) for v in cyrillic_inflections(form)}
    for lemma in lemmas(form):
        variants |= {skeleton(v) for v in latin_inflections(ascii_text(lemma))}
    variants.discard(own)
    variants.discard("")
    return frozenset(variants)


def consonants(skel: str) -> str:
    """The skeleton without vowels: transliterations of one word differ in vowels far more
    often than in consonants (Serguei / Sergei; Sechin / Setin are two people)."""
    return _VOWELS.sub("", skel)


# Other languages' ways of writing Russian sounds, read back into the English system the skeleton
# folds: German (Tschernow, Chimki, Schukow, Saizew) and French (Tchernov, Joukov, Chostakovitch).
_GERMAN = {"schtsch": "shch", "tsch": "ch", "sch": "sh", "ch": "kh", "z": "ts", "ss": "s"}
_FRENCH = {"chtch": "shch", "tch": "ch", "ch": "sh", "j": "zh", "iou": "yu", "io": "yo", "ou": "u"}
_FRENCH_END = re.compile(r"(?<=[iy])ne$")  # Dolgouchine, Poutine: the French -ine of -ин
# Ukrainian and Belarusian г is h (Hrytsenko / Gritsenko, Siarhei / Sergei) where h is no digraph.
_UKRAINIAN_H = re.compile(r"(?<![kzsc])h")
# German s before a vowel, at the start or after one, is з (Resiew, Semjonow).
_VOICED_S = re.compile(r"(?:(?<=[aeiouy])|^)s(?=[aeiouy])")


def _one_pass(table: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))


_GERMAN_RE, _FRENCH_RE = _one_pass(_GERMAN), _one_pass(_FRENCH)


@functools.lru_cache(maxsize=200_000)
def readings(form: str) -> frozenset[str]:
    """Skeletons of a Latin word read as a German or French transliteration (itself excluded).

    Each table is applied in one left-to-right pass, longest spelling first, so that French chtch
    (щ) is not read again as ch (ш).
    """
    if is_cyrillic(form):
        return frozenset()
    low = ascii_text(form).lower()
    found = set()
    german = _VOICED_S.sub("z", low)
    german = _GERMAN_RE.sub(lambda m: _GERMAN[m.group(0)], german)
    found.add(skeleton(german))
    found.add(skeleton(_FRENCH_END.sub("n", _FRENCH_RE.sub(lambda m: _FRENCH[m.group(0)], low))))
    if _UKRAINIAN_H.search(low):
        found.add(skeleton(_UKRAINIAN_H.sub("g", low)))
    if _UMLAUT.search(low):
        found.add(skeleton(_UMLAUT.sub(lambda m: m.group(0)[0], low)))
    if _HARD_C.search(low):
        found.add(skeleton(_HARD_C.sub("k", low)))
    found.discard(skeleton(form))
    return frozenset(found)


def edit_budget(length: int) -> int:
    """Edits two spellings of one word of this length may differ by and still be one word.

    Strict on short words: Ivanov / Ionov (two edits in six letters) are different people.
    """
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    if length <= 13:
        return 2
    return 3
