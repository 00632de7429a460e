"""Russian payments: grammatical case tells payer from beneficiary where there is no parse.

Why: Russian word order is free ("Ещё 850 тыс. рублей фонду выделил Фонд X" puts the payer last),
so position says little; case says a lot: the payer of a give verb is nominative, the beneficiary
dative ("перечислил … предпринимателю Ивановой"). natasha's MorphVocab (pymorphy2, already loaded
for Russian names) gives each word's possible cases; results are cached per word.
"""

from __future__ import annotations

import functools
import re

from casegraph.extract.context import DocContext, PartyMention, Sentence
from casegraph.extract.money_roles import by_head_noun

_WORD = re.compile(r"[А-Яа-яЁё]+")
# Nouns by which Russian articles refer back to an organisation ("фонду", "центр", "компания").
ORG_NOUNS_RU = frozenset({
    "фонд", "организация", "компания", "центр", "движение", "министерство", "ведомство", "общество",
    "ассоциация", "союз", "агентство", "служба", "банк", "фирма", "учреждение", "партия", "издание",
    "объединение", "комитет", "подрядчик", "поставщик",
})


@functools.lru_cache(maxsize=8192)
def _cases(word: str) -> tuple[frozenset[str], str]:
    """The singular cases a word may be in, and its most likely normal form."""
    from casegraph.extract.nlp import russian

    forms = russian().vocab.parse(word)
    cases = frozenset(f.feats.get("Case", "") for f in forms if f.feats.get("Number", "Sing") == "Sing")
    return cases, (forms[0].normal if forms else word.lower())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def may_be_dative(text: str) -> bool:
    """Some declinable word of the phrase reads as dative ("Ларисе Гнездиловой", "Прозрачности")."""
    return any("Dat" in _cases(w)[0] for w in words(text))


def may_be_nominative(text: str) -> bool:
    found = [_cases(w)[0] for w in words(text)]
    return not found or any("Nom" in c for c in found)


