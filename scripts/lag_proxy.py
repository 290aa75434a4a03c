"""A TCP proxy that delays what the server sends: between a Synapse worker and Redis, the
worker learns of what other workers wrote that much later, as a loaded worker does.

Run by scripts/synapse (USHER_SYNAPSE_LAG_MS) with the venv's Python:
    lag_proxy.py LISTEN_PORT TARGET_PORT DELAY_FILE
DELAY_FILE holds the delay in milliseconds; it is read again at most every 100 ms, so a test
can turn the lag on and off while the homeserver runs. Listens on 127.0.0.1 only; standard
library only. What the client sends goes through at once; what the server sends stays in order.
"""
import asyncio
import sys
import time

LISTEN, TARGET, DELAY_FILE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
_delay = {"read": 0.0, "seconds": 0.0}


def delay():
    """The delay in seconds, from DELAY_FILE as last read (0 when it cannot be read)."""
    now = time.monotonic()
    if now - _delay["read"] > 0.1:
        try:
            with open(DELAY_FILE) as f:
                _delay["seconds"] = max(0, int(f.read().strip() or 0)) / 1000.0
        except (OSError, ValueError):
            _delay["seconds"] = 0.0
        _delay["read"] = now
    return _delay["seconds"]


async def pump(reader, writer, delayed):
    """Copies reader to writer, in order; when `delayed`, each chunk delay() after it arrived."""
    chunks = asyncio.Queue()

    async def send():
        while True:
            arrived, data = await chunks.get()
            if data is None:
                break
            wait = arrived + (delay() if delayed else 0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(send())
    try:
        while data := await reader.read(65536):
            chunks.put_nowait((time.monotonic(), data))
    except ConnectionError:
        pass
    chunks.put_nowait((time.monotonic(), None))
    await sender


async def connection(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", TARGET)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pump(client_reader, server_writer, False),
                         pump(server_reader, client_writer, True), return_exceptions=True)


async def main():
    server = await asyncio.start_server(connection, "127.0.0.1", LISTEN)
    async with server:
        await server.serve_forever()


asyncio.run(main())
