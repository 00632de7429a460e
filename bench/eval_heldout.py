"""Score the extractor on the held-out articles in bench/heldout (see bench/heldout/README.md).

For each ``*.gold.json`` in bench/heldout the text it names is ingested into a fresh temporary
case (``casegraph ingest FILE --published DATE --case TMP.db``), exported
(``casegraph export --format json``) and scored with the shared scorer
(``../shared/eval/score.py`` relative to the repository root). Prints one column per document
and a pooled column (sum of hits / sum of totals over the documents, from ``score.COUNTS``).

    python bench/eval_heldout.py            # score every document
    python bench/eval_heldout.py --check    # only validate the gold files against their texts

Always exits 0 when scoring (the figures are for reading, not a gate); ``--check`` exits 1 when
a gold file is inconsistent with its text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "bench" / "heldout"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SECTIONS = ("entities", "relations", "money", "designations", "events", "quotes",
            "contradictions", "ignore", "not_quotes")
ROWS = ("entities", "entities_core", "entity_precision", "duplicates", "relations", "relations_core",
        "money", "money_core", "designations", "designations_core", "events", "events_core",
        "quotes", "quotes_core", "quote_precision", "contradictions", "contradictions_core")
PREDICATES = {"founder_of", "director_of", "owner_of", "member_of", "employee_of", "represents",
              "associate_of", "family_of", "funded"}


def golds(folder: Path = HELDOUT) -> list[Path]:
    return sorted(folder.glob("*.gold.json"))


def casegraph_bin() -> str:
    local = ROOT / ".venv" / "bin" / "casegraph"
    if local.exists():
        return str(local)
    found = shutil.which("casegraph")
    if not found:
        sys.exit("casegraph not found: install the project (.venv) or put casegraph on PATH")
    return found


def load_scorer() -> ModuleType | None:
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("heldout_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- --check -------------------------------------------------------------------------------

def _norm(text: str) -> str:
    """The scorer's normalisation (kept here so --check works without ../shared)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def check(path: Path) -> list[str]:
    problems: list[str] = []
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot load: {exc}"]
    missing = [k for k in ("document", "published", "url", "note", *SECTIONS) if k not in gold]
    if missing:
        return [f"missing fields: {missing}"]
    doc = ROOT / gold["document"]
    if not doc.exists():
        return [f"document not found: {gold['document']}"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold["published"])):
        problems.append(f"published is not YYYY-MM-DD: {gold['published']!r}")
    text = doc.read_text(encoding="utf-8")
    padded = f" {_norm(text)} "
    keys = [e["key"] for e in gold["entities"]]
    if len(keys) != len(set(keys)):
        problems.append("duplicate entity keys")
    keyset = set(keys)
    for e in gold["entities"]:
        if not {"key", "type", "core", "names"} <= set(e) or not e["names"]:
            problems.append(f"entity {e.get('key')}: malformed")
            continue
        for name in e["names"]:
            if f" {_norm(name)} " not in padded:
                problems.append(f"entity {e['key']}: name {name!r} not in text")

    def known(value: object, where: str, free_text: bool = False) -> None:
        if value is None or value in keyset:
            return
        if free_text and isinstance(value, str) and f" {_norm(value)} " in padded:
            return  # a free-text party such as a country named in the text
        problems.append(f"{where}: unknown entity key {value!r}")

    for r in gold["relations"]:
        if r["predicate"] not in PREDICATES:
            problems.append(f"relation {r}: unknown predicate")
        known(r["subject"], "relation subject")
        known(r["object"], "relation object")
    for m in gold["money"]:
        if not isinstance(m["amount"], (int, float)) or not re.fullmatch(r"[A-Z]{3}", m["currency"]):
            problems.append(f"money {m}: bad amount or currency")
        known(m["payer"], "money payer")
        known(m["payee"], "money payee")
    for d in gold["designations"]:
        known(d["entity"], "designation entity")
        known(d["authority"], "designation authority", free_text=True)
    for ev in gold["events"]:
        if ev["date"] and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", ev["date"]):
            problems.append(f"event {ev['what']!r}: bad date {ev['date']!r}")
        if not ev["involved"]:
            problems.append(f"event {ev['what']!r}: nobody involved")
        for k in ev["involved"]:
            known(k, f"event {ev['what']!r}")
    for q in gold["quotes"]:
        known(q["speaker"], "quote speaker")
        known(q["to"], "quote audience")
        if q["starts"] not in text:
            problems.append(f"quote starts not in text: {q['starts']!r}")
        elif not 5 <= len(q["starts"].split()) <= 8:
            problems.append(f"quote starts is not 5-8 words: {q['starts']!r}")
    for c in gold["contradictions"]:
        known(c["subject"], "contradiction subject")
    for s in gold["not_quotes"]:
        if f" {_norm(s)} " not in padded:
            problems.append(f"not_quote {s!r} not in text")
    for s in gold["ignore"]:
        if f" {_norm(s)} " not in padded:
            problems.append(f"ignore {s!r} not in text")
    return problems


