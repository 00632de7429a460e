"""Nominal references to named parties ("the trust", "the ministry", «фонд») as mentions.

After its first naming, a news article mostly calls an organisation by a common noun: "the
trust's former treasurer", "X, who chairs the trust", "the fund received...". Later components
(relations, money, events, quotes) only see ``ctx.mentions``, so these references are added as
mentions of the party they point back to. The rule is deliberately conservative: the noun must
match a word of the party's name ("the trust" -> "Greenhaven Civic Trust") or, failing that, its
schema ("the company" -> the one Company); and exactly one party may fit, either in the whole
text before the reference or in the paragraphs just before it. Pronouns are left to the
components that need them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from casegraph.extract.context import DocContext, Party, PartyMention

WINDOW_PARAGRAPHS = 3  # paragraphs before the reference that count as "recent"


@dataclass(frozen=True)
class Noun:
    """A common noun for an organisation: the name words it echoes and the schemata it fits."""

    name_words: tuple[str, ...]
    schemata: tuple[str, ...]


_ORG = ("Organization",)
_BODY = ("PublicBody",)
_FIRM = ("Company",)
_ANY = ("Organization", "Company", "PublicBody")

NOUNS_EN: dict[str, Noun] = {
    "trust": Noun(("trust",), _ORG),
    "charity": Noun(("trust", "charity", "foundation", "fund"), _ORG),
    "foundation": Noun(("foundation", "fund"), _ORG),
    "fund": Noun(("fund", "foundation"), ("Organization", "Company")),
    "think tank": Noun(("institute", "centre", "center", "tank", "forum"), _ORG),
    "institute": Noun(("institute",), _ORG),
    "group": Noun(("group",), ("Organization", "Company")),
    "organisation": Noun(("organisation", "organization"), _ORG),
    "organization": Noun(("organisation", "organization"), _ORG),
    "association": Noun(("association",), _ORG),
    "movement": Noun(("movement",), _ORG),
    "network": Noun(("network",), _ORG),
    "centre": Noun(("centre", "center"), _ORG),
    "center": Noun(("centre", "center"), _ORG),
    "company": Noun(("company",), _FIRM),
    "firm": Noun(("firm",), _FIRM),
    "bank": Noun(("bank",), ("Company", "PublicBody")),
    "lender": Noun(("bank",), _FIRM),
    "manufacturer": Noun((), _FIRM),
    "distributor": Noun((), _FIRM),
    "supplier": Noun((), _FIRM),
    "contractor": Noun((), _FIRM),
    "consultancy": Noun(("consulting", "consultancy", "consultants"), _FIRM),
    "ministry": Noun(("ministry",), _BODY),
    "agency": Noun(("agency",), ("PublicBody", "Organization")),
    "department": Noun(("department",), _BODY),
    "commission": Noun(("commission",), _BODY),
    "committee": Noun(("committee",), ("PublicBody", "Organization")),
    "council": Noun(("council",), ("PublicBody", "Organization")),
    "office": Noun(("office",), _BODY),
    "regulator": Noun(("regulator", "authority", "commission", "agency", "service"), _BODY),
    "authority": Noun(("authority",), ("PublicBody", "Organization")),
    "watchdog": Noun(("watchdog", "authority", "commission", "agency"), _BODY),
    "treasury": Noun(("treasury",), _BODY),
    "party": Noun(("party",), _ORG),
    "union": Noun(("union",), _ANY),
}
# Nouns that name a kind of party rather than echo a word of its name ("the company", "the
# regulator", «ведомство»): only these may point to the one recent party of a fitting schema.
# "the ministry" or «прокуратура» must find a name (or a described name) that carries the word.
KIND_NOUNS = frozenset(
    """company firm lender manufacturer distributor supplier contractor consultancy regulator watchdog
    authority agency group organisation organization charity компани фирм ведомств организаци""".split()
)
_EN_PATTERN = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat)\s+((?i:"
    + "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in NOUNS_EN), key=len, reverse=True))
    + r"))(?![\w-])",
)

# Russian: stem -> (name stems it echoes, schemata). Endings are matched by _RU_ENDINGS.
NOUNS_RU: dict[str, Noun] = {
    "фонд": Noun(("фонд",), ("Organization", "Company")),
    "центр": Noun(("центр",), _ORG),
    "организаци": Noun(("организаци",), _ORG),
    "движени": Noun(("движени",), _ORG),
    "компани": Noun(("компани",), _FIRM),
    "фирм": Noun(("фирм",), _FIRM),
    "банк": Noun(("банк",), _FIRM),
    "министерств": Noun(("министерств", "мин"), _BODY),
    "ведомств": Noun(("министерств", "мин", "служб", "агентств", "комитет", "ведомств"), _BODY),
    "агентств": Noun(("агентств",), _BODY),
    "служб": Noun(("служб",), _BODY),
    "прокуратур": Noun(("прокуратур",), _BODY),
}
_RU_ENDINGS = r"(?:а|у|ом|е|ы|о|я|и|ю|ей|ой|ию|ия|ие|ием|ии)?"
_RU_NOUNS_ALT = "|".join(sorted(NOUNS_RU, key=len, reverse=True))
_RU_PATTERN = re.compile(r"(?<![\w-])((?i:" + _RU_NOUNS_ALT + r"))" + _RU_ENDINGS + r"(?![\w-])")
_RU_BEFORE = re.compile(r"(?<![\w-])(" + _RU_NOUNS_ALT + r")" + _RU_ENDINGS + r"[ \t]+[«\"„]?$")
_EN_NOUNS_ALT = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in NOUNS_EN), key=len, reverse=True))
_EN_BEFORE = re.compile(r"(?<![\w-])(" + _EN_NOUNS_ALT + r")[ \t]*,?[ \t]+[“\"]?$")
_EN_AFTER = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?(" + _EN_NOUNS_ALT + r")(?![\w-])")


def resolve(ctx: DocContext) -> None:
    """Add a PartyMention for each nominal reference that points back to exactly one party."""
    named = [m for m in ctx.mentions if m.party in ctx.parties]
    if not named:
        return
    paragraphs = [m.start() for m in re.finditer(r"[^\n]+", ctx.text)]
    starts = [m.start for m in named]
    described = _descriptors(ctx, named)
    added: list[PartyMention] = []
    for start, end, key in _references(ctx):
        if _inside_mention(named, starts, start, end) or _names_follow(ctx.text, end):
            continue
        party = _resolve(ctx, named, starts, paragraphs, start, key, described)
        if party is None:
            continue
        mention = PartyMention(start, end, ctx.text[start:end], party.key)
        party.mentions.append(mention)
        added.append(mention)
    ctx.mentions.extend(added)
    for party in ctx.parties.values():
        party.mentions.sort(key=lambda m: (m.start, m.end))


def _references(ctx: DocContext) -> list[tuple[int, int, str]]:
    """Where a common noun stands for an organisation, with the noun's key in NOUNS_EN/NOUNS_RU."""
    out = []
    if ctx.language == "ru":
        for m in _RU_PATTERN.finditer(ctx.text):
            if m.group(1)[:1].isupper() and not _sentence_subject_ru(ctx.text, m.start(), m.end()):
                continue
            out.append((m.start(), m.end(), m.group(1).lower()))
    else:
        for m in _EN_PATTERN.finditer(ctx.text):
            out.append((m.start(1), m.end(1), " ".join(m.group(1).lower().split())))
    return out


