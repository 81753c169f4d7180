"""Tracking codes and the privacy-notice fingerprint: pure functions, imported by the models.

Tracking codes are 12 random characters in three groups of four (``7KQ4-M9XP-3RTA``) from an alphabet
without look-alikes (no 0/O, 1/I/L, 5/S, 8/B, 2/Z): about 10¹⁷ codes, so a code cannot be guessed, yet
it is easy to read aloud on the telephone and to type.
"""

import hashlib
import re
import secrets

CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4
_CODE_RE = re.compile(r"^[%s]{4}-[%s]{4}-[%s]{4}$" % ((CODE_ALPHABET,) * 3))


def new_tracking_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))


def normalise_code(text):
    """What the person typed, in the stored form: upper case, spaces and dashes ignored.

    Returns "" when it cannot be a code, so a lookup never reaches the database with junk.
    """
    raw = re.sub(r"[\s\-–—_.]", "", (text or "").upper())
    if len(raw) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return ""
    code = "-".join(raw[i : i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))
    return code if _CODE_RE.match(code) else ""


def notice_version(text):
    """A short fingerprint of the privacy notice a person acknowledged (PDPA consent record)."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]