# --- scoring -------------------------------------------------------------------------------

def run_one(gold_path: Path, scorer: ModuleType, exe: str) -> tuple[dict, dict] | str:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = ROOT / gold["document"]
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        case, out = Path(tmp) / "case.db", Path(tmp) / "case.json"
        steps = ([exe, "ingest", str(doc), "--published", gold["published"], "--case", str(case)],
                 [exe, "export", "--format", "json", "-o", str(out), "--case", str(case)])
        for cmd in steps:
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
            if proc.returncode != 0:
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
                return f"{cmd[1]} failed (rc {proc.returncode}): {' | '.join(tail)}"
        bundle = json.loads(out.read_text(encoding="utf-8"))
    scorer.COUNTS.clear()
    figures = scorer.score(gold, bundle)
    return figures, {k: list(v) for k, v in scorer.COUNTS.items()}


def fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate the gold files and stop")
    parser.add_argument("--json", action="store_true", help="also print all figures as JSON")
    parser.add_argument("--dir", type=Path, default=HELDOUT, help="folder of *.gold.json (default bench/heldout)")
    args = parser.parse_args()

    folder = args.dir if args.dir.is_absolute() else ROOT / args.dir
    paths = golds(folder)
    if not paths:
        print(f"no *.gold.json in {folder}")
        return 0
    if args.check:
        bad = 0
        for path in paths:
            problems = check(path)
            bad += bool(problems)
            print(f"{path.name}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
            for p in problems:
                print(f"  - {p}")
        return 1 if bad else 0

    scorer = load_scorer()
    if scorer is None:
        print(f"scorer not found at {SCORER}; skipping the held-out evaluation")
        return 0
    exe = casegraph_bin()
    results: dict[str, dict] = {}
    counts: dict[str, dict] = {}
    for path in paths:
        name = path.name.removesuffix(".gold.json")
        got = run_one(path, scorer, exe)
        if isinstance(got, str):
            print(f"{name}: {got}")
            continue
        results[name], counts[name] = got

    if not results:
        print("no document could be scored")
        return 0
    pooled: dict[str, object] = {}
    pooled_counts: dict[str, list[int]] = {}
    for row in ROWS:
        if row == "duplicates":
            pooled[row] = sum(int(r.get(row, 0)) for r in results.values())
            continue
        hits = sum(c.get(row, [0, 0])[0] for c in counts.values())
        total = sum(c.get(row, [0, 0])[1] for c in counts.values())
        pooled[row] = round(hits / total, 3) if total else 1.0
        pooled_counts[row] = [hits, total]

    names = list(results)
    width = max(10, *(len(n) for n in names))
    print(f"{'figure':22}" + "".join(f"{n:>{width + 2}}" for n in names) + f"{'pooled':>{width + 2}}  hits/total")
    for row in ROWS:
        cells = "".join(f"{fmt(results[n].get(row, '-')):>{width + 2}}" for n in names)
        extra = f"  {pooled_counts[row][0]}/{pooled_counts[row][1]}" if row in pooled_counts else ""
        print(f"{row:22}{cells}{fmt(pooled[row]):>{width + 2}}{extra}")
    if args.json:
        print(json.dumps({"documents": results, "counts": counts, "pooled": pooled,
                          "pooled_counts": pooled_counts}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
