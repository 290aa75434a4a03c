"""A TCP proxy that delays what the server sends by a fixed time: between a Synapse worker and
Redis, the worker learns of what other workers wrote that much later, as a loaded worker does.

Run by scripts/synapse (USHER_SYNAPSE_LAG_MS) with the venv's Python:
    lag_proxy.py LISTEN_PORT TARGET_PORT DELAY_MS
Listens on 127.0.0.1 only; standard library only. What the client sends goes through at once.
"""
import asyncio
import sys
import time

LISTEN, TARGET, DELAY = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000.0


async def pump(reader, writer, delay):
    """Copies reader to writer, each chunk `delay` seconds after it arrived, in order."""
    chunks = asyncio.Queue()

    async def send():
        while True:
            arrived, data = await chunks.get()
            if data is None:
                break
            wait = arrived + delay - time.monotonic()
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
    await asyncio.gather(pump(client_reader, server_writer, 0),
                         pump(server_reader, client_writer, DELAY), return_exceptions=True)


async def main():
    server = await asyncio.start_server(connection, "127.0.0.1", LISTEN)
    async with server:
        await server.serve_forever()


asyncio.run(main())
