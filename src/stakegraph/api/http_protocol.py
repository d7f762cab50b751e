"""uvicorn's httptools protocol, with the writes of one turn of the event loop sent together.

uvicorn writes a response's status line and headers when the app sends
`http.response.start`, and its body when it sends `http.response.body`: two send system
calls and two TCP segments for every answer, each waking the client. Here the connection's
transport keeps what is written during one turn of the loop and sends it at the end of that
turn, in one call: the headers and the body of an answer leave together. Nothing waits
longer than the rest of the turn, and a complete answer not even that (it leaves when its
last byte is written); closing or aborting the connection sends (or drops) what is kept
first. `stakegraph serve` uses it whenever uvicorn's httptools protocol is there.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class CoalescedWrites:
    """A transport that sends what is written in one turn of the loop with one write."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._kept: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if not self._kept:
            self._loop.call_soon(self.flush)
        self._kept.append(bytes(data))

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def flush(self) -> None:
        if self._kept:
            data = self._kept[0] if len(self._kept) == 1 else b"".join(self._kept)
            self._kept.clear()
            self._transport.write(data)

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(map(len, self._kept))

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def abort(self) -> None:
        self._kept.clear()
        self._transport.abort()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class CoalescingHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol on a transport with coalesced writes; an answer leaves
    as soon as its last byte is written (uvicorn then calls `on_response_complete`), not
    after what the app still does in that turn (the access log's line, the middlewares'
    unwinding)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(CoalescedWrites(transport, self.loop))  # type: ignore[arg-type]

    def on_response_complete(self) -> None:
        writes = self.transport
        if isinstance(writes, CoalescedWrites):
            writes.flush()
        super().on_response_complete()
