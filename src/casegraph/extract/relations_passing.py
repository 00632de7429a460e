"""Ties stated in passing: hyphenated attributes, parent bodies, "ties to", "on behalf of".

Why a component of its own: investigative prose names most person–organisation ties once, as an
aside inside a sentence about something else — "Kremlin-linked businessman X", "Y, a subsidiary of
Z", "a firm with ties to X", "X acted on behalf of Y", "дочерняя компания Z". These are not titles
or verbs of the sentence, so the frames of :mod:`relations` and the dependency paths of
:mod:`relations_dep` miss them. Like those frames these run over masked sentences (every party is a
``⟨P3⟩``/``⟨O5⟩`` slot), so they hold for any names; the cue words live in
``extract/data/ties.yaml``. Requires parties (and dates for nothing); assigns relation drafts
through :func:`relations_base.record`, which merges a tie another frame already found.
"""

from __future__ import annotations

import functools
import re

from casegraph.extract.context import DocContext, PartyMention
from casegraph.extract.cues import alternation, load
from casegraph.extract.masking import SLOT, Masked, is_person, masked_sentences, person_before
from casegraph.extract.registry import component
from casegraph.extract.relations_base import record

_NEG = re.compile(r"(?<!\w)(?:not|never|no\s+longer|n[’']t|denied|denies|deny|не|никогда)(?!\w)", re.I)
_FILL = r"(?:[\w.-]+\s+){0,3}?"  # a few words of a noun phrase ("businessman", "media group")


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = load("ties")
    parts = cues["hyphen_participles"]
    participle = alternation([w for ws in parts.values() for w in ws])
    parent = alternation(cues["parent_nouns"] + cues["parent_inverse"])
    tie = alternation(cues["tie_nouns"])
    mods = alternation(cues["tie_modifiers"])
    rep = alternation(cues["representation_phrases"])
    ru_link = "|".join(re.escape(s) + r"\w*" for s in cues["ru_link_stems"])
    ru_parent = "|".join(cues["ru_parent_phrases"])
    return {
        # "⟨O1⟩-linked businessman ⟨P2⟩", "the ⟨O1⟩-owned channel ⟨O2⟩"
        "hyphen": re.compile(
            rf"(?P<a>{SLOT})\s?[-–]\s?(?P<how>{participle})\s+(?P<fill>(?:(?!and\b|or\b)[\w.-]+\s+){{0,3}}?)"
            rf"(?P<b>{SLOT})", re.I),
        # "⟨O1⟩, a subsidiary of ⟨O2⟩", "⟨O1⟩ is a project of the ⟨O2⟩"
        "parent": re.compile(
            rf"(?P<child>{SLOT})(?:\s*,\s*(?:(?:a|an|the)\s+(?:(?:[\w-]+|{SLOT})\s+){{0,3}}?)?(?:which|that)\s+(?:is|was)\s+|"
            rf"\s*[,(—–]\s*|\s+(?:is|was|are|were|"
            rf"has\s+been|became|remains|operates\s+as)\s+)(?:(?:a|an|the|its|one)\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?P<noun>{parent})\s+(?:of|to|within)\s+(?:the\s+)?{_FILL}(?P<parent>{SLOT})", re.I),
        # "⟨O1⟩'s subsidiary ⟨O2⟩", "⟨O1⟩’s charity arm, ⟨O2⟩"
        "parent_poss": re.compile(
            rf"(?P<parent>{SLOT})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{parent})\s*,?\s*(?:the\s+)?(?P<child>{SLOT})",
            re.I),
        # "… with (close) ties to ⟨P⟩", "has links with ⟨O⟩"
        "ties": re.compile(
            rf"\b(?:with|has|have|had|having|maintains?|maintained|enjoys?|enjoyed)\s+(?:(?:a|an|the|its|his|her|"
            rf"their|what\s+\w+\s+(?:call|called|describe[sd]?\s+as))\s+)?(?:(?:{mods})\s+(?:and\s+)?)*(?P<how>{tie})"
            rf"\s+(?:to|with)\s+(?:the\s+)?{_FILL}(?P<obj>{SLOT})", re.I),
        # "ties between ⟨P1⟩ and ⟨O2⟩"
        "between": re.compile(
            rf"\b(?P<how>{tie})\s+between\s+(?:the\s+)?(?P<a>{SLOT})\s+and\s+(?:the\s+)?(?P<b>{SLOT})", re.I),
        # "⟨O1⟩ acted on behalf of ⟨O2⟩"
        "behalf": re.compile(rf"\b(?P<how>{rep})\s+(?:the\s+)?{_FILL}(?P<client>{SLOT})", re.I),
        # "⟨O1⟩, аффилированная с ⟨O2⟩", "подконтрольная ⟨P⟩ компания ⟨O⟩"
        "ru_link": re.compile(rf"(?P<how>{ru_link})\s+(?:с\s+|к\s+)?(?P<obj>{SLOT})", re.I),
        "ru_parent": re.compile(
            rf"(?P<child>{SLOT})\s*(?:[,—–-]|—\s*это|является|являлась|был[аио]?)\s*(?P<noun>{ru_parent})\s+"
            rf"(?:[а-яё]+\s+){{0,2}}?(?P<parent>{SLOT})", re.I),
    }


