"""Load on the web page (`advisor serve`), on loopback only: requests per second
and p50/p99 latency of the result page at 1, 10 and 50 concurrent clients.

It starts `advisor serve` itself on 127.0.0.1 and a free port, sends plain
HTTP/1.1 keep-alive requests from asyncio clients in this process, and stops
by itself: each level ends after --requests requests or --seconds seconds,
whichever comes first. The figures depend on the machine and on what else runs;
compare runs on the same machine only. Usage:

    python bench/web_load.py                  # 1, 10, 50 clients; 600 requests or 20 s each
    python bench/web_load.py --requests 100   # quicker
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
RESULT = "/recommend?for=someone&timeframe=ongoing&need=medications,rights"
LEVELS = (1, 10, 50)


async def client(
    host: str, port: int, path: str, until: float, left: list[int], latencies: list[float]
) -> None:
    """One keep-alive connection sending requests while any are left."""
    reader, writer = await asyncio.open_connection(host, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    try:
        while left[0] > 0 and time.perf_counter() < until:
            left[0] -= 1
            start = time.perf_counter()
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = head.split(b" ", 2)[1]
            if status != b"200":
                raise SystemExit(f"status {status.decode()} for {path}")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
    finally:
        writer.close()


async def level(
    host: str, port: int, clients: int, requests: int, seconds: float
) -> tuple[int, float, list[float]]:
    left = [requests]
    latencies: list[float] = []
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(
        *(client(host, port, RESULT, until, left, latencies) for _ in range(clients))
    )
    return len(latencies), time.perf_counter() - start, latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600, help="at most, per level")
    parser.add_argument("--seconds", type=float, default=20.0, help="at most, per level")
    args = parser.parse_args()
    requests = max(1, min(args.requests, 10_000))
    seconds = max(1.0, min(args.seconds, 60.0))
    server = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        address = urlsplit(server.stdout.readline().strip())
        host, port = address.hostname, address.port
        if host != "127.0.0.1" or port is None:  # loopback only, always
            raise SystemExit(f"unexpected address {address.geturl()!r}")
        asyncio.run(level(host, port, 1, 20, seconds))  # warm up
        print(f"result page {RESULT}")
        print(f"{'clients':>8} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
        for clients in LEVELS:
            done, took, latencies = asyncio.run(level(host, port, clients, requests, seconds))
            p50 = statistics.median(latencies) * 1000
            p99 = percentile(latencies, 0.99) * 1000
            print(f"{clients:>8} {done:>9} {done / took:>8.0f} {p50:>8.1f} {p99:>8.1f}")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
