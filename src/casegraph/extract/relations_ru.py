"""Russian dash, participle and kin-chain frames the other relation components miss.

Why a component of its own: Russian articles state a tie in shapes English has no equivalent for,
and the clause frames (:mod:`relations_clauses`) read only the simplest of them:

- coordinated titles before a dash: "Генеральный директор и единственный владелец компании — ⟨P⟩"
  (one relation per title, the body named or, when only a noun such as "компании" is given, the
  organisation the previous sentence names);
- a second title in the same sentence that names no body inherits the first one's:
  "Учредитель ⟨O⟩ — ⟨P1⟩, директор — его давний знакомый ⟨P2⟩";
- an ownership participle after a comma: "⟨O⟩, принадлежащее жене ⟨P1⟩ ⟨P2⟩" — the owner is the
  person in the dative (pymorphy2 via :mod:`money_ru`), not the genitive one before it;
- a kin noun followed by two names: "жене ⟨P1⟩ ⟨P2⟩" — ⟨P2⟩ is the relative of ⟨P1⟩.

Like the other frames these run over masked sentences (every party a ``⟨P3⟩``/``⟨O5⟩`` slot), so
they know no names. Requires parties; assigns relation drafts through :func:`relations_base.record`,
which merges a tie another frame already found.
"""

from __future__ import annotations

import re

from casegraph.extract.context import DocContext, PartyMention
from casegraph.extract.masking import OSLOT, PSLOT, SLOT, Masked, is_person, masked_sentences
from casegraph.extract.money_ru import head_may_be
from casegraph.extract.nominals import mentions_between
from casegraph.extract.registry import component
from casegraph.extract.relations_base import ROLE, record, record_role, ru_stem
from casegraph.extract.vocab import roles as V

_NEG = re.compile(r"(?<!\w)(?:не|никогда|больше\s+не)(?!\w)", re.I)
_Q = r"[«»\"“”„]*"
_ORGS = rf"(?:{_Q}{OSLOT}{_Q}\s*)+"
_WORDS = r"(?:[а-яё-]+\s+)"  # lower-case Russian words ("его давний знакомый", "этой строительной")
_DASH = r"\s*[—–]\s*"
# "Генеральный директор и единственный владелец этой компании — ⟨P⟩": titles joined by "и" with a
# qualifier before the second ("единственный", "фактический")
_TITLES = rf"(?P<titles>{ROLE}(?:\s+(?:и|,)\s+{_WORDS}?{ROLE})+)"
_COORD_DASH = re.compile(rf"(?<!\w){_TITLES}\s+{_WORDS}{{0,3}}?(?P<orgs>{_ORGS})?{_DASH}{_WORDS}{{0,3}}?"
                         rf"(?P<person>{PSLOT})")
# "Учредитель ⟨O⟩ — ⟨P⟩" (one title, a body): the anchor a following bare title continues
_TITLE_DASH = re.compile(rf"(?<!\w)(?P<title>{ROLE})\s+{_WORDS}{{0,2}}?(?P<orgs>{_ORGS}){_DASH}{_WORDS}{{0,3}}?"
                         rf"(?P<person>{PSLOT})")
# ", директор — его давний знакомый ⟨P⟩": a title with no body, after a comma or semicolon
_BARE_DASH = re.compile(rf"[,;]\s*(?P<title>{ROLE}){_DASH}{_WORDS}{{0,3}}?(?P<person>{PSLOT})")
# "⟨O⟩, принадлежащее (жене ⟨P⟩) ⟨P⟩": the asset, then the participle and its dative owner
_BELONGING = re.compile(
    rf"(?P<asset>{OSLOT}){_Q}\s*,\s*(?:(?:ранее|также|тогда|фактически|полностью)\s+)?принадлежащ[а-яё]*\s+"
    rf"{_WORDS}{{0,2}}?(?P<owners>{SLOT}(?:\s+{SLOT}){{0,2}})")
