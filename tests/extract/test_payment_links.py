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
    payment_links.link_signers(ctx, ctx.drafts)
    assert ctx.drafts[1].refs("payer") == ["lena holt", "ministry of health"]


def test_a_private_employer_joins_only_for_contracts() -> None:
    ctx = ctx_with("Company", "gift")
    payment_links.link_signers(ctx, ctx.drafts)
    assert ctx.drafts[1].refs("payer") == ["lena holt"]
    ctx = ctx_with("Company", "contract")
    payment_links.link_signers(ctx, ctx.drafts)
    assert "ministry of health" in ctx.drafts[1].refs("payer")


def test_nothing_changes_without_roles() -> None:
    ctx = ctx_with("PublicBody", "contract")
    ctx.drafts = ctx.drafts[1:]
    payment_links.link_signers(ctx, ctx.drafts)
    assert ctx.drafts[0].refs("payer") == ["lena holt"]


def _with_second_role(company_mentions: int, holding_mentions: int) -> DocContext:
    from casegraph.extract.context import PartyMention

    ctx = ctx_with("Company", "contract")
    for key, name, count in (("ministry of health", "Ministry of Health", company_mentions),
                             ("orlan holdings", "Orlan Holdings", holding_mentions)):
        party = ctx.parties.setdefault(key, Party(key, "Company", name, Span(0, 0)))
        party.mentions = [PartyMention(0, 1, name, key) for _ in range(count)]
    seat = Draft("rel:Directorship:lena holt:orlan holdings", "Directorship", Span(0, 18))
    seat.add("director", "lena holt", 9, 18, ref=True)
    seat.add("organization", "orlan holdings", 0, 8, ref=True)
    ctx.drafts.insert(1, seat)
    return ctx


def test_a_signer_with_two_roles_signs_for_the_organisation_the_story_follows() -> None:
    ctx = _with_second_role(company_mentions=6, holding_mentions=2)
    payment_links.link_signers(ctx, ctx.drafts)
    assert ctx.drafts[2].refs("payer") == ["lena holt", "ministry of health"]
    ctx = _with_second_role(company_mentions=3, holding_mentions=2)  # neither stands out: no guess
    payment_links.link_signers(ctx, ctx.drafts)
    assert ctx.drafts[2].refs("payer") == ["lena holt"]
