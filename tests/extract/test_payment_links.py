"""Officials who sign for their bodies: the body joins the payment (sentences written for the test)."""

from __future__ import annotations

from casegraph.extract import payment_links
from casegraph.extract.context import DocContext, Draft, Party, Span


def ctx_with(person_org_schema: str, purpose: str) -> DocContext:
    text = "Minister Lena Holt signed a contract worth 2 million euros with Brightway Ltd."
    ctx = DocContext(text=text)
    ctx.parties = {
        "lena holt": Party("lena holt", "Person", "Lena Holt", Span(9, 18)),
        "ministry of health": Party("ministry of health", person_org_schema, "Ministry of Health", Span(0, 0)),
        "brightway ltd": Party("brightway ltd", "Company", "Brightway Ltd", Span(64, 77)),
    }
    job = Draft("rel:Employment:lena holt:ministry of health", "Employment", Span(0, 18))
    job.add("employee", "lena holt", 9, 18, ref=True)
    job.add("employer", "ministry of health", 0, 8, ref=True)
    pay = Draft("payment:43", "Payment", Span(0, len(text)))
    pay.add("amount", "2000000", 43, 59)
    pay.add("payer", "lena holt", 9, 18, ref=True)
    pay.add("beneficiary", "brightway ltd", 64, 77, ref=True)
    pay.add("purpose", purpose, 28, 36)
    ctx.drafts = [job, pay]
    return ctx


def test_a_public_body_joins_the_payment_of_its_official() -> None:
    ctx = ctx_with("PublicBody", "contract")
    payment_links.run(ctx)
    assert ctx.drafts[1].refs("payer") == ["lena holt", "ministry of health"]


def test_a_private_employer_joins_only_for_contracts() -> None:
    ctx = ctx_with("Company", "gift")
    payment_links.run(ctx)
    assert ctx.drafts[1].refs("payer") == ["lena holt"]
    ctx = ctx_with("Company", "contract")
    payment_links.run(ctx)
    assert "ministry of health" in ctx.drafts[1].refs("payer")


def test_nothing_changes_without_roles() -> None:
    ctx = ctx_with("PublicBody", "contract")
    ctx.drafts = ctx.drafts[1:]
    payment_links.run(ctx)
    assert ctx.drafts[0].refs("payer") == ["lena holt"]
