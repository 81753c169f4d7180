"""Dangerous and harmless files built in code, for the upload tests of documents, images and complaints;
and a fake clamd (ClamAV's daemon) answering the INSTREAM protocol on a unix or TCP socket."""

import io
import shutil
import socket
import struct
import tempfile
import threading
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The standard anti-virus test string (https://www.eicar.org): harmless, but every scanner reports it.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
OOXML_TYPES = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}
MACRO_TYPES = {
    "docx": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "xlsx": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "pptx": "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
}


def content_types(main_part, main_type):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>'
    )


def office(kind="docx", *, vba=False, macro_type=False, extra=()):
    """An OOXML package of ``kind``; with ``vba`` a vbaProject.bin, with ``macro_type`` a macro-enabled main part."""
    main_part, main_type = OOXML_TYPES[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml", content_types(main_part, MACRO_TYPES[kind] if macro_type else main_type)
        )
        archive.writestr(main_part, "<document>ข้อความ</document>")
        if vba:
            archive.writestr(f"{main_part.split('/')[0]}/vbaProject.bin", b"\xd0\xcf\x11\xe0 Attribute VB_Name")
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def many_entries(count, kind="zip"):
    """A ZIP (or a DOCX) holding ``count`` entries in all."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if kind == "docx":
            main_part, main_type = OOXML_TYPES["docx"]
            archive.writestr("[Content_Types].xml", content_types(main_part, main_type))
            archive.writestr(main_part, "<document/>")
            count -= 2
        for number in range(count):
            archive.writestr(f"files/{number}.txt", "x")
    return buffer.getvalue()


@lru_cache
def zeros_archive(megabytes, kind="zip"):
    """A small archive with one member of ``megabytes`` MB of zeros (packs about 1000 to 1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        if kind == "docx":
            main_part, main_type = OOXML_TYPES["docx"]
            archive.writestr("[Content_Types].xml", content_types(main_part, main_type))
            archive.writestr(main_part, "<document/>")
        with archive.open("word/media/padding.bin" if kind == "docx" else "data.bin", "w") as member:
            block = bytes(1_000_000)
            for _ in range(megabytes):
                member.write(block)
    return buffer.getvalue()


def jpeg_with_gps(orientation=6, size=(40, 20)):
    """A red JPEG, a blue mark in its top-left corner, with EXIF: camera, orientation and GPS (Hod)."""
    from PIL import Image

    img = Image.new("RGB", size, (220, 0, 0))
    for x in range(8):
        for y in range(4):
            img.putpixel((x, y), (0, 0, 255))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (18.0, 11.0, 41.6), 3: "E", 4: (98.0, 36.0, 40.7)})
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif, quality=95)
    return buffer.getvalue()


class FakeClamd:
    """A clamd stand-in: reads one INSTREAM scan per connection and answers OK, or FOUND for EICAR."""

    def __init__(self, family=socket.AF_UNIX):
        self.folder = Path(tempfile.mkdtemp(prefix="clamd-"))  # unix socket paths must stay short
        self.server = socket.socket(family, socket.SOCK_STREAM)
        if family == socket.AF_UNIX:
            self.address = str(self.folder / "clamd.sock")
        else:
            self.address = ("127.0.0.1", 0)
        self.server.bind(self.address)
        if family != socket.AF_UNIX:
            self.address = self.server.getsockname()
        self.server.listen(5)
        self.scanned = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _read_exactly(self, conn, count):
        data = b""
        while len(data) < count:
            part = conn.recv(count - len(data))
            if not part:
                raise ConnectionError("closed")
            data += part
        return data

    def _serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return  # closed
            with conn:
                try:
                    command = b""
                    while not command.endswith(b"\0"):
                        command += self._read_exactly(conn, 1)
                    assert command == b"zINSTREAM\0"
                    received = b""
                    while True:
                        (length,) = struct.unpack("!L", self._read_exactly(conn, 4))
                        if not length:
                            break
                        received += self._read_exactly(conn, length)
                    self.scanned.append(received)
                    verdict = b"stream: Eicar-Signature FOUND\0" if EICAR in received else b"stream: OK\0"
                    conn.sendall(verdict)
                except (ConnectionError, AssertionError, struct.error):
                    continue

    def close(self):
        try:
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self.server.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def clamd(settings):
    """A fake clamd on a unix socket, configured as ``CLAMAV_SOCKET``."""
    server = FakeClamd()
    settings.CLAMAV_SOCKET = server.address
    settings.CLAMAV_HOST = ""
    yield server
    server.close()


@pytest.fixture
def clamd_missing(settings, tmp_path):
    """ClamAV configured at a socket where no daemon listens."""
    settings.CLAMAV_SOCKET = str(tmp_path / "no-clamd.sock")
    settings.CLAMAV_HOST = ""
