#!/usr/bin/env bash
# Several Tingsted app processes behind nginx, sharing PostgreSQL, Redis and object storage.
#
#   cms/deploy/two_processes.sh [--listen HOST:PORT] [--app-ports PORT,PORT,...] [--workers N]
#                               [--run-dir DIR] [--local-media]
#
# Starts one gunicorn per app port (two by default) with the project's own settings
# (cms/settings.py, read from the environment as always: README.md's table), then nginx in
# the foreground, balancing round robin over them. It stays in the foreground until it is
# stopped (Ctrl-C, SIGTERM) or one of its processes exits, and stops every process it
# started on the way out. Nothing outside a temporary directory is written: nginx runs with
# a configuration generated there (--run-dir to choose it). See docs/deploy.md,
# "Several app processes".
#
# The processes share nothing but the services, so the environment must name shared ones:
# DATABASE_URL=postgres://…, CACHE_URL=redis://…, MEDIA_STORAGE=s3 (and the AWS_ variables).
# --local-media instead keeps media in MEDIA_ROOT on this host's disk, which the processes
# share only because they all run here: for trying the shape or benchmarking it on one
# machine (make bench does), never for app processes on several hosts.
# The release steps (migrate, collectstatic, compile_translations) come first, as for one
# process (docs/deploy.md).
set -euo pipefail

usage() {
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'TEXT'

  --listen HOST:PORT    where nginx listens (default 127.0.0.1:8080)
  --app-ports LIST      one app process per port, on 127.0.0.1 (default 8001,8002)
  --workers N           gunicorn sync workers per app process (default 2)
  --run-dir DIR         nginx's configuration, pid and temporary files (default: a new
                        temporary directory, removed on exit)
  --local-media         media in MEDIA_ROOT on this host (MEDIA_STORAGE=local), nginx
                        serving MEDIA_URL from it except documents/: one host only, so
                        --listen must be a loopback address
TEXT
}

fail() {
    printf 'two_processes.sh: %s\n' "$*" >&2
    exit 1
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LISTEN=127.0.0.1:8080
APP_PORTS=8001,8002
WORKERS=2
RUN_DIR=
LOCAL_MEDIA=
while [ $# -gt 0 ]; do
    case "$1" in
        --listen) LISTEN=${2:?--listen needs HOST:PORT}; shift 2 ;;
        --app-ports) APP_PORTS=${2:?--app-ports needs a comma-separated list of ports}; shift 2 ;;
        --workers) WORKERS=${2:?--workers needs a number}; shift 2 ;;
        --run-dir) RUN_DIR=${2:?--run-dir needs a directory}; shift 2 ;;
        --local-media) LOCAL_MEDIA=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; fail "unknown argument '$1'." ;;
    esac
done

# --- What the shape needs -------------------------------------------------------------------

case "$LISTEN" in
    *:*) LISTEN_PORT=${LISTEN##*:} ;;
    *) fail "--listen must be HOST:PORT, e.g. 127.0.0.1:8080 (got '$LISTEN')." ;;
esac
IFS=, read -r -a PORTS <<<"$APP_PORTS"
[ "${#PORTS[@]}" -ge 1 ] || fail "--app-ports names no port."
for port in "$LISTEN_PORT" "${PORTS[@]}"; do
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
        || fail "'$port' is not a port number."
done
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || fail "--workers must be a positive number (got '$WORKERS')."

PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
    if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi
command -v "$PYTHON" >/dev/null || fail "Python ('$PYTHON') was not found: run 'make install', or set PYTHON to the environment's python."
"$PYTHON" -c 'import gunicorn' 2>/dev/null \
    || fail "gunicorn is not installed for $PYTHON: run 'make install' (requirements.lock pins it)."
# Recent gunicorn (27 in requirements.lock) gives each master a control socket, by default
# the same ~/.gunicorn/gunicorn.ctl for all of them: these masters need none.
GUNICORN_EXTRA=()
if [[ "$("$PYTHON" -m gunicorn --help 2>/dev/null || true)" == *--no-control-socket* ]]; then
    GUNICORN_EXTRA+=(--no-control-socket)
fi
NGINX=$(command -v nginx || true)
[ -n "$NGINX" ] || { [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx; } \
    || fail "nginx is not installed: install Debian's nginx-light (apt-get install -y nginx-light) or nginx."

# Production settings unless told otherwise; cms/settings.py refuses DEBUG=false without a key.
export DEBUG=${DEBUG:-false}
[ -n "${SECRET_KEY:-}" ] || fail "SECRET_KEY is not set: export it (python -c 'import secrets; print(secrets.token_urlsafe(50))'), the same in every process."
[ -n "${ALLOWED_HOSTS:-}" ] || fail "ALLOWED_HOSTS is not set: export the sites' hostnames, comma-separated."
case "${DATABASE_URL:-}" in
    postgres://* | postgresql://* | pgsql://*) ;;
    *) fail "DATABASE_URL must name the PostgreSQL database every process shares (postgres://…); got '${DATABASE_URL%%://*}'." ;;