def _sentence_subject_ru(text: str, start: int, end: int) -> bool:
    """A capitalised «Фонд» / «Компания» is a reference only at a sentence start and before a verb
    ("Компания получила…"); otherwise it begins a name ("Фонд развития…")."""
    from casegraph.extract.nlp import russian

    if start and not re.search(r"(?:^|[.!?…»]\s+|\n\s*)$", text[max(0, start - 4) : start]):
        return False
    nxt = re.match(r"[ \t]+([а-яё]+)", text[end : end + 40])
    if nxt is None:
        return False
    return any(form.pos == "VERB" for form in russian().vocab(nxt.group(1)))


def _descriptors(ctx: DocContext, named: list[PartyMention]) -> dict[str, set[str]]:
    """The common nouns a text puts next to a name ("the fund X", "X, a Cypriot lender",
    «фондом „X“»): a later "the fund" may point back to X although its name lacks the word."""
    text = ctx.text
    out: dict[str, set[str]] = {}
    ru = ctx.language == "ru"
    for m in named:
        if ctx.parties[m.party].schema == "Person":
            continue  # "the firm's lawyer, Jane Roe": the noun describes another party
        found = set()
        before = text[max(0, m.start - 40) : m.start]
        b = (_RU_BEFORE if ru else _EN_BEFORE).search(before)
        if b:
            found.add(b.group(1).lower())
        if not ru:
            a = _EN_AFTER.match(text, m.end, min(len(text), m.end + 80))
            if a:
                found.add(" ".join(a.group(1).lower().split()))
        if found:
            out.setdefault(m.party, set()).update(found)
    return out


