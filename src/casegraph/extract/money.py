"""Payments: money amounts, with payer, beneficiary, purpose and date where the sentence names them.

Why this shape: amounts are found with one compiled regular expression over currency symbols,
ISO codes, currency words and multipliers (English and Russian, see ``vocab.currency``); who paid
whom comes from the party mentions in the same sentence and a few grammar cues that hold in any
article: the subject of a *receive* verb is the beneficiary and "from Y" the payer; the subject of
a *give/pay* verb is the payer and "to Z" (or the object right after the verb) the beneficiary.
The spaCy parse, when present, picks the verb's subject; otherwise the nearest mention before
the verb does. Pronouns and phrases such as "the organization" or "The event" are resolved to a
party of the previous sentences. An award without an amount ("won a tender from Y") is also a
Payment, and lends its beneficiary to an amount paid by the same payer elsewhere in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Sentence, Span
from casegraph.extract.dates import paragraph_starts
from casegraph.extract.money_obliged import collected_for, ordered_payment, unpaid
from casegraph.extract.money_roles import (
    ORG_HEADS,
    PRICE_NOUNS,
    by_head_noun,
    checked_nominal,
    earlier_buyer,
    parsed_roles,
)
from casegraph.extract.money_ru import (
    after_from,
    funding_payer,
    generic_party,
    inverted_receiver,
    quoted_name,
    russian_contract,
    russian_give,
    russian_obliged,
)
from casegraph.extract.payment_links import link_signers
from casegraph.extract.registry import component
from casegraph.extract.vocab.currency import ISO_CODES, MULTIPLIERS, NUMBER_WORDS, PURPOSE_WORDS, SYMBOLS, WORDS
from casegraph.extract.vocab.trie import trie_pattern

_NUM = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD_NUM = "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
_MULT_WORD = (r"(?i:thousand|million|billion|trillion|mln|bn|тыс\.?|тысяч[аи]?|млн\.?|миллион(?:а|ов)?"
              r"|млрд\.?|миллиард(?:а|ов)?|трлн\.?|триллион(?:а|ов)?)(?![\w])")
_MULT_SHORT = r"(?:m|k|bn|b|mn|tn)(?![\w])"
_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_ISO = "|".join(ISO_CODES)
_CUR_WORD = "|".join(f"(?:{w})" for w, _ in WORDS)
_END = r"(?![\w])"

MONEY = re.compile(
    rf"""
    (?P<sym>{_SYMBOL})\s?(?P<snum>{_NUM})(?:\s?(?P<smult>{_MULT_WORD}|{_MULT_SHORT}))?{_END}
  | \b(?P<iso>{_ISO})\s?(?P<inum>{_NUM})(?:\s?(?P<imult>{_MULT_WORD}))?{_END}
  | (?<![\w.,])(?P<wnum>{_NUM}|(?i:\b(?:{_WORD_NUM})\b))(?:[\s-]*(?P<wmult>{_MULT_WORD}))?[\s-]+
      (?P<cur>(?i:{_CUR_WORD})(?![\w])|(?:{_ISO})\b)
    """,
    re.VERBOSE,
)
_CUR_PARTS = [(re.compile(f"(?i:{w})$"), code) for w, code in WORDS]

_RECEIVE = (r"receiv(?:ed|es|e|ing)|got|gets|obtain(?:ed|s)?|won|wins|secured|had|has|(?:was|were)\s+"
            r"(?:awarded|given|granted|paid)|accepted|raised|получил[аио]?|получа\w+|выиграл[аио]?|привлек\w*")
_GIVE = (r"paid|pays?|paying|gave|gives?|giving|donat(?:ed|es|e|ing)|transferr?(?:ed|s|ing)?|allocat(?:ed|es|e)"
         r"|awarded|granted|sent|provided|funded|financed|wired|spent|invested|lent|loaned|заплатил\w*"
         r"|выплатил\w*|перечислил\w*|перев[её]л\w*|предоставил\w*|выдал\w*|выделил\w*|пожертвовал\w*|передал\w*|отправил\w*|профинансировал\w*"
         r"|потратил\w*|вложил\w*")
VERB = re.compile(rf"(?i:\b(?:(?P<receive>{_RECEIVE})|(?P<give>{_GIVE}))\b)")
_RECEIVE_VERB = re.compile(rf"(?i:\b(?:{_RECEIVE})\b)")
# "от норвежского фонда X": up to two lower-case words (an adjective, a generic noun) before the name.
_FROM = re.compile(r"(?i:\b(?:from|by)\s+(?:the\s+|a\s+|an\s+)?|\bот\s+(?-i:[а-яё]+\s+){0,2}[«\"„]?|со\s+стороны\s+)$")
_TO = re.compile(r"(?i:(?<!according\s)\b(?:to|into)\s+(?:the\s+|a\s+|an\s+)?"
                 r"(?:(?:bank\s+)?account\s+of\s+(?:the\s+)?)?|\bна\s+сч[её]т\s+|в\s+пользу\s+)$")
_PURPOSE = re.compile(r"(?i:\b(?:" + trie_pattern({w.lower() for w in PURPOSE_WORDS}) + r")\b)")
_PRONOUN = {"it", "they", "this", "he", "she", "which", "who", "он", "она", "оно", "они", "это"}
_PERSON_PRONOUN = {"he", "she", "он", "она"}
_SKIP_BEFORE_VERB = {"had", "has", "have", "also", "reportedly", "allegedly", "then", "already", "been",
                     "later", "just", "once", "would", "will", "уже", "также", "якобы"}
# Head nouns that stand for an organisation already named ("the non-profit", "the company").
_ORG_NOUNS = re.compile(
    r"(?i:\b(?:organi[sz]ation|non-?profit|ngo|foundation|fund|company|firm|group|movement|agency|charity"
    r"|association|outlet|event|conference|forum|project|insurer|lender|bank|broker|trader|"
    r"organizer|organiser|организаци\w+|фонд\w*|компани\w+|движени\w+"
    r"|мероприяти\w+|проект\w*|холдинг\w*)\b)"
)
# Head nouns that never stand for a state body ("the outlet" is not the regulator named beside it).
_PRIVATE_HEADS = frozenset({"non-profit", "nonprofit", "ngo", "foundation", "fund", "company", "firm", "outlet",
                            "charity", "association", "movement", "group", "фонд", "компания", "организация"})
_BACK_REFERENCE = re.compile(
    r"^\W*(?:(?:this|it|these|that|такой|это|этот|эта|оно)\b|(?:the|its|this|that|этот|эта)\s+(?:\w+\s+)?"
    + _ORG_NOUNS.pattern + ")",
    re.IGNORECASE,
)
_PRICE = re.compile(r"(?i:\b(?:" + "|".join(sorted(PRICE_NOUNS)) + r")\b)")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”»']?|$)")


@dataclass
class Roles:
    payer: PartyMention | None = None
    beneficiary: PartyMention | None = None
    purpose: tuple[str, int, int] | None = None
    evidence: list[str] = field(default_factory=list)


@component("money", requires=("parties", "dates", "relations"), assigns=("payments",))
def run(ctx: DocContext) -> None:
    """Append one Payment draft per money amount (conversions and percentages excluded), and one
    per award without an amount that names both sides."""
    sentences = ctx.sentences or _fallback_sentences(ctx.text)
    paragraphs = paragraph_starts(ctx.text)
    amounts = list(_amounts(ctx.text))
    _DESCRIBED.clear()
    payments: list[Draft] = []
    with_amount: set[int] = set()
    gives: set[str] = set()  # payments whose only verb is one of giving (payer named, recipient implied)
    flows: dict[str, str] = {}  # payment key → the verb that moved it ("give:donated", "receive:received")
    for start, end, amount, currency in amounts:
        sent = _sentence_at(sentences, start) or Sentence(start, end, ctx.text[start:end])
        if unpaid(ctx.text, sent.start, start):
            continue  # "needs €3m", "still owes €210,000": a sum wanted or owed has moved nowhere
        with_amount.add(sent.start)
        roles = _roles(ctx, sentences, sent, start, end)
        if roles.evidence and all(e.startswith("give") and "passive" not in e for e in roles.evidence):
            gives.add(f"payment:{start}")
        if roles.evidence:
            flows[f"payment:{start}"] = roles.evidence[0]
        draft = Draft(key=f"payment:{start}", schema="Payment", span=Span(sent.start, sent.end))
        draft.add("amount", _format(amount), start, end)
        draft.add("currency", currency, start, end)
        _fill(ctx, draft, roles, sent, paragraphs, start)
        payments.append(draft)
    _inherit_roles(ctx, payments, paragraphs)
    _topic_recipient(ctx, sentences, paragraphs, payments, gives)
    _running_recipient(ctx, payments, flows)
    awards = [d for d in _awards(ctx, sentences, paragraphs) if d.span.start not in with_amount]
    used: set[str] = set()
    for draft in payments:
        payer = draft.refs("payer")
        if payer and not draft.refs("beneficiary"):
            for award in awards:
                if award.refs("payer") == payer and award.refs("beneficiary"):
                    draft.values.extend(v for v in award.values if v.prop == "beneficiary"
                                        or (v.prop in ("date", "purpose") and not _has(draft, v.prop)))
                    used.add(award.key)
                    break
    kept = [*payments, *(a for a in awards if a.key not in used)]
    link_signers(ctx, kept)
    ctx.drafts.extend(kept)


_CONTINUATION = re.compile(
    r"(?i:\b(?:second|third|another|further|additional|largest|biggest|smallest|remaining|rest|next|latter"
    r"|former|also|same|ещё|еще|второй|второе|очередн\w+|также|остальн\w+|крупнейш\w+)\b)")


def _inherit_roles(ctx: DocContext, payments: list[Draft], paragraphs: list[int]) -> None:
    """Fill a side the sentence leaves implicit from the payment before it in the same paragraph:
    "The trust made grants worth £900,000. The largest, £350,000, went to X" (payer: the trust);
    "A second donation from X, of N, followed" (beneficiary: whoever X gave to before). Only an
    aggregate before it (a payer without a beneficiary) or a continuation word ("further",
    "second", "largest") licenses it, so unrelated amounts in one paragraph stay apart."""
    for i, draft in enumerate(payments):
        payer, beneficiary = draft.refs("payer"), draft.refs("beneficiary")
        if payer and beneficiary:
            continue
        sent_text = ctx.text[draft.span.start:draft.span.end]
        cue = _CONTINUATION.search(sent_text) is not None
        para = bisect.bisect_right(paragraphs, draft.span.start) - 1
        if beneficiary and not payer and i > 0:
            prev = payments[i - 1]
            same_para = bisect.bisect_right(paragraphs, prev.span.start) - 1 == para
            if same_para and prev.refs("payer") and (cue or not prev.refs("beneficiary")):
                _copy(draft, prev, "payer")
        elif payer and not beneficiary and cue:
            for prev in reversed(payments[:i]):
                if prev.refs("beneficiary") and any(_same_party(ctx, a, b) for a in prev.refs("payer")
                                                    for b in payer):
                    _copy(draft, prev, "beneficiary")
                    break


def _topic_recipient(ctx: DocContext, sentences: list[Sentence], paragraphs: list[int], payments: list[Draft],
                     gives: set[str]) -> None:
    """"X received grants from two foreign donors. Y gave X N. Z contributed M in 2019." — a
    paragraph that opens on what X received goes on to list who gave it: a giver's amount with no
    recipient of its own goes to X. Only a receive clause about funding (a grant, loan, donation…
    word right after the verb) sets such a topic, and only for the rest of its paragraph."""
    topics: list[tuple[int, int, PartyMention]] = []  # (paragraph, sentence start, recipient)
    starts = [s.start for s in sentences]
    done: set[int] = set()
    for verb in _RECEIVE_VERB.finditer(ctx.text):  # one scan of the text, not one per sentence
        i = bisect.bisect_right(starts, verb.start()) - 1
        if i < 0 or i in done or verb.end() > sentences[i].end:
            continue
        sent = sentences[i]
        noun = _PURPOSE.search(ctx.text, verb.end(), min(sent.end, verb.end() + 30))
        if noun is None:
            continue
        done.add(i)
        roles = _roles(ctx, sentences, sent, noun.start(), noun.end())
        if roles.beneficiary is not None:
            para = bisect.bisect_right(paragraphs, sent.start) - 1
            topics.append((para, sent.start, roles.beneficiary))
    if not topics:
        return
    for draft in payments:
        payer = draft.refs("payer")
        if draft.key not in gives or not payer or draft.refs("beneficiary"):
            continue
        para = bisect.bisect_right(paragraphs, draft.span.start) - 1
        before = [t for t in topics if t[0] == para and t[1] < draft.span.start]
        if before and before[-1][2].party not in payer:
            recipient = before[-1][2]
            draft.add("beneficiary", recipient.party, recipient.start, recipient.end, ref=True)


# Verbs that name a gift and its giver but may leave the recipient to the story so far.
_DONATE = re.compile(r"(?:give|go)(?: \(passive\))?:(?:gave|gives|give|giving|donat\w*|contribut\w*"
                     r"|arriv\w*|came|come|comes|flow\w*)$")
_RECIPIENT_REACH = 1500  # characters over which a list of donations keeps its recipient


def _running_recipient(ctx: DocContext, payments: list[Draft], flows: dict[str, str]) -> None:
    """"The committee received N from X. A further M arrived from Y. … Z donated K on March 1."
    — a donation whose giver is named but whose recipient is not goes to the recipient of the
    latest gift or receipt before it (a give/receive/go verb with both sides known, or one filled
    this way), if that came at most ``_RECIPIENT_REACH`` characters earlier. Contract values and
    bare amounts never set the recipient, so an unrelated figure in between does not carry."""
    last: tuple[int, Draft] | None = None
    for draft in payments:
        flow = flows.get(draft.key, "")
        payer, beneficiary = draft.refs("payer"), draft.refs("beneficiary")
        if payer and not beneficiary and _DONATE.match(flow) and last is not None \
                and draft.span.start - last[0] <= _RECIPIENT_REACH:
            recipient = last[1].refs("beneficiary")
            if not any(_same_party(ctx, a, b) for a in recipient for b in payer):
                _copy(draft, last[1], "beneficiary")
                beneficiary = draft.refs("beneficiary")
        if payer and beneficiary and flow.split(":", 1)[0].split(" ", 1)[0] in ("give", "receive", "go"):
            last = (draft.span.start, draft)


def _copy(draft: Draft, source: Draft, prop: str) -> None:
    for v in source.values:
        if v.prop == prop and v.ref:
            draft.add(prop, v.value, v.start, v.end, ref=True)
            return


def _same_party(ctx: DocContext, a: str, b: str) -> bool:
    """The same party, or one whose name is a shortening of the other's ("Danubia", "Danubia Grain")."""
    if a == b:
        return True
    pa, pb = ctx.parties.get(a), ctx.parties.get(b)
    if pa is None or pb is None:
        return False
    wa, wb = set(re.findall(r"\w+", pa.name.lower())), set(re.findall(r"\w+", pb.name.lower()))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# -- amounts ------------------------------------------------------------------------------------
