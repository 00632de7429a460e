"""Relation frames stated through clauses, possessives, pronouns and kinship (English and Russian).

Why a second module: :mod:`relations` covers titles and appositions next to a name; news prose
states as many ties through a verb ("X, who chairs the trust", "the group he chairs", "Y is owned
by X"), a possessive ("Y's lawyer, X", "its managing director, X", "X's daughter"), a board
("the bank's board includes X") or, in Russian, a title before the name with the body in the
genitive ("председатель правления фонда X", "генеральным директором компании работает X").
Like the frames in :mod:`relations`, these run over masked sentences (names are ``⟨P3⟩``/``⟨O5⟩``
placeholders, and descriptions such as "the trust" are placeholders too), so they are generic.
Pronouns ("his lawyer", "its director") are resolved to the nearest fitting party.
"""

from __future__ import annotations

import re

from casegraph.extract.context import DocContext, PartyMention
from casegraph.extract.masking import (
    NOSTOP,
    OSLOT,
    PSLOT,
    SLOT,
    Masked,
    dates_near,
    is_person,
    masked_sentences,
    plist,
    sentences_of,
)
from casegraph.extract.nominals import mentions_between
from casegraph.extract.registry import component
from casegraph.extract.relations_base import ROLE, body_for_title, record, record_role, ru_stem
from casegraph.extract.vocab import roles as V

_NEG = re.compile(r"(?<!\w)(?:not|never|no\s+longer|n[’']t|denied|denies|не|никогда)(?!\w)", re.I)
_Q = r"[«»\"“”„]*"
# one organisation, possibly a descriptor and its quoted name ("⟨O2⟩ «⟨O3⟩»")
ORGSEQ = rf"(?:{_Q}{OSLOT}{_Q}\s*)+"
_ADV = r"(?:(?:also|now|currently|still|formerly|previously|once|later|then|jointly|effectively)\s+)?"

# -- pronoun resolution -------------------------------------------------------------------------

PRONOUN_REACH = 600  # characters back in which a pronoun's antecedent is looked for
_PERSON_PRON = {"his", "her", "he", "she", "him", "его", "её", "ее", "он", "она", "их", "their", "they"}
_ORG_PRON = {"its", "it", "their"}


def _subject_before(ctx: DocContext, m: Masked, pos: int, exclude: set[str]) -> PartyMention | None:
    """A dative pronoun ("ему", "ей") of any gender of party: the first party named earlier in the
    sentence, else the first one the previous sentence names (its subject), else the nearest person."""
    for tok in re.finditer(SLOT, m.text[:pos]):
        found = m.slot(tok.group())
        if found.party not in exclude:
            return found
    i = _sentence_index(ctx, m.sentence.start)
    if i > 0:
        prev = sentences_of(ctx)[i - 1]
        named = [x for x in mentions_between(ctx, prev.start, prev.end) if x.party not in exclude]
        if named and named[0].start - prev.start <= 25:  # only a party in subject position, not "Он … партии X"
            return named[0]
    return resolve_person(ctx, m, pos, exclude)