esac
case "${CACHE_URL:-}" in
    redis://* | rediss://*) ;;
    *) fail "CACHE_URL must name the Redis every process shares (redis://host:6379/1): a per-process cache would keep each process's own answers and rate limits." ;;
esac
# Where nginx listens, without brackets; loopback is where only this host reaches it.
LISTEN_ADDRESS=${LISTEN%:*}
LISTEN_ADDRESS=${LISTEN_ADDRESS//[\[\]]/}
MEDIA_LOCATIONS=
if [ -z "$LOCAL_MEDIA" ]; then
    [ "${MEDIA_STORAGE:-local}" = s3 ] \
        || fail "MEDIA_STORAGE must be s3 (with the AWS_ variables of docs/deploy.md): each process's local disk would hold only its own uploads. To try the shape on this one machine only, --local-media shares MEDIA_ROOT instead."
else
    [ "${MEDIA_STORAGE:-local}" = local ] \
        || fail "--local-media keeps media in MEDIA_ROOT on this host, but MEDIA_STORAGE is '${MEDIA_STORAGE}': leave out one or the other."
    # One host only: processes on other hosts would each write uploads to their own disk.
    # A loopback --listen keeps every other host out; the TLS terminator runs here too.
    case "$LISTEN_ADDRESS" in
        127.* | localhost | ::1) ;;
        *) fail "--local-media is for one host only (MEDIA_ROOT is this machine's disk): --listen must be a loopback address such as 127.0.0.1:8080, not '$LISTEN'. App processes on several hosts need MEDIA_STORAGE=s3 (docs/deploy.md)." ;;
    esac
    MEDIA_ROOT=${MEDIA_ROOT:-$ROOT/var/media}
    MEDIA_URL=${MEDIA_URL:-/media/}
    [[ "$MEDIA_ROOT" == /* && "$MEDIA_ROOT" != *[[:space:]\;\{\}\"\']* ]] \
        || fail "MEDIA_ROOT must be an absolute path without spaces, quotes, ';' or braces for --local-media (got '$MEDIA_ROOT')."
    [ -d "$MEDIA_ROOT" ] || fail "MEDIA_ROOT ($MEDIA_ROOT) is not a directory: create it, or set MEDIA_ROOT to the media directory."
    # nginx serves the public images from the disk as a CDN would from the bucket; documents
    # only ever through Wagtail's view, which checks who may read them (docs/deploy.md).
    if [[ "$MEDIA_URL" =~ ^/[A-Za-z0-9._/-]*/$ && "$MEDIA_URL" != / ]]; then
        MEDIA_LOCATIONS="    location ^~ ${MEDIA_URL}documents/ { return 404; }
    location ^~ $MEDIA_URL { alias ${MEDIA_ROOT%/}/; }
"
    fi
fi
STATIC_MANIFEST="${STATIC_ROOT:-$ROOT/var/static}/staticfiles.json"
case "${DEBUG,,}" in false | f | no | n | off | 0) PRODUCTION=1 ;; *) PRODUCTION= ;; esac
if [ -n "$PRODUCTION" ] && [ ! -f "$STATIC_MANIFEST" ]; then
    fail "$STATIC_MANIFEST is missing: run 'python manage.py collectstatic --noinput' with this environment first (with DEBUG off, pages name their static files by that manifest)."
fi
# nginx appends the client's address to X-Forwarded-For: count that hop for rate limits,
# or every client would be nginx's one address (docs/deploy.md, "Rate limits").
export API_TRUST_X_FORWARDED_FOR=${API_TRUST_X_FORWARDED_FOR:-true}

port_taken() {
    # port_taken PORT [HOST]: something accepts connections there.
    (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}
for port in "${PORTS[@]}"; do
    ! port_taken "$port" || fail "port $port is already in use; choose others with --app-ports."
done
# Where to knock on nginx's port: its address, or loopback when it listens on all of them.
LISTEN_HOST=$LISTEN_ADDRESS
case "$LISTEN_HOST" in 0.0.0.0 | "*" | "::" | "") LISTEN_HOST=127.0.0.1 ;; esac
! port_taken "$LISTEN_PORT" "$LISTEN_HOST" \
    || fail "port $LISTEN_PORT is already in use; choose another with --listen."

