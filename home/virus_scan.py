"""Optional virus scan of uploads by ClamAV's daemon (clamd), over its INSTREAM protocol.

Configured by ``CLAMAV_SOCKET`` (a unix socket path) or ``CLAMAV_HOST`` and ``CLAMAV_PORT``; with neither
the scan is skipped. The protocol (https://docs.clamav.net/manual/Usage/Scanning.html#instream): send
``zINSTREAM\\0``, then the file in chunks each preceded by its length (4 bytes, network order), then a
zero length; clamd answers ``stream: OK`` or ``stream: <signature> FOUND``, ended by a NUL byte. A few
lines with the standard library, so no client package to keep up to date.
"""

import logging
import socket
import struct

from django.conf import settings

logger = logging.getLogger(__name__)

CHUNK_BYTES = 64 * 1024
MAX_REPLY_BYTES = 4096


class ScannerUnavailable(Exception):
    """clamd is configured but could not scan (not reachable, timed out, or answered an error)."""


def is_configured():
    return bool(settings.CLAMAV_SOCKET or settings.CLAMAV_HOST)


def _address():
    return settings.CLAMAV_SOCKET or f"{settings.CLAMAV_HOST}:{settings.CLAMAV_PORT}"


def _connect():
    if settings.CLAMAV_SOCKET:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(settings.CLAMAV_TIMEOUT)
        try:
            sock.connect(str(settings.CLAMAV_SOCKET))
        except OSError:
            sock.close()
            raise
        return sock
    return socket.create_connection((settings.CLAMAV_HOST, settings.CLAMAV_PORT), timeout=settings.CLAMAV_TIMEOUT)


def _reply(sock):
    data = b""
    while not data.endswith(b"\0") and len(data) < MAX_REPLY_BYTES:
        part = sock.recv(1024)
        if not part:
            break
        data += part
    return data.rstrip(b"\0").decode("utf-8", "replace").strip()


def scan(file):
    """The signature clamd found in ``file``, or None when it is clean or no scanner is configured.

    Raises ``ScannerUnavailable`` when a scanner is configured but gave no verdict; the caller refuses
    the upload (a scan that silently did not happen is no scan).
    """
    if not is_configured():
        return None
    file.seek(0)
    try:
        with _connect() as sock:
            sock.sendall(b"zINSTREAM\0")
            while chunk := file.read(CHUNK_BYTES):
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            answer = _reply(sock)
    except OSError as error:
        logger.error("ClamAV at %s could not scan an upload: %s", _address(), error)
        raise ScannerUnavailable(str(error)) from error
    finally:
        file.seek(0)
    if answer.endswith(" OK"):
        return None
    if answer.endswith(" FOUND"):
        signature = answer.removeprefix("stream:").removesuffix("FOUND").strip() or "?"
        logger.warning("ClamAV found %s in an upload (%s)", signature, getattr(file, "name", ""))
        return signature
    logger.error("ClamAV at %s answered %r instead of a verdict", _address(), answer)
    raise ScannerUnavailable(answer)
