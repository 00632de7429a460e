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
    out = []
    for m in _WORD.finditer(text):
        cases, normal = _cases(m.group(0))
        if normal in ORG_NOUNS_RU and "Dat" in cases and m.group(0)[0].islower():
            out.append((m.start(), m.end(), normal))
    return out


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
    payer = subject or _quoted_name(ctx, sent.start, v_end)
    adjacent = after[0] if after and re.fullmatch(r"[\s«\"„]*", text[v_end:after[0].start]) else None
    if payer is None and adjacent is not None and not _dative_only(adjacent.text):
        payer, adjacent = adjacent, None
    beneficiary = to_party or dative_before
    if beneficiary is None and adjacent is not None and adjacent.start < amount_start:
        beneficiary = adjacent
    if beneficiary is None:
        beneficiary = next((m for m in after if m is not payer and may_be_dative(m.text)), None)
    if beneficiary is None:
        for g_start, _g_end, lemma in generic_dative(sent.text):
            found = by_head_noun(ctx, sent.start + g_start, lemma, exclude=payer.party if payer else None)
            if found is not None:
                beneficiary = found
                break
    return payer, beneficiary


def _dative_only(text: str) -> bool:
    return may_be_dative(text) and not may_be_nominative(text)


def _quoted_name(ctx: DocContext, start: int, v_start: int) -> PartyMention | None:
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