def _sentence_index(ctx: DocContext, offset: int) -> int:
    sents = sentences_of(ctx)
    lo, hi = 0, len(sents)
    while lo < hi:
        mid = (lo + hi) // 2
        if sents[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def resolve_person(ctx: DocContext, m: Masked, pos: int, exclude: set[str]) -> PartyMention | None:
    """"his"/"her": the first person named earlier in the sentence (its subject), else the first
    person of the nearest earlier sentence that names one (within a few hundred characters)."""
    for tok in re.finditer(PSLOT, m.text[:pos]):
        found = m.slot(tok.group())
        if found.party not in exclude:
            return found
    sents = sentences_of(ctx)
    i = _sentence_index(ctx, m.sentence.start)
    for j in range(i - 1, max(i - 6, -1), -1):
        if m.sentence.start - sents[j].end > PRONOUN_REACH:
            break
        people = [x for x in mentions_between(ctx, sents[j].start, sents[j].end)
                  if is_person(ctx, x.party) and x.party not in exclude]
        if people:
            return people[0]
    return None


def resolve_org(ctx: DocContext, m: Masked, pos: int, exclude: set[str]) -> PartyMention | None:
    """"its": the last organisation named earlier in the sentence, else in the previous sentence,
    else the organisation the text has named most often so far (the article's subject)."""
    for tok in reversed(list(re.finditer(OSLOT, m.text[:pos]))):
        found = m.slot(tok.group())
        if found.party not in exclude:
            return found
    sents = sentences_of(ctx)
    i = _sentence_index(ctx, m.sentence.start)
    if i > 0:
        orgs = [x for x in mentions_between(ctx, sents[i - 1].start, sents[i - 1].end)
                if not is_person(ctx, x.party) and x.party not in exclude]
        if orgs:
            return orgs[-1]
    counts: dict[str, list[PartyMention]] = {}
    for x in mentions_between(ctx, 0, m.sentence.start):
        if not is_person(ctx, x.party) and x.party not in exclude:
            counts.setdefault(x.party, []).append(x)
    if not counts:
        return None
    return max(counts.values(), key=len)[-1]


def _resolve(ctx: DocContext, m: Masked, pos: int, pron: str, exclude: set[str]) -> PartyMention | None:
    pron = pron.lower()
    if pron in _ORG_PRON and pron != "their":
        return resolve_org(ctx, m, pos, exclude)
    return resolve_person(ctx, m, pos, exclude)


def person_by_title(ctx: DocContext, title: str, before: int) -> PartyMention | None:
    """"the deputy minister" → the person earlier given a title holding those words."""
    words = [w for w in re.findall(r"[\w-]+", title.lower()) if w not in ("the", "a", "an")]
    if not words:
        return None
    for draft in ctx.drafts:
        for v in draft.values:
            if v.ref or v.prop != "role" or v.start >= before:
                continue
            if all(re.search(rf"(?<!\w){re.escape(w)}", v.value.lower()) for w in words):
                for ref in draft.values:
                    if ref.ref and is_person(ctx, ref.value) and ref.start < before:
                        return PartyMention(ref.start, ref.end, ctx.text[ref.start:ref.end], ref.value)
    return None


# -- frames -------------------------------------------------------------------------------------

_VERBS = {
    "Directorship": r"chairs|chaired|heads|headed|leads|led|runs|ran|directs|directed|manages|managed|"
                    r"presides\s+over|presided\s+over|возглавляет|возглавлял\w*|руководит|руководил\w*",
    "Ownership": r"owns|owned|co-owns|co-owned|controls|controlled|владеет|владел\w*|контролирует",
    "Employment": r"works\s+(?:for|at)|worked\s+(?:for|at)|is\s+employed\s+by|was\s+employed\s+by|"
                  r"работает\s+в|работал\w*\s+в",
    "Representation": r"represents|represented|acts\s+for|acted\s+for|защищает|представляет",
}
_VERB_ROLE = {"Directorship": "head", "Ownership": "owner", "Employment": "employee",
              "Representation": "lawyer"}
_ORG_FILL = (r"(?:(?:[A-ZА-Я][\w.-]*|[\w-]+-(?:based|registered)|law|investment|holding|consulting|"
             r"consultancy|firm|company|group|fund|bank|charity|think|tank|state|private|family)\s+){0,3}")
# "⟨P⟩, who chairs the ⟨O⟩", "⟨P⟩ heads ⟨O⟩", "⟨P⟩ возглавляет ⟨O⟩"
_VERB_FRAME = re.compile(
    rf"(?P<subj>{SLOT})(?:\s*,\s*(?:who|which|который|которая)\s+|\s+(?:who\s+)?)(?P<mid>{_ADV})"
    rf"(?P<verb>{'|'.join(f'(?P<{k}>{v})' for k, v in _VERBS.items())})\s+(?:the\s+|a\s+|an\s+)?{_ORG_FILL}"
    rf"(?P<obj>{_Q}{SLOT})", re.I)
# "a firm whose senior partner, ⟨P⟩, now represents ⟨P⟩": the name closes an apposition, so a comma
# (not a relative pronoun) separates it from its verb
_APPOS_VERB = re.compile(
    rf",\s*(?P<subj>{PSLOT})\s*,\s*(?P<mid>{_ADV})"
    rf"(?P<verb>{'|'.join(f'(?P<{k}>{v})' for k, v in _VERBS.items())})\s+(?:the\s+|a\s+|an\s+)?{_ORG_FILL}"
    rf"(?P<obj>{_Q}{SLOT})", re.I)
_APPOSED_NAME = re.compile(rf",\s*{PSLOT}\s*,")  # cheap gate for the above
_END = r"(?=\s*(?:[.,;:)—–]|$|\s+(?:in|since|from|until|with|after|before|last|this|\d)))"
# "⟨O⟩, the Bucharest-registered group he chairs", "⟨O⟩, a group that ⟨P⟩ co-founded with ⟨P⟩"
_OBJECT_RELATIVE = re.compile(
    rf"(?P<obj>{SLOT}),\s+(?:(?:a|an|the)\s+[^,⟨;.]{{0,60}}?\s+)?(?:(?:that|which|whom)\s+)?"
    rf"(?P<subj>{PSLOT}|\b(?:he|she|they))\s+{_ADV}(?P<verb>chairs|chaired|heads|headed|runs|ran|leads|led|"
    rf"owns|owned|controls|controlled|manages|managed|(?:co-)?founded|set\s+up|established|created|launched)"
    rf"(?:\s+with\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?(?P<co>{PSLOT}))?{_END}", re.I)
# "his Bucharest lawyer, ⟨P⟩", "Its managing director, ⟨P⟩", "her client's lawyer ⟨P⟩"
_PRON_ROLE = re.compile(
    rf"(?<!\w)(?P<pron>(?i:his|her|their|its|его|её|ее|их))\s+(?:[A-Z][\w-]*\s+)?(?P<role>{ROLE})"
    # "Its sole director (on paper) is ⟨P⟩": a copula, after at most two hedging words, links role and name
    rf"(?:\s+(?:(?!is\b|was\b)[a-z]+\s+){{0,2}}?(?:is|was|has\s+been|remains)\s+|\s*,?\s*)"
    rf"(?P<person>{SLOT})")
# "⟨P⟩ … became its treasurer", "⟨P⟩ was their spokesman"
_BECAME_PRON_ROLE = re.compile(
    rf"(?P<person>{PSLOT}){NOSTOP}{{0,80}}?\b(?:became|becomes|is|was|served\s+as|serves\s+as|remains|"
    rf"remained|was\s+named|was\s+appointed|was\s+elected)\s+(?:as\s+)?(?P<pron>its|their)\s+(?P<role>{ROLE})",
    re.I)
# "⟨O⟩'s owner is ⟨O⟩", "⟨P⟩'s lawyer, ⟨P⟩", "⟨O⟩'s managing director ⟨P⟩"
_POSS_ROLE = re.compile(
    rf"(?P<anchor>{SLOT})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?P<role>{ROLE})(?:\s*,\s*|"
    # "Y's owner, according to the filings, is X": an attribution between the role and its copula
    rf"(?:\s*,[^,⟨;.]{{1,90}},)?\s+(?:is|was|has\s+been)\s+"
    rf"(?:none\s+other\s+than\s+|still\s+)?|\s+)(?P<person>{SLOT})")
# "⟨P⟩, 58, served as the ⟨O⟩'s sole director", "⟨P⟩ worked as ⟨P⟩'s parliamentary researcher"
_SERVED_AS = re.compile(
    rf"(?P<person>{PSLOT})(?:\s*,[^,⟨]{{0,30}},|\s*,)?\s+(?:[a-z]+\s+)?(?:worked|works|served|serves|acted|acts|"
    rf"became|becomes|remains|remained|is|was|has\s+been|had\s+been)\s+(?:as\s+)?(?:the\s+|a\s+|an\s+)?"
    rf"(?P<anchor>{SLOT})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?P<role>{ROLE})")
# "⟨O⟩, represented by the law firm ⟨O⟩"
_REPRESENTED_BY = re.compile(
    rf"(?P<client>{SLOT})\s*,?\s*(?:who\s+is\s+|which\s+is\s+|is\s+|was\s+|are\s+|were\s+)?(?:being\s+|also\s+)?"
    rf"(?:represented|defended|advised)\s+(?:in\s+court\s+)?by\s+(?P<how>(?:the\s+|a\s+|an\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?)(?P<agents>{plist(SLOT)})", re.I)
# What may stand between the asset and "owned by": an apposition on it (", a firm", ", which is") or
# auxiliaries; not a clause of its own ("⟨O⟩ froze the licences held by …", "⟨O⟩, into an account
# held by …"), where what is held is another noun
_OWNED_GAP = (r"(?:[»\"”]*\s*[,(—–]\s*(?:(?:a|an|the|which|that|itself|in\s+turn|now|also|both|then|still|"
              rf"reportedly|ultimately|partly|wholly|jointly|indirectly)\b{NOSTOP}{{0,60}}?|)"
              r"|[»\"”]*\s+(?:(?:is|was|are|were|be|been|being|which|that|also|now|still|then|reportedly|"
              r"in\s+turn|effectively|itself|once|majority|fully|partly|wholly|jointly|"
              r"[\d.,]+\s*(?:%|per\s*cent|percent))\s+){0,3})")
# "⟨O⟩, a firm owned by ⟨P⟩", "⟨O⟩ … controlled — on paper — by ⟨P⟩"
_OWNED_BY = re.compile(
    rf"(?P<asset>{SLOT}){_OWNED_GAP}\b(?:owned|co-owned|controlled|held)\s+(?:[—–][^—–⟨]{{0,40}}[—–]\s+)?"
    rf"(?:jointly\s+|ultimately\s+|partly\s+|wholly\s+|indirectly\s+)?by\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?P<owners>{plist(SLOT)})(?!['’]s)", re.I)
# "… owned by ⟨O⟩ (, a Delaware company,) and 20 percent by ⟨O⟩": the verb left out of the second share
_OWNED_BY_MORE = re.compile(
    rf"(?:\s*,\s*(?:an?\s+|the\s+)?[^,⟨;.]{{1,50}})?\s*,?\s+and\s+(?:the\s+)?(?:remaining\s+|other\s+)?"
    rf"(?:[\d.,]+\s*(?:%|per\s*cent|percent)|rest|remainder|balance|half|an?\s+(?:third|quarter|half))\s+by\s+"
    rf"(?:the\s+)?(?P<owners>{plist(SLOT)})(?!['’]s)", re.I)
# "⟨P⟩ holds a 40% stake in ⟨O⟩", "⟨P⟩ had sold his interest in ⟨O⟩"
_STAKE = re.compile(
    rf"(?P<owner>{SLOT}|\b(?:he|she|it))\s+(?:(?!(?:he|she|it|they|who|that|which)\b)[a-z]+\s+){{0,3}}?(?:holds|held|owns|owned|has|had|bought|acquired|sold|retains|"
    rf"retained)\s+(?:a|an|the|his|her|its|their)?\s*(?:[\w%.,-]+\s+){{0,3}}?(?:stake|interest|shares?|"
    rf"holding)\s+in\s+(?:the\s+)?(?P<asset>{SLOT})"
    # "⟨P⟩ also owns 50 percent of ⟨O⟩": a share given as a fraction of the asset
    rf"|(?P<owner2>{SLOT}|\b(?:he|she|it))\s+(?:(?!(?:he|she|it|they|who|that|which)\b)[a-z]+\s+){{0,2}}?"
    rf"(?:holds|held|owns|owned|controls|controlled)\s+(?:[\d.,]+\s*(?:%|percent|per\s*cent)|half|"
    rf"(?:a|one|two)\s+(?:third|quarter)s?)\s+of\s+(?:the\s+)?(?P<asset2>{SLOT})", re.I)
_RU_ASSETS = rf"(?:[а-яё-]+\s+){{0,3}}?{ORGSEQ}(?:(?:\s*,\s*(?:и\s+)?|\s+и\s+)(?:[а-яё-]+\s+){{0,3}}?{ORGSEQ})*"
# "⟨O⟩ на 100% принадлежит предпринимателю ⟨P⟩" (asset in the nominative, owner in the dative), and
# "ему принадлежит 40% компании ⟨O⟩" / "⟨P⟩ принадлежат газета ⟨O⟩ и телеканал ⟨O⟩" (owner first)
_RU_BELONGS = re.compile(
    rf"(?P<asset>{OSLOT})[»\"”]*\s+(?:на\s+[\d.,]+\s*%\s+)?(?:(?:также|тоже|же|полностью|фактически)\s+)?"
    rf"принадлеж\w+\s+(?:[а-яё-]+\s+){{0,2}}?(?P<owner>{SLOT})"
    rf"|(?<!\w)(?P<owner2>{SLOT}|(?i:ему|ей|им))\s+(?:(?:также|тоже|же|фактически)\s+)?принадлеж\w+\s+"
    rf"(?:(?:ещё|еще|также)\s+)?(?:[\d.,]+\s*%\s+)?(?P<assets>{_RU_ASSETS})")
# "Её интересы (в суде) представлял адвокат ⟨P⟩", "интересы ⟨P⟩ защищает адвокат ⟨P⟩"
_RU_INTERESTS = re.compile(
    rf"(?<!\w)(?:(?P<pron>(?i:его|её|ее|их))\s+интересы|(?i:интересы)\s+(?P<client>{SLOT}))\s+(?:в\s+суде\s+)?"
    rf"(?:представля\w+|защища\w+|отстаива\w+)\s+(?:[а-яё-]+\s+){{0,2}}?(?P<agent>{PSLOT})")
# "⟨O⟩ belongs to ⟨P⟩", "… 50 percent of ⟨O⟩; the other half belongs to ⟨O⟩" (a share with no asset
# named is a share of the last organisation named before it in the sentence)
_BELONGS_TO = re.compile(
    rf"(?:(?P<asset>{OSLOT})|(?<!\w)(?:the\s+)?(?:other\s+|remaining\s+)?(?:half|rest|remainder|balance|"
    rf"[\d.,]+\s*(?:%|percent|per\s*cent))(?:\s+of\s+(?:the\s+)?(?P<asset2>{OSLOT}))?)"
    rf"\s+(?:(?:also|now|still|reportedly|ultimately)\s+)?(?:belongs|belonged)\s+to\s+(?:the\s+)?"
    rf"(?P<owner>{SLOT})", re.I)
# "the ⟨O⟩'s board includes ⟨P⟩"
_BOARD_INCLUDES = re.compile(
    rf"(?P<org>{SLOT})['’]s\s+(?P<sup>supervisory\s+|advisory\s+)?board(?:\s+of\s+(?:directors|trustees))?\s+"
    rf"(?:includes|included|comprises|comprised|has\s+included|counts)\s+(?P<members>{plist(SLOT)})", re.I)
# "⟨P⟩ sits on the board of ⟨O⟩", "⟨P⟩ joined the supervisory board of ⟨O⟩"
_ON_BOARD = re.compile(
    rf"(?P<members>{plist(PSLOT)})\s+{_ADV}(?:sits|sat|serves|served|is|was|are|were|joined|join)\s+"
    rf"(?:on\s+)?(?:the\s+)?(?P<sup>supervisory\s+|advisory\s+)?board\s+(?:of\s+(?:directors\s+|trustees\s+)?"
    rf"(?:of\s+|at\s+)?|at\s+)?(?:the\s+)?(?P<org>{SLOT})", re.I)
_RU_COUNCIL = r"(?P<sup>попечительск\w+|наблюдательн\w+|консультативн\w+|экспертн\w+|общественн\w+)?\s*" \
              r"(?:совет\w*|правлени\w+)(?:\s+директоров)?"
# "в попечительский совет ⟨O⟩ входит депутат ⟨O⟩ ⟨P⟩", "⟨P⟩ входит в совет директоров ⟨O⟩"
_RU_BOARD = re.compile(
    rf"(?:в\s+)?{_RU_COUNCIL}\s+(?P<org>{ORGSEQ})\s*(?:входит|входят|входил\w*|вошл\w+|вош[её]л)\s+"
    rf"(?:[а-яё-]+\s+(?:{ORGSEQ})?){{0,2}}?(?P<members>{plist(PSLOT)})"
    rf"|(?P<members2>{plist(PSLOT)})\s+(?:[а-яё-]+\s+)?(?:входит|входят|входил\w*|вош[её]л\w*|состоит)\s+в\s+"
    rf"{_RU_COUNCIL.replace('?P<sup>', '?P<sup2>')}\s+(?:[а-яё-]+\s+)?(?P<org2>{ORGSEQ})", re.I)
# "председатель правления ⟨O⟩ «⟨O⟩» ⟨P⟩", "руководитель центра ⟨P⟩", "заместитель министра
# экономического развития ⟨P⟩" (Russian: title, body in the genitive, then the name)
_RU_TITLE = re.compile(
    rf"(?<!\w)(?P<title>{ROLE}(?:\s+[а-яё-]+){{0,3}}?)\s+(?P<orgs>(?:{ORGSEQ})?)"
    rf"(?:(?<=[»\"“”⟩\s])[—–]\s*(?:[а-яё-]+\s+){{0,2}}?)?(?P<person>{PSLOT})")
_RU_COPULA = (r"(?:работает|работал\w*|является|являлся|являлась|стал\w*|был\w*|назначен\w*|числится|значится|"
              r"выступа\w*|выступил\w*)")
# "биолог ⟨P⟩ и журналист ⟨P⟩": Russian names in a list, each after an optional lowercase occupation word
_RU_PLIST = rf"(?:[а-яё-]+\s+)?{PSLOT}(?:(?:\s*,\s*(?:и\s+)?|\s+и\s+)(?:[а-яё-]+\s+)?{PSLOT})*"
# "генеральным директором компании работает его жена ⟨P⟩", "владельцем ⟨O⟩ является сам ⟨P⟩"
_RU_TITLE_IS = re.compile(
    rf"(?<!\w)(?P<title>{ROLE})\s+(?:[а-яё-]+\s+){{0,2}}?(?P<orgs>(?:{ORGSEQ})?)(?:[\wа-яё-]+\s+){{0,4}}?"
    rf"{_RU_COPULA}\s+"
    rf"(?:сам\w*\s+|(?:его|её|ее|их)\s+[а-яё-]+\s+)?(?P<person>{_RU_PLIST})"
    rf"|(?P<person2>{PSLOT})\s+{_RU_COPULA}\s+(?P<title2>{ROLE})\s+(?P<orgs2>{ORGSEQ})")
# "организацией руководит директор ⟨P⟩": object first, then the verb and its subject (an
# organisation cannot head or own a person, so the order of the two kinds fixes the roles)
_RU_OVS = re.compile(
    rf"(?P<orgs>{ORGSEQ})(?P<verb>руководит|руководил\w*|возглавляет|возглавлял\w*|владеет|владел\w*|"
    rf"управляет|управлял\w*)\s+(?:(?:{ROLE}|[а-яё-]+)\s+)?(?P<person>{PSLOT})", re.I)
# "⟨O⟩, учредителем которого (по данным реестра) значится ⟨P⟩": a title in a relative clause on the body
_RU_WHOSE_TITLE = re.compile(
    rf"(?P<orgs>{ORGSEQ})[^.;⟨]{{0,60}}?(?P<title>{ROLE})\s+(?:которого|которой|которых|его|её)\s*,?"
    rf"[^.;⟨]{{0,60}}?{_RU_COPULA}\s+(?:[а-яё-]+\s+){{0,2}}?(?P<person>{PSLOT})", re.I)
_KIN_EN = "|".join(re.escape(k) for k in sorted(V.KIN_EN, key=len, reverse=True))
_KIN_RU = "|".join(ru_stem(k) if " " not in k else r"\s+".join(ru_stem(w) for w in k.split())
                   for k in V.KIN_RU)


def _kin_re(group: str = "kin") -> str:
    return (rf"(?:(?:younger|elder|older|eldest|youngest|late|estranged|only|second|first|former)\s+)?"
            rf"(?P<{group}>{_KIN_EN}|{_KIN_RU})(?:s)?(?!\w)")


_KIN = _kin_re()
# "⟨P⟩, ⟨P⟩'s daughter", "⟨P⟩, the deputy minister's sister"
_KIN_APPOS = re.compile(
    rf"(?P<person>{SLOT}),\s+(?:(?P<rel>{SLOT})|(?:the|a)\s+(?P<title>(?:[\w-]+\s+){{0,2}}?{ROLE}))['’]s\s+{_KIN}",
    re.I)
# "⟨P⟩, is the brother-in-law of Deputy Minister ⟨P⟩", "⟨P⟩ is married to ⟨P⟩"
_KIN_OF = re.compile(
    rf"(?P<person>{SLOT}),?\s+(?:who\s+)?(?:is|was|became|remains)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+|his\s+|her\s+)?"
    rf"{_KIN}\s+of\s+(?:(?:[A-Z][\w.-]*|the|a)\s+){{0,4}}?(?P<rel>{SLOT})"
    rf"|(?P<person2>{SLOT})\s+(?:is|was|has\s+been|had\s+been|got)\s+married\s+to\s+(?P<rel2>{SLOT})"
    rf"(?P<inlaw>['’]s\s+{_kin_re('kin2')})?", re.I)
# "⟨P⟩, зять ⟨P⟩", "⟨P⟩ — жена бизнесмена ⟨P⟩": Russian kin noun in apposition, relative in the genitive
_KIN_RU_APPOS = re.compile(
    rf"(?P<person>{PSLOT})\s*[,—–]\s*(?:(?:бывш|младш|старш|родн|двоюродн)[а-яё]*\s+)?(?P<kin>{_KIN_RU})"
    rf"\s+(?:[а-яё-]+\s+){{0,2}}?(?P<rel>{PSLOT})", re.I)
# "⟨P⟩'s nephew, ⟨P⟩", "⟨P⟩'s wife ⟨P⟩"
_POSS_KIN = re.compile(rf"(?P<rel>{PSLOT})['’]s\s+{_KIN}\s*,?\s*(?P<person>{PSLOT})", re.I)
# "his wife, ⟨P⟩", "его жена ⟨P⟩"
_KIN_PRON = re.compile(rf"(?<!\w)(?P<pron>(?i:his|her|their|его|её|ее|их))\s+{_KIN}\s*,?\s*(?P<person>{PSLOT})",
                       re.I)


def _role_span(m: Masked, hit: re.Match[str], group: str) -> tuple[int, int]:
    return hit.start(group), hit.end(group)


# "Daniel Kerr of Mills & Pike LLP said" (a firm or newsroom, not a place or a state body)
# "attorney ⟨P⟩ of (the firm) ⟨O⟩"
_OF_FIRM = re.compile(rf"(?P<person>{PSLOT})\s+of\s+(?:the\s+)?(?:(?:law\s+)?(?:firm|company|practice)\s+)?"
                      rf"(?P<org>{OSLOT})(?!['’]s|\w)")
# "the ⟨Treasury⟩'s ⟨Office of …⟩": a state body's office is part of it
_SUB_BODY = re.compile(rf"(?P<parent>{OSLOT})['’]s\s+(?P<child>{OSLOT})")
# "⟨O⟩, which had been appointed as ⟨O⟩'s distributor", "⟨O⟩ became ⟨O⟩'s main client"
_BUSINESS_TIE = re.compile(
    rf"(?P<a>{SLOT})(?:\s*,\s*(?:which|who))?[^⟨.;]{{0,40}}?\b(?:became|becomes|is|was|been\s+appointed\s+as|"
    rf"appointed\s+as|acts\s+as|acted\s+as|served\s+as)\s+(?:the\s+|a\s+|an\s+)?(?P<b>{SLOT})['’]s\s+"
    rf"(?:(?:main|sole|only|exclusive|largest|biggest|key|official|appointed|local|regional)\s+)?"
    rf"(?P<tie>client|customer|supplier|distributor|partner|contractor|subcontractor|dealer|reseller|"
    rf"licensee|franchisee|creditor|lender|agent)s?\b", re.I)


def _affiliation_frames(ctx: DocContext, m: Masked) -> None:
    for hit in _OF_FIRM.finditer(m.text):
        org = ctx.parties[m.slot(hit.group("org")).party]
        if org.schema in ("Company", "Organization"):
            s, e = m.span(hit.start(), hit.end())
            record(ctx, "Employment", m.slot(hit.group("person")), m.slot(hit.group("org")), m.sentence,
                   ("of", s, e), 0.55)
    for hit in _SUB_BODY.finditer(m.text):
        parent, child = m.slot(hit.group("parent")), m.slot(hit.group("child"))
        if ctx.parties[parent.party].schema == ctx.parties[child.party].schema == "PublicBody":
            s, e = m.span(hit.start(), hit.end())
            record(ctx, "Membership", child, parent, m.sentence, ("part of", s, e), 0.6)
    for hit in _BUSINESS_TIE.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        s, e = m.span(hit.start("tie"), hit.end("tie"))
        record(ctx, "UnknownLink", m.slot(hit.group("a")), m.slot(hit.group("b")), m.sentence,
               (hit.group("tie").lower(), s, e), 0.6)


def _rec_role(ctx: DocContext, m: Masked, person: PartyMention, anchor: PartyMention, hit: re.Match[str],
              group: str = "role", confidence: float = 0.7) -> None:
    role = hit.group(group)
    if is_person(ctx, anchor.party) and V.role_kind(role) not in ("Representation", "Employment"):
        return
    s, e = _role_span(m, hit, group)
    record_role(ctx, m, person, anchor, role, s, e, confidence)


def _verb_frames(ctx: DocContext, m: Masked) -> None:
    appos = _APPOS_VERB.finditer(m.text) if _APPOSED_NAME.search(m.text) else ()
    for hit in [*_VERB_FRAME.finditer(m.text), *appos]:
        if _NEG.search(hit.group("mid") or ""):
            continue
        schema = next(k for k in _VERBS if hit.group(k))
        obj_slot = re.search(SLOT, hit.group("obj"))
        assert obj_slot is not None  # the pattern's "obj" group always ends in a SLOT placeholder
        subj, obj = m.slot(hit.group("subj")), m.slot(obj_slot.group())
        if schema in ("Directorship", "Employment") and is_person(ctx, obj.party):
            continue
        s, e = m.span(hit.start("verb"), hit.end("verb"))
        record(ctx, schema, subj, obj, m.sentence, (_VERB_ROLE[schema], s, e), 0.7)
    for hit in _OBJECT_RELATIVE.finditer(m.text):
        obj = m.slot(hit.group("obj"))
        subj_tok = hit.group("subj")
        actor: PartyMention | None
        if subj_tok.startswith("⟨"):
            actor = m.slot(subj_tok)
        else:
            actor = resolve_person(ctx, m, hit.start(), {obj.party})
        if actor is None:
            continue
        verb = hit.group("verb").lower()
        s, e = m.span(hit.start("verb"), hit.end("verb"))
        if "found" in verb or verb in ("set up", "established", "created", "launched"):
            date = next(iter(dates_near(ctx, *m.span(hit.start("verb"), len(m.text)))), None)
            for person in [actor, *([m.slot(hit.group("co"))] if hit.group("co") else [])]:
                record(ctx, "Directorship", person, obj, m.sentence, ("founder", s, e), 0.75, start_date=date)
        elif verb.startswith(("own", "control")):
            record(ctx, "Ownership", actor, obj, m.sentence, ("owner", s, e), 0.7)
        else:
            record(ctx, "Directorship", actor, obj, m.sentence, ("head", s, e), 0.7)


def _possessive_role_frames(ctx: DocContext, m: Masked) -> None:
    if not m.has_role:
        return
    for hit in _PRON_ROLE.finditer(m.text):
        person = m.slot(hit.group("person"))
        anchor = _resolve(ctx, m, hit.start(), hit.group("pron"), {person.party})
        if anchor is not None:
            _rec_role(ctx, m, person, anchor, hit)
    for hit in _BECAME_PRON_ROLE.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        person = m.slot(hit.group("person"))
        anchor = resolve_org(ctx, m, hit.start("pron"), {person.party})
        if anchor is not None:
            _rec_role(ctx, m, person, anchor, hit)
    for regex in (_POSS_ROLE, _SERVED_AS):
        for hit in regex.finditer(m.text):
            if regex is _SERVED_AS and _NEG.search(hit.group()):
                continue
            _rec_role(ctx, m, m.slot(hit.group("person")), m.slot(hit.group("anchor")), hit)


def _representation_frames(ctx: DocContext, m: Masked) -> None:
    if "нтерес" in m.text:
        for hit in _RU_INTERESTS.finditer(m.text):
            agent = m.slot(hit.group("agent"))
            client = (m.slot(hit.group("client")) if hit.group("client")
                      else resolve_person(ctx, m, hit.start(), {agent.party}))
            if client is not None:
                s, e = m.span(hit.start(), hit.end())
                record(ctx, "Representation", agent, client, m.sentence, ("lawyer", s, e), 0.7)
    for hit in _REPRESENTED_BY.finditer(m.text):
        client = m.slot(hit.group("client"))
        s, e = m.span(hit.start(), hit.end())
        lawyer = re.search(r"law|attorney|counsel|solicitor|barrister", hit.group("how"), re.I)
        for agent in m.slots_in(hit.group("agents")):
            record(ctx, "Representation", agent, client, m.sentence, ("lawyer" if lawyer else "representative",
                                                                         s, e), 0.75)


_GATES = {  # a cheap test per frame: the words it cannot match without
    "owned": re.compile(r"(?<!\w)(?:owned|co-owned|controlled|held)\b", re.I),
    "stake": re.compile(r"(?<!\w)(?:stake|interest|shares?|holding|percent|half|third|quarter)\b|%", re.I),
    "board": re.compile(r"(?<!\w)(?:board|совет|правлени)", re.I),
}


def _ownership_frames(ctx: DocContext, m: Masked) -> None:
    for hit in _RU_BELONGS.finditer(m.text) if "принадлеж" in m.text else ():
        if _NEG.search(hit.group()):
            continue
        s, e = m.span(hit.start(), hit.end())
        if hit.group("asset"):
            pairs = [(m.slot(hit.group("owner")), m.slot(hit.group("asset")))]
        else:
            assets = m.slots_in(hit.group("assets"))
            token = hit.group("owner2")
            owner = m.slot(token) if token.startswith("⟨") else _subject_before(ctx, m, hit.start(),
                                                                                {a.party for a in assets})
            pairs = [(owner, a) for a in assets] if owner is not None else []
        for owner, asset in pairs:
            if not is_person(ctx, asset.party) and owner.party != asset.party:
                record(ctx, "Ownership", owner, asset, m.sentence, ("owner", s, e), 0.7)
    for hit in _OWNED_BY.finditer(m.text) if _GATES["owned"].search(m.text) else ():
        if _NEG.search(hit.group()):
            continue
        asset = m.slot(hit.group("asset"))
        s, e = m.span(hit.start(), hit.end())
        more = _OWNED_BY_MORE.match(m.text, hit.end())
        for owner in m.slots_in(hit.group("owners")) + m.slots_in(more.group("owners") if more else None):
            record(ctx, "Ownership", owner, asset, m.sentence, ("owner", s, e), 0.7)
    for hit in _BELONGS_TO.finditer(m.text) if "belong" in m.text else ():
        if _NEG.search(hit.group()):
            continue
        owner = m.slot(hit.group("owner"))
        token = hit.group("asset") or hit.group("asset2")
        owned: PartyMention | None
        if token:
            owned = m.slot(token)
        else:
            earlier = [m.slot(t) for t in re.findall(OSLOT, m.text[:hit.start()])]
            owned = next((x for x in reversed(earlier) if x.party != owner.party), None) or _topic_org(ctx, m)
            if owned is not None and owned.party == owner.party:
                owned = None
        if owned is not None and ctx.parties[owned.party].schema in ("Company", "LegalEntity", "Organization"):
            s, e = m.span(hit.start(), hit.end())
            record(ctx, "Ownership", owner, owned, m.sentence, ("owner", s, e), 0.65)
    for hit in _STAKE.finditer(m.text) if _GATES["stake"].search(m.text) else ():
        if _NEG.search(hit.group()):
            continue
        s, e = m.span(hit.start(), hit.end())
        asset = m.slot(hit.group("asset") or hit.group("asset2"))
        token = hit.group("owner") or hit.group("owner2")
        holder = m.slot(token) if token.startswith("⟨") else _resolve(ctx, m, hit.start(), token, {asset.party})
        if holder is not None:
            record(ctx, "Ownership", holder, asset, m.sentence, ("shareholder", s, e), 0.65)


def _board_frames(ctx: DocContext, m: Masked) -> None:
    if not _GATES["board"].search(m.text):
        return
    for regex in (_BOARD_INCLUDES, _ON_BOARD, _RU_BOARD):
        for hit in regex.finditer(m.text):
            if _NEG.search(hit.group()):
                continue
            g = hit.groupdict()
            org_text = g.get("org") or g.get("org2") or ""
            members = g.get("members") or g.get("members2") or ""
            supervisory = bool(g.get("sup") or g.get("sup2"))
            # a Russian "входит в правление" says membership of the body, not leadership
            schema = "Membership" if supervisory or regex is _RU_BOARD else "Directorship"
            s, e = m.span(hit.start(), hit.end())
            for org in m.slots_in(org_text):
                for member in m.slots_in(members):
                    if member.party != org.party:
                        record(ctx, schema, member, org, m.sentence,
                               ("board member" if not supervisory else "supervisory board member", s, e), 0.7)


def _topic_org(ctx: DocContext, m: Masked) -> PartyMention | None:
    """The organisation a title with no named body belongs to: the last one the previous
    sentence names ("The fund was set up in 2018. Its executive director is …")."""
    sents = sentences_of(ctx)
    i = _sentence_index(ctx, m.sentence.start)
    if i <= 0:
        return None
    orgs = [x for x in mentions_between(ctx, sents[i - 1].start, sents[i - 1].end) if not is_person(ctx, x.party)]
    return orgs[-1] if orgs else None


def _russian_title_frames(ctx: DocContext, m: Masked) -> None:

    if not m.has_role or not re.search(r"[а-яё]", m.text[:200], re.I):
        return  # Russian word order only; English titles are read by :mod:`relations`
    for hit in _RU_TITLE.finditer(m.text):
        title = hit.group("title")
        if not re.search(r"[а-яё]", title, re.I):
            continue  # English titles are read by the title frames of :mod:`relations`
        person = m.slot(hit.group("person"))
        orgs = m.slots_in(hit.group("orgs"))
        if not orgs:
            body = body_for_title(ctx, title)
            orgs = [body] if body is not None else []
        for org in orgs:
            record_role(ctx, m, person, org, title, hit.start("title"), hit.end("title"), 0.75)
    for hit in _RU_TITLE_IS.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        tg = "title" if hit.group("title") else "title2"
        people = m.slots_in(hit.group("person") or hit.group("person2"))
        orgs = m.slots_in(hit.group("orgs") or hit.group("orgs2"))
        if not orgs:
            topic = _topic_org(ctx, m)
            orgs = [topic] if topic is not None else []
        for org in orgs:
            for person in people:
                record_role(ctx, m, person, org, hit.group(tg), hit.start(tg), hit.end(tg), 0.7)
    for hit in _RU_OVS.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        person = m.slot(hit.group("person"))
        kind = "Ownership" if hit.group("verb").lower().startswith("влад") else "Directorship"
        s, e = hit.span("verb")
        for org in m.slots_in(hit.group("orgs")):
            record(ctx, kind, person, org, m.sentence, ("owner" if kind == "Ownership" else "head", *m.span(s, e)),
                   0.7)
    for hit in _RU_WHOSE_TITLE.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        person = m.slot(hit.group("person"))
        for org in m.slots_in(hit.group("orgs"))[-1:]:
            record_role(ctx, m, person, org, hit.group("title"), hit.start("title"), hit.end("title"), 0.7)


# a cheap substring test before the kin frames: the first letters of every kin word, and "married"
def _gate_stem(word: str) -> str:
    """The start every form of a kin word shares: Russian inflects the ending ("жена" → "жену",
    "отец" → "отца"), so a Russian word loses its vowel ending (and "-ец") first."""
    if re.search(r"[а-яё]", word):
        word = re.sub(r"(?:ец|[аяоеёыийуюь]+)$", "", word) or word
    return word[:4]


_KIN_GATE = tuple({_gate_stem(k.split()[-1]) for k in (*V.KIN_EN, *V.KIN_RU)} | {"marri"})


def _kin(text: str) -> str:
    return " ".join(text.lower().split())


def _family(ctx: DocContext, m: Masked, person: PartyMention, relative: PartyMention | None,
            hit: re.Match[str], kin: str) -> None:
    if relative is None or person.party == relative.party:
        return
    s, e = m.span(hit.start(), hit.end())
    record(ctx, "Family", person, relative, m.sentence, (kin, s, e), 0.75)


def _family_frames(ctx: DocContext, m: Masked) -> None:
    if not any(k in m.low for k in _KIN_GATE):
        return
    for hit in _KIN_APPOS.finditer(m.text):
        person = m.slot(hit.group("person"))
        if hit.group("rel"):
            relative: PartyMention | None = m.slot(hit.group("rel"))
        else:
            relative = person_by_title(ctx, hit.group("title"), m.span(hit.start(), hit.end())[0])
        _family(ctx, m, person, relative, hit, _kin(hit.group("kin")))
    for hit in _KIN_OF.finditer(m.text):
        if hit.group("person"):
            _family(ctx, m, m.slot(hit.group("person")), m.slot(hit.group("rel")), hit, _kin(hit.group("kin")))
        else:
            kin = "in-law" if hit.group("inlaw") else "spouse"
            _family(ctx, m, m.slot(hit.group("person2")), m.slot(hit.group("rel2")), hit, kin)
    for hit in _KIN_RU_APPOS.finditer(m.text):
        _family(ctx, m, m.slot(hit.group("person")), m.slot(hit.group("rel")), hit, _kin(hit.group("kin")))
    for hit in _POSS_KIN.finditer(m.text):
        _family(ctx, m, m.slot(hit.group("person")), m.slot(hit.group("rel")), hit, _kin(hit.group("kin")))
    for hit in _KIN_PRON.finditer(m.text):
        person = m.slot(hit.group("person"))
        relative = resolve_person(ctx, m, hit.start(), {person.party})
        _family(ctx, m, person, relative, hit, _kin(hit.group("kin")))


FRAMES = (_verb_frames, _possessive_role_frames, _representation_frames, _ownership_frames, _board_frames,
          _russian_title_frames, _family_frames, _affiliation_frames)


@component("relations_clauses", requires=("parties", "dates", "relations:titles"), assigns=("relations",))
def run(ctx: DocContext) -> None:
    """Append relation drafts for the clause, possessive, board, kinship and Russian title frames of
    every sentence."""
    ctx.sort()
    for m in masked_sentences(ctx, nominal=True):
        if not m.slots:
            continue
        for frame in FRAMES:
            frame(ctx, m)
