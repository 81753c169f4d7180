#!/usr/bin/env bash
# `make production-check`: the recipe of deploy/README.md, run on this machine and checked.
#
# Brings up Debian's nginx (TLS on :8443, redirect on :8080) in front of gunicorn (production settings)
# with PostgreSQL and Redis on 127.0.0.1, migrates a fresh database, collects static files, creates some
# content (deploy/check/fixtures.py) and runs the smoke checks (deploy/check/test_smoke.py): headers,
# private documents, static and media, /healthz, the traffic and sign-in logs, Redis down, backup/restore
# and one browser journey. No systemd needed. Everything started here is stopped on exit, even on failure;
# every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PY="${PY:-$ROOT/.venv/bin/python}"
BIN="$(dirname "$PY")"
HTTPS_PORT="${CHECK_HTTPS_PORT:-8443}"
HTTP_PORT="${CHECK_HTTP_PORT:-8080}"
APP_PORT="${CHECK_APP_PORT:-8001}"
NOREDIS_PORT="${CHECK_NOREDIS_PORT:-8002}"
PURGE_PORT="${CHECK_PURGE_PORT:-8081}"
REDIS_DB="${CHECK_REDIS_DB:-13}"
DB_NAME="${CHECK_DB_NAME:-hodsite_production_check}"
SUDO=""; [ "$(id -u)" = "0" ] || SUDO=sudo

say() { printf '\n== %s\n' "$*"; }

# --- System packages (Debian) ------------------------------------------------------------------------
# The page micro-cache's purge (deploy/nginx/hodsite.conf) needs Debian's cache-purge module.
PURGE_MODULE=/usr/lib/nginx/modules/ngx_http_cache_purge_module.so
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null || [ ! -f "$PURGE_MODULE" ]; then
    say "Installing nginx, its cache-purge module and openssl (apt)"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light libnginx-mod-http-cache-purge openssl >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

