"""On the seed article (../shared, read-only; skipped when absent) the chain behind the outlet's
listing comes out in the order the article tells it, from its dated events."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.services import Case, analysis

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed" / "meduza-ionov-2021.txt"


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")
def test_seed_designation_chain(tmp_path: Path) -> None:
    case = Case.open(tmp_path / "seed.db")
    try:
        case.ingest([SEED], published="2021-05-21")
        listed = [r for r in analysis.designations(case) if r["days"] is not None]
        assert listed, "a designation with a dated chain"
        acts = analysis.chain(case, listed[0]["entity"])
        actions = [a["action"] for a in acts]
        assert actions[0] == "complaint" and actions[1] == "referral"
        assert actions.count("confirmation") >= 2 and "order" in actions
        assert [a["date"] for a in acts] == sorted(a["date"] for a in acts)
        assert acts[0]["date"] < acts[-1]["date"] and listed[0]["days"] == 3
        assert listed[0]["initiator"] == acts[0]["actor"]
    finally:
        case.close()
