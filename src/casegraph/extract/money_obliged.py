"""Who pays whom when an authority orders a payment, who a collection is for, and which sums moved
nowhere (needed, owed, sought).

Why: "a fine that the court ordered X to pay Y", "суд обязал X выплатить Y N" name the payer as the
object of the ordering verb and the payee as the object of "pay" (a dative in Russian), while the
subject (the court) pays nothing; "supporters collected N for Y" names only the recipient. The
parse often attaches these wrongly in long sentences, so the cue is read off the text around the
mentions, in both languages. Helpers of the money component (no component of their own).
"""

from __future__ import annotations

import re

from casegraph.extract.context import DocContext, PartyMention, Sentence

_ORDER_EN = re.compile(r"(?i)\b(?:ordered|orders|order|required|requires|obliged|obliges|forced|compelled|directed|"
                       r"told)\s+(?:the\s+|a\s+)?$")
_OBLIGE_RU = re.compile(r"(?i)\b(?:обязал\w*|обязан\w*)\s+[«\"]?$")
_PAY = {"en": r"\s+to\s+(?:pay|repay|refund|reimburse|compensate)(?:\s+back)?",
        "ru": r"[»\"]?\s+(?:выплатить|заплатить|вернуть|возместить|перечислить|компенсировать)"}
_FOR_EN = re.compile(r"(?i)\b(?:collected|raised|gathered|crowdfunded|donated)\b[^.;]{0,60}?\bfor\s+(?:the\s+)?$")
_FOR_RU = re.compile(r"(?i)\b(?:собрал\w*|собран\w*|пожертвовал\w*)\b[^.;]{0,60}?\b(?:для|на)\s+[«\"]?$")


def ordered_payment(ctx: DocContext, sent: Sentence, mentions: list[PartyMention]
            ) -> tuple[PartyMention, PartyMention | None] | None:
    """(payer, payee) when the sentence orders a party to pay ("ordered X to pay Y", "обязал X
    выплатить Y"); payee None when no party follows "pay"; None when nothing is ordered."""
    ru = ctx.language == "ru"
    order = _OBLIGE_RU if ru else _ORDER_EN
    pay = _PAY["ru" if ru else "en"]
    for i, m in enumerate(mentions):
        if not order.search(ctx.text, max(sent.start, m.start - 30), m.start):
            continue
        if not re.match(rf"(?i){pay}\b", ctx.text[m.end:sent.end]):
            continue
        gap = re.compile(rf"(?i){pay}\s+(?:the\s+|a\s+|[«\"])?$")
        payee = next((x for x in mentions[i + 1:] if x.party != m.party and gap.match(ctx.text[m.end:x.start])), None)
        return m, payee
    return None


def collected_for(ctx: DocContext, sent: Sentence, mentions: list[PartyMention]) -> PartyMention | None:
    """The party a collection is for: "collected $N for Y", "собрали N для Y"."""
    cue = _FOR_RU if ctx.language == "ru" else _FOR_EN
    for m in mentions:
        if cue.search(ctx.text, sent.start, m.start) and cue.search(ctx.text[max(sent.start, m.start - 90):m.start]):
            return m
    return None


# A sum that is wanted or owed, not paid: "needs about €3m", "still owes €210,000", "a debt of N",
# "is seeking $2m", "нужно около 3 млн рублей", "долг … в 240 тысяч рублей".
_UNPAID = re.compile(
    r"(?i)(?<![\w-])(?:needs?|needed|requires?|owes?|owed|owing|seeks?|seeking|sought|asks?\s+for|asking\s+for|"
    r"wants?|lacks?|short\s+of|debts?|arrears|shortfall|нужн\w*|необходим\w*|требуется|не\s+хватает|(?<!в\s)долг\w*|"
    r"задолженност\w*|должен|должна|должно|должны|проси\w*)(?![\w-])[^.;,:]{0,30}$")


def unpaid(text: str, sent_start: int, amount_start: int) -> bool:
    """The amount at ``amount_start`` is one needed, owed or sought (a cue shortly before it in its
    clause), so no payment."""
    return _UNPAID.search(text, max(sent_start, amount_start - 45), amount_start) is not None
