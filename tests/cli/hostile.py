"""A small case built through the store (no NLP), whose document title, text, names, values, quotes
and claims all carry one given string, for tests that check what presenters do with hostile text."""

from __future__ import annotations

from pathlib import Path

from casegraph.model import Claim, Document, Quote, Statement
from casegraph.model.ids import content_hash
from casegraph.services import Case
from casegraph.services.integrity import TEXT_DIGEST, text_digest
from casegraph.store.base import Extraction, MentionRecord

PERSON = "cg-person-hostile0000001"
COMPANY = "cg-company-hostile000001"
PAYMENT = "cg-payment-hostile000001"


def build_case(path: Path, hostile: str) -> Case:
    """A case at ``path`` with one document whose title and text hold ``hostile``; a Person named by
    it, a Company, a Payment between them with it as purpose, a quote and a claim of it."""
    text = f"Intro. {hostile} said it. The end."
    start = text.index(hostile) if hostile else 7
    end = start + len(hostile)
    doc = Document(id=content_hash(text.encode("utf-8", "surrogatepass")), text=text, format="txt",
                   title=f"Title {hostile}", source=str(path.parent / "hostile.txt"), language="en", size=len(text),
                   meta={TEXT_DIGEST: text_digest(text)})
    case = Case.open(path)
    case.store.add_document(doc)

    def st(entity: str, schema: str, prop: str, value: str) -> Statement:
        return Statement(entity, schema, prop, value, doc.id, start, end, "extract:test")

    statements = [
        st(PERSON, "Person", "name", f"{hostile} Person" if hostile.strip() else "Nobody"),
        st(PERSON, "Person", "position", hostile or "none"),
        st(COMPANY, "Company", "name", "Acme Hostile Ltd"),
        st(PAYMENT, "Payment", "payer", PERSON),
        st(PAYMENT, "Payment", "beneficiary", COMPANY),
        st(PAYMENT, "Payment", "purpose", hostile or "none"),
        st(PAYMENT, "Payment", "amount", "100"),
    ]
    quote = Quote(PERSON, COMPANY, hostile, "direct", doc.id, start, end)
    claim = Claim(PERSON, PERSON, "topic", hostile, doc.id, start, end)
    mention = MentionRecord(PERSON, doc.id, start, end, hostile)
    case.store.replace_extraction(Extraction(doc.id, statements, [mention], [quote], [claim]))
    return case