@functools.cache
def _kind_of_participle() -> dict[str, str]:
    return {w: kind for kind, ws in load("ties")["hyphen_participles"].items() for w in ws}


@functools.cache
def _inverse_nouns() -> frozenset[str]:
    return frozenset(load("ties")["parent_inverse"])


_GATE = re.compile(
    r"[-–]\s?(?:linked|tied|connected|affiliated|allied|aligned|associated|backed|sponsored|friendly|owned|"
    r"controlled|held|founded|created|established|led|run|headed|chaired|managed)\b|subsidiar|\bunit\b|division|"
    r"\barm\b|affiliate|project|branch|offshoot|\bfront\b|\bparent\b|\bpart\s+of|ties|links|connections|"
    r"relationship|relations|dealings|behalf|instructions|behest|proxy|agent\s+of|lobb|аффилирован|подконтрол|"
    r"приближ|близк|дочерн|входящ|проект|подразделен|филиал|sister|shell|member\s+company|holding", re.I)


# a slot governed by a preposition ("at the London firm ⟨O⟩", "to ⟨O⟩") is an oblique, not an agent
_OBLIQUE = re.compile(r"(?:\b(?:at|in|to|with|from|before|into|against|by)\s+(?:the\s+|a\s+|an\s+)?"
                      r"(?:[A-Za-z][\w-]*\s+){0,3}|['’]s\s+)$", re.I)


def _nearest_before(ctx: DocContext, m: Masked, pos: int, exclude: str,
                    skip_oblique: bool = False) -> PartyMention | None:
    """The party named last before ``pos`` in the same clause (no sentence stop or semicolon between),
    else the person a leading "he"/"she" stands for. With ``skip_oblique``, parties after a
    preposition ("filed a challenge at the ⟨O⟩ on behalf of …") are passed over: they are where the
    act happened, not who acted."""
    window = m.text[max(0, pos - 120):pos]
    cut = max(window.rfind(";"), window.rfind(" but "))
    window_start = max(0, pos - 120) + (cut + 1 if cut >= 0 else 0)
    slots = [t for t in re.finditer(SLOT, m.text[window_start:pos])]
    for tok in reversed(slots):
        found = m.slot(tok.group())
        if skip_oblique and _OBLIQUE.search(m.text[max(window_start, window_start + tok.start() - 40):
                                                   window_start + tok.start()]):
            continue
        if found.party != exclude:
            return found
    pron = re.search(r"\b(?:he|she)\b", m.text[window_start:pos], re.I)
    if pron is not None:
        start, _ = m.span(window_start + pron.start(), window_start + pron.end())
        return person_before(ctx, start, m.sentence)
    return None


