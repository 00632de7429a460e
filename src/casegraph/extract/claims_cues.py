"""Lexical cues the claims component reads: discourse markers of contrast and denial, evidence
phrases ("records show", "согласно выписке"), negation, quantities, and a light stemmer.

Kept apart from :mod:`casegraph.extract.claims` (which decides what to pair) so the vocabulary can
grow without touching the pairing logic. Everything here is generic English and Russian, never
wording from a particular document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Markers that open a contrast inside a sentence: the text before and after them disagree.
INTERNAL = re.compile(
    r"\((?:though|although|that said|but|not|however)\b|;\s*(?:however|but)\b|,\s*(?:but|though|although|whereas)\s"
    r"|—\s*(?:but|though)\b|\((?:хотя|но|однако|не)\s|,\s*(?:но|однако|хотя)\s",
    re.IGNORECASE,
)
# Markers that set a whole sentence against something said before it: sentence-initial, or
# parenthetical between commas ("Emails, though, show …").
OPENING = re.compile(
    r"^(?:however|but|yet|still|in fact|actually|nevertheless|nonetheless|instead|contrary to|in reality"
    r"|on the contrary)\b|,\s*(?:however|though|nevertheless|nonetheless|in fact)\s*,|\bhowever\b"
    r"|^(?:однако|но|тем не менее|впрочем|на самом деле|между тем|вместе с тем)\b|,\s*(?:однако|впрочем)\s*,",
    re.IGNORECASE,
)
# Markers announcing the other version of what was said before ("Lind put it differently:",
# "The accounts tell a different story.", "Проверка показала иную картину"): they point back.
ANNOUNCE = re.compile(
    r"\b(?:differently|a (?:different|another|very different|rather different) (?:story|picture|account|version)"
    r"|(?:tells?|told|paints?|painted) (?:a |another )?(?:different|another) (?:story|picture)"
    r"|at odds with|contrary to (?:what|(?:his|her|their|its) (?:claims?|account|statements?)))\b"
    r"|(?<![\w-])(?:ин\w+ картин\w+|друг\w+ картин\w+|по-другому|по-иному|ин\w+ верси\w+"
    r"|расход\w+ с (?:его|её|ее|их|эт\w+)|вопреки (?:словам|заявлени\w+|утверждени\w+))(?![\w-])",
    re.IGNORECASE,
)
# Verbs and adverbs by which a sentence denies or corrects what came before.
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|disputed|disputes|refuted|refutes|rejected|rejects|contradicted|contradicts"
    r"|disagreed|disagrees|corrected|no longer|hardly|contrary|the opposite|not true|untrue)\b"
    r"|(?<![\w-])(?:отрицал\w*|отрицает|опроверг\w*|отверга\w*|не соглас\w*|обратное|больше не|вовсе не"
    r"|не соответству\w+ действительности)(?![\w-])",
    re.IGNORECASE,
)
# Substrings one of which every DENIAL / ANNOUNCE match contains: a sentence with none of them is
# skipped without running the (slow, many-alternative) pattern over it.
_DENIAL_KEYS = ("deni", "deny", "disput", "refut", "reject", "contradict", "disagre", "correct", "no longer",
                "hardly", "contrary", "opposite", "true", "отрица", "опроверг", "отверга", "не соглас", "обратное",
                "больше не", "вовсе не", "не соответству")
_ANNOUNCE_KEYS = ("different", "another", "at odds", "contrary", "картин", "по-друг", "по-ин", "верси", "расход",
                  "вопреки")


def _gated(pattern: re.Pattern[str], keys: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    """``pattern.search``, run only when the lower-cased text holds one of ``keys`` (substring tests in C
    are far cheaper than trying a long alternation at every position)."""

    def search(text: str) -> re.Match[str] | None:
        low = text.lower()
        return pattern.search(text) if any(k in low for k in keys) else None

    return search


denial = _gated(DENIAL, _DENIAL_KEYS)
announce = _gated(ANNOUNCE, _ANNOUNCE_KEYS)

# A short denial pointing back at the sentence before it: "X denied that.", "…писал обратное".
ANAPHORIC_END = re.compile(
    r"\b(?:that|this|it|the claims?|the allegations?|the account|the opposite)\s*[.!]?\s*$"
    r"|(?<![\w-])(?:с этим|этого|это|обратное)(?![\w-])",
    re.IGNORECASE,
)
# A denial whose object names what was said before, whatever the sentence's length: "disputes
# this account", "rejected those claims", "эту версию опровергает", "с этим не согласны",
# "претензии отвергает".
ANAPHORIC_NEAR = re.compile(
    r"\b(?:denied|denies|disputed|disputes|rejected|rejects|refuted|refutes|contradicted|contradicts)\s+"
    r"(?:(?:this|that|these|those|it)(?=\s*[.,;!?)]|\s*$)|(?:this|that|these|the|those|such) "
    r"(?:claims?|allegations?|accusations?|account|version|assertions?|suggestions?|findings?|figures?))"
    r"|(?<![\w-])(?:с этим не соглас\w*|не соглас\w* с этим|(?:эт\w+|так\w+)\s+(?:верси\w+|утверждени\w+"
    r"|данн\w+|слов\w+|обвинени\w+|претензи\w+|довод\w+)\s+(?:\w+\s+)?(?:опроверг|отрица|отверга|оспарива"
    r"|не призна)\w*|(?:опроверг|отрица|отверга|оспарива)\w*\s+(?:эт\w+|так\w+)\s+(?:верси\w+|утверждени\w+"
    r"|обвинени\w+|претензи\w+|довод\w+)|(?:претензи\w+|обвинени\w+|упр[её]к\w+)\s+(?:\w+\s+)?(?:отверга"
    r"|отрица|опроверга|не призна)\w*)(?![\w-])",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|nothing|none|neither|nor|without)\b|n['’]t\b"
    r"|(?<![\w-])(?:не|никогда|никаких|никакого|никто|ничего|нет|ни)(?![\w-])",
    re.IGNORECASE,
)
# A record as the source of a statement: "records show", "the register lists", "согласно выписке".
RECORD = (
    r"(?:records?|audits?|register|registry|filings?|accounts|minutes|documents?|report|e-?mails?|invoices?|return"
    r"|extract|database|ledger|data|statements?|выписк\w*|реестр\w*|протокол\w*|документ\w*|отч[её]т\w*"
    r"|данны\w+|материал\w*|запис\w+)"
)
EVIDENCE = re.compile(
    rf"(?<![\w-]){RECORD}(?![\w-])[^.;:!?]{{0,120}}?(?<![\w-])(?:shows?|showed|shown|records?|recorded|lists?"
    r"|listed|names?|named|reveals?|revealed|indicates?|indicated|contains?|states?|показ\w+|значит\w*"
    r"|указан\w*|следует|свидетельству\w+)(?![\w-])"
    rf"|(?<![\w-])(?:according to (?:the |its |their |his |her )?\S*\s*|согласно |по данным ){RECORD}",
    re.IGNORECASE,
)
# Every EVIDENCE match names a record (RECORD above).
_RECORD_KEYS = ("record", "audit", "regist", "filing", "account", "minutes", "document", "report", "mail", "invoice",
                "return", "extract", "database", "ledger", "data", "statement", "выписк", "реестр", "протокол",
                "документ", "отчет", "отчёт", "данны", "материал", "запис")
evidence = _gated(EVIDENCE, _RECORD_KEYS)

# "the ministry's own register", "its own accounts", "собственный реестр": a record of the party
# itself, the reporter's usual way of setting it against what the party says.
OWN = re.compile(r"\b(?:\w+['’]s|its|their|his|her) own\b|(?<![\w-])собственн\w+|(?<![\w-])сам\w* же\b",
                 re.IGNORECASE)
# Quantities: a number with its unit ("60 per cent", "4.2 million", "12,4 млн") or a number word
# before a noun ("four companies", "a single bid").
_NUMBER_WORDS = {
    "one": 1, "single": 1, "sole": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "один": 1, "одна": 1, "одно": 1, "единственн": 1, "два": 2, "две": 2,
    "три": 3, "четыре": 4, "пять": 5,
}
_NUMBER_WORDS_LONGEST = sorted(_NUMBER_WORDS, key=len, reverse=True)
_DIGIT = re.compile(r"\d")
QUANTITY = re.compile(
    r"(?P<num>\d{1,3}(?:[ ,.\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"\s*(?:(?P<unit>per\s?cent|percent|%|процент\w*|million|billion|млн|млрд|тыс\w*)"
    r"(?:\.?\s+(?P<what>[^\W\d_]{3,}))?|(?P<count>(?-i:[a-zа-яё])[^\W\d_]{2,}))?"
    r"|(?<![\w-])(?P<word>" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\w*\s+(?P<noun>[^\W\d_]{3,})",
    re.IGNORECASE,
)

WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
STOP = frozenset(
    "that this with from have were which what when where there their they them then than also into about after "
    "before would could should said told says other been being some such only just more most very even over "
    "under while because though although however these those your ours mine here does doesn didn wasn isn "
    "will shall might must each every much many once whole still".split()
)
CYRILLIC = re.compile(r"[а-яё]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, language-light stem: enough to match 'appealed' with 'appeal', 'undelivered'
    with 'delivered' (a contradiction often negates by prefix) and Russian word forms."""
    word = word.lower()
    if CYRILLIC.match(word):
        return word[:6]
    if word.startswith("un") and len(word) >= 7:
        word = word[2:]
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    if len(word) > 5 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


