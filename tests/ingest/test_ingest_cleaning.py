"""Web-page boilerplate removal on plain text, including the development seed when present."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from casegraph.ingest import read_path
from casegraph.ingest.cleaning import clean_text, junk_reason

SEED = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "seed" / "meduza-ionov-2021.txt"

CAPTION = "The mayor speaking at the harbour opening ceremony in Tallinn, June 3, 2019."
PROMO = "Deep dive How a shipping firm moved money through three offshore companies"

WEB_COPY = f"""Skip to main content
  • Share to or
{CAPTION}

A headline about a harbour contract

{CAPTION}
Photo: Jane Roe

The city council approved the harbour contract on Monday. The deputy mayor said the price was fair.

Read the full report here

{PROMO}

Read the full report here

{PROMO}

The contractor, a company registered in Cyprus, did not answer questions.

  • Tweet
Facebook | Telegram | Email
Subscribe to our newsletter
© 2024 Example News. All rights reserved.
"""


@pytest.mark.parametrize("line", [
    "Skip to main content", "  • Share to or", "Share on Facebook", "• Share", "Tweet",
    "Facebook | Telegram | WhatsApp", "Read more", "Read the investigation here", "Continue reading",
    "Читайте также: как устроен рынок", "Поделиться", "Advertisement", "Subscribe to our newsletter",
    "© 2024 Example News", "We use cookies to improve your experience.",
])
def test_junk_lines(line: str) -> None:
    assert junk_reason(line) is not None


@pytest.mark.parametrize("line", [
    "The minister said he would share the report with the committee.",
    "Read the contract carefully, the lawyer advised.",
    "Share capital: 10,000 rubles",
    "Email: office@example.org",
    "Print shop owner Ivan Petrov testified on Tuesday.",
    "Copyright law was not the issue in the case.",
    "",
])
def test_content_lines_kept(line: str) -> None:
    assert junk_reason(line) is None


def test_web_copy_cleaned() -> None:
    cleaned = clean_text(WEB_COPY)
    lines = cleaned.text.split("\n")
    assert lines[0] == CAPTION  # first occurrence of the caption is kept
    assert cleaned.text.count(CAPTION) == 1
    assert cleaned.text.count(PROMO) == 1
    assert "Photo: Jane Roe" in cleaned.text  # credit after a caption stays
    assert "The city council approved the harbour contract on Monday." in cleaned.text
    assert "did not answer questions." in cleaned.text
    for junk in ("Skip to", "Share", "Tweet", "Read the full report", "Subscribe", "©", "Telegram"):
        assert junk not in cleaned.text
    assert cleaned.dropped == 10
    assert "\n\n\n" not in cleaned.text


def test_short_repeats_are_kept() -> None:
    text = "Q: Yes.\nA: No.\nQ: Yes.\nA: No."
    assert clean_text(text).text == text


def test_read_path_records_dropped_lines(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(WEB_COPY, encoding="utf-8")
    raw = read_path(path)
    assert raw.meta["dropped_lines"] == 10
    assert raw.meta["dropped_by_reason"]["repeated"] == 2
    # Cleaning is a fixed point: reading the cleaned text again changes nothing.
    again = tmp_path / "again.txt"
    again.write_text(raw.text, encoding="utf-8")
    assert read_path(again).text == raw.text


def test_seed_cleans_sensibly() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not available at {SEED}")
    original = SEED.read_text(encoding="utf-8")
    raw = read_path(SEED)
    lines = [line for line in raw.text.split("\n") if line.strip()]
    assert not lines[0].lower().startswith("skip to")
    assert not any("share to" in line.lower() for line in lines)
    substantial = Counter(line for line in lines if len(line) >= 25)
    assert max(substantial.values()) == 1
    assert len(raw.text) > 0.9 * len(original)
    assert raw.meta["dropped_lines"] >= 5
