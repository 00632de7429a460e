"""Run a reader in a worker process, so its time and memory caps are real.

A parser stuck in a pathological file cannot be interrupted from inside Python (lxml, zlib and pypdf's
loops do not check signals, and a thread cannot be killed), so the only sure cap on time is a process we
can kill. One long-lived worker (``python -m casegraph.ingest.isolation``, a plain subprocess: no
re-import of the caller's main module as multiprocessing's spawn would do) serves every read of a
process, so a small file pays only a pipe round trip. Memory is capped inside the worker with
``RLIMIT_AS`` above its own footprint, so a decompression bomb ends in a MemoryError there instead of
swapping the machine. The worker exits when its parent is gone, even after SIGKILL.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import subprocess
import sys
import threading
import time
from typing import IO, Any

from casegraph.errors import UnreadableDocument
from casegraph.ingest.limits import Limits, megabytes, seconds
from casegraph.ingest.rawtext import RawText

STARTUP_SECONDS = 120.0  # importing the readers on a loaded machine


class ReaderCrash(UnreadableDocument):
    """A reader failed in a way it did not foresee (a bug in a parser, or the worker died).

    Still one file's failure with a one-line reason, never a stopped batch; the fuzzing bench counts these
    apart from the failures a reader names on purpose."""


def format_label(suffix: str) -> str:
    """The name a failure reason gives the format (".htm" → "html")."""
    name = suffix.lower().lstrip(".")
    return {"htm": "html", "markdown": "md", "text": "txt"}.get(name, name) or "file"


def one_line(reason: str, limit: int = 300) -> str:
    """A failure reason as the single short line the user sees."""
    text = " ".join(reason.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _virtual_size(field: str = "VmSize") -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


_CAP: list[int] = []  # the address-space cap this worker set, if any


def _hit_memory_cap() -> bool:
    """Whether this worker came within 5% of its memory cap: C parsers report a failed allocation
    as anything ("unknown error"), so a failure after that is named as the memory cap it was."""
    peak = _virtual_size("VmPeak")
    return bool(_CAP) and peak is not None and peak >= 0.95 * _CAP[0]


def _cap_memory(extra: int) -> None:
    try:
        import resource
    except ImportError:  # not on POSIX: time is still capped
        return
    base = _virtual_size()
    if base is None:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = base + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _CAP.append(limit)


def serve(requests: IO[bytes], replies: IO[bytes], memory_bytes: int) -> None:
    """The worker's loop: read requests until the pipe closes; after a MemoryError, exit (its heap may
    be fragmented) so the next file gets a fresh worker."""
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from casegraph.ingest.registry import read_inline

    _cap_memory(memory_bytes)
    _reply(replies, ("ready", None))
    while True:
        try:
            data, suffix, limits = pickle.load(requests)
        except (EOFError, OSError, pickle.UnpicklingError):
            return
        label = format_label(suffix)
        result: tuple[str, Any]
        out_of_memory = ("unreadable", f"{label} needs more than {megabytes(limits.memory_bytes)} of memory "
                                       "(limit)")
        try:
            result = ("ok", read_inline(data, suffix, limits))
        except MemoryError:
            result = out_of_memory
        except UnreadableDocument as exc:
            result = ("unreadable", one_line(str(exc)))
        except RecursionError:
            result = ("unreadable", f"{label} is nested too deeply to read")
        except Exception as exc:  # noqa: BLE001 - a parser bug is this file's failure, not the batch's
            result = ("crash", one_line(f"unexpected {label} reader error ({type(exc).__name__}: {exc})"))
        if result[0] != "ok" and _hit_memory_cap():
            result = out_of_memory
        del data
        _reply(replies, result)
        if result is out_of_memory:
            return  # the heap may be fragmented: the next file gets a fresh worker


def _reply(replies: IO[bytes], result: tuple[str, Any]) -> None:
    pickle.dump(result, replies, protocol=pickle.HIGHEST_PROTOCOL)
    replies.flush()


class Worker:
    """The parent's handle on one reader process; thread-safe (reads are serialised)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._memory: int | None = None
        self._owner = os.getpid()

    def start(self, limits: Limits) -> None:
        """Start the worker now (it imports the readers while the caller does other work)."""
        with self._lock:
            self._ready(limits.memory_bytes)

    def read(self, data: bytes, suffix: str, limits: Limits) -> RawText:
        with self._lock:
            try:
                return self._read(data, suffix, limits)
            except UnreadableDocument:
                raise
            except BaseException:
                # interrupted between request and reply (Ctrl-C, a signal, a bug): the worker's answer
                # would otherwise be taken as the next file's
                self.stop()
                raise

    def _read(self, data: bytes, suffix: str, limits: Limits) -> RawText:
        label = format_label(suffix)
        process = self._ready(limits.memory_bytes)
        try:
            self._send(process, (data, suffix, limits))
        except OSError:  # the worker died between reads: start another and try once more
            self.stop()
            process = self._ready(limits.memory_bytes)
            self._send(process, (data, suffix, limits))
        assert process.stdout is not None
        ready, _w, _x = select.select([process.stdout], [], [], limits.seconds)
        if not ready:
            self.stop()
            raise UnreadableDocument(f"{label} took longer than {seconds(limits.seconds)} (limit)")
        try:
            kind, value = pickle.load(process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            code = process.wait(5)
            self.stop()
            if code == -signal.SIGKILL:
                raise UnreadableDocument(f"{label} reader was killed (out of memory?)") from None
            raise ReaderCrash(f"{label} reader crashed (exit code {code})") from None
        if kind == "ok":
            return value  # type: ignore[no-any-return]
        if kind == "crash":
            raise ReaderCrash(value)
        raise UnreadableDocument(value)

    @staticmethod
    def _send(process: subprocess.Popen[bytes], request: tuple[bytes, str, Limits]) -> None:
        assert process.stdin is not None
        pickle.dump(request, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.flush()

    def _ready(self, memory: int) -> subprocess.Popen[bytes]:
        if self._process is not None and self._owner != os.getpid():  # we are a fork: the pipes are not ours
            self._process = self._memory = None
        if self._process is not None and (self._memory != memory or self._process.poll() is not None):
            self.stop()
        if self._process is None:
            process = subprocess.Popen(
                [sys.executable, "-P", "-m", "casegraph.ingest.isolation", str(memory)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                start_new_session=True)  # a Ctrl-C in the terminal goes to the parent only
            self._process, self._memory, self._owner = process, memory, os.getpid()
            try:  # wait until it has imported the readers, so that time is not charged to a file
                assert process.stdout is not None
                ready, _w, _x = select.select([process.stdout], [], [], STARTUP_SECONDS)
                if not ready or pickle.load(process.stdout)[0] != "ready":
                    raise OSError("no answer")
            except (OSError, EOFError, pickle.UnpicklingError) as exc:
                self.stop()
                raise ReaderCrash(f"the reader process did not start ({exc})") from exc
        return self._process

    def stop(self) -> None:
        """Kill the worker (a read in progress is abandoned); the next read starts a fresh one."""
        process, self._process, self._memory = self._process, None, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait(5)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


_WORKER = Worker()


def read_isolated(data: bytes, suffix: str, limits: Limits) -> RawText:
    """Read ``data`` in the shared worker under ``limits`` (time and memory enforced)."""
    return _WORKER.read(data, suffix, limits)


def start_worker(limits: Limits) -> None:
    _WORKER.start(limits)


def stop_worker() -> None:
    _WORKER.stop()


def _main() -> None:
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to stderr, never into the reply stream
    serve(sys.stdin.buffer, replies, int(sys.argv[1]))


if __name__ == "__main__":
    _main()