# --- Start, and stop everything on the way out ------------------------------------------------

if [ -z "$RUN_DIR" ]; then
    RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tingsted-shape.XXXXXX")
    REMOVE_RUN_DIR=1
else
    mkdir -p "$RUN_DIR"
    REMOVE_RUN_DIR=
fi
# nginx's workers run as an unprivileged user when started as root: they must reach the
# temporary directories nginx makes here (request bodies of uploads, buffered answers).
chmod 755 "$RUN_DIR"

CHILDREN=()
stop_children() {
    local status=$?
    trap - EXIT INT TERM
    for pid in "${CHILDREN[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${CHILDREN[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    [ -z "$REMOVE_RUN_DIR" ] || rm -rf "$RUN_DIR"
    exit "$status"
}
trap stop_children EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

wait_for_port() {
    # wait_for_port PORT PID NAME [HOST]: until PORT accepts connections; fail if PID exits first.
    local deadline=$((SECONDS + 120))
    until port_taken "$1" "${4:-127.0.0.1}"; do
        kill -0 "$2" 2>/dev/null || fail "$3 exited before it answered on port $1 (its messages are above)."
        [ "$SECONDS" -lt "$deadline" ] || fail "$3 did not answer on port $1 within 120 s."
        sleep 0.2
    done
}

UPSTREAMS=
cd "$ROOT"
for port in "${PORTS[@]}"; do
    # --preload: the settings are read once in gunicorn's master, so a configuration error
    # stops it at once with Django's sentence, and workers fork from the loaded app.
    "$PYTHON" -m gunicorn cms.wsgi:application \
        --bind "127.0.0.1:$port" --workers "$WORKERS" --worker-class sync --preload \
        "${GUNICORN_EXTRA[@]}" \
        --timeout 60 --graceful-timeout 10 --error-logfile - --log-level warning \
        --name "tingsted-app-$port" &
    CHILDREN+=($!)
    UPSTREAMS+="    server 127.0.0.1:$port;"$'\n'
done

cat >"$RUN_DIR/nginx.conf" <<NGINX
daemon off;
master_process on;
worker_processes auto;
pid $RUN_DIR/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $RUN_DIR/body;
  proxy_temp_path $RUN_DIR/proxy;
  fastcgi_temp_path $RUN_DIR/fastcgi;
  uwsgi_temp_path $RUN_DIR/uwsgi;
  scgi_temp_path $RUN_DIR/scgi;
  # A little above the largest upload the admin accepts (WAGTAILDOCS_MAX_UPLOAD_SIZE).
  client_max_body_size 25m;
  # The scheme the client used: the TLS terminator's X-Forwarded-Proto when one sits in
  # front, else nginx's own. Django trusts it (SECURE_PROXY_SSL_HEADER) with DEBUG off.
  map \$http_x_forwarded_proto \$tingsted_proto {
    default \$http_x_forwarded_proto;
    "" \$scheme;
  }
  # Round robin, the default: each request to the next process.
  upstream tingsted {
$UPSTREAMS  }
  server {
    listen $LISTEN;
$MEDIA_LOCATIONS    location / {
      proxy_pass http://tingsted;
      # The Host the client asked for: Wagtail picks the site (and language) by it.
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$tingsted_proto;
      proxy_read_timeout 65s;
    }
  }
}
NGINX
"$NGINX" -t -q -e stderr -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" \
    || fail "nginx refused the generated configuration $RUN_DIR/nginx.conf (see above)."

for index in "${!PORTS[@]}"; do
    wait_for_port "${PORTS[$index]}" "${CHILDREN[$index]}" "gunicorn on port ${PORTS[$index]}"
done
"$NGINX" -e stderr -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" &
CHILDREN+=($!)
wait_for_port "$LISTEN_PORT" "$!" "nginx" "$LISTEN_HOST"

printf 'Tingsted is serving on http://%s/ (nginx) over %d app processes: %s\n' \
    "$LISTEN" "${#PORTS[@]}" "$(printf '127.0.0.1:%s ' "${PORTS[@]}")"
[ -z "$LOCAL_MEDIA" ] \
    || printf 'Media: %s on this host (--local-media: one host only, not for several).\n' "$MEDIA_ROOT"

# Until one of them exits: then the shape is broken, and the rest are stopped too.
set +e
wait -n "${CHILDREN[@]}"
status=$?
set -e
printf 'two_processes.sh: a process exited (status %d); stopping the others.\n' "$status" >&2
exit 1
