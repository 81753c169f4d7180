#!/usr/bin/env bash
# Fill deploy/nginx/hodsite.conf's placeholders and print the site config (deploy/README.md).
#   SERVER_NAME=www.hodhospital.go.th TLS_CERT=... TLS_KEY=... deploy/render-nginx.sh > /etc/nginx/sites-available/hodsite
# Defaults are the production layout; `make production-check` overrides the ports and paths.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${SERVER_NAME:=www.hodhospital.go.th}"
: "${APP_DIR:=/srv/hodsite}"
: "${UPSTREAM:=unix:/run/hodsite/gunicorn.sock}"
: "${HTTP_PORT:=80}"
: "${HTTPS_PORT:=443}"
: "${TLS_CERT:=/etc/letsencrypt/live/$SERVER_NAME/fullchain.pem}"
: "${TLS_KEY:=/etc/letsencrypt/live/$SERVER_NAME/privkey.pem}"
: "${STATIC_ROOT:=$APP_DIR/static}"
: "${MEDIA_ROOT:=$APP_DIR/media}"
: "${LOG_DIR:=/var/log/hodsite}"
: "${CACHE_DIR:=/var/cache/nginx/hodsite}"
: "${PURGE_PORT:=8081}"
suffix=""
[ "$HTTPS_PORT" = "443" ] || suffix=":$HTTPS_PORT"
sed -e "s|@SERVER_NAME@|$SERVER_NAME|g" -e "s|@UPSTREAM@|$UPSTREAM|g" -e "s|@HTTP_PORT@|$HTTP_PORT|g" \
    -e "s|@HTTPS_PORT@|$HTTPS_PORT|g" -e "s|@HTTPS_PORT_SUFFIX@|$suffix|g" -e "s|@TLS_CERT@|$TLS_CERT|g" \
    -e "s|@TLS_KEY@|$TLS_KEY|g" -e "s|@STATIC_ROOT@|$STATIC_ROOT|g" -e "s|@MEDIA_ROOT@|$MEDIA_ROOT|g" \
    -e "s|@LOG_DIR@|$LOG_DIR|g" -e "s|@CACHE_DIR@|$CACHE_DIR|g" -e "s|@PURGE_PORT@|$PURGE_PORT|g" "$here/nginx/hodsite.conf"
