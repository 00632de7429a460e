"""Date mentions: find date expressions and normalise them to FtM partial dates.

Why this shape: ``dateparser.search_dates`` over a whole article is far too slow for our speed
budget, so a compiled regular expression (month names in English and Russian, years 1900–2099,
day numbers, seasons, "the next day") proposes short candidates and dateparser normalises each
one (results cached). Expressions without a year ("April 23", "late March") are anchored on the
latest explicit year earlier in the same paragraph, else on the document's published date
(preferring the past), else on the latest explicit year anywhere earlier in the document.
Works on any text: the spaCy Doc is not needed.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from casegraph.extract.context import DateMention, DocContext
from casegraph.extract.registry import component

if TYPE_CHECKING:  # dateparser is imported lazily at run time (see ``_parser``); only its type is needed here
    from dateparser.date import DateDataParser

EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")
EN_MONTH_NAMES = tuple(m.capitalize() for m in EN_MONTHS)
# Russian month stems (every case form: "декабрь", "декабря", "декабре") and the genitive used
# to build the string handed to dateparser (which does not read the prepositional "в декабре").
RU_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
                  "ноябр", "декабр")
RU_MONTH_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                "октября", "ноября", "декабря")

_EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![A-Za-z])")
_RU_MONTH = (r"(?i:(?:январ|феврал|апрел|сентябр|октябр|ноябр|декабр|июн|июл)[ьяе]|марта?|марте"
             r"|ма[йяе]|августа?|августе)(?![а-яё])")
_YEAR = r"(?<!\d[.,])(?<![\d$€£₽№#])(?:19|20)\d\d(?![\d])"
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![\w:])"
_DAY_SEP = r"\s*(?:,|and|&|or|to|-|–|—|и)\s*"
_QUAL = (r"(?i:early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?middle\s+of"
         r"|(?:the\s+)?start\s+of)")
_RU_YEAR_TAIL = r"(?:\s*(?:года|году|год|г\.))?"
_SEASON_EN = r"(?i:(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)"
_SEASON_RU = r"(?i:(?:весной|летом|осенью|зимой|весна|лето|осень|зима|весну|осени|зиму)\s+)"

# Relative offsets ("two weeks later", "спустя семь недель"): counts and units in both languages.
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3,
                "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
                "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "несколько": 3, "пару": 2}
_COUNT = r"\d{1,2}|a\s+few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_COUNT_RU = r"\d{1,2}|одну|один|две|два|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|пару"
_UNIT_EN = r"days?|weeks?|months?|years?"
_UNIT_RU = r"дн(?:я|ей|ень)|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет"
# Weekdays ("said on Wednesday", "в среду"): in news, the latest such day up to publication.
EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RU_WEEKDAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
# Read in a second pass over the text with patterns that open on a literal (a space, or a weekday's
# first letter), so that they add ~0.2 ms instead of the ~4 ms they cost as alternatives of PATTERN.
_WEEKDAY = re.compile(r"(?P<en>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\w'’])(?!,?\s+(?:"
                      + _EN_MONTH + r"|\d))|\s(?:в|во)\s+(?:прошл\w+\s+)?(?P<ru>" + "|".join(RU_WEEKDAYS)
                      + r")(?![а-яё])")
_AFTER = re.compile(r"\s(?P<dir>after|before|после)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+|этого\s+)?"
                    r"(?P<noun>[a-zа-яё]{4,})")
_AFTER_COUNT = re.compile(rf"(?i)(?<!\w)(?:(?:через|спустя)\s+)?(?:(?P<n>{_COUNT}|{_COUNT_RU})[\s-]+)?"
                          rf"(?P<unit>{_UNIT_EN}|{_UNIT_RU})$")
_FUTURE_BEFORE = re.compile(r"(?i)\b(?:will|would|is\s+due|are\s+due|next|planned|scheduled|expected|"
                            r"будет|будут|планиру\w+|намерен\w*|состоится|пройд[её]т)\b[^.!?]{0,40}$")
# Every date expression starts at a word boundary; the leading ``(?<!\w)`` lets the engine reject
# positions inside words at once instead of trying each alternative there (5x faster).
PATTERN = re.compile(
    rf"""(?<!\w)(?:
    (?P<iso>(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d))
  | (?P<dotted>(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d(?!\d))
  | (?P<en_md>{_EN_MONTH}\s+{_DAY}(?:{_DAY_SEP}{_DAY})*(?:,?\s+(?P<en_md_year>{_YEAR}))?)
  | (?P<en_dm>{_DAY}(?:{_DAY_SEP}{_DAY})*\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+(?P<en_dm_year>{_YEAR}))?)
  | (?P<ru_dm>{_DAY}(?:{_DAY_SEP}{_DAY})*\s+{_RU_MONTH}(?:\s+(?P<ru_dm_year>{_YEAR}){_RU_YEAR_TAIL})?)
  | (?P<en_my>(?:{_QUAL}[\s-]+)?{_EN_MONTH},?\s+(?:of\s+)?(?P<en_my_year>{_YEAR}))
  | (?P<ru_my>(?:(?i:начале|середине|конце)\s+)?{_RU_MONTH}\s+(?P<ru_my_year>{_YEAR}){_RU_YEAR_TAIL})
  | (?P<season>(?:{_SEASON_EN}|{_SEASON_RU})(?P<season_year>{_YEAR}){_RU_YEAR_TAIL})
  | (?P<en_qm>{_QUAL}[\s-]+{_EN_MONTH})
  | (?P<ru_qm>(?i:начале|середине|конце)\s+{_RU_MONTH})
  | \b(?P<en_pm_prep>(?i:in|since|until|till|by|from|through|during|last|next|this|before|after))\s+
      (?P<en_pm>{_EN_MONTH})(?!,?\s+(?:of\s+)?\d)
  | (?i:(?<![а-яё])(?:в|с|до|к|по)\s+)(?P<ru_pm>{_RU_MONTH})(?!\s+\d)
  | (?P<rel_next>(?i:the\s+(?:very\s+)?(?:next|following)\s+day|(?:a|one)\s+day\s+later
      |на\s+следующий\s+день|на\s+другой\s+день|на\s+следующие\s+сутки|дн[её]м\s+позже|спустя\s+день))
  | (?P<rel_prev>(?i:the\s+(?:previous|preceding)\s+day|(?:a|one)\s+day\s+(?:earlier|before)
      |дн[её]м\s+ранее|за\s+день\s+до\s+этого))
  | (?P<rel_offset>(?i:(?P<off_n>{_COUNT})[\s-]+(?P<off_unit>{_UNIT_EN})\s+(?P<off_dir>later|afterwards|earlier
      |(?:after|before)(?![ \t]+[a-z\d]))
      |(?:the|a)\s+(?P<off_next>following|next|previous|preceding)\s+(?P<off_unit1>week|month|year)
      |(?P<off_dir2>спустя|через)\s+(?P<off_n2>{_COUNT_RU})?\s*(?P<off_unit2>{_UNIT_RU})
      |(?P<off_n3>{_COUNT_RU})?\s*(?P<off_unit3>{_UNIT_RU})\s+(?P<off_dir3>спустя|позже|позднее|ранее)))
  | (?P<rel_pub>(?i:(?:last|this|next|past)\s+(?P<pub_unit>week|month|year)
      |(?:на|в)\s+(?P<pub_ru>прошлой|этой|прошлом|этом|текущем|позапрошлом)\s+(?P<pub_unit_ru>неделе|месяце|году)))
  | (?P<year>{_YEAR}){_RU_YEAR_TAIL}
    )""",
    re.VERBOSE,
)
_DAY_NUM = re.compile(r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)")
# Words after a bare four-digit number that show it is a quantity, not a year.
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|people|persons|members|km|kg|tons?|tonnes|meters|metres|years|votes"
    r"|rubles|roubles|euros?|dollars|pounds|руб|рубл|евро|доллар|человек|процент|тонн|км|лет)",
    re.IGNORECASE,
)
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
# What may come before a date that opens a chronology entry ("16 May 2023. …", "On 3 May, …", "• 3 May: …").
_OPENER = re.compile(r"\s*(?:[-–—•*]\s*)?(?:(?i:on|by|in)\s+)?")
_LINE_BREAK = re.compile(r"\n")


@dataclass
class _Found:
    start: int
    end: int
    value: str
    relative: bool
    explicit_year: int | None  # the year written in the expression itself


@component("dates", requires=(), assigns=("dates",))
def run(ctx: DocContext) -> None:
    """Fill ``ctx.dates`` with every date expression in the text, in text order."""
    lang = "ru" if ctx.language in ("ru", "uk", "be") else "en"
    published = _published(ctx.published)
    guessed = False
    if published is None:
        published = _header_date(ctx.text, lang)
        guessed = published is not None
    paragraphs = paragraph_starts(ctx.text)
    para_year: dict[int, int] = {}  # paragraph index -> latest explicit year seen so far
    para_value: dict[int, str] = {}  # paragraph index -> latest explicit date seen so far
    openers: dict[int, str] = {}  # paragraph index -> the full date its text opens with
    last_year: int | None = None
    found: list[_Found] = []
    for match in PATTERN.finditer(ctx.text):
        para = bisect.bisect_right(paragraphs, match.start()) - 1
        chronology = openers.get(para - 1) or openers.get(para - 2)
        anchor = _Anchor(para_year.get(para), published, last_year, para_value.get(para), chronology)
        for item in _interpret(match, ctx.text, lang, anchor, found):
            if found and item.start < found[-1].end:
                continue  # "this year" already read as part of "in April this year"
            found.append(item)
            if item.explicit_year is not None:
                para_year[para] = item.explicit_year
                para_value[para] = item.value
                last_year = item.explicit_year
            if len(item.value) == 10 and _OPENER.fullmatch(ctx.text, paragraphs[para], item.start):
                openers[para] = item.value
    found = _second_pass(ctx.text, published, found)
    ctx.dates.extend(DateMention(f.start, f.end, ctx.text[f.start:f.end], f.value, f.relative,
                                 uncertain=guessed and f.relative) for f in found)
    if guessed and published is not None and any(f.relative for f in found):
        ctx.notes.append(f"no published date given: dates without a year were placed by the date the document "
                         f"gives itself ({published.isoformat()}) and are marked uncertain")
    ctx.sort()


def _second_pass(text: str, published: date | None, found: list[_Found]) -> list[_Found]:
    """Weekdays ("on Wednesday") and offsets from a named act ("two weeks after the advance"),
    added where they overlap no date found by PATTERN."""
    extra: list[_Found] = []
    if published is not None:
        for m in _WEEKDAY.finditer(text):
            kind = "en" if m.group("en") else "ru"
            extra.extend(_weekday(m.group(kind), m.start(kind), m.end(kind), text, published))
    for m in _AFTER.finditer(text):
        count = _AFTER_COUNT.search(text, max(0, m.start() - 40), m.start())
        if count is not None:
            prior = [f for f in found if f.end <= count.start()]
            extra.extend(_after_event(count, m, prior, text))
    if not extra:
        return found
    starts = [f.start for f in found]
    for item in extra:
        i = bisect.bisect_left(starts, item.start)
        if (i < len(found) and found[i].start < item.end) or (i and found[i - 1].end > item.start):
            continue
        found.insert(i, item)
        starts.insert(i, item.start)
    return found


@dataclass(frozen=True)
class _Anchor:
    paragraph_year: int | None
    published: date | None
    last_year: int | None
    paragraph_value: str | None = None  # the latest explicit date of the paragraph
    chronology: str | None = None  # a full date opening one of the two paragraphs before


def _interpret(match: re.Match[str], text: str, lang: str, anchor: _Anchor,
               found: list[_Found]) -> list[_Found]:
    kind = match.lastgroup
    if kind is None:  # the month after a preposition ("in March") is a nested group
        kind = "en_pm" if match.group("en_pm") else "ru_pm"
    if kind in ("en_md_year", "en_dm_year", "ru_dm_year", "en_my_year", "ru_my_year", "season_year"):
        kind = kind[: -len("_year")]
    start, end = match.span(kind)
    if kind == "iso":
        return _explicit(start, end, match.group(kind), "en", "day")
    if kind == "dotted":
        day, month, year = (int(p) for p in match.group(kind).split("."))
        return _explicit(start, end, f"{year}-{month:02d}-{day:02d}", "en", "day", iso=True)
    if kind == "year":
        if _NOT_YEAR_AFTER.match(text, match.end(kind)):
            return []
        return _explicit(start, match.end(), match.group(kind), lang, "year")
    if kind == "season":
        season_year: str = match.group("season_year")
        return [_Found(start, end, season_year, False, int(season_year))]
    if kind in ("rel_next", "rel_prev"):
        return _shifted(start, end, found, 1 if kind == "rel_next" else -1)
    if kind == "rel_offset":
        return _offset(match, start, end, found)
    if kind == "rel_pub":
        return _from_published(match, start, end, anchor.published)
    if kind in ("en_md", "en_dm", "ru_dm"):
        return _days(match, kind, text, anchor)
    # a month with or without a year
    ru = kind.startswith("ru")
    month_word = re.search(_RU_MONTH if ru else _EN_MONTH, match.group(kind))
    if month_word is None:
        return []
    month = _month_index(month_word.group(0))
    year_group = f"{kind}_year"
    year_text: str | None = match.group(year_group) if year_group in PATTERN.groupindex else None
    if year_text:
        core = f"{RU_MONTH_GEN[month - 1]} {year_text}" if ru else f"{EN_MONTH_NAMES[month - 1]} {year_text}"
        return _explicit(start, end, core, "ru" if ru else "en", "month")
    core = RU_MONTH_GEN[month - 1] if ru else EN_MONTH_NAMES[month - 1]
    deictic = _deictic_year(match, text, month, anchor.published)
    if deictic is not None:
        year, end = deictic
        return [_Found(start, end, f"{year}-{month:02d}", True, None)]
    value = _anchored(core, "ru" if ru else "en", "month", anchor)
    return [_Found(start, end, value, True, None)] if value else []


def _explicit(start: int, end: int, core: str, lang: str, precision: str, iso: bool = False) -> list[_Found]:
    value = core if iso else _normalise(core, lang, precision, None)
    if not value or not _valid(value):
        return []
    return [_Found(start, end, value, False, int(value[:4]))]


def _days(match: re.Match[str], kind: str, text: str, anchor: _Anchor) -> list[_Found]:
    """"April 21", "April 21 and 22, 2016", "25 September 2016", "21 и 22 апреля": one mention per
    day number; the first carries the month name."""
    start, end = match.span(kind)
    year = match.group(f"{kind}_year")
    year_start = match.start(f"{kind}_year") if year else end
    body = text[start:year_start]
    month_match = re.search(_EN_MONTH if kind == "en_md" else (_EN_MONTH if kind == "en_dm" else _RU_MONTH),
                            body)
    if month_match is None:
        return []
    month = _month_index(month_match.group(0))
    ru = kind == "ru_dm"
    days = [(start + m.start(), start + m.end(), int(m.group(0))) for m in _DAY_NUM.finditer(body)
            if not (month_match.start() <= m.start() < month_match.end())]
    out: list[_Found] = []
    for i, (d_start, d_end, day) in enumerate(days):
        if ru:
            core = f"{day} {RU_MONTH_GEN[month - 1]}"
        else:
            core = f"{EN_MONTH_NAMES[month - 1]} {day}"
        if kind == "en_md":
            span = (start, d_end) if i == 0 else (d_start, d_end)
        else:  # day first: the last day carries the month name
            span = (d_start, start + month_match.end()) if i == len(days) - 1 else (d_start, d_end)
        if year:
            if len(days) == 1:
                span = (start, end)
            value = _normalise(f"{core} {year}", "ru" if ru else "en", "day", None)
            item = _Found(span[0], span[1], value, False, int(year)) if value else None
        else:
            value = _anchored(core, "ru" if ru else "en", "day", anchor)
            item = _Found(span[0], span[1], value, True, None) if value else None
        if item is not None:
            out.append(item)
    return out


def _shifted(start: int, end: int, found: list[_Found], days: int) -> list[_Found]:
    """"the next day" / "a day earlier": the previous day-precise mention moved by ``days``."""
    for prior in reversed(found):
        if start - prior.end > 3000:
            break
        if len(prior.value) == 10:
            moved = date.fromisoformat(prior.value) + timedelta(days=days)
            return [_Found(start, end, moved.isoformat(), True, None)]
    return []


_YEAR_WORD = re.compile(r"(?i:,?\s+(?P<en>this|last|next)\s+year\b|\s+(?P<ru>этого|текущего|сего|прошлого"
                        r"|следующего)\s+года\b)")
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1, "этого": 0, "текущего": 0, "сего": 0, "прошлого": -1,
               "следующего": 1}


def _deictic_year(match: re.Match[str], text: str, month: int, published: date | None) -> tuple[int, int] | None:
    """"last March", "in April this year", "в апреле этого года": a month placed by the publication
    date, not by the year of the paragraph. Returns (year, end of the expression)."""
    if published is None:
        return None
    end = match.end()
    tail = _YEAR_WORD.match(text, end)
    if tail is not None:
        return published.year + _YEAR_SHIFT[(tail.group("en") or tail.group("ru")).lower()], tail.end()
    prep = (match.group("en_pm_prep") or "").lower() if match.group("en_pm") else ""
    if prep == "last":
        return (published.year if month < published.month else published.year - 1), end
    if prep == "next":
        return (published.year if month > published.month else published.year + 1), end
    if prep == "this":
        return published.year, end
    return None


def _offset(match: re.Match[str], start: int, end: int, found: list[_Found]) -> list[_Found]:
    """"two weeks later", "the following month", "спустя семь недель": the previous date mention
    moved by that much, kept no more precise than the mention it counts from."""
    prior = next((f for f in reversed(found) if start - f.end <= 3000), None)
    if prior is None:
        return []
    if match.group("off_next"):
        count, unit = (1 if match.group("off_next").lower() in ("following", "next") else -1), match.group("off_unit1")
    else:
        raw = (match.group("off_n") or match.group("off_n2") or match.group("off_n3") or "1").lower()
        count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(" ".join(raw.split()), 1)
        unit = match.group("off_unit") or match.group("off_unit2") or match.group("off_unit3")
        direction = (match.group("off_dir") or match.group("off_dir2") or match.group("off_dir3")).lower()
        if direction in ("earlier", "before", "ранее"):
            count = -count
    return _move(prior, count, unit, start, end)


def _move(prior: _Found, count: int, unit: str, start: int, end: int) -> list[_Found]:
    unit = unit.lower()
    precision = len(prior.value)
    year = int(prior.value[:4])
    month = int(prior.value[5:7]) if precision >= 7 else 7
    day = int(prior.value[8:10]) if precision == 10 else (15 if precision == 7 else 1)
    base = date(year, month, day)
    if unit.startswith(("day", "week", "дн", "недел")):
        moved = base + timedelta(days=count * (7 if unit.startswith(("week", "недел")) else 1))
    elif unit.startswith(("month", "месяц")):
        index = base.year * 12 + base.month - 1 + count
        moved = date(index // 12, index % 12 + 1, min(base.day, 28))
        precision = min(precision, 7)
    else:
        moved = date(base.year + count, base.month, min(base.day, 28))
        precision = min(precision, 7)
    return [_Found(start, end, moved.isoformat()[:precision], True, None)]


_SENTENCE_END = re.compile(r"[.!?]\s")


def _after_event(count_match: re.Match[str], act: re.Match[str], found: list[_Found], text: str) -> list[_Found]:
    """"Two weeks after the advance", "eight days after the charges were filed", "через месяц после
    обыска": counted from the latest earlier date whose sentence names that act (same word stem),
    not merely from the previous date of the text."""
    start, end = count_match.start(), act.end()
    unit = count_match.group("unit").lower()
    if not count_match.group("n") and (unit.endswith("s") or unit in ("дней", "недель", "месяцев", "лет")):
        return []  # "years after the war": no count, no date
    raw = (count_match.group("n") or "1").lower()
    count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(" ".join(raw.split()), 1)
    if act.group("dir") == "before":
        count = -count
    noun = act.group("noun").lower()
    stem = re.compile(rf"(?i)\b{re.escape(noun[:max(4, min(len(noun) - 2, 6))])}")
    best: tuple[int, _Found] | None = None
    for prior in reversed(found):
        if start - prior.end > 6000:
            break
        left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, prior.start - 300), prior.start)),
                   default=max(0, prior.start - 300))
        right_hit = _SENTENCE_END.search(text, prior.end, min(start, prior.end + 300))
        right = right_hit.start() if right_hit else min(start, prior.end + 300)
        for hit in stem.finditer(text, left, right):  # the act named closest to its date wins
            gap = hit.start() - prior.end if hit.start() >= prior.end else prior.start - hit.end()
            if best is None or gap < best[0]:
                best = (gap, prior)
    return _move(best[1], count, unit, start, end) if best else []


def _weekday(word: str, start: int, end: int, text: str, published: date | None) -> list[_Found]:
    """"The regulator said on Wednesday", "суд в среду отклонил": the latest such weekday on or
    before the publication date (the next one after it where the clause speaks of the future)."""
    if published is None:
        return []
    low = word.lower()
    wanted = EN_WEEKDAYS.index(low) if low in EN_WEEKDAYS else RU_WEEKDAYS.index(low)
    if _FUTURE_BEFORE.search(text, max(0, start - 60), start):
        day = published + timedelta(days=(wanted - published.weekday()) % 7 or 7)
    else:
        day = published - timedelta(days=(published.weekday() - wanted) % 7)
    return [_Found(start, end, day.isoformat(), True, None)]


def _from_published(match: re.Match[str], start: int, end: int, published: date | None) -> list[_Found]:
    """"last week", "this year", "в прошлом месяце": counted from the publication date."""
    if published is None:
        return []
    word = match.group(0).lower().split()[0]
    unit = (match.group("pub_unit") or match.group("pub_unit_ru")).lower()
    which = (match.group("pub_ru") or word).lower()
    back = 0 if which in ("this", "этой", "этом", "текущем") else (2 if which == "позапрошлом" else 1)
    if which == "next":
        back = -1
    if unit.startswith(("week", "недел")):
        value = (published - timedelta(days=7 * back)).isoformat()[:7]
    elif unit.startswith(("month", "месяц")):
        index = published.year * 12 + published.month - 1 - back
        value = f"{index // 12}-{index % 12 + 1:02d}"
    else:
        value = str(published.year - back)
    return [_Found(start, end, value, True, None)]


def _anchored(core: str, lang: str, precision: str, anchor: _Anchor) -> str | None:
    if anchor.paragraph_year is not None:
        value = _normalise(f"{core} {anchor.paragraph_year}", lang, precision, None)
        return _forward(value, anchor.paragraph_value, core, lang, precision, anchor.published)
    if anchor.chronology is not None:
        value = _normalise(f"{core} {anchor.chronology[:4]}", lang, precision, None)
        value = _forward(value, anchor.chronology, core, lang, precision, anchor.published)
        if value and (anchor.published is None or value <= anchor.published.isoformat()[:len(value)]):
            return value
    if anchor.published is not None:
        return _normalise(core, lang, precision, anchor.published)
    if anchor.last_year is not None:
        return _normalise(f"{core} {anchor.last_year}", lang, precision, None)
    return None


def _forward(value: str | None, after: str | None, core: str, lang: str, precision: str,
             published: date | None) -> str | None:
    """A month or day without a year that would fall before the dated mention it follows ("In
    October 2023 … in February") is read forward, into the next year, when that is still before
    publication: narratives and chronologies move forward. Without a publication date nothing
    bounds the move, and a story told backwards ("on 23 April … the chain began on 20 April") is
    as common, so the year written in the text stands."""
    if not value or not after or len(after) < 7 or value >= after[:len(value)] or published is None:
        return value
    later = _normalise(f"{core} {int(after[:4]) + 1}", lang, precision, None)
    if later and (published is None or later <= published.isoformat()[:len(later)]):
        return later
    return value


@functools.lru_cache(maxsize=4096)
def _normalise(core: str, lang: str, precision: str, base: date | None) -> str | None:
    """The FtM partial date for a short, canonical date string (dateparser does the calendar
    work: validity, and the past-preferring year for "April 23" relative to ``base``)."""
    parsed = _parser(lang, base).get_date_data(core)
    when = parsed.date_obj
    if when is None:
        return None
    if precision == "day":
        return when.strftime("%Y-%m-%d")
    if precision == "month":
        return when.strftime("%Y-%m")
    return when.strftime("%Y")


@functools.lru_cache(maxsize=256)
def _parser(lang: str, base: date | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=[lang], settings=settings)


def _month_index(word: str) -> int:
    low = word.lower().rstrip(".")
    if low[:1].isascii():
        for i, name in enumerate(EN_MONTHS):
            if name.startswith(low[:3]):
                return i + 1
        raise ValueError(word)
    for i, stem in enumerate(RU_MONTH_STEMS):
        if low.startswith(stem) and (stem != "ма" or low in ("май", "мая", "мае")):
            return i + 1
    raise ValueError(word)


def _valid(value: str) -> bool:
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        return 1900 <= int(value[:4]) <= 2099
    except ValueError:
        return False


# A document's own date line near its top: "Date: 27 May 2021", "Дата: 25 мая 2021 года".
_HEADER_DATE = re.compile(
    r"^[ \t*_#-]*(?i:date|dated|prepared|extract\s+prepared|published|written|дата|подготовлено|опубликовано)"
    r"[*_]*\s*:[*_]*\s*(?P<value>[^\n]{6,40})$", re.MULTILINE)
_HEADER_SPAN = 800  # characters at the top of a document where such a line may stand


def _header_date(text: str, lang: str) -> date | None:
    """The date a document gives itself in a header line, used as the anchor for dates without a
    year when no publication date was supplied (never the day of ingest)."""
    for m in _HEADER_DATE.finditer(text, 0, min(len(text), _HEADER_SPAN)):
        value = m.group("value").strip(" *_.")
        for attempt in ("ru", "en") if lang == "ru" else ("en",):
            parsed = _normalise(value, attempt, "day", date(1900, 1, 1))
            if parsed and re.search(r"(?:19|20)\d\d", value):
                return date.fromisoformat(parsed)
    return None


def _published(value: str | None) -> date | None:
    """The publication date as a day; a partial date ("2021-05") counts as its last day, so that
    "preferring the past" still admits dates within the published month or year."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin: blank lines separate paragraphs when the text has any,
    else every line is a paragraph."""
    breaker = _PARA_BREAK if _PARA_BREAK.search(text) else _LINE_BREAK
    return [0] + [m.end() for m in breaker.finditer(text)]