WORK="$(mktemp -d /tmp/hodsite-production-check.XXXXXX)"
PIDS=()
cleanup() {
    status=$?
    set +e
    if [ -f "$WORK/nginx.pid" ]; then "$NGINX" -e "$WORK/logs/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf" -s quit 2>/dev/null; fi
    # Each gunicorn runs in its own process group (setsid): the master and all its workers stop together.
    for pid in "${PIDS[@]}"; do kill -INT -- "-$pid" 2>/dev/null; done
    for _ in $(seq 1 100); do
        alive=0
        for pid in "${PIDS[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.2
    done
    for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
    if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; fi
    timeout 120 psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1
    if [ "$status" = 0 ]; then
        rm -rf "$WORK"
        say "production-check passed"
    else
        say "production-check FAILED (exit $status); logs kept in $WORK (gunicorn*.log, logs/)"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_until() {  # wait_until SECONDS DESCRIPTION COMMAND...
    local seconds=$1 what=$2; shift 2
    for _ in $(seq 1 $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "timed out after ${seconds}s waiting for $what" >&2
    return 1
}

# --- PostgreSQL and Redis on this machine ------------------------------------------------------------
say "PostgreSQL and Redis"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi
wait_until 30 PostgreSQL pg_isready -h 127.0.0.1 -p 5432 -q
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
wait_until 15 Redis redis-cli -h 127.0.0.1 -p 6379 ping
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
# CHECK_DB_TEMPLATE: start from a copy of an already migrated database (saves minutes while iterating on the
# checks themselves; CI always starts empty).
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB_NAME${CHECK_DB_TEMPLATE:+ TEMPLATE $CHECK_DB_TEMPLATE}" >/dev/null

# --- The environment file an operator writes (deploy/hodsite.env.example) ----------------------------
mkdir -p "$WORK"/{media,private,static,logs,run,tls,nginx-tmp,nginx-cache}
export DJANGO_SETTINGS_MODULE=hodsite.settings.production
export SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB_NAME"
export REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
# Publications purge nginx's page micro-cache through its purge listener (home/frontend_cache.py).
export FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:$PURGE_PORT"
export CHECK_HTTPS_PORT="$HTTPS_PORT"
export WAGTAILADMIN_BASE_URL="https://127.0.0.1:$HTTPS_PORT"
export CSRF_TRUSTED_ORIGINS="https://127.0.0.1:$HTTPS_PORT"
export MEDIA_ROOT="$WORK/media" COMPLAINTS_PRIVATE_ROOT="$WORK/private" STATIC_ROOT="$WORK/static"
export TRAFFIC_LOG_DIR="$WORK/logs" OPERATIONS_STATE_DIR="$WORK/run"
export ADMINS=it@example.com
export CHECK_ADMIN_PASSWORD="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(16))')"
export CHECK_FIXTURES="$WORK/fixtures.json"
redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null

say "check --deploy, migrate, collectstatic, content"
"$PY" manage.py check --deploy --fail-level WARNING
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
"$PY" manage.py shell -c "exec(open('deploy/check/fixtures.py').read())"

# --- gunicorn (deploy/gunicorn.conf.py), and a second one whose Redis is gone ------------------------
say "gunicorn on 127.0.0.1:$APP_PORT (and :$NOREDIS_PORT with Redis unreachable)"
GUNICORN_BIND="127.0.0.1:$APP_PORT" GUNICORN_WORKERS=2 setsid "$BIN/gunicorn" -c deploy/gunicorn.conf.py \
    >"$WORK/gunicorn.log" 2>&1 &
PIDS+=($!)
dead_port="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
REDIS_URL="redis://127.0.0.1:$dead_port/0" GUNICORN_BIND="127.0.0.1:$NOREDIS_PORT" GUNICORN_WORKERS=1 \
    setsid "$BIN/gunicorn" -c deploy/gunicorn.conf.py >"$WORK/gunicorn-noredis.log" 2>&1 &
PIDS+=($!)
wait_until 60 gunicorn curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/healthz"
wait_until 60 "the second gunicorn" curl -s -o /dev/null "http://127.0.0.1:$NOREDIS_PORT/healthz"

# --- nginx with the site config operators install, paths filled in ----------------------------------
say "nginx on :$HTTPS_PORT (TLS) and :$HTTP_PORT"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -keyout "$WORK/tls/key.pem" -out "$WORK/tls/cert.pem" >/dev/null 2>&1
SERVER_NAME="127.0.0.1 localhost" UPSTREAM="127.0.0.1:$APP_PORT" HTTP_PORT="$HTTP_PORT" HTTPS_PORT="$HTTPS_PORT" \
    TLS_CERT="$WORK/tls/cert.pem" TLS_KEY="$WORK/tls/key.pem" STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media" \
    LOG_DIR="$WORK/logs" CACHE_DIR="$WORK/nginx-cache" PURGE_PORT="$PURGE_PORT" deploy/render-nginx.sh >"$WORK/hodsite-site.conf"
cat >"$WORK/nginx.conf" <<NGINX
# Debian's nginx.conf, reduced: the same http-level settings, the cache-purge module (by its full path: the
# prefix here is the work folder), only our site, run as this user.
load_module $PURGE_MODULE;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    include $WORK/hodsite-site.conf;
}
NGINX
[ "$(id -u)" = "0" ] && sed -i "1a user root;" "$WORK/nginx.conf"
"$NGINX" -e "$WORK/logs/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf" -t -q
"$NGINX" -e "$WORK/logs/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf"
wait_until 15 nginx curl -sk -o /dev/null "https://127.0.0.1:$HTTPS_PORT/healthz"

# --- The checks ---------------------------------------------------------------------------------------
say "smoke checks and the browser journey"
CHECK_BASE="https://127.0.0.1:$HTTPS_PORT" CHECK_HTTP="http://127.0.0.1:$HTTP_PORT" \
    CHECK_NOREDIS="http://127.0.0.1:$NOREDIS_PORT" CHECK_APP="http://127.0.0.1:$APP_PORT" \
    timeout 600 "$BIN/pytest" -c deploy/check/pytest.ini deploy/check -q -rs
