"""Shared by bench/crash_ingest.py and tests/reliability/test_crash_ingest.py: a small folder of short
invented documents, a snapshot of everything a case holds, and a CLI ingest killed with SIGKILL.

The snapshot covers every table (so identity and analysis tables added later are compared too), without
the columns that record *when* something happened (``created_at``, ``ingested_at``, ``extracted_at``:
only whether a document was extracted) and without autoincrement row ids.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, select

from casegraph.store import tables as t

TIME_COLUMNS = {"created_at", "ingested_at", "imported_at"}
# Decision and judgement ids hash their time stamp: two equal judgements made at different times differ
# only there.
TIME_KEYED = {"decisions": "id", "judgements": "id"}
SKIP_TABLES = {"case_state", "alembic_version"}

# Invented people, companies and places (no real article): enough variety for parties, money, quotes.
PEOPLE = ["Marta Quell", "Oskar Venn", "Lidia Brask", "Tomas Ferrow", "Nadia Orlik", "Piet Hallam",
          "Ivana Sorel", "Gregor Tamm", "Elsa Munro", "Viktor Dahl", "Rosa Lindqvist", "Anton Berezin"]
COMPANIES = ["Northmere Holdings Ltd", "Calder Ridge LLC", "Brightwater Trading GmbH", "Oakfield Capital SA",
             "Silver Fen Logistics", "Harrow & Pike Partners", "Eastgate Minerals Inc", "Velmont Group"]
CITIES = ["Riga", "Tallinn", "Vilnius", "Gdansk", "Oslo", "Turku"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]

RUSSIAN = ("Компания «Северный Путь» перевела 3 миллиона рублей фирме «Восток Инвест» в мае 2020 года. "
           "Директор компании Иван Соколов заявил журналистам, что сделка была законной.")


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        p, q = rng.sample(PEOPLE, 2)
        c, d = rng.sample(COMPANIES, 2)
        month, city = rng.choice(MONTHS), rng.choice(CITIES)
        amount = rng.choice(["$1.2 million", "€450,000", "$3 million", "€2.5 million"])
        out.append(rng.choice([
            f"{p} is the director of {c}, a company registered in {city}. In {month} 2020, {c} paid "
            f"{amount} to {d}.",
            f"\"We did nothing wrong,\" {p} told reporters in {city} on 4 {month} 2021. {q} declined to comment.",
            f"{q}, a shareholder of {d}, said that {p} had approved the transfer of {amount} in {month} 2019.",
            f"According to court filings in {city}, {c} owns 40% of {d}. {p} founded {c} in 2015.",
            f"{p} met {q} in {city} in {month} 2022 to discuss a loan of {amount} from {c}.",
        ]))
    return out


def write_corpus(folder: Path, documents: int = 20, seed: int = 7) -> Path:
    """``documents`` short files (txt, md, html, one Russian) plus one broken PDF, deterministic."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        paras = _paragraphs(rng, rng.randint(2, 5))
        kind = i % 4
        if kind == 0:
            (folder / f"note-{i:02d}.txt").write_text(f"Case note {i}\n\n" + "\n\n".join(paras) + "\n", "utf-8")
        elif kind == 1:
            (folder / f"memo-{i:02d}.md").write_text(f"# Memo {i}\n\n" + "\n\n".join(paras) + "\n", "utf-8")
        elif kind == 2:
            body = "".join(f"<p>{p}</p>" for p in paras)
            (folder / f"page-{i:02d}.html").write_text(
                f"<html><head><title>Report {i}</title></head><body><article>{body}</article></body></html>",
                "utf-8")
        else:
            (folder / f"ru-{i:02d}.txt").write_text(RUSSIAN + "\n\n" + "\n\n".join(paras) + "\n", "utf-8")
    (folder / "zz-broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    return folder


def snapshot(case_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as sorted tuples, minus time stamps and row ids."""
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in t.metadata.tables if name not in SKIP_TABLES}
    if not case_path.exists():
        return out
    engine = create_engine(f"sqlite:///{case_path}")
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            for name, table in sorted(t.metadata.tables.items()):
                if name in SKIP_TABLES or name not in present:
                    continue
                cols = [c for c in table.columns if c.name not in TIME_COLUMNS and TIME_KEYED.get(name) != c.name
                        and not (c.primary_key and c.autoincrement is True and c.name == "id")]
                rows = []
                for row in conn.execute(select(*cols)):
                    values = dict(row._mapping)
                    if "extracted_at" in values:
                        values["extracted_at"] = values["extracted_at"] is not None
                    rows.append(tuple(repr(values[c.name]) for c in cols))
                out[name] = sorted(rows)
    finally:
        engine.dispose()
    return out


def differences(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    """What differs between two snapshots, one line per table (empty when they are equal)."""
    lines = []
    for name in sorted(set(a) | set(b)):
        left, right = set(a.get(name, [])), set(b.get(name, []))
        if left != right:
            sample = sorted(left - right)[:1] + sorted(right - left)[:1]
            lines.append(f"{name}: {len(left - right)} rows only in the first, {len(right - left)} only in the "
                         f"second ({len(left)} vs {len(right)}); e.g. {sample}")
    return lines


ITEM_LINE = re.compile(r"^\s*(added|exists|failed|skipped)\b")


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from casegraph.cli.app import main; main()", *args]


def environment(batch: int) -> dict[str, str]:
    env = dict(os.environ, CASEGRAPH_EXTRACT_BATCH=str(batch), COLUMNS="100", NO_COLOR="1")
    env.pop("CASEGRAPH_CASE", None)
    return env


def run_ingest(folder: Path, case: Path, batch: int = 4, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli("ingest", str(folder), "--case", str(case)), capture_output=True, text=True,
                          env=environment(batch), timeout=timeout, stdin=subprocess.DEVNULL)


def killed_ingest(folder: Path, case: Path, after_lines: int, delay: float, batch: int = 4,
                  timeout: float = 300) -> tuple[str, int]:
    """Start a CLI ingest, SIGKILL it ``delay`` seconds after it printed ``after_lines`` file lines (added,
    exists, failed, skipped; 0: after start). Returns where it was killed and the file lines printed."""
    process = subprocess.Popen(cli("ingest", str(folder), "--case", str(case)), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env=environment(batch),
                               stdin=subprocess.DEVNULL)
    lines: list[str] = []
    reached = threading.Event()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if ITEM_LINE.match(line):  # progress lines ("working: …") come and go with machine load
                lines.append(line.rstrip("\n"))
            if len(lines) >= after_lines:
                reached.set()
        reached.set()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    if after_lines > 0:
        reached.wait(timeout)
    else:
        reached.clear()
    time.sleep(delay)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout)
    reader.join(5)
    where = "finished before the kill" if finished else f"killed after {len(lines)} lines (+{delay:.2f} s)"
    return where, len(lines)
