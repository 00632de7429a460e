"""Small helpers that tidy and compare name strings found by the NER.

Small NER models return spans with stray articles, possessives, quotes, honorifics and line
breaks, and write one party several ways ("FSB" / "Federal Security Service", "the Justice
Ministry" / "Russia's Justice Ministry"). These helpers turn spans into clean names and decide
when two names can denote the same party.
"""

from __future__ import annotations

import functools
import re

from casegraph.extract.vocab.organisations import COMPANY_FORMS_CASED
from casegraph.extract.vocab.roles import HONORIFICS

QUOTES = "\"'“”‘’«»„‚‹›`"
_EDGE_PUNCT = QUOTES + ".,;:!?()[]{}<>—–-•*/|\\ \t\r\n\xa0£$€¥₽"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_CONNECTORS = frozenset(
    {"of", "for", "the", "and", "&", "on", "in", "de", "du", "des", "la", "le", "to", "at"}
)
_TOKEN = re.compile(r"[^\s]+")


def clean_bounds(text: str, start: int, end: int, keep_article: bool = False) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to the bare name: cut at the first line break, drop a leading
    article, honorifics, a trailing possessive, quotes and punctuation. Offsets stay exact."""
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
            changed = True
        while (
            end > start
            and text[end - 1] in _EDGE_PUNCT
            and not _is_abbrev_dot(text, start, end)
            and not _closes_inner_quote(text, start, end)
        ):
            end -= 1
            changed = True
        span = text[start:end]
        m = _POSSESSIVE.search(span)
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
            continue
        if not keep_article:
            m = _LEADING_ARTICLE.match(span)
            if m:
                start += m.end()
                changed = True
                continue
        first = span.split(" ", 1)[0]
        if first.lower() in HONORIFICS and " " in span:
            start += len(first) + 1
            changed = True
    return start, end


def _closes_inner_quote(text: str, start: int, end: int) -> bool:
    """Keep the closing mark of a quoted name inside the span: ООО «Ромашка», Acme "Trading"."""
    close = text[end - 1]
    opener = {"»": "«", "”": "“", '"': '"'}.get(close)
    return (
        opener is not None and text.count(opener, start, end - 1) % 2 == 1
        if opener == '"'
        else (opener is not None and opener in text[start : end - 1])
    )


def _is_abbrev_dot(text: str, start: int, end: int) -> bool:
    """Keep the final dot of "U.S." or "Co." style abbreviations."""
    if text[end - 1] != ".":
        return False
    word = text[start:end].rsplit(" ", 1)[-1]
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", word)) or word.lower() in _ABBREV_KEEP


_ABBREV_KEEP = frozenset({"co.", "inc.", "corp.", "ltd.", "jr.", "sr.", "st."})


def tokens(name: str) -> list[str]:
    return _TOKEN.findall(name)


@functools.lru_cache(maxsize=8192)
def is_acronym(word: str) -> bool:
    """ "FSB", "U.S.", "CIPDH", "ООО": two or more capitals, nothing else but dots/digits/ampersand.
    Called for every candidate surface, so it answers the common case (a long or lower-case word) at once."""
    if len(word) > 16 or not word[:1].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and all(c.isalpha() or c in ".&-0123456789" for c in word)
    )


def initials(words: list[str]) -> str:
    """Initials of the content words ("Federal Security Service" -> "FSS"); hyphenated words give
    one letter per part ("Anti-Globalization" -> "AG")."""
    out = []
    for w in words:
        if w.lower() in _CONNECTORS:
            continue
        for part in w.split("-"):
            if part[:1].isalpha():
                out.append(part[0].upper())
    return "".join(out)


def acronym_matches(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: "UN"/"United Nations", "FSB"/"Federal Security
    Service" (Russian acronyms often keep only the first letters of the first words)."""
    letters = acronym.replace(".", "").replace("-", "").upper()
    words = [w for w in tokens(name) if w.lower() not in _CONNECTORS]
    if len(letters) < 2 or len(words) < 2:
        return False
    full = initials(words)
    if letters == full:
        return True
    simple = "".join(w[0].upper() for w in words if w[:1].isalpha())
    return letters == simple


@functools.lru_cache(maxsize=16384)
def _token_tuple(name: str) -> tuple[str, ...]:
    """``tokens`` of a name, cached: grouping compares every pair of surface forms."""
    return tuple(_TOKEN.findall(name))


def short_form_of(short: str, long: str) -> bool:
    """Whether token list ``short`` abbreviates ``long`` word by word, an acronym token standing
    for several initial-capitalised words: "LA Times" / "Los Angeles Times"."""
    s, lg = _token_tuple(short), _token_tuple(long)
    if s == lg:
        return True
    i = 0
    for tok in s:
        if i < len(lg) and tok.lower() == lg[i].lower():
            i += 1
            continue
        if is_acronym(tok):
            letters = tok.replace(".", "")
            j = i
            while j < len(lg) and j - i < len(letters) and lg[j][:1].upper() == letters[j - i]:
                j += 1
            if j - i == len(letters) and j - i > 1:
                i = j
                continue
        return False
    return i == len(lg)


def strip_company_form(name: str) -> str:
    """ "LLC Acme Trading" / "Acme Trading Ltd" -> "Acme Trading"."""
    words = tokens(name)
    while len(words) > 1 and words[0].strip(",") in COMPANY_FORMS_CASED:
        words = words[1:]
    while len(words) > 1 and words[-1].strip(",") in COMPANY_FORMS_CASED:
        words = words[:-1]
    return " ".join(words).strip(QUOTES + " ,")


def has_company_form(name: str) -> bool:
    words = tokens(name)
    return len(words) > 1 and (
        words[0].strip(",") in COMPANY_FORMS_CASED or words[-1].strip(",") in COMPANY_FORMS_CASED
    )


def is_name_like(name: str) -> bool:
    """At least one capitalised word and no lowercase-only first word."""
    words = tokens(name)
    if not words or not words[0][:1].isupper():
        return False
    return any(c.isalpha() for c in name)


def fold(name: str) -> str:
    """Comparison form: case-folded, apostrophes unified, single spaces."""
    name = name.replace("’", "'").replace("‘", "'")
    return " ".join(name.casefold().split())


# Slavic surnames mark their bearer's gender in the ending, in either script ("Burakova" /
# "Буракова" vs "Ionov" / "Ионов"); a given name alone says too little to use.
# In Latin script only the unambiguous endings count ("Franklin", "Messina" are not Slavic).
_SURNAME_FEMALE = re.compile(r"(?:ova|eva|yova|skaya|tskaya|ова|ева|ёва|ина|ына|ская|цкая)$", re.IGNORECASE)
_SURNAME_MALE = re.compile(r"(?:ov|ev|yov|sky|skiy|skii|tsky|ovich|evich|ов|ев|ёв|ин|ын|ский|цкий|вич)$",
                           re.IGNORECASE)


def surname_gender(name: str) -> str | None:
    """"f"/"m" when a person's last word is a Slavic surname whose ending shows the gender, else
    None (English names carry no such mark; "Martin" or "Robin" are not Slavic surnames, so a
    single-word name, which may be a given name, is never judged)."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w[:1].isupper()]
    if len(words) < 2 and not (words and re.search(r"[а-яё]", words[0], re.IGNORECASE)):
        return None
    last = words[-1] if words else ""
    if len(last) < 4:
        return None
    if _SURNAME_FEMALE.search(last):
        return "f"
    if _SURNAME_MALE.search(last):
        return "m"
    return None
