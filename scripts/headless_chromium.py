"""Drive headless Chromium over the DevTools protocol on a pipe (no websocket, no extra package).

Used by the report's browser test and by scripts/make_docs_examples.py for the screenshots. Chromium is
started with the network cut three ways (offline emulation, every host name unresolvable, a dead proxy) and
a fresh profile; every request it makes, every console message and every failed load is recorded, so a
test can assert that a page loaded nothing but itself and its data: URIs.

    with Browser.launch() as browser:
        page = browser.open(path)                     # loads file://path and waits for the load event
        png = page.screenshot(width=1280)             # full page at that width
        pdf = page.pdf(paper="A4")
        page.problems()                               # console errors, failed or remote requests
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--font-render-hinting=none",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no host name resolves: nothing remote can load
    "--proxy-server=127.0.0.1:9",  # and anything that tried would hit the discard port
    "--remote-debugging-pipe",
)
PAPER = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}  # inches
TIMEOUT = 60.0


class BrowserError(RuntimeError):
    """Chromium could not be started, or stopped answering."""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Page:
    """One tab: what it requested, what it logged, and ways to capture it."""

    browser: Browser
    session: str
    url: str = ""
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.call(method, params, session=self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (awaited if a promise) in the page, by DevTools evaluation:
        the page itself runs no script."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluation failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def resize(self, width: int, height: int = 900, *, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile
        )

    def screenshot(self, width: int, *, mobile: bool = False) -> bytes:
        """A PNG of the whole page laid out at `width` CSS pixels."""
        self.resize(width, 900, mobile=mobile)
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        height = int(size["height"] + 0.999)
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        return base64.b64decode(shot["data"])

    def pdf(self, paper: str = "A4") -> bytes:
        """The page printed as the browser's print dialog would (print styles, backgrounds on)."""
        width, height = PAPER[paper]
        printed = self.send(
            "Page.printToPDF", paperWidth=width, paperHeight=height, printBackground=True, preferCSSPageSize=False
        )
        return base64.b64decode(printed["data"])

    def problems(self) -> list[str]:
        """Console errors, failed loads, and any request for something other than the page or a data: URI."""
        found = [f"console error: {text}" for text in self.console_errors]
        found += [f"failed request: {text}" for text in self.failed]
        found += [f"request: {url}" for url in self.requests if url != self.url and not url.startswith("data:")]
        return found


class Browser:
    """A headless Chromium process and the DevTools pipe to it."""

    def __init__(self, process: subprocess.Popen[bytes], commands: int, replies: int, profile: str) -> None:
        self._process = process
        self._commands = commands
        self._replies = replies
        self._profile = profile
        self._buffer = b""
        self._next_id = 0
        self._pages: dict[str, Page] = {}
        self.version = ""

    @classmethod
    @contextmanager
    def launch(cls, executable: str | None = None) -> Iterator[Browser]:
        chromium = executable or find_chromium()
        if chromium is None:
            raise BrowserError("no Chromium found (install Debian's `chromium` package)")
        profile = tempfile.mkdtemp(prefix="credwallet-chromium-")
        to_child, commands = os.pipe()
        replies, from_child = os.pipe()

        def wire_pipes() -> None:  # in the child: DevTools reads commands on fd 3 and answers on fd 4
            read_end, write_end = os.dup(to_child), os.dup(from_child)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        argv = [chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes,
            close_fds=False,
        )
        os.close(to_child)
        os.close(from_child)
        browser = cls(process, commands, replies, profile)
        try:
            browser.version = browser.call("Browser.getVersion")["product"]
            yield browser
        finally:
            browser.close()

    def close(self) -> None:
        with suppress(BrowserError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for descriptor in (self._commands, self._replies):
            with suppress(OSError):
                os.close(descriptor)
        shutil.rmtree(self._profile, ignore_errors=True)

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None, timeout: float = TIMEOUT
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._event(reply)

    def wait_for(self, event: str, session: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            message = self._read(deadline)
            self._event(message)
            if message.get("method") == event and message.get("sessionId") == session:
                params: dict[str, Any] = message.get("params", {})
                return params

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._replies], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def _event(self, message: dict[str, Any]) -> None:
        page = self._pages.get(message.get("sessionId") or "")
        if page is None:
            return
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            page.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            page.failed.append(f"{params.get('errorText')} ({params.get('blockedReason') or 'not blocked'})")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            page.console_errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            page.console_errors.append(str(params["exceptionDetails"].get("text")))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            page.console_errors.append(str(params["entry"].get("text")))

    def open(self, path: Path) -> Page:
        """A new tab, offline, showing the file at `path`; returns once its load event fired."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, url=path.resolve().as_uri())
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        page.send("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                  uploadThroughput=-1)  # fmt: skip
        page.send("Page.navigate", url=page.url)
        self.wait_for("Page.loadEventFired", session)
        return page
