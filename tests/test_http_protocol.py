"""api/http_protocol.py: the writes of one turn of the loop leave in one send, and a real
`stakegraph serve` answers through it, several requests on one connection."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx
import neo4j
from uvicorn.config import Config
from uvicorn.server import ServerState

from stakegraph.api.http_protocol import CoalescedWrites, CoalescingHttpTools
from stakegraph.config import Neo4jSettings
from tests.gql import serve_process


class Recording:
    """A transport that records what it is asked to send."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.closed = self.aborted = False

    def write(self, data: bytes) -> None:
        self.sent.append(data)

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = True

    def get_write_buffer_size(self) -> int:
        return 0

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return f"extra {name}"


def test_one_turn_of_writes_is_one_send_and_close_sends_first() -> None:
    async def run() -> Recording:
        recording = Recording()
        coalesced = CoalescedWrites(recording, asyncio.get_running_loop())  # type: ignore[arg-type]
        coalesced.write(b"HTTP/1.1 200 OK\r\n\r\n")
        coalesced.write(b"")
        coalesced.write(bytearray(b"body"))
        assert recording.sent == [], "nothing leaves before the turn ends"
        assert coalesced.get_write_buffer_size() == 23
        assert coalesced.get_extra_info("peername") == "extra peername"  # the rest: as is
        await asyncio.sleep(0)
        assert recording.sent == [b"HTTP/1.1 200 OK\r\n\r\nbody"]
        coalesced.write(b"last")
        coalesced.close()
        assert recording.sent[-1] == b"last" and recording.closed
        await asyncio.sleep(0)
        assert len(recording.sent) == 2, "a close sends what is kept, once"
        coalesced.write(b"never")
        coalesced.abort()
        await asyncio.sleep(0)
        assert recording.aborted and recording.sent[-1] == b"last"
        return recording

    asyncio.run(run())


def test_serve_answers_several_requests_on_one_connection(
    db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    with serve_process(env={"STAKEGRAPH_API_KEYS": "", "STAKEGRAPH_WARM_UP": "false"}) as (_, url):
        tags = [f"tag-{i:05}" for i in range(9000)]  # an answer of ~110 KB
        db.execute_query("CREATE (:Stakeholder:Person {id: 'p', name: 'P', tags: $t})", t=tags)
        with httpx.Client(base_url=url) as client:  # one kept-alive connection
            for _ in range(3):
                answer = client.post(
                    "/graphql", json={"query": '{ stakeholder(id: "p") { name tags } }'}
                )
                assert answer.status_code == 200
                assert answer.json() == {"data": {"stakeholder": {"name": "P", "tags": tags}}}
                refused = client.post("/graphql", content=b"{not json")
                assert refused.status_code == 400
                assert client.get("/health").json() == {"status": "ok"}
        # A client that says `Connection: close` gets the whole answer, then the close.
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            received = b""
            while chunk := raw.recv(65536):
                received += chunk
        assert received.startswith(b"HTTP/1.1 200 OK\r\n")
        assert received.endswith(b'{"status":"ok"}')


class Connection(Recording):
    """A connection's transport, as uvicorn's protocol asks it."""

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(name)

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def test_a_complete_answer_leaves_before_the_app_returns() -> None:
    seen_by_the_app: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        headers = [(b"content-length", b"5")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"whole"})
        seen_by_the_app.extend(connection.sent)  # what had left when the app went on

    async def run() -> None:
        config = Config(app=app, log_level="warning")
        config.load()
        loop = asyncio.get_running_loop()
        protocol = CoalescingHttpTools(
            config=config, server_state=ServerState(), app_state={}, _loop=loop
        )
        protocol.connection_made(connection)  # type: ignore[arg-type]
        protocol.data_received(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await asyncio.sleep(0.1)
        protocol.connection_lost(None)

    connection = Connection()
    asyncio.run(run())
    assert len(seen_by_the_app) == 1, "headers and body in one send, before the app went on"
    assert seen_by_the_app[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert seen_by_the_app[0].endswith(b"\r\n\r\nwhole")
