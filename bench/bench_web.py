"""Web workbench latency under concurrent clients (httpx against loopback only, bounded in requests
and in time).

The server is the real command (``casegraph serve``) in its own process; N client tasks share one
httpx connection pool. Each client repeatedly picks an endpoint group — entity page, search (JSON and
page), document reader — and a target in it, and waits ``--think`` seconds on average between
requests, as a person clicking through the workbench does (``--think 0`` is a closed loop: every
client fires again the moment it has an answer, which measures saturation, not a reader's wait).
``/api/me`` (no case work at all) runs in the same mix as the baseline: the framework's own cost.

    python bench/bench_web.py                          # the example case, 50 clients
    python bench/bench_web.py --case out/web-10k.db --groups search   # after bench_web_case.py
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_case(folder: Path) -> Path:
    from casegraph.services import Case

    path = folder / "demo.db"
    case = Case.open(path)
    case.ingest([ROOT / "examples" / "meduza-case"])
    case.close()
    return path


def start_server(case: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from casegraph.cli.app import main; main()", "serve", "--case", str(case),
               "--port", str(port), "--workers", str(workers)]
    env = {**os.environ, "CASEGRAPH_REVIEWER": "bench"}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/me", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server process and its children (workers), from /proc."""
    total = 0.0
    pids = [pid] + [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()] \
        if Path(f"/proc/{pid}/task/{pid}/children").exists() else [pid]
    for p in pids:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def targets(base: str, groups: list[str]) -> dict[str, list[str]]:
    """URLs per group, from the case itself: every entity that has a name, every document, and
    queries made of name words in both scripts and both cases."""
    people = httpx.get(f"{base}/api/entities", params={"limit": 500, "schema": "LegalEntity"},
                       timeout=120).json()["items"]
    documents = httpx.get(f"{base}/api/documents", params={"limit": 500}, timeout=60).json()["items"]
    words = sorted({w for e in people for w in e["caption"].split() if len(w) > 3 and w.isalpha()})[:60]
    queries = words + [w.lower() for w in words[:20]]
    urls = {
        "entity page": [f"/entities/{e['id']}" for e in people[:100]],
        "search api": [f"/api/search?q={q}" for q in queries],
        "search page": [f"/search?q={q}" for q in queries],
        "reader": [f"/documents/{d['id']}" for d in documents[:100]],
        "baseline /api/me": ["/api/me"],
    }
    return {g: u for g, u in urls.items() if u and (g in groups or g.startswith("baseline"))}


async def run(base: str, urls: dict[str, list[str]], clients: int, budget: int, seconds: float,
              think: float) -> dict[str, list[float]]:
    latencies: dict[str, list[float]] = {g: [] for g in urls}
    errors: list[str] = []
    left = budget
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def one(seed: int) -> None:
            nonlocal left
            rng = random.Random(seed)
            await asyncio.sleep(rng.uniform(0, think))  # clients do not all start in the same instant
            while left > 0 and time.monotonic() < stop:
                left -= 1
                group = rng.choice(list(urls))
                url = rng.choice(urls[group])
                started = time.perf_counter()
                response = await client.get(url)
                latencies[group].append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {url}")
                if think:
                    await asyncio.sleep(rng.uniform(0, 2 * think))

        await asyncio.gather(*(one(i) for i in range(clients)))
    if errors:
        print(f"{len(errors)} non-200 answers, e.g. {errors[:3]}", file=sys.stderr)
    return latencies


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def report(title: str, latencies: dict[str, list[float]], wall: float) -> None:
    total = sum(len(v) for v in latencies.values())
    print(f"\n{title}: {total} requests in {wall:.1f} s ({total / wall:.0f} req/s)\n")
    print("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for group, values in latencies.items():
        if values:
            print(f"| {group} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} | "
                  f"{percentile(values, 0.99):.1f} | {max(values):.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", type=Path, help="case file (copied first); default: the example case")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="total request budget")
    parser.add_argument("--seconds", type=float, default=90, help="time limit")
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between a client's requests (s)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (casegraph serve --workers)")
    parser.add_argument("--groups", default="entity page,search api,search page,reader")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="casegraph-bench-") as folder:
        if args.case:
            case = Path(folder) / "case.db"
            shutil.copy(args.case, case)
        else:
            case = demo_case(Path(folder))
        port = free_port()
        proc = start_server(case, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            urls = targets(base, args.groups.split(","))
            cold: dict[str, list[float]] = {}
            for group, group_urls in urls.items():  # first view of each target: nothing cached yet
                for url in group_urls[:20]:
                    started = time.perf_counter()
                    httpx.get(base + url, timeout=120)
                    cold.setdefault(group, []).append((time.perf_counter() - started) * 1000)
            report("first views, one client (cold read cache; includes building the search index)", cold,
                   sum(sum(v) for v in cold.values()) / 1000)
            started = time.perf_counter()
            alone = asyncio.run(run(base, urls, 1, min(400, args.requests), args.seconds, 0.0))
            report("one client, warm, back to back (the cost of one request)", alone, time.perf_counter() - started)
            started, cpu = time.perf_counter(), cpu_seconds(proc.pid)
            hot = asyncio.run(run(base, urls, args.clients, args.requests, args.seconds, args.think))
            wall, used = time.perf_counter() - started, cpu_seconds(proc.pid) - cpu
            report(f"{args.clients} concurrent clients, mean think time {args.think} s", hot, wall)
            served = sum(len(v) for v in hot.values())
            print(f"\nserver CPU: {used:.1f} s for {served} requests = {1000 * used / served:.1f} ms per request; "
                  f"the server had {100 * used / wall:.0f}% of one core over the run; load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
