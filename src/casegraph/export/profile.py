"""The dossier of one party (``casegraph dossier NAME -o FILE.html|.md``).

Identity and aliases (with their scripts), roles and organisations, money, designations and the chain
behind them, timeline, network, quotes and contradictions. Every sentence carries footnotes; each
footnote names its source document and character span and repeats the cited words, which are exactly
``document.text[start:end]``. Facts a reviewer rejected are listed as rejected, facts that a
contradiction puts in doubt are marked disputed. The HTML escapes every string (html.escape), has no
script and no event handler, and loads nothing: styles and the matplotlib SVG charts are inline.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from casegraph.analyse import chain as chains
from casegraph.analyse import contradictions as cx
from casegraph.analyse import graph as graphs
from casegraph.analyse import money as money_trail
from casegraph.analyse import timeline as timelines
from casegraph.analyse.describe import describe
from casegraph.analyse.snapshot import Snapshot, Span
from casegraph.export import profile_charts as charts
from casegraph.model import ReviewStatus, Statement

if TYPE_CHECKING:
    from casegraph.services.case import Case

CITED = 400  # characters of a span repeated in its footnote (longer ones end with "…")
SKIP_PROPS = {"name", "alias", "indexText", "namesMentioned"}


@dataclass
class Note:
    number: int
    span: Span
    title: str
    words: str


@dataclass
class Line:
    text: str
    notes: list[int]
    mark: str | None = None  # "disputed" | "rejected" | "confirmed"


@dataclass
class Dossier:
    title: str
    subtitle: str
    sections: list[tuple[str, list[Line]]] = field(default_factory=list)
    charts: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


class Notes:
    def __init__(self, snap: Snapshot, dossier: Dossier) -> None:
        self.snap, self.dossier = snap, dossier
        self.numbers: dict[Span, int] = {}

    def cite(self, span: Span) -> list[int]:
        if span.document is None and span.ref is None:
            return []
        if span not in self.numbers:
            words = self.snap.text(span)
            if len(words) > CITED:
                words = words[:CITED] + "…"
            title = self.snap.title(span.document) if span.document else f"record {span.ref}"
            self.numbers[span] = len(self.numbers) + 1
            self.dossier.notes.append(Note(self.numbers[span], span, title, words))
        return [self.numbers[span]]

    def cite_all(self, spans: list[Span]) -> list[int]:
        return sorted({n for s in spans for n in self.cite(s)})


def script(text: str) -> str:
    """The writing system of a name (Latin, Cyrillic, …), from the Unicode names of its letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            word = unicodedata.name(ch, "UNKNOWN").split(" ")[0].title()
            counts[word] = counts.get(word, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "unknown"


def _span_of(st: Statement) -> Span:
    return Span(st.document_id, st.start, st.end, None if st.document_id else st.origin)


def build(case: Case, entity_id: str) -> Dossier:
    snap = Snapshot.from_case(case)
    entity = snap.entities[entity_id]
    dossier = Dossier(entity.caption, f"{entity.schema.label} · {entity_id}")
    notes = Notes(snap, dossier)
    findings = [f for f in cx.find_all(snap) if f.contradiction.subject == entity_id]
    disputed_spans = {(c.document_id, c.start, c.end) for f in findings for c in f.contradiction.claims}

    def mark_of(sts: list[Statement]) -> str | None:
        if any((s.document_id, s.start, s.end) in disputed_spans for s in sts):
            return "disputed"
        return "confirmed" if sts and all(s.status == ReviewStatus.CONFIRMED for s in sts) else None

    # identity
    own = snap.sources(entity_id)
    lines = []
    by_name: dict[str, list[Statement]] = {}
    for st in own:
        if st.prop in ("name", "alias"):
            by_name.setdefault(st.value, []).append(st)
    for value, sts in by_name.items():
        kind = "Name" if any(s.prop == "name" for s in sts) else "Alias"
        lines.append(Line(f"{kind}: {value} ({script(value)} script).", notes.cite_all([_span_of(s) for s in sts]),
                          mark_of(sts)))
    facts: dict[tuple[str, str], list[Statement]] = {}
    for st in own:
        if st.prop not in SKIP_PROPS:
            facts.setdefault((st.prop, st.value), []).append(st)
    for (prop, value), sts in facts.items():
        found = entity.schema.get(prop)
        label = found.label if found is not None else prop
        lines.append(Line(f"{label}: {value}.", notes.cite_all([_span_of(s) for s in sts]), mark_of(sts)))
    for st in _rejected(case, snap, entity_id):
        lines.append(Line(f"Rejected by a reviewer: {st.prop} = {st.value}.", notes.cite_all([_span_of(st)]),
                          "rejected"))
    dossier.sections.append(("Identity", lines))

    # roles and organisations
    lines = []
    for e in snap.entities.values():
        schema = e.schema
        if not (e.id and schema.edge and schema.edge_source and schema.edge_target) or schema.is_a("Payment"):
            continue
        if entity_id in snap.refs(e, schema.edge_source) + snap.refs(e, schema.edge_target):
            when = f", from {e.first('startDate')}" if e.has("startDate") else ""
            until = f" until {e.first('endDate')}" if e.has("endDate") else ""
            lines.append(Line(f"{describe(snap, e)}{when}{until}.", notes.cite_all([snap.span(e.id)]),
                              mark_of(snap.sources(e.id))))
    dossier.sections.append(("Roles and organisations", lines))

    # money
    trail = money_trail.build(snap, entity_id)
    lines = []
    for f in trail["flows"]:
        for p in f["payments"]:
            conv = "".join(f" (stated as {v} {k})" for k, v in p["conversions"].items())
            purpose = f" for {', '.join(p['purpose'])}" if p["purpose"] else ""
            when = f" in {p['date']}" if p["date"] else ""
            lines.append(Line(f"{f['payer_name'] or 'An unnamed payer'} paid {p['amount'] or 'an unstated amount'} "
                              f"{f['currency']}{conv} to {f['beneficiary_name'] or 'an unnamed beneficiary'}"
                              f"{when}{purpose}.",
                              notes.cite_all([Span(s["document"], s["start"], s["end"]) for s in p["sources"]])))
    for side, verb in (("in", "received"), ("out", "paid")):
        for cur, total in trail.get("totals", {}).get(side, {}).items():
            lines.append(Line(f"In all, {entity.caption} {verb} {total} {cur} in the payments above "
                              "(each currency on its own).", []))
    dossier.sections.append(("Money", lines))
    if svg := charts.money_svg(trail["flows"]):
        dossier.charts["Money"] = svg

    # designations and their chain
    lines = []
    for s in snap.of_schema("Sanction"):
        if s.id and entity_id in snap.refs(s, "entity"):
            when = f" on {(s.get('listingDate') + s.get('startDate') + s.get('date'))[0]}" \
                if s.get("listingDate") + s.get("startDate") + s.get("date") else ""
            lines.append(Line(f"{describe(snap, s)}{when}.", notes.cite_all([snap.span(s.id)]),
                              mark_of(snap.sources(s.id))))
    for act in chains.build(snap, entity_id):
        actor = snap.name(act.actor) if act.actor else "An unnamed actor"
        target = f" ({snap.name(act.target)})" if act.target else ""
        lines.append(Line(f"{act.date}: {actor} — {act.action}{target}.", notes.cite_all(act.sources)))
    dossier.sections.append(("Designations", lines))

    # timeline
    items = timelines.build(snap, entity_id)
    dossier.sections.append(("Timeline", [
        Line(f"{i['date']} ({i['kind']}): {i['summary']}.", notes.cite_all([Span(i["document"], i["start"], i["end"])]))
        for i in items]))
    if svg := charts.timeline_svg(items):
        dossier.charts["Timeline"] = svg

    # network
    net = graphs.network(snap, graphs.build(snap), entity_id, 1)
    names = {n["id"]: n["name"] for n in net["nodes"]}
    dossier.sections.append(("Network", [
        Line(f"{names.get(e['source'], e['source'])} — {names.get(e['target'], e['target'])} ({e['schema']}).",
             notes.cite_all([Span(e["document"], e["start"], e["end"])])) for e in net["edges"]]))
    if svg := charts.network_svg(net):
        dossier.charts["Network"] = svg

    # quotes and contradictions
    lines = []
    for q in snap.quotes:
        if entity_id in (q.speaker, q.audience):
            who = snap.name(q.speaker) if q.speaker else "Someone"
            to = f" to {snap.name(q.audience)}" if q.audience else ""
            mark = "disputed" if (q.document_id, q.start, q.end) in disputed_spans else None
            lines.append(Line(f"{who} said{to} ({q.kind}): “{q.text}”",
                              notes.cite_all([Span(q.document_id, q.start, q.end)]), mark))
    dossier.sections.append(("Quotes", lines))
    lines = []
    for f in findings:
        lines.append(Line(f.explanation, notes.cite_all([Span(c.document_id, c.start, c.end)
                                                         for c in f.contradiction.claims]), "disputed"))
    dossier.sections.append(("Contradictions", lines))
    return dossier


def _rejected(case: Case, snap: Snapshot, entity_id: str) -> list[Statement]:
    """Statements a reviewer rejected, of the entity and of every member merged into it."""
    members = {entity_id} | {s.entity_id for s in snap.sources(entity_id)}
    return [s for m in sorted(members) for s in case.store.iter_statements(entity_id=m, include_rejected=True)
            if s.status == ReviewStatus.REJECTED]


# -- rendering -------------------------------------------------------------------------------------
CSS = ("body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
       "h1{margin-bottom:0}.sub{color:#666}sup a{text-decoration:none}.mark{font-size:.8em;padding:0 .3em;"
       "border-radius:.2em;margin-left:.3em}.disputed{background:#f6d7a7}.rejected{background:#f3b6b6;"
       "text-decoration:line-through}.confirmed{background:#c8ecc8}figure{margin:1rem 0}"
       "ol.notes{font-size:.85em}ol.notes q{color:#333}")


def _md(text: str) -> str:
    """Markdown-escape a string from a document (no link, emphasis, heading or HTML is formed)."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]!|~])", r"\\\1", text).replace("\n", " ")


def to_html(d: Dossier) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">",
           f"<title>{e(d.title)} — dossier</title><style>{CSS}</style></head><body>",
           f"<h1>{e(d.title)}</h1>", f'<p class="sub">{e(d.subtitle)} · generated '
           f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · every sentence cites its source span</p>"]
    for title, lines in d.sections:
        out.append(f"<h2>{e(title)}</h2>")
        if title in d.charts:
            out.append(f'<figure class="chart">{d.charts[title]}</figure>')
        if not lines:
            out.append("<p>Nothing in the case.</p>")
            continue
        out.append("<ul>")
        for line in lines:
            refs = "".join(f'<sup><a href="#fn-{n}">[{n}]</a></sup>' for n in line.notes)
            mark = f' <span class="mark {line.mark}">{line.mark}</span>' if line.mark else ""
            out.append(f"<li>{e(line.text)}{refs}{mark}</li>")
        out.append("</ul>")
    out.append('<h2>Sources</h2><ol class="notes">')
    for n in d.notes:
        s = n.span
        where = f"document {e(s.document or '')}, characters {s.start}–{s.end}" if s.document else e(s.ref or "")
        out.append(f'<li id="fn-{n.number}" data-document="{e(s.document or "")}" data-start="{s.start}" '
                   f'data-end="{s.end}">{e(n.title)} ({where}): <q>{e(n.words)}</q></li>')
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"


def to_markdown(d: Dossier) -> str:
    out = [f"# {_md(d.title)}", "", f"{_md(d.subtitle)}. Every sentence cites its source span.", ""]
    for title, lines in d.sections:
        out += [f"## {title}", ""]
        if not lines:
            out += ["Nothing in the case.", ""]
            continue
        for line in lines:
            mark = f" **{line.mark}**" if line.mark else ""
            out.append(f"- {_md(line.text)}{''.join(f'[^{n}]' for n in line.notes)}{mark}")
        out.append("")
    for n in d.notes:
        s = n.span
        where = f"document {s.document}, characters {s.start}–{s.end}" if s.document else _md(s.ref or "")
        out.append(f"[^{n.number}]: {_md(n.title)} ({where}): “{_md(n.words)}”")
    return "\n".join(out) + "\n"


def render_profile(case: Case, entity_id: str, fmt: str = "html") -> str:
    d = build(case, entity_id)
    return to_html(d) if fmt == "html" else to_markdown(d)
