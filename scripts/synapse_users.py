"""Makes the local Synapse's admin and bot users, exempts the bot from rate limits, writes tokens.

Run by scripts/synapse with the venv's Python: synapse_users.py URL DATA_DIR.
Idempotent: a user that exists is logged in; a token that still works is kept.
Uses only the standard library so it needs nothing beyond Synapse's own venv.
"""
import hashlib
import hmac
import json
import os
import sys
import urllib.error
import urllib.request

URL, DATA = sys.argv[1], sys.argv[2]
SECRET = open(os.path.join(DATA, "secret")).read().strip()
# localpart -> server admin. The bot is an admin so `usher onboard` can create attendee accounts
# through the admin API; admin rights do not lift its rate limits (override_ratelimit does).
USERS = {"admin": True, "bot": True}
PASSWORD_FILE = os.path.join(DATA, "passwords.json")


def call(method, path, body=None, token=None):
    req = urllib.request.Request(URL + path, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    data = json.dumps(body).encode() if body is not None else None
    try:
        with urllib.request.urlopen(req, data, timeout=30) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as err:
        return err.code, json.load(err)


def register(localpart, password, admin):
    _, nonce = call("GET", "/_synapse/admin/v1/register")
    kind = "admin" if admin else "notadmin"
    # The MAC covers the fields separated by NUL, with no trailing NUL.
    mac = hmac.new(SECRET.encode(), digestmod=hashlib.sha1)
    mac.update(b"\x00".join(p.encode() for p in (nonce["nonce"], localpart, password, kind)))
    body = {"nonce": nonce["nonce"], "username": localpart, "password": password,
            "admin": admin, "mac": mac.hexdigest()}
    return call("POST", "/_synapse/admin/v1/register", body)


def login(localpart, password):
    return call("POST", "/_matrix/client/v3/login", {
        "type": "m.login.password", "identifier": {"type": "m.id.user", "user": localpart},
        "password": password, "initial_device_display_name": "usher-local"})


def token_for(localpart, admin, passwords, old_tokens):
    old = old_tokens.get(localpart)
    if old and call("GET", "/_matrix/client/v3/account/whoami", token=old)[0] == 200:
        return old
    password = passwords.setdefault(localpart, os.urandom(16).hex())
    status, body = register(localpart, password, admin)
    if status == 200:
        return body["access_token"]
    if body.get("errcode") != "M_USER_IN_USE":
        sys.exit(f"registering @{localpart}:localhost failed: {status} {body}")
    status, body = login(localpart, password)
    if status != 200:
        sys.exit(f"@{localpart}:localhost exists but login failed: {status} {body.get('errcode')}")
    return body["access_token"]


def main():
    passwords = json.load(open(PASSWORD_FILE)) if os.path.exists(PASSWORD_FILE) else {}
    old_tokens = {}
    env = os.path.join(DATA, "tokens.env")
    if os.path.exists(env):
        for line in open(env):
            key, _, value = line.strip().partition("=")
            if key.endswith("_TOKEN"):
                old_tokens[key[:-6].lower()] = value
    tokens = {lp: token_for(lp, admin, passwords, old_tokens) for lp, admin in USERS.items()}
    with open(PASSWORD_FILE, "w") as out:
        json.dump(passwords, out)
    status, body = call("POST", "/_synapse/admin/v1/users/@bot:localhost/override_ratelimit",
                        {"messages_per_second": 0, "burst_count": 0}, token=tokens["admin"])
    if status != 200:
        sys.exit(f"override_ratelimit for @bot:localhost failed: {status} {body}")
    # A bot registered by an older version of this script is not an admin yet.
    status, body = call("PUT", "/_synapse/admin/v2/users/@bot:localhost", {"admin": True},
                        token=tokens["admin"])
    if status not in (200, 201):
        sys.exit(f"making @bot:localhost a server admin failed: {status} {body}")
    with open(env, "w") as out:
        out.write(f"HOMESERVER_URL={URL}\n")
        for lp, tok in tokens.items():
            out.write(f"{lp.upper()}_USER=@{lp}:localhost\n{lp.upper()}_TOKEN={tok}\n")
    with open(os.path.join(DATA, "bot.token"), "w") as out:
        out.write(tokens["bot"] + "\n")
    os.chmod(env, 0o600)
    os.chmod(os.path.join(DATA, "bot.token"), 0o600)


main()
