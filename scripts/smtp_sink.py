"""A local SMTP sink for scripts/sydent: accepts every mail on 127.0.0.1 and writes each to a
file of its own (mail/<time>-<n>.eml), which tests read instead of a mailbox. Nothing is relayed.

    python smtp_sink.py PORT FOLDER
"""
import itertools
import os
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%04d.eml" % (time.time_ns(), next(self.count))
        # Written under a temporary name and renamed, so a reader never sees half a mail.
        partial = os.path.join(self.folder, "." + name)
        with open(partial, "wb") as out:
            out.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            out.write(envelope.original_content or envelope.content)
        os.rename(partial, os.path.join(self.folder, name))
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("smtp sink on 127.0.0.1:%d writing to %s" % (port, folder), flush=True)
    # The controller serves from a thread of its own; this one waits until the process is ended.
    threading.Event().wait()


if __name__ == "__main__":
    main()
