"""The dossier: a Markdown report in which every sentence ends with the source spans behind it.

A claim in a published story must survive a lawsuit, so the dossier never states a fact it
cannot cite: each line is built from statements, and each statement carries a document span.

Documents are hostile: every value that comes from a document (titles, names, property values, quote
and claim text) goes through :func:`md`, which escapes inline HTML and Markdown, so a ``<script>`` in a
.txt or an entity-encoded HTML page, or a ``[link](javascript:…)`` in a quote, is shown as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from followthemoney.proxy import EntityProxy

from casegraph.model import Statement

if TYPE_CHECKING:
    from casegraph.services.case import Case

PARTIES = ("Person", "Organization", "Company", "PublicBody", "LegalEntity")
RELATIONS = ("Directorship", "Ownership", "Membership", "Employment", "Representation", "Associate",
             "Family", "UnknownLink")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md(value: object) -> str:
    """Document text as inert inline Markdown: one line (so no heading, list or fence can start),
    HTML escaped (``&``, ``<``, ``>``), and Markdown punctuation backslash-escaped (CommonMark allows
    a backslash before any ASCII punctuation)."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


class Citer:
    """Numbers the documents ([D1], [D2]…) and formats span citations."""

    def __init__(self, doc_ids: Iterable[str]) -> None:
        self.numbers = {doc_id: i + 1 for i, doc_id in enumerate(doc_ids)}

    def cite(self, statements: Iterable[Statement]) -> str:
        spans = sorted({(self.numbers.get(s.document_id or "", 0), s.start, s.end) for s in statements
                        if s.document_id and s.start is not None})
        reviewers = sorted({md(s.origin) for s in statements if s.document_id is None})
        parts = [f"D{n}:{start}–{end}" for n, start, end in spans[:4]]
        parts += reviewers
        return f" [{'; '.join(parts)}]" if parts else ""


def _name(entities: dict[str, EntityProxy], entity_id: str) -> str:
    entity = entities.get(entity_id)
    return md(entity.caption if entity is not None else entity_id)


def _line(entity: EntityProxy, entities: dict[str, EntityProxy]) -> str:
    """A plain-language sentence for a relation, payment, sanction or event."""
    p = entity.get
    name = entity.schema.name
    if name in RELATIONS:
        props = [prop for prop in entity.schema.properties.values() if prop.type.name == "entity"
                 and entity.has(prop.name)]
        sides = [", ".join(_name(entities, v) for v in entity.get(prop.name)) for prop in props[:2]]
        role = f" ({md(', '.join(p('role')))})" if entity.has("role") else ""
        when = f", from {md(p('startDate')[0])}" if entity.has("startDate") else ""
        return f"{name}{role}: {' → '.join(sides)}{when}."
    if name == "Payment":
        amount = md(f"{', '.join(p('amount'))} {', '.join(p('currency'))}".strip())
        payer = ", ".join(_name(entities, v) for v in p("payer")) or "an unnamed payer"
        payee = ", ".join(_name(entities, v) for v in p("beneficiary")) or "an unnamed beneficiary"
        when = f" on {md(p('date')[0])}" if entity.has("date") else ""
        purpose = f" ({md(p('purpose')[0])})" if entity.has("purpose") else ""
        return f"Payment of {amount} from {payer} to {payee}{when}{purpose}."
    if name == "Sanction":
        target = ", ".join(_name(entities, v) for v in p("entity"))
        by = md(", ".join(p("authority"))) or "an authority"
        program = f" under {md(', '.join(p('program')))}" if entity.has("program") else ""
        when = f" on {md((p('listingDate') or p('startDate'))[0])}" if entity.has("listingDate") or \
            entity.has("startDate") else ""
        return f"{target} designated by {by}{program}{when}."
    label = (p("summary") or p("name") or [entity.caption])[0]
    return f"{md(label.rstrip('.'))}."


def render_dossier(case: Case) -> str:
    docs = case.documents()
    citer = Citer(d.id for d in docs)
    entities = {e.id: e for e in case.entities() if e.id}
    statements = case.statements_by_entity()
    quotes = case.quotes()
    lines = ["# Case dossier", "",
             f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from {len(docs)} documents. Every line cites "
             "the document spans it rests on as [Dn:start–end] (character offsets in the stored text); facts "
             "are proposals by the extractor unless marked confirmed.", "", "## Sources", ""]
    for d in docs:
        lines.append(f"- D{citer.numbers[d.id]}: {md(d.title or d.source)} ({md(d.format)}, {md(d.language or '?')}, "
                     f"published {md(d.published or 'unknown')}; sha256 {md(d.id[:16])}…)")
    by_schema: dict[str, list[EntityProxy]] = {}
    for e in entities.values():
        by_schema.setdefault(e.schema.name, []).append(e)

    lines += ["", "## Parties", ""]
    parties = [e for e in entities.values() if e.schema.name in PARTIES]
    parties.sort(key=lambda e: -len(statements.get(e.id or "", [])))
    for e in parties:
        sts = statements.get(e.id or "", [])
        lines.append(f"### {md(e.caption)} ({md(e.schema.label)})")
        names = [s for s in sts if s.prop in ("name", "alias")]
        lines.append(f"- Named as {md(', '.join(sorted(set(e.get('name') + e.get('alias')))))}.{citer.cite(names)}")
        facts: dict[tuple[str, str], list[Statement]] = {}
        for s in sts:
            if s.prop not in ("name", "alias"):
                facts.setdefault((s.prop, s.value), []).append(s)
        for (prop_name, value), sources in facts.items():
            prop = e.schema.get(prop_name)
            lines.append(f"- {md(prop.label if prop else prop_name)}: {md(value)}.{citer.cite(sources)}")
        for q in quotes:
            if q.speaker == e.id:
                to = f" to {_name(entities, q.audience)}" if q.audience else ""
                text = q.text if len(q.text) < 300 else q.text[:297] + "…"
                lines.append(f"- Said{to} ({md(q.kind)}): “{md(text)}”"
                             f" [D{citer.numbers.get(q.document_id, 0)}:{q.start}–{q.end}]")
        lines.append("")

    for title, schemata in (("Relations", RELATIONS), ("Money", ("Payment",)),
                            ("Designations and sanctions", ("Sanction",)), ("Timeline", ("Event",))):
        items = [e for s in schemata for e in by_schema.get(s, [])]
        if not items:
            continue
        lines += [f"## {title}", ""]
        if title == "Timeline":
            items.sort(key=lambda e: (e.get("date") or e.get("startDate") or ["9999"])[0])
        for e in items:
            when = (e.get("date") or e.get("startDate") or [""])[0]
            prefix = f"{md(when)}: " if title == "Timeline" and when else ""
            lines.append(f"- {prefix}{_line(e, entities)}{citer.cite(statements.get(e.id or '', []))}")
        lines.append("")

    contradictions = case.contradictions()
    if contradictions:
        lines += ["## Contradictions", ""]
        for _cid, subject, topic, claims in contradictions:
            who = _name(entities, subject) if subject else "Unknown"
            lines.append(f"- {who} — {md(topic or 'statements differ')}:")
            for c in claims:
                lines.append(f"  - “{md(c.text)}” [D{citer.numbers.get(c.document_id, 0)}:{c.start}–{c.end}]")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
