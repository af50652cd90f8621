"""A bounded load on newsserve: CLIENTS threads, each with its own keep-alive
connection, send searches from a fixed list for SECONDS seconds. Prints the
number of requests, the failed ones (any status but 200, or a connection
error) and the latency's p50 and p99; exits 1 if any failed.
Usage: load_clients.py BASE_URL CLIENTS SECONDS"""
import http.client
import sys
import threading
import time
import urllib.parse

BASE, CLIENTS, SECONDS = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
PATHS = [
    "/api/search?q=oil",
    "/api/search?q=cocoa&facet=source,month&timeline=1",
    "/api/search?q=%22crude%20oil%22%20OR%20gas&n=20",
    "/api/search?q=grain%20date:1987-03&sort=newest",
    "/api/search?q=loadtest",
    "/api/top-terms?q=opec",
    "/api/like/873",
    "/api/article/873",
]
host = urllib.parse.urlparse(BASE)
latencies, failures, lock = [], [], threading.Lock()


def client(number):
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    end = time.monotonic() + SECONDS
    i = number
    while time.monotonic() < end:
        path = PATHS[i % len(PATHS)]
        i += 1
        start = time.monotonic()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
            problem = f"{path}: status {response.status}"
        except (OSError, http.client.HTTPException) as error:
            ok, problem = False, f"{path}: {error!r}"
            connection.close()
            connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        with lock:
            (latencies if ok else failures).append((time.monotonic() - start) * 1000 if ok else problem)


threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
print(f"load: {CLIENTS} clients, {SECONDS:g} s: {len(latencies) + len(failures)} requests, {len(failures)} failed, "
      f"p50 {p(0.50):.1f} ms, p99 {p(0.99):.1f} ms, {len(latencies) / SECONDS:.0f} requests/s")
for problem in failures[:10]:
    print("failed: " + problem)
sys.exit(1 if failures or not latencies else 0)