LEGAL_FORMS = frozenset("ООО ОАО ЗАО ПАО АО НКО ИП LLC LTD PLC INC LLP SA AG AB AS NV BV".split())
ACRONYM = re.compile(r"(?<![\w-])[A-ZА-ЯЁ]{2,3}(?![\w-])")


def content(text: str) -> set[str]:
    """Stems of the content words, and short acronyms ("FSB", "ЕС") that name what a claim is about."""
    found = {stem(w) for w in WORD.findall(text) if w.lower() not in STOP}
    return found | {a.lower() for a in ACRONYM.findall(text) if a.upper() not in LEGAL_FORMS}


def negated(text: str) -> set[str]:
    """Stems of the lower-case words right after each negation ("had not approved the plan" →
    approv, plan): what the negation falls on. Empty when the text is not negated."""
    out: set[str] = set()
    for neg in NEGATION.finditer(text):
        following = re.findall(r"[^\W\d_]+", text[neg.end() : neg.end() + 40])[:3]
        out |= {stem(w) for w in following if w.islower() and len(w) >= 4 and w not in STOP}
    return out


# Words after a number that date or time something rather than count it ("in 2022 году", "15 March").
_NOT_COUNTED = frozenset(
    "years year days day months month weeks week hours hour minutes pages page per and the of to in on at"
    " percent".split()
)
_NOT_COUNTED_RU = ("год", "лет", "дн", "дня", "мес", "нед", "час", "мин", "янв", "фев", "мар", "апр", "мая",
                   "июн", "июл", "авг", "сен", "окт", "ноя", "дек", "стр")


