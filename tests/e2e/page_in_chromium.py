"""Drives newsserve's search page in headless Chromium over the DevTools
protocol (a WebSocket; Python's standard library only, so no package is
needed): loads the page, searches, clicks a facet, opens an article, and
checks each step's DOM against the JSON API.
Usage: page_in_chromium.py BASE_URL PROFILE_DIR"""
import base64
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

BASE, PROFILE = sys.argv[1], sys.argv[2]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class WebSocket:
    """A client of RFC 6455, enough for DevTools: text frames, masked when sent."""

    def __init__(self, url):
        parts = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            fail("DevTools refused the WebSocket: " + head.decode(errors="replace"))

    def exact(self, size):
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                fail("DevTools closed the connection")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            first, second = self.exact(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack(">H", self.exact(2))[0]
            elif size == 127:
                size = struct.unpack(">Q", self.exact(8))[0]
            message += self.exact(size)
            if first & 0x80:
                return message.decode()


class Page:
    def __init__(self, socket_url):
        self.ws = WebSocket(socket_url)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            answer = json.loads(self.ws.receive())
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    fail(f"{method}: {answer['error']}")
                return answer["result"]

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            fail(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what):
        deadline = time.time() + 20
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        fail(f"waited 20 s for {what}; page: {self.evaluate('document.body.innerText')[:600]}")


def api(path):
    with urllib.request.urlopen(BASE + path) as response:
        return json.load(response)


def hit_ids(page):
    return page.evaluate("Array.from(document.querySelectorAll('#hits li')).map(li => li.dataset.id)")


def hits_loaded(query_text):
    # the page shows the results of this search (its summary is written with
    # them); '?.' since the document may still be loading
    return f"location.search.includes({json.dumps(query_text)}) && !!document.querySelector('#summary')?.textContent"


chromium = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                             f"--user-data-dir={PROFILE}", "--window-size=390,844", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    port_file = os.path.join(PROFILE, "DevToolsActivePort")
    for _ in range(300):
        if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
            break
        time.sleep(0.1)
    else:
        fail("Chromium did not open its DevTools port")
    port = open(port_file).read().split("\n")[0]
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
    page.call("Runtime.enable")

    # 1. A bookmarked search: the URL holds it, the hits are the API's.
    page.call("Page.navigate", url=BASE + "/?q=cocoa")
    page.wait_for(hits_loaded("q=cocoa"), "the hits of ?q=cocoa")
    expected = [hit["id"] for hit in api("/api/search?q=cocoa&n=10")["hits"]]
    if hit_ids(page) != expected or not expected:
        fail(f"?q=cocoa shows {hit_ids(page)}, the API {expected}")
    if page.evaluate("document.querySelectorAll('#hits mark').length") == 0:
        fail("no highlighted word in the snippets")
    bars = len(api("/api/timeline?q=cocoa")["timeline"]["bars"])
    if page.evaluate("document.querySelectorAll('#timeline svg rect').length") != bars:
        fail(f"the timeline SVG has not {bars} bars")
    # Bars alone say nothing: the axis names the first and last period and the unit.
    timeline = api("/api/timeline?q=cocoa")["timeline"]
    axis = page.evaluate("document.querySelector('#timeline .axis') ? document.querySelector('#timeline .axis').innerText : ''")
    for label in (timeline["bars"][0]["period"], timeline["bars"][-1]["period"], "per " + timeline["unit"]):
        if label not in axis:
            fail(f"the timeline's axis {axis!r} does not say {label!r}")
    # A count of copies reads as English: "1 more copy", "2 more copies".
    for line in page.evaluate("Array.from(document.querySelectorAll('#hits .meta')).map(m => m.textContent)"):
        if "copies of this story" in line and line.startswith("1 more") or line.startswith("+"):
            fail(f"a hit says {line!r}")

    # 2. Typing a search and pressing Enter (the form's submit) puts it in the URL.
    page.evaluate("document.querySelector('#q').focus()")
    page.call("Input.insertText", text="")
    page.evaluate("document.querySelector('#q').value = ''")
    page.call("Input.insertText", text="oil")
    for kind in ("keyDown", "keyUp"):
        page.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13, text="\r")
    page.wait_for(hits_loaded("q=oil"), "the hits of oil after Enter")
    expected = [hit["id"] for hit in api("/api/search?q=oil&n=10")["hits"]]
    page.wait_for(f"JSON.stringify(Array.from(document.querySelectorAll('#hits li')).map(li => li.dataset.id)) === {json.dumps(json.dumps(expected, separators=(',', ':')))}",
                  f"the hits of oil ({expected})")

    # 3. Clicking a facet filters: a month of the month facet.
    month = page.wait_for("(b => b && b.dataset.value)(document.querySelector('#facets button[data-facet=month]'))",
                          "a month facet")
    page.evaluate("document.querySelector('#facets button[data-facet=month]').click()")
    page.wait_for(hits_loaded("date=" + month), f"the hits of oil in {month}")
    expected = [hit["id"] for hit in api(f"/api/search?q=oil&n=10&date={month}")["hits"]]
    page.wait_for(f"JSON.stringify(Array.from(document.querySelectorAll('#hits li')).map(li => li.dataset.id)) === {json.dumps(json.dumps(expected, separators=(',', ':')))}",
                  f"the hits of oil in {month} ({expected})")
    dates = page.evaluate("Array.from(document.querySelectorAll('#hits .meta')).map(m => m.textContent.slice(0, 7))")
    if not dates or any(date != month for date in dates if date[:2] == "19"):
        fail(f"after clicking {month}: dates {dates}")

    # 4. The article view, with the copies of its story.
    first = expected[0]
    page.evaluate("document.querySelector('#hits li a.title').click()")
    page.wait_for("!document.querySelector('#article').hidden && document.querySelector('#article .body') !== null",
                  "the article view")
    article = api(f"/api/article/{first}")
    if page.evaluate("document.querySelector('#article .body').textContent") != article["body"]:
        fail(f"the article view of {first} is not its body")
    if f"article={first}" not in page.evaluate("location.search"):
        fail("the article is not in the URL")
    print(f"page: cocoa and oil searched, facet {month} clicked, article {first} opened")
finally:
    chromium.terminate()
    chromium.wait()