def _role(m: Masked, hit: re.Match[str], group: str) -> tuple[str, int, int]:
    s, e = m.span(hit.start(group), hit.end(group))
    return " ".join(hit.group(group).lower().split()), s, e


def _hyphen(ctx: DocContext, m: Masked) -> None:
    kinds = _kind_of_participle()
    for hit in _patterns()["hyphen"].finditer(m.text):
        if "," in hit.group("fill"):
            continue
        a, b = m.slot(hit.group("a")), m.slot(hit.group("b"))
        kind = kinds.get(hit.group("how").lower())
        role = _role(m, hit, "how")
        if kind == "own" or (kind == "lead" and not is_person(ctx, a.party)):
            if not is_person(ctx, b.party):
                record(ctx, "Ownership", a, b, m.sentence, ("owner", role[1], role[2]), 0.6)
        elif kind in ("found", "lead"):
            if not is_person(ctx, b.party):
                record(ctx, "Directorship", a, b, m.sentence, ("founder" if kind == "found" else "head",
                                                               role[1], role[2]), 0.6)
        else:
            record(ctx, "Associate", b, a, m.sentence, role, 0.55)


def _parents(ctx: DocContext, m: Masked) -> None:
    for name in ("parent", "parent_poss", "ru_parent"):
        for hit in _patterns()[name].finditer(m.text):
            if _NEG.search(hit.group()):
                continue
            child, parent = m.slot(hit.group("child")), m.slot(hit.group("parent"))
            noun = " ".join(hit.group("noun").lower().split())
            if noun in _inverse_nouns():
                child, parent = parent, child
            if is_person(ctx, child.party):
                continue  # a person is no one's subsidiary ("X, a front for Y" is representation)
            record(ctx, "Ownership", parent, child, m.sentence, _role(m, hit, "noun"), 0.6)


def _ties(ctx: DocContext, m: Masked) -> None:
    pats = _patterns()
    for hit in pats["ties"].finditer(m.text):
        obj = m.slot(hit.group("obj"))
        subj = _nearest_before(ctx, m, hit.start(), obj.party)
        if subj is None or _NEG.search(m.text[max(0, hit.start() - 40):hit.start()]):
            continue
        record(ctx, "Associate", subj, obj, m.sentence, _role(m, hit, "how"), 0.55)
    for hit in pats["between"].finditer(m.text):
        record(ctx, "Associate", m.slot(hit.group("a")), m.slot(hit.group("b")), m.sentence,
               _role(m, hit, "how"), 0.55)
    for hit in pats["ru_link"].finditer(m.text):
        obj = m.slot(hit.group("obj"))
        subj = _nearest_before(ctx, m, hit.start(), obj.party)
        if subj is not None and not _NEG.search(m.text[max(0, hit.start() - 12):hit.start()]):
            if hit.group("how").lower().startswith("подконтрол") and not is_person(ctx, subj.party):
                record(ctx, "Ownership", obj, subj, m.sentence, _role(m, hit, "how"), 0.55)
            else:
                record(ctx, "Associate", subj, obj, m.sentence, _role(m, hit, "how"), 0.55)


def _behalf(ctx: DocContext, m: Masked) -> None:
    for hit in _patterns()["behalf"].finditer(m.text):
        client = m.slot(hit.group("client"))
        agent = _nearest_before(ctx, m, hit.start(), client.party, skip_oblique=True)
        if agent is None or _NEG.search(m.text[max(0, hit.start() - 30):hit.start()]):
            continue
        record(ctx, "Representation", agent, client, m.sentence, _role(m, hit, "how"), 0.55)


FRAMES = (_hyphen, _parents, _ties, _behalf)


@component("relations_passing", requires=("parties",), assigns=("relations",))
def run(ctx: DocContext) -> None:
    """Append relation drafts for the ties every sentence states in passing."""
    ctx.sort()
    for m in masked_sentences(ctx, nominal=False, gate=_GATE):
        if not m.slots:
            continue
        for frame in FRAMES:
            frame(ctx, m)
