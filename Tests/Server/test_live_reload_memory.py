"""Every open page holds a live-reload connection; a closed one must give back its memory at once,
not at the next build: a day of previewing opens and closes thousands."""
import socket
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import request

CONNECTIONS = 20_000
WARM_UP = 400
CLIENTS = 8


def open_and_close(port, count):
    """`count` event streams, one after the other, each closed once the server has said it is open."""
    head = f"GET /__spinesite/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode()
    for opened in range(count):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
                client.sendall(head)
                received = b""
                while b": connected" not in received:
                    chunk = client.recv(4096)
                    assert chunk, f"the server closed the event stream before opening it: {received!r}"
                    received += chunk
        except TimeoutError as error:
            # A server that keeps closed connections runs out of file descriptors before it runs out of memory.
            raise AssertionError(f"no answer after {opened} connections of this client: closed ones kept?") from error


def open_and_close_together(port, count):
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(lambda share: open_and_close(port, share), [count // CLIENTS] * CLIENTS))


def resident_kilobytes(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1])


def test_closed_live_reload_connections_release_their_memory(preview):
    pid = preview.process.pid
    open_and_close_together(preview.port, WARM_UP)
    time.sleep(1)
    warm = resident_kilobytes(pid)
    started = time.time()
    open_and_close_together(preview.port, CONNECTIONS)
    elapsed = time.time() - started
    # The last connections are let go as the server reads their end: give it a moment.
    deadline = time.time() + 10
    while (after := resident_kilobytes(pid)) > warm * 1.1 and time.time() < deadline:
        time.sleep(0.5)
    print(f"RSS {warm} kB after {WARM_UP} connections, {after} kB after {CONNECTIONS} more ({elapsed:.1f} s)")
    assert after <= warm * 1.1, f"{warm} kB after the warm-up, {after} kB after {CONNECTIONS} connections"
    assert request(preview.port, "/docs/en/")[0] == 200, "and the server still answers"
