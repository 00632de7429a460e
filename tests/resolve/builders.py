"""Small synthetic cases for identity tests: documents whose extraction we write by hand (no NLP), so
each test states exactly which per-document entities exist."""

from __future__ import annotations

from casegraph.model import Document, Statement
from casegraph.model.ids import content_hash, make_id
from casegraph.services import Case
from casegraph.store.base import Extraction, MentionRecord

Party = tuple[str, str, str]  # (local key, schema, name)
Link = tuple[str, str, dict[str, str]]  # (local key, schema, {prop: value or "@local key"})


def add_document(case: Case, text: str, parties: list[Party], links: list[Link] | None = None) -> dict[str, str]:
    """Store a document and its hand-written extraction; returns local key → entity id."""
    doc = Document(id=content_hash(text.encode()), text=text, format="txt", title=text[:20])
    case.store.add_document(doc)
    ids = {key: make_id("cg", doc.id, schema, key) for key, schema, _name in parties}
    statements: list[Statement] = []
    mentions: list[MentionRecord] = []
    cursor = 0
    for key, schema, name in parties:
        start = text.find(name, cursor)
        assert start >= 0, name
        cursor = start + 1
        statements.append(Statement(ids[key], schema, "name", name, doc.id, start, start + len(name),
                                    "extract:parties", 0.9))
        mentions.append(MentionRecord(ids[key], doc.id, start, start + len(name), name))
    for key, schema, props in links or []:
        ids[key] = make_id("cg", doc.id, schema, key)
        for prop, value in props.items():
            value = ids[value[1:]] if value.startswith("@") else value
            statements.append(Statement(ids[key], schema, prop, value, doc.id, 0, len(text), "extract:relations"))
    case.store.replace_extraction(Extraction(doc.id, statements, mentions, [], []))
    return ids
