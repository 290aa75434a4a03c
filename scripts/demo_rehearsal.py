"""Says what scripts/demo's rehearsal did, and checks it did it: exit 1 unless a talk went live
(its "now live" notice in its track room) and a talk room became a public hallway.

Run by scripts/demo: demo_rehearsal.py RUN_LOG ROOMS_JSON URL TOKEN_FILE ZONE
RUN_LOG is the output of `usher run` (its "phase handled" lines), ROOMS_JSON what `usher export`
wrote after it. Uses only the standard library.
"""
import json
import re
import sys
import urllib.parse
import urllib.request
from datetime import datetime, timezone

LOG, ROOMS, URL, TOKEN_FILE, ZONE = sys.argv[1:6]
HANDLED = re.compile(r"phase handled: (?:(rehearsal-[^/ ]+)/)?([^/ ]+)/([a-z_]+)/(\d+) (\w+)")
TOKEN = open(TOKEN_FILE).read().strip()
try:
    from zoneinfo import ZoneInfo
    zone = ZoneInfo(ZONE)
except Exception:  # no tz database: say it in UTC
    zone, ZONE = timezone.utc, "UTC"


def get(path):
    req = urllib.request.Request(URL + path, headers={"Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def local(epoch):
    return datetime.fromtimestamp(int(epoch), zone).strftime("%H:%M")


lines = open(LOG, encoding="utf-8").read().splitlines()
phases = [m.groups() for m in map(HANDLED.search, lines) if m]
errors = [line for line in lines if "Error: " in line or " ERROR " in line]
rooms = json.load(open(ROOMS, encoding="utf-8"))["rooms"]
talks = {r["talk_id"]: r for r in rooms if r["kind"] == "talk"}
track_rooms = {r["track_id"]: r for r in rooms if r["kind"] == "track"}
title = lambda talk: "%s “%s”" % (talk, talks[talk]["title"] if talk in talks else "?")

sent = [p for p in phases if p[4] == "sent"]
skipped = [p for p in phases if p[4] == "skipped"]
running = [line for line in lines if line.startswith(("Running ", "Stopping at "))]
print("\n".join(running))
if sent:
    print("Phases announced (%s):" % ZONE)
for rehearsal, talk, phase, at, status in sent:
    what = {"start": " — live, announced in its track room",
            "end": " — its talk room is now the hallway"}.get(phase, "")
    print("  %s  %-11s %s%s" % (local(at), phase, title(talk), what))
if skipped:
    print("  (%d earlier phases skipped: due more than the grace before --at, as for a bot"
          " started late)" % len(skipped))

problems = list(errors)
live = [p for p in sent if p[2] == "start"]
ended = [p for p in sent if p[2] == "end"]
if not live:
    problems.append("no talk went live during the rehearsal")
if not ended:
    problems.append("no talk ended during the rehearsal")
for rehearsal, talk, phase, at, status in live[:1]:
    room = track_rooms[talks[talk]["track_id"]]
    events = get("/_matrix/client/v3/rooms/%s/messages?dir=b&limit=50"
                 % urllib.parse.quote(room["room_id"]))["chunk"]
    marks = [e.get("content", {}).get("io.usher.announcement", {}) for e in events]
    if not any(m.get("talk") == talk and m.get("phase") == "start"
               and m.get("rehearsal") == rehearsal for m in marks):
        problems.append("no “now live” notice of %s in %s" % (talk, room["alias"]))
    print("Open %s (the track room): “Now live: %s”" % (room["alias"], talks[talk]["title"]))
for rehearsal, talk, phase, at, status in ended[:1]:
    room = talks[talk]
    rule = get("/_matrix/client/v3/rooms/%s/state/m.room.join_rules"
               % urllib.parse.quote(room["room_id"])).get("join_rule")
    if rule != "public":
        problems.append("%s is not public after its talk ended (join rule %s)"
                        % (room["alias"], rule))
    print("Open %s: the hallway of %s, public since %s" % (room["alias"], title(talk),
                                                          local(at)))
if problems:
    print("The rehearsal did not do what it should:\n  " + "\n  ".join(problems),
          file=sys.stderr)
    sys.exit(1)
