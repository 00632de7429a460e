"""A real server (uvicorn on a free loopback port) over the example case plus one hostile document,
driven by Debian's Chromium through Playwright. Skips, saying why, only where Chromium is missing."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from casegraph.services import Case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "meduza-case"
CHROMIUM = os.environ.get("CASEGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

# Every way we know for text to turn into script, written as a note a hostile source might send.
HOSTILE = """Notes <script>window.__pwned = "script-title"</script>
<script>window.__pwned = "script"; alert("script")</script>
A meeting with <img src=x onerror="window.__pwned='img'; alert('img')"> took place in Riga.
<svg onload="window.__pwned='svg'"></svg> <iframe src="javascript:window.__pwned='iframe'"></iframe>
Click <a href="javascript:window.__pwned='link'">here</a> or javascript:window.__pwned='bare' now.
"><script>window.__pwned='attribute'</script> '><body onload=alert(1)> {{7*7}} ${7*7}
<style>body { display: none }</style> <base href="http://attacker.example/">
"""


def chromium_or_skip() -> str:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; CI installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright (Python package) is not installed")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium_or_skip()
    folder = tmp_path_factory.mktemp("webcase")
    sources = folder / "sources"
    shutil.copytree(EXAMPLES, sources)
    (sources / "hostile-note.txt").write_text(HOSTILE, encoding="utf-8")
    case = Case.open(folder / "case.db")
    report = case.ingest([sources])
    case.close()
    assert not report.failed, [i.reason for i in report.failed]
    return folder / "case.db"


@pytest.fixture(scope="session")
def server(web_case: Path) -> Iterator[str]:
    import uvicorn

    from casegraph.api.app import create_app

    port = free_port()
    app = create_app(web_case, local_reviewer="browser-tester")
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_or_skip(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("CASEGRAPH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh page that records every dialog and console error, and fails on a page error."""
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(base_url=server, viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    yield pg
    context.close()