def _inside_mention(named: list[PartyMention], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, end)
    return any(m.start < end and start < m.end for m in named[max(0, i - 8) : i])


def _names_follow(text: str, end: int) -> bool:
    """ "the company Acme", "the fund «X»", "the group, Acme": the noun introduces a name."""
    return bool(re.match(r"\s*,?\s*[«\"“„]?[A-ZА-ЯЁ]", text[end : end + 4])) and not re.match(
        r"\s*,?\s*(?:The|But|And|In|On|It|He|She|They|We|A)\b", text[end : end + 8]
    )


def _resolve(
    ctx: DocContext,
    named: list[PartyMention],
    starts: list[int],
    paragraphs: list[int],
    at: int,
    key: str,
    described: dict[str, set[str]],
) -> Party | None:
    noun = (NOUNS_RU if ctx.language == "ru" else NOUNS_EN)[key]
    before = named[: bisect.bisect_left(starts, at)]
    if not before:
        return None
    para = bisect.bisect_right(paragraphs, at) - 1
    window_start = paragraphs[max(0, para - WINDOW_PARAGRAPHS)] if paragraphs else 0
    last_seen: dict[str, int] = {}
    for m in before:
        last_seen[m.party] = m.start
    by_name = [k for k in last_seen if noun.name_words and _name_has(ctx.parties[k], noun, ctx.language)]
    by_word = by_name or [k for k in last_seen if key in described.get(k, ())]
    if len(by_word) == 1:
        if by_name or not _overtaken(ctx, last_seen, by_word[0], noun, window_start):
            return ctx.parties[by_word[0]]
        return None
    recent = {k for k, pos in last_seen.items() if pos >= window_start}
    if by_word:
        near = [k for k in by_word if k in recent]
        return ctx.parties[near[0]] if len(near) == 1 else None
    if key not in KIND_NOUNS:
        return None  # "the ministry" when no ministry was named: not the one court that was
    fits = [k for k in recent if ctx.parties[k].schema in noun.schemata]
    return ctx.parties[fits[0]] if len(fits) == 1 else None


def _overtaken(ctx: DocContext, last_seen: dict[str, int], key: str, noun: Noun, window_start: int) -> bool:
    """Another party of the noun's (specific) schema was named since: "the company" after "X, a
    holding company" and then "Y Shipping AS" is ambiguous."""
    return any(
        pos > last_seen[key] and pos >= window_start and ctx.parties[k].schema in noun.schemata
        and ctx.parties[k].schema != "Organization"
        for k, pos in last_seen.items()
        if k != key
    )


def _name_has(party: Party, noun: Noun, language: str) -> bool:
    if party.schema == "Person":
        return False
    names = [party.name, *(a for a, _ in party.aliases)]
    words = {w for n in names for w in re.findall(r"\w+", n.lower())}
    if language == "ru":
        return any(w.startswith(stem) for w in words for stem in noun.name_words)
    return bool(words & set(noun.name_words))
