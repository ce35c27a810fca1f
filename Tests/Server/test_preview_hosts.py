"""`spinesite serve` answers only requests that name it: a page of another site that points a
name of its own at 127.0.0.1 (DNS rebinding) must not read drafts, warnings or file paths."""
import socket

from conftest import Preview, request

PATHS = [
    "/docs/en/", "/docs/en/no-such-page/", "/__spinesite/warnings?page=/docs/en/", "/__spinesite/events",
    "/__spinesite/live-reload.js",
]


def assert_refused(status, headers, body, what, because=b"refused a request for host"):
    assert status == 403, what
    assert because in body, what
    assert headers["content-type"] == "text/plain; charset=utf-8", what
    assert b"DNS rebinding" in body and b"--host" in body, what
    assert b"<" not in body and b"Content/" not in body, f"nothing of the site: {what}"


def raw_request(port, head):
    """`head` sent as written (no Host added), the connection closed by the server after answering;
    returns (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(head.encode())
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    header_block, _, body = answer.partition(b"\r\n\r\n")
    status_line, *fields = header_block.decode().split("\r\n")
    headers = {name.lower(): value.strip() for name, value in (field.split(":", 1) for field in fields)}
    return int(status_line.split()[1]), headers, body


def test_the_names_of_this_computer_with_the_port_are_answered(preview):
    port = preview.port
    for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}", f"[::1]:{port}"]:
        assert request(port, "/docs/en/", headers={"Host": host})[0] == 200, host
        assert request(port, "/__spinesite/warnings?page=/docs/en/", headers={"Host": host})[0] == 200, host


def test_other_hosts_are_refused_everywhere(preview):
    port = preview.port
    for host in [
        f"rebind.example:{port}", "rebind.example", f"127.0.0.1.rebind.example:{port}", f"localhost.:{port}",
        f"127.0.0.1:{port + 1}", "127.0.0.1", "[::1]", f"::1:{port}", f"127.0.0.1:{port}@rebind.example", "",
    ]:
        for path in PATHS:
            assert_refused(*request(port, path, headers={"Host": host}), f"{host!r} {path}")


def test_a_request_without_one_host_is_refused(preview):
    port = preview.port
    for path in PATHS:
        assert_refused(*raw_request(port, f"GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n"), f"no Host {path}",
                       because=b"without a Host header")
        twice = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: rebind.example:{port}\r\nConnection: close\r\n\r\n"
        assert_refused(*raw_request(port, twice), f"two Hosts {path}", because=b"with more than one Host header")


def test_the_address_given_with_host_is_answered():
    server = Preview("Tests/Fixtures/basic", arguments=["--host", "127.0.0.2"])
    try:
        port = server.port
        for host in [f"127.0.0.2:{port}", f"localhost:{port}"]:
            assert request(port, "/docs/en/", headers={"Host": host}, address="127.0.0.2")[0] == 200, host
        assert_refused(*request(port, "/docs/en/", headers={"Host": f"rebind.example:{port}"}, address="127.0.0.2"),
                       "a name that is not the --host one")
    finally:
        server.close()


def test_listening_on_every_address_answers_its_ip_addresses_but_no_other_name():
    """With --host 0.0.0.0 other devices use this computer's IP address, which no rebinding page
    can put in Host; a name still has to be one the preview knows."""
    server = Preview("Tests/Fixtures/basic", arguments=["--host", "0.0.0.0"])
    try:
        port = server.port
        for host in [f"127.0.0.1:{port}", f"127.0.0.3:{port}", f"[::ffff:7f00:1]:{port}", f"localhost:{port}"]:
            assert request(port, "/docs/en/", headers={"Host": host})[0] == 200, host
        for host in [f"rebind.example:{port}", f"127.0.0.1.nip.io:{port}", f"127.1:{port}", f"[::1:{port}"]:
            assert_refused(*request(port, "/docs/en/", headers={"Host": host}), host)
    finally:
        server.close()
