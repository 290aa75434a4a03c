# shellcheck shell=bash
# Sourced by scripts/synapse when USHER_SYNAPSE_WORKERS=1: Synapse split into workers as big
# events run it (https://element-hq.github.io/synapse/latest/workers.html), all on 127.0.0.1.
#   $port        nginx, the only address clients use; it routes each request (below)
#   $port + 1    the main process: client API (admin, account data, everything not routed)
#   $port + 2    the main process's replication listener
#   $port + 3    persister1, the event persister (stream_writers.events), replication only
#   $port + 4    reader1, a generic worker for client reads (/sync, /messages, state, members)
#   $port + 5    writer1, a generic worker for room creation, sends, state events, membership
#   $port + 6    Redis, which carries the replication streams between the processes
#   $port + 7    with USHER_SYNAPSE_LAG_MS set: reader1's way to Redis, delayed by that many
#                ms (scripts/lag_proxy.py), so reads lag behind writes as on a loaded server;
#                the delay is read from $data/lag_ms, which a test may change while it runs
# The database is PostgreSQL from scripts/postgres (a database of its own per data folder).

main_replication=$((port + 2))
persister_replication=$((port + 3))
reader_port=$((port + 4))
writer_port=$((port + 5))
redis_port=$((port + 6))
lag_port=$((port + 7))
lag_ms="${USHER_SYNAPSE_LAG_MS:-}"
postgres_data="${USHER_POSTGRES_DATA:-$state/postgres}"
case "$postgres_data" in /*) ;; *) postgres_data="$root/$postgres_data" ;; esac
# One database per data folder, so scripts/bench's fresh one leaves the tests' alone.
synapse_database="synapse_$(basename "$data" | tr '-' '_' | tr -cd 'a-z0-9_')"

# Debian's redis-server and nginx, Synapse's PostgreSQL driver and Redis client in its venv,
# and Synapse's database.
workers_install() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian's ${missing[*]} (first time only)"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    # The packages' own services listen on every address (nginx on :80): not ours, stopped.
    for service in nginx redis-server; do
      $sudo service "$service" stop >/dev/null 2>&1 || true
    done
  fi
  if ! "$venv/bin/python" -c "import psycopg2, txredisapi, hiredis" 2>/dev/null; then
    log "installing Synapse's PostgreSQL and Redis support into $venv (first time only)"
    "$venv/bin/pip" install -q --disable-pip-version-check "matrix-synapse[redis]==$synapse_version" \
      psycopg2-binary
  fi
  "$root/scripts/postgres" database "$synapse_database"
}

workers_database_yaml() {
  local pg_port
  pg_port=$(sed -n 's|^USHER_POSTGRES_URL=jdbc:postgresql://127.0.0.1:\([0-9]*\)/.*|\1|p' \
    "$postgres_data/env")
  cat <<YAML
database:
  name: psycopg2
  args:
    user: usher
    password: "$(cat "$postgres_data/password")"
    dbname: $synapse_database
    host: 127.0.0.1
    port: $pg_port
    cp_min: 2
    cp_max: 10
YAML
}

# The main process's part of homeserver.yaml: its replication listener, the workers, Redis.
workers_main_yaml() {
  cat <<YAML
  - port: $main_replication
    bind_addresses: ["127.0.0.1"]
    type: http
    resources:
      - names: [replication]
instance_map:
  main: {host: 127.0.0.1, port: $main_replication}
  persister1: {host: 127.0.0.1, port: $persister_replication}
stream_writers:
  events: [persister1]
redis:
  enabled: true
  host: 127.0.0.1
  port: $redis_port
YAML
}

# The workers' files, their logging, and nginx's configuration.
workers_configure() {
  mkdir -p "$data/workers" "$data/nginx/tmp"
  worker_yaml persister1 "$persister_replication" replication > "$data/workers/persister1.yaml"
  worker_yaml reader1 "$reader_port" client > "$data/workers/reader1.yaml"
  if [ -n "$lag_ms" ]; then
    printf 'redis:\n  enabled: true\n  host: 127.0.0.1\n  port: %s\n' "$lag_port" \
      >> "$data/workers/reader1.yaml"
  fi
  worker_yaml writer1 "$writer_port" client > "$data/workers/writer1.yaml"
  for name in persister1 reader1 writer1; do log_config "$name" > "$data/log-$name.config"; done
  nginx_conf > "$data/nginx/nginx.conf"
  # Started as root, nginx's workers run as nobody: their temporary files must be theirs.
  if [ "$(id -u)" -eq 0 ]; then chown -R nobody "$data/nginx/tmp"; fi
}

# worker_yaml NAME PORT RESOURCE: a generic worker with one HTTP listener.
worker_yaml() {
  cat <<YAML
worker_app: synapse.app.generic_worker
worker_name: $1
worker_listeners:
  - type: http
    port: $2
    bind_addresses: ["127.0.0.1"]
    x_forwarded: true
    resources:
      - names: [$3]
worker_log_config: "$data/log-$1.config"
YAML
}

# Routing from Synapse's worker documentation (docs/workers.md): the generic worker's
# endpoints, reads to reader1 and writes to writer1; /messages of a room always to one
# instance (reader1); account data writes, the admin API and the rest to the main process.
nginx_conf() {
  cat <<NGINX
worker_processes 1;
error_log $data/nginx/error.log warn;
pid $data/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  # Which process answered each request: the proof that the routing is what it says.
  log_format routed '\$request_method \$uri \$upstream_addr \$status';
  access_log $data/nginx/access.log routed;
  client_body_temp_path $data/nginx/tmp/body;
  proxy_temp_path $data/nginx/tmp/proxy;
  fastcgi_temp_path $data/nginx/tmp/fastcgi;
  uwsgi_temp_path $data/nginx/tmp/uwsgi;
  scgi_temp_path $data/nginx/tmp/scgi;
  client_max_body_size 50M;
  client_body_buffer_size 1m;
  upstream main { server 127.0.0.1:$main_port; }
  upstream reader1 { server 127.0.0.1:$reader_port; }
  upstream writer1 { server 127.0.0.1:$writer_port; }
  # A room's state: read on the reader, written on the writer.
  map \$request_method \$state_worker { GET reader1; HEAD reader1; default writer1; }
  server {
    listen 127.0.0.1:$port;
    proxy_http_version 1.1;
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$remote_addr;
    proxy_set_header X-Forwarded-Proto http;
    proxy_read_timeout 600s;
    proxy_buffering off;
    location ~ ^/_matrix/client/(r0|v3)/sync$ { proxy_pass http://reader1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/rooms/[^/]+/(messages|members|joined_members|context/.*|event/.*)$ { proxy_pass http://reader1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/rooms/[^/]+/state$ { proxy_pass http://reader1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/rooms/[^/]+/state/ { proxy_pass http://\$state_worker; }
    location ~ ^/_matrix/client/v1/rooms/[^/]+/hierarchy$ { proxy_pass http://reader1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/(joined_rooms|publicRooms)$ { proxy_pass http://reader1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/directory/room/ { proxy_pass http://reader1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/createRoom$ { proxy_pass http://writer1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/rooms/[^/]+/(send|redact)/ { proxy_pass http://writer1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/rooms/[^/]+/(join|invite|leave|ban|unban|kick)$ { proxy_pass http://writer1; }
    location ~ ^/_matrix/client/(api/v1|r0|v3|unstable)/(join|knock)/ { proxy_pass http://writer1; }
    location / { proxy_pass http://main; }
  }
}
NGINX
}

# Redis, before the main process.
workers_before_main() {
  if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --save "" \
      --appendonly no --dir "$data" --pidfile "$data/redis.pid" --logfile "$data/redis.log"
    for _ in $(seq 1 40); do
      redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
      sleep 0.25
    done
  fi
}

# The workers, then nginx in front of them all.
workers_after_main() {
  if [ -n "$lag_ms" ]; then
    log "reader1 hears of writes $lag_ms ms late (USHER_SYNAPSE_LAG_MS; now in $data/lag_ms)"
    echo "$lag_ms" > "$data/lag_ms"
    ( exec nohup "$venv/bin/python" "$root/scripts/lag_proxy.py" "$lag_port" "$redis_port" \
        "$data/lag_ms" > "$data/lag-proxy.log" 2>&1 ) &
    echo $! > "$data/lag-proxy.pid"
  fi
  launch persister1 synapse.app.generic_worker "http://127.0.0.1:$persister_replication/health" \
    "$data/workers/persister1.yaml"
  launch reader1 synapse.app.generic_worker "http://127.0.0.1:$reader_port/health" \
    "$data/workers/reader1.yaml"
  launch writer1 synapse.app.generic_worker "http://127.0.0.1:$writer_port/health" \
    "$data/workers/writer1.yaml"
  if [ -f "$data/nginx/nginx.pid" ] && kill -0 "$(cat "$data/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$data/nginx" -c "$data/nginx/nginx.conf" -s reload
  else
    nginx -p "$data/nginx" -c "$data/nginx/nginx.conf"
  fi
  for _ in $(seq 1 40); do answers && break; sleep 0.25; done
}

workers_stop() {
  if [ -f "$data/nginx/nginx.pid" ] && kill -0 "$(cat "$data/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$data/nginx" -c "$data/nginx/nginx.conf" -s stop 2>/dev/null || true
  fi
  redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  if [ -f "$data/lag-proxy.pid" ]; then
    kill "$(cat "$data/lag-proxy.pid")" 2>/dev/null || true
    rm -f "$data/lag-proxy.pid"
  fi
}
