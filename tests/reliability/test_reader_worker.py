"""The reader worker (ingest/isolation.py) dies with its parent, even after SIGKILL, so a killed ingest
leaves no reader process behind; and a killed worker is replaced on the next read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from casegraph.ingest import isolation, read_bytes

PARENT = """
import sys, time
from casegraph.ingest import read_bytes, isolation
read_bytes(b"A short note about Velmont Group.", ".txt")
print(isolation._WORKER._process.pid, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has exited; it only waits for its (dead) parent's reaper
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_worker_exits_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker)


def test_a_killed_worker_is_replaced() -> None:
    assert read_bytes(b"First note.", ".txt").text == "First note."
    process = isolation._WORKER._process
    assert process is not None
    process.kill()
    process.wait(5)
    assert read_bytes(b"Second note.", ".txt").text == "Second note."


def test_an_interrupted_read_never_hands_its_answer_to_the_next_file(monkeypatch) -> None:
    """Ctrl-C between request and reply: the worker is dropped, so the next read gets its own text."""
    read_bytes(b"Warm-up note.", ".txt")
    real = isolation.select.select
    calls = []

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(isolation.select, "select", interrupted)
    try:
        read_bytes(b"The interrupted note.", ".txt")
    except KeyboardInterrupt:
        pass
    assert read_bytes(b"The next note.", ".txt").text == "The next note."