def quantities(text: str) -> set[tuple[str, float]]:
    """(unit, value) of the measured quantities in ``text`` (bare numbers, such as days and years,
    are left out). A number word takes its noun's stem as unit."""
    out: set[tuple[str, float]] = set()
    if _DIGIT.search(text) is None:  # cheap gate: most sentences hold no figure and no number word
        low = text.lower()
        if not any(w in low for w in _NUMBER_WORDS):
            return out
    for m in QUANTITY.finditer(text):
        if m.group("word"):
            key = next(k for k in _NUMBER_WORDS_LONGEST if m.group("word").lower().startswith(k))
            out.add(("#" + stem(m.group("noun")), float(_NUMBER_WORDS[key])))
            continue
        raw = re.sub(r"\s", "", m.group("num"))
        try:
            value = float(raw.replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw.replace(",", ""))
        except ValueError:
            continue
        if m.group("count"):  # "120 ventilators", "40 аппаратов": a count of things
            noun = m.group("count").lower()
            year = len(raw) == 4 and 1900 <= value <= 2100  # "in 2019 investigators found"
            counted = len(noun) >= 4 and noun not in _NOT_COUNTED and noun not in STOP
            if counted and not year and not noun.startswith(_NOT_COUNTED_RU):
                out.add(("#" + stem(noun), value))
            continue
        if not m.group("unit"):
            continue  # a bare number: no measure to compare it on
        unit = m.group("unit").lower().replace(" ", "")
        if unit.startswith(("per", "процент")) or unit == "%":
            unit = "%"
        else:  # "18 тыс. евро" and "650 тыс. рублей" measure different things
            unit = unit[:3] + (":" + stem(m.group("what"))[:4] if m.group("what") else "")
        out.add((unit, value))
    return out


def quantity_conflict(a: set[tuple[str, float]], b: set[tuple[str, float]]) -> int:
    """2 when both give a different value in one unit ("60 per cent" / "31 per cent"), 1 when both
    count something with different numbers ("four companies" / "a single bid"), else 0."""
    units = {u for u, _ in a if u} & {u for u, _ in b if u}
    for unit in units:
        if {v for u, v in a if u == unit}.isdisjoint({v for u, v in b if u == unit}):
            return 2
    words_a = {v for u, v in a if u.startswith("#")}
    words_b = {v for u, v in b if u.startswith("#")}
    return 1 if words_a and words_b and words_a.isdisjoint(words_b) else 0