def _amounts(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, amount, ISO code) of every amount that is not a bracketed conversion."""
    out: list[tuple[int, int, float, str]] = []
    conversion_until = -1
    for match in MONEY.finditer(text):
        if match.start() < conversion_until:
            continue
        parsed = _parse(match)
        if parsed is None:
            continue
        out.append((match.start(), match.end(), *parsed))
        after = re.match(r"\s*[(\[]", text[match.end():match.end() + 5])
        if after:
            close = re.search(r"[)\]]", text[match.end():match.end() + 200])
            conversion_until = match.end() + (close.end() if close else 0)
    return out


def _parse(match: re.Match[str]) -> tuple[float, str] | None:
    if match.group("sym"):
        number, mult, currency = match.group("snum"), match.group("smult"), SYMBOLS[match.group("sym")]
    elif match.group("iso"):
        number, mult, currency = match.group("inum"), match.group("imult"), match.group("iso")
    else:
        number, mult, cur = match.group("wnum"), match.group("wmult"), match.group("cur")
        currency = cur if cur in ISO_CODES else next(
            (code for rx, code in _CUR_PARTS if rx.match(" ".join(cur.split()))), "")
        if not currency:
            return None
    cyrillic = bool(re.search(r"[а-яё]", f"{mult or ''} {match.group(0)}", re.IGNORECASE))
    value = _number(number, cyrillic, bool(mult))
    if value is None:
        return None
    if mult:
        key = mult.lower().rstrip(".")
        value *= MULTIPLIERS.get(key, 1)
    elif number.lower() in ("a", "an"):
        return None  # "a dollar" is not an amount anyone reports
    return value, currency


def _number(text: str, cyrillic: bool, has_mult: bool) -> float | None:
    word = NUMBER_WORDS.get(text.lower())
    if word is not None:
        return float(word)
    raw = re.sub(r"[\s\u00a0\u202f]", "", text)
    if "," in raw and "." in raw:
        raw = raw.replace(",", "")
    elif "," in raw:
        groups = raw.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and not (cyrillic and has_mult)
        raw = raw.replace(",", "") if thousands else raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _format(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:.2f}"


# -- who paid whom --------------------------------------------------------------------------------
def _roles(ctx: DocContext, sentences: list[Sentence], sent: Sentence, start: int, end: int) -> Roles:
    """Who paid whom for the amount at ``start``: the frames below, then two cues they miss — a
    party ordered to pay ("ordered X to pay (Y)": X pays, never the ordering body) and the party a
    collection is for ("collected N for Y")."""
    mentions = ctx.mentions_in(sent.start, sent.end)
    ordered = ordered_payment(ctx, sent, mentions)
    if ordered is not None and ordered[1] is not None:
        roles = Roles(purpose=_purpose(ctx.text, sent, mentions, start, end), payer=ordered[0],
                      beneficiary=ordered[1], evidence=["ordered"])
        return roles
    roles = _framed_roles(ctx, sentences, sent, start, end, mentions)
    if ordered is not None:
        roles.payer = ordered[0]
        roles.evidence.append("ordered")
        if roles.beneficiary is not None and roles.beneficiary.party == ordered[0].party:
            roles.beneficiary = None
    if roles.beneficiary is None:
        roles.beneficiary = collected_for(ctx, sent, mentions)
    return roles


def _framed_roles(ctx: DocContext, sentences: list[Sentence], sent: Sentence, start: int, end: int,
                  mentions: list[PartyMention]) -> Roles:
    roles = Roles(purpose=_purpose(ctx.text, sent, mentions, start, end))

    def resolve(pos: int, stop: int, phrase: str, pronoun: bool) -> PartyMention | None:
        return _resolve(ctx, sentences, sent, pos, phrase, pronoun)

    frame = parsed_roles(ctx, start, end, resolve)
    if frame is not None:
        roles.payer, roles.beneficiary = frame.payer, frame.beneficiary
        roles.evidence.extend(frame.evidence)
        if roles.payer is not None and roles.beneficiary is not None and \
                roles.payer.party == roles.beneficiary.party:
            roles.beneficiary = None
        if roles.payer is None and roles.beneficiary is None and _BACK_REFERENCE.match(sent.text):
            roles.beneficiary = _previous_subject(ctx, sentences, sent)
            roles.evidence.append("back-reference")
        if roles.payer is None and _PRICE.search(ctx.text, sent.start, start):
            roles.payer = earlier_buyer(ctx, _window_start(sentences, sent, 2), sent.start, resolve)
            if roles.payer is not None:
                roles.evidence.append("earlier buyer")
        return roles
    verb = _verb(ctx.text, sent, start, end)
    from_party = _after_cue(ctx.text, sent, mentions, _FROM, start)
    to_party = _after_cue(ctx.text, sent, mentions, _TO, start)
    if ctx.language == "ru":
        contract = russian_contract(ctx, sent, mentions) if verb is None or verb[0] != "receive" else None
        obliged = russian_obliged(ctx, sent, mentions, start)
        if contract is not None and (contract[0] or contract[1]):
            roles.payer, roles.beneficiary = contract
            roles.evidence.append("contract (case)")
            return roles
        if obliged is not None:
            roles.payer, roles.beneficiary = obliged, to_party
            roles.evidence.append("obliged")
            return roles
    if verb is not None:
        kind, v_start, v_end = verb
        subject = _subject(ctx, sentences, sent, mentions, v_start, v_end)
        if subject is None and ctx.language == "ru" and kind == "receive":
            subject = quoted_name(ctx, sent.start, v_start)
        passive = kind == "receive" and re.match(r"(?i)(?:was|were)\s", ctx.text[v_start:v_end]) is not None
        if kind == "receive":
            if ctx.language == "ru" and (subject is None or after_from(ctx, subject, sent.start)):
                subject = inverted_receiver(ctx, sent, mentions, v_end)  # "N от фонда получило X"
            if from_party is None and ctx.language == "ru":  # "от генподрядчика": a party named before
                from_party = generic_party(ctx, sent.start, sent.end, "Gen", cue="от",
                                           exclude=subject.party if subject else None)
            if from_party is None and ctx.language == "ru":  # "грант правительства X"
                from_party = funding_payer(ctx, sent, mentions)
            roles.beneficiary, roles.payer = subject, from_party
            roles.evidence.append("receive" + (" (passive)" if passive else ""))
        elif ctx.language == "ru":
            roles.payer, roles.beneficiary = russian_give(ctx, sent, mentions, subject, to_party, v_end, start)
            roles.evidence.append("give (case)")
        else:
            roles.payer = subject
            roles.beneficiary = to_party or _object_after(ctx.text, mentions, v_end, start)
            roles.evidence.append("give")
    else:
        roles.payer, roles.beneficiary = from_party, to_party
    if roles.beneficiary is None and roles.payer is None and _BACK_REFERENCE.match(sent.text):
        roles.beneficiary = _previous_subject(ctx, sentences, sent)
        roles.evidence.append("back-reference")
    if roles.payer is not None and roles.beneficiary is not None and \
            roles.payer.party == roles.beneficiary.party:
        roles.beneficiary = None
    return roles


def _verb(text: str, sent: Sentence, start: int, end: int) -> tuple[str, int, int] | None:
    """The money verb nearest before the amount, else the nearest after it."""
    before = [m for m in VERB.finditer(text, sent.start, start)]
    m: re.Match[str] | None = before[-1] if before else VERB.search(text, end, sent.end)
    if m is None:
        return None
    return ("receive" if m.group("receive") else "give"), m.start(), m.end()


def _subject(ctx: DocContext, sentences: list[Sentence], sent: Sentence, mentions: list[PartyMention],
             v_start: int, v_end: int) -> PartyMention | None:
    """The party doing the verb: spaCy's nsubj when parsed, else the nearest mention before the
    verb; pronouns and "the organization"-like phrases are resolved backwards."""
    head_words = _parsed_subject(ctx, v_start, v_end)
    if head_words is not None:
        s_start, s_end, pronoun = head_words
        for m in mentions:
            if m.start < s_end and m.end > s_start:
                return checked_nominal(ctx, m)
        return _resolve(ctx, sentences, sent, s_start, ctx.text[s_start:s_end].lower(), pronoun)
    words = list(re.finditer(r"[\w'’-]+", ctx.text[sent.start:v_start]))
    while words and words[-1].group(0).lower() in _SKIP_BEFORE_VERB:
        words.pop()
    if words:
        last = words[-1]
        word_start = sent.start + last.start()
        if last.group(0).lower() in _PRONOUN:
            return _resolve(ctx, sentences, sent, word_start, last.group(0).lower(), True)
        if _ORG_NOUNS.fullmatch(last.group(0)) and not any(m.end >= word_start for m in mentions
                                                           if m.start < v_start):
            return _resolve(ctx, sentences, sent, word_start, last.group(0).lower(), False)
    before = [m for m in mentions if m.end <= v_start and not re.search(r"[;:]", ctx.text[m.end:v_start])]
    return before[-1] if before and v_start - before[-1].end < 120 else None


def _parsed_subject(ctx: DocContext, v_start: int, v_end: int) -> tuple[int, int, bool] | None:
    doc = ctx.nlp_doc
    if doc is None:
        return None
    span = doc.char_span(v_start, v_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = span[-1]
    while verb.dep_ in ("aux", "auxpass") and verb.head is not verb:
        verb = verb.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.pos_ == "PRON" or subj.lower_ in _PRONOUN:
                return subj.idx, subj.idx + len(subj.text), True
            return subj.left_edge.idx, subj.idx + len(subj.text), False
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            break
        verb = verb.head
    return None


# Definite descriptions resolved so far in the document being run: head noun → (offset, party).
_DESCRIBED: dict[str, tuple[int, PartyMention]] = {}
_SAME_REFERENT_SPAN = 600  # characters within which "the club" keeps pointing at the same club


def _resolve(ctx: DocContext, sentences: list[Sentence], sent: Sentence, pos: int, phrase: str,
             pronoun: bool) -> PartyMention | None:
    """Resolve a pronoun or generic phrase; a definite description repeated within a few sentences
    ("the club paid X …; the club then passed …") keeps the referent it had, even when the
    sentence between named another party holding that noun ("Club Deportivo X")."""
    words = re.findall(r"[\w-]+", phrase)
    if pronoun or not words:
        return _resolve_new(ctx, sentences, sent, pos, phrase, pronoun)
    earlier = _DESCRIBED.get(words[-1])
    if earlier is not None and 0 <= pos - earlier[0] < _SAME_REFERENT_SPAN:
        return earlier[1]
    found = _resolve_new(ctx, sentences, sent, pos, phrase, pronoun)
    if found is not None:
        _DESCRIBED[words[-1]] = (pos, found)
    return found


def _resolve_new(ctx: DocContext, sentences: list[Sentence], sent: Sentence, pos: int, phrase: str,
                 pronoun: bool) -> PartyMention | None:
    """A pronoun or generic phrase ("it", "the non-profit organization") → a party mentioned
    before: a person for he/she; otherwise an organisation whose mention is introduced by the same
    head noun ("its non-profit, the X Foundation"), else the subject of the previous sentence."""
    if not pronoun:
        named = by_head_noun(ctx, pos, phrase)
        if named is not None:
            return named
    window_start = _window_start(sentences, sent, 2)
    earlier = [m for m in ctx.mentions_in(window_start, pos) if m.end <= pos]
    if pronoun and phrase in ("он", "она", "оно"):  # Russian "он" also stands for "фонд", "банк"…
        same = [m for m in earlier if m.start >= sent.start]
        if same:
            return same[-1]
    if pronoun and phrase in _PERSON_PRONOUN:
        people = [m for m in earlier if _schema(ctx, m) == "Person"]
        if people or phrase not in ("он", "она"):
            return people[-1] if people else None
        # Russian gender follows the noun: "он" is as often "фонд" as a man, so with no person
        # named shortly before, the previous sentence's subject is what it stands for
        return _previous_subject(ctx, sentences, sent)
    heads = {h.group(0).lower() for h in _ORG_NOUNS.finditer(phrase)}
    if pronoun:  # "it" may stand for a generic phrase earlier in the same sentence
        heads |= {h.group(0).lower() for h in _ORG_NOUNS.finditer(ctx.text[sent.start:pos])}
    private = not pronoun and any(h in _PRIVATE_HEADS for h in heads)
    orgs = [m for m in earlier if _schema(ctx, m) != "Person" and not (private and _schema(ctx, m) == "PublicBody")]
    for m in reversed(orgs):
        context = (ctx.text[max(0, m.start - 40):m.start] + " " + m.text).lower()
        if any(h in context for h in heads):
            return m
    if private:  # "the outlet", "the company": not the state body the sentence may also name
        same = [m for m in orgs if m.start >= sent.start]
        if same:
            return same[-1]
    words = re.findall(r"[\w-]+", phrase)
    if not pronoun and words and words[-1] in ORG_HEADS:
        salient = _salient_org(ctx, pos, exclude_public=private or words[-1] in _PRIVATE_HEADS)
        if salient is not None:
            return salient
    return _previous_subject(ctx, sentences, sent, exclude_public=private)


def _salient_org(ctx: DocContext, pos: int, exclude_public: bool) -> PartyMention | None:
    """"the club", "the company" with no name holding that noun: the organisation the article is
    about so far, i.e. the one whose name (or its first word, a short form such as "Acme" for "Acme
    United") occurs most often before ``pos``; ties go to the one named first (headline, lede)."""
    best: tuple[int, int] | None = None
    found: PartyMention | None = None
    latest: dict[str, PartyMention] = {}
    for m in ctx.mentions_in(0, pos):
        latest[m.party] = m
    for key, mention in latest.items():
        party = ctx.parties.get(key)
        if party is None or party.schema == "Person" or (exclude_public and party.schema == "PublicBody"):
            continue
        first_word = party.name.split(" ", 1)[0]
        first = ctx.text.find(first_word, 0, pos)
        if first < 0:
            continue
        score = (ctx.text.count(first_word, 0, pos), -first)
        if best is None or score > best:
            best, found = score, mention
    return found


def _previous_subject(ctx: DocContext, sentences: list[Sentence], sent: Sentence,
                      exclude_public: bool = False) -> PartyMention | None:
    """The first organisation (else party) named in the previous sentence: the usual antecedent of
    "This", "It" or "The event" opening the next one (never a state body for "the company")."""
    i = bisect.bisect_left([s.start for s in sentences], sent.start)
    if i == 0:
        return None
    prev = sentences[i - 1]
    mentions = [m for m in ctx.mentions_in(prev.start, prev.end)
                if not (exclude_public and _schema(ctx, m) == "PublicBody")]
    orgs = [m for m in mentions if _schema(ctx, m) != "Person"]
    pool = orgs or mentions
    return pool[0] if pool else None


def _after_cue(text: str, sent: Sentence, mentions: list[PartyMention], cue: re.Pattern[str],
               anchor: int) -> PartyMention | None:
    """The mention right after "from"/"by" (or "to"/"into"), nearest to the amount."""
    hits = [m for m in mentions if cue.search(text[max(sent.start, m.start - 30):m.start])]
    return min(hits, key=lambda m: abs(m.start - anchor)) if hits else None


def _object_after(text: str, mentions: list[PartyMention], v_end: int, amount_start: int) -> PartyMention | None:
    """"Y gave X N": a mention between the verb and the amount, right after the verb."""
    for m in mentions:
        if v_end <= m.start < amount_start and re.fullmatch(r"\s+(?:the\s+)?", text[v_end:m.start]):
            return m
    return None


def _purpose(text: str, sent: Sentence, mentions: list[PartyMention], start: int,
             end: int) -> tuple[str, int, int] | None:
    """The purpose word nearest the amount, ignoring words inside names ("Investment Agency")."""
    hits = [h for h in _PURPOSE.finditer(text, sent.start, sent.end)
            if not any(m.start <= h.start() < m.end for m in mentions)]
    if not hits:
        return None
    best = min(hits, key=lambda h: min(abs(h.end() - start), abs(h.start() - end)))
    return PURPOSE_WORDS[best.group(0).lower()], best.start(), best.end()


# -- awards without an amount -----------------------------------------------------------------------
def _awards(ctx: DocContext, sentences: list[Sentence], paragraphs: list[int]) -> list[Draft]:
    """"X won a tender from Y", "X received a grant from Y": a Payment without an amount, kept
    when both sides are named."""
    out: list[Draft] = []
    for sent in sentences:
        for purpose in _PURPOSE.finditer(ctx.text, sent.start, sent.end):
            verb = _verb(ctx.text, sent, purpose.start(), purpose.end())
            if verb is None or verb[0] != "receive" or purpose.start() - verb[2] > 40:
                continue
            roles = _roles(ctx, sentences, sent, purpose.start(), purpose.end())
            if roles.payer is None or roles.beneficiary is None:
                continue
            draft = Draft(key=f"payment:{purpose.start()}", schema="Payment", span=Span(sent.start, sent.end),
                          confidence=0.6)
            _fill(ctx, draft, roles, sent, paragraphs, purpose.start())
            out.append(draft)
            break
    return out


# -- draft assembly -----------------------------------------------------------------------------
def _fill(ctx: DocContext, draft: Draft, roles: Roles, sent: Sentence, paragraphs: list[int],
          anchor: int) -> None:
    if roles.payer is not None:
        draft.add("payer", roles.payer.party, roles.payer.start, roles.payer.end, ref=True)
    if roles.beneficiary is not None:
        draft.add("beneficiary", roles.beneficiary.party, roles.beneficiary.start, roles.beneficiary.end,
                  ref=True)
    if roles.purpose is not None:
        draft.add("purpose", *roles.purpose)
    when = _date(ctx, sent, paragraphs, anchor)
    if when is not None:
        draft.add("date", when.value, when.start, when.end)
    if roles.payer is not None or roles.beneficiary is not None:
        draft.confidence = 0.75


def _date(ctx: DocContext, sent: Sentence, paragraphs: list[int], anchor: int) -> DateMention | None:
    """The date in the sentence nearest the amount, else the nearest earlier one in the paragraph."""
    inside = ctx.dates_in(sent.start, sent.end)
    if inside:
        return min(inside, key=lambda d: abs(d.start - anchor))
    para_start = paragraphs[bisect.bisect_right(paragraphs, sent.start) - 1]
    earlier = [d for d in ctx.dates if para_start <= d.start and d.end <= sent.start]
    return earlier[-1] if earlier else None


def _schema(ctx: DocContext, mention: PartyMention) -> str:
    party = ctx.parties.get(mention.party)
    return party.schema if party is not None else ""


def _has(draft: Draft, prop: str) -> bool:
    return any(v.prop == prop for v in draft.values)


def _window_start(sentences: list[Sentence], sent: Sentence, back: int) -> int:
    i = bisect.bisect_left([s.start for s in sentences], sent.start)
    return sentences[max(0, i - back)].start if sentences else sent.start


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if 0 <= i < len(sentences) and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def _fallback_sentences(text: str) -> list[Sentence]:
    """Sentences when no segmenter ran: split at end punctuation and line breaks."""
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append(Sentence(s, e, text[s:e]))
    return out