_KIN_RU = "|".join(ru_stem(k) for k in V.KIN_RU if " " not in k)
# "жене ⟨P1⟩ ⟨P2⟩", "брат бизнесмена ⟨P1⟩ ⟨P2⟩": the second name is the first one's relative
_KIN_CHAIN = re.compile(rf"(?<![\w-])(?P<kin>{_KIN_RU})\s+{_WORDS}?(?P<rel>{PSLOT})\s+(?P<person>{PSLOT})"
                        rf"(?!\s*{SLOT})", re.I)
_GATE = re.compile(r"[—–]|принадлежащ|" + _KIN_RU, re.I)


def _previous_org(ctx: DocContext, m: Masked) -> PartyMention | None:
    """The organisation named last before the sentence (a title whose body is only a noun)."""
    start = max(0, m.sentence.start - 400)
    orgs = [x for x in mentions_between(ctx, start, m.sentence.start) if not is_person(ctx, x.party)]
    return orgs[-1] if orgs else None


def _dash_frames(ctx: DocContext, m: Masked) -> None:
    if "—" not in m.text and "–" not in m.text:
        return
    for hit in _COORD_DASH.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        person = m.slot(hit.group("person"))
        orgs = m.slots_in(hit.group("orgs"))
        if not orgs:
            prev = _previous_org(ctx, m)
            orgs = [prev] if prev is not None else []
        titles = re.split(r"\s+(?:и|,)\s+", hit.group("titles"))
        for org in orgs:
            for title in titles:
                found = re.search(ROLE, title)
                if found is not None:
                    record_role(ctx, m, person, org, found.group(), hit.start("titles"), hit.end("titles"), 0.7)
    anchors = [(hit.end(), m.slots_in(hit.group("orgs"))) for hit in _TITLE_DASH.finditer(m.text)]
    for hit in _BARE_DASH.finditer(m.text):
        before = [orgs for end, orgs in anchors if end <= hit.start()]
        if not before or _NEG.search(hit.group()):
            continue
        person = m.slot(hit.group("person"))
        for org in before[-1][-1:]:
            record_role(ctx, m, person, org, hit.group("title"), hit.start("title"), hit.end("title"), 0.65)


def _belonging_frames(ctx: DocContext, m: Masked) -> None:
    if "принадлежащ" not in m.low:
        return
    for hit in _BELONGING.finditer(m.text):
        if _NEG.search(hit.group()):
            continue
        asset = m.slot(hit.group("asset"))
        owners = m.slots_in(hit.group("owners"))
        dative = [o for o in owners if head_may_be(o.text, "Dat")]
        owner = dative[-1] if dative else owners[-1]
        if owner.party != asset.party and not is_person(ctx, asset.party):
            record(ctx, "Ownership", owner, asset, m.sentence, ("owner", *m.span(hit.start(), hit.end())), 0.7)


def _kin_chain_frames(ctx: DocContext, m: Masked) -> None:
    for hit in _KIN_CHAIN.finditer(m.text):
        if _NEG.search(m.text[max(0, hit.start() - 12):hit.start()]):
            continue
        person, relative = m.slot(hit.group("person")), m.slot(hit.group("rel"))
        if person.party != relative.party:
            kin = " ".join(hit.group("kin").lower().split())
            record(ctx, "Family", person, relative, m.sentence, (kin, *m.span(hit.start(), hit.end())), 0.7)


FRAMES = (_dash_frames, _belonging_frames, _kin_chain_frames)


@component("relations_ru", requires=("parties",), assigns=("relations",))
def run(ctx: DocContext) -> None:
    """Append relation drafts for the Russian dash, participle and kin-chain frames."""
    if ctx.language != "ru":
        return
    ctx.sort()
    for m in masked_sentences(ctx, nominal=True, gate=_GATE):
        if not m.slots:
            continue
        for frame in FRAMES:
            frame(ctx, m)