def generic_dative(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of organisation nouns in the dative ("фонду", "организации")."""
    return generic_nouns(text, "Dat")


def generic_nouns(text: str, case: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of lower-case organisation nouns that may be in ``case`` ("министерство",
    "от генподрядчика" → "подрядчик": a compound names the same kind of party)."""
    out = []
    for m in _WORD.finditer(text):
        if not m.group(0)[0].islower():
            continue
        cases, normal = _cases(m.group(0))
        noun = next((n for n in ORG_NOUNS_RU if normal.endswith(n)), None)
        if noun is not None and case in cases:
            out.append((m.start(), m.end(), noun))
    return out


def head_word(text: str) -> str:
    """The word of a Russian name that carries its case: the last word inside quotes («Вектор-
    Дорстрою»), else the first word (its last part when hyphenated); "Фонд развития регионов" and
    "Ивану Петрову" inflect at the front."""
    quoted = re.search(r"[«\"]([^«»\"]+)", text)
    found = words(quoted.group(1)) if quoted else words(text.split()[0]) if text.split() else []
    if not found:
        return ""
    return found[-1] if quoted or "-" in text.split()[0] else found[0]


def head_may_be(text: str, case: str) -> bool:
    head = head_word(text)
    return not head or case in _cases(head)[0]


def russian_give(ctx: DocContext, sent: Sentence, mentions: list[PartyMention], subject: PartyMention | None,
                  to_party: PartyMention | None, v_end: int,
                  amount_start: int) -> tuple[PartyMention | None, PartyMention | None]:
    """A Russian give verb: the payer is the nominative party before the verb, or right after it
    when the order is inverted ("…фонду выделил Фонд X"); the beneficiary is "на счёт/в пользу X",
    the party right after the verb, a dative party after it, or a dative "фонду" standing for an
    organisation named before."""
    text = ctx.text
    after = [m for m in mentions if m.start >= v_end]
    dative_before = None
    if subject is not None and _dative_only(subject.text):
        dative_before, subject = subject, None  # "…фонду выделил X": the dative is the beneficiary
    payer = subject or quoted_name(ctx, sent.start, v_end)
    if payer is None:  # "министерство перечислило …": a nominative noun for a body named before
        payer = generic_party(ctx, sent.start, v_end, "Nom")
    adjacent = after[0] if after and re.fullmatch(r"[\s«\"„]*", text[v_end:after[0].start]) else None
    if payer is None and adjacent is not None and not _dative_only(adjacent.text):
        payer, adjacent = adjacent, None
    beneficiary = to_party or dative_before
    if beneficiary is None and adjacent is not None and adjacent.start < amount_start:
        beneficiary = adjacent
    if beneficiary is None and _DATIVE_PRONOUN.match(text, v_end):
        beneficiary = _antecedent(ctx, sent.start, payer)
    if beneficiary is None:
        beneficiary = next((m for m in after if m is not payer and may_be_dative(m.text)), None)
    if beneficiary is None:
        for g_start, _g_end, lemma in generic_dative(sent.text):
            found = by_head_noun(ctx, sent.start + g_start, lemma, exclude=payer.party if payer else None)
            if found is not None:
                beneficiary = found
                break
    return payer, beneficiary


_DATIVE_PRONOUN = re.compile(r"\s+(?:ей|ему|им)\b", re.IGNORECASE)
_ANTECEDENT_WINDOW = 600  # characters before the sentence searched for what "ей"/"ему" stands for


def _antecedent(ctx: DocContext, sent_start: int, payer: PartyMention | None) -> PartyMention | None:
    """"Фонд выделил ей N": the dative pronoun right after the verb stands for the party named last
    in the preceding sentences (not the payer, not a state body: the state is the one that gives),
    its latest mention by name preferred."""
    fallback = None
    for m in reversed(ctx.mentions_in(max(0, sent_start - _ANTECEDENT_WINDOW), sent_start)):
        party = ctx.parties.get(m.party)
        if party is None or (payer is not None and m.party == payer.party) or party.schema == "PublicBody":
            continue
        if m.text[:1].isupper():  # a name, rather than an "организация" already resolved by coreference
            return m
        fallback = fallback or m
    return fallback


def _dative_only(text: str) -> bool:
    if head_word(text):
        return head_may_be(text, "Dat") and not head_may_be(text, "Nom")
    return may_be_dative(text) and not may_be_nominative(text)


def generic_party(ctx: DocContext, start: int, end: int, case: str, exclude: str | None = None,
                  cue: str = "") -> PartyMention | None:
    """An organisation a lower-case noun of the given case stands for ("министерство перечислило",
    "от генподрядчика"): the party named before whose name holds that noun or is introduced by it.
    With ``cue`` ("от"), only a noun right after the cue counts."""
    for g_start, g_end, lemma in generic_nouns(ctx.text[start:end], case):
        if cue and not re.search(rf"(?i)\b{cue}\s+$", ctx.text[max(start, start + g_start - 10):start + g_start]):
            continue
        found = by_head_noun(ctx, start + g_start, lemma, exclude=exclude)
        if found is not None:
            return PartyMention(start + g_start, start + g_end, ctx.text[start + g_start:start + g_end],
                                found.party)
    return None


def quoted_name(ctx: DocContext, start: int, v_start: int) -> PartyMention | None:
    """«X» right before the verb where a party's name holds «X» ("ООО «X»"): a short form the name
    finder did not mark."""
    m = re.search(r"«([^«»]{2,60})»[^«»]{0,40}$", ctx.text[start:v_start])
    if m is None:
        return None
    inner = m.group(1).strip()
    for key, party in ctx.parties.items():
        if f"«{inner}»" in party.name or party.name == inner:
            q_start, q_end = start + m.start(), start + m.end(1) + 1
            return PartyMention(q_start, q_end, ctx.text[q_start:q_end], key)
    return None


# "заключило контракт с X", "подписал договор с X": the buyer signs with the contractor.
CONTRACT_VERB = re.compile(r"(?i)\b(?:заключил\w*|подписал\w*|заключен\w*|заключён\w*)")
_CONTRACT_NOUN = re.compile(r"(?i)\b(?:контракт\w*|госконтракт\w*|договор\w*|соглашени\w*|субподряд\w*)")
# "суд обязал X вернуть/выплатить N": the obliged party pays.
OBLIGE = re.compile(r"(?i)\b(?:обязал\w*|обязан\w*|потребовал\w*\s+от|взыскал\w*\s+с)\s+")


def russian_contract(ctx: DocContext, sent: Sentence, mentions: list[PartyMention]
                     ) -> tuple[PartyMention | None, PartyMention | None] | None:
    """"Контракт на N министерство заключило с «X»": the party "с/со" (instrumental) follows is paid,
    the nominative party that concluded it pays (named, a «short form», or a noun for a body named
    before). None when the sentence concludes no contract."""
    verb = CONTRACT_VERB.search(ctx.text, sent.start, sent.end)
    if verb is None or not _CONTRACT_NOUN.search(ctx.text, sent.start, sent.end):
        return None
    payee = next((m for m in mentions if re.search(r"(?i)\bс(?:о)?\s+[«\"]?$",
                                                   ctx.text[max(sent.start, m.start - 6):m.start])), None)
    payee = payee or _after_with(ctx, sent)
    payer = next((m for m in mentions if m is not payee and (payee is None or m.party != payee.party)
                  and head_may_be(m.text, "Nom") and not re.search(r"(?i)\b(?:с|со|от|у|для)\s+[«\"]?$",
                                                                   ctx.text[max(sent.start, m.start - 6):m.start])),
                 None)
    if payer is None:
        payer = generic_party(ctx, sent.start, sent.end, "Nom", exclude=payee.party if payee else None)
    if payer is not None and payee is not None and payer.party == payee.party:
        payee = None
    return payer, payee


def _after_with(ctx: DocContext, sent: Sentence) -> PartyMention | None:
    """«X» after "с", where the name finder marked only the full name ("ООО «X»")."""
    m = re.search(r"(?i)\bс(?:о)?\s+(«[^«»]{2,60}»)", ctx.text[sent.start:sent.end])
    if m is None:
        return None
    return quoted_name(ctx, sent.start, sent.start + m.end(1))


def russian_obliged(ctx: DocContext, sent: Sentence, mentions: list[PartyMention],
                    amount_start: int) -> PartyMention | None:
    """"обязал «X» вернуть в бюджет N", "взыскал с X N": the party right after the verb pays."""
    for cue in OBLIGE.finditer(ctx.text, sent.start, amount_start):
        after = [m for m in mentions if cue.end() <= m.start < amount_start
                 and re.fullmatch(r"[\s«\"—–-]*(?:\w+\s+){0,2}?[\s«\"—–-]*", ctx.text[cue.end():m.start])]
        if after:
            return after[0]
    return None


@functools.cache
def _funding_noun() -> re.Pattern[str]:
    from casegraph.extract.cues import load

    stems = load("money_ru")["funding_nouns_genitive_payer"]
    return re.compile(rf"(?i)(?<!\w)(?:{'|'.join(stems)})\s+[«\"„]?$")


_FROM_BEFORE = re.compile(r"(?i)(?<!\w)(?:от|со\s+стороны)\s+(?:[а-яё]+\s+){0,2}[«\"„]?$")


def after_from(ctx: DocContext, mention: PartyMention, floor: int) -> bool:
    """The mention follows "от" ("от фонда", "от «X»"): it is where money came from, not a subject."""
    return _FROM_BEFORE.search(ctx.text[max(floor, mention.start - 40):mention.start]) is not None


def funding_payer(ctx: DocContext, sent: Sentence, mentions: list[PartyMention]) -> PartyMention | None:
    """"получил грант правительства X на N": the party in the genitive right after a funding noun
    (``extract/data/money_ru.yaml``) gives the money."""
    pattern = _funding_noun()
    for m in mentions:
        if pattern.search(ctx.text[max(sent.start, m.start - 30):m.start]) and head_may_be(m.text, "Gen"):
            return m
    return None


def inverted_receiver(ctx: DocContext, sent: Sentence, mentions: list[PartyMention],
                      v_end: int) -> PartyMention | None:
    """"N от фонда получило ООО «X»": with the verb before its subject, the nominative party right
    after the verb receives."""
    for m in mentions:
        if m.start < v_end:
            continue
        gap = ctx.text[v_end:m.start]
        if re.fullmatch(r"[\s«\"„]*(?:[А-ЯA-Z]{2,5}\s+[«\"„]?)?", gap) and head_may_be(m.text, "Nom"):
            return m
        break
    return None
