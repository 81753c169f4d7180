"""Remove EXIF and XMP metadata from uploaded pictures, so a photo never publishes where it was taken.

Phones write GPS coordinates, the device and the time into every photo; a hospital publishing a photo of
a patient's home visit would publish the address too. ``without_metadata`` returns the picture
re-written without them, turned upright first by its EXIF orientation (which goes with the rest), or
None when there is nothing to remove. JPEG keeps its quality tables when no turn is needed.
Animated pictures and GIFs (which carry no EXIF) are left as they are.
"""

import io
import os

from django.core.files.base import ContentFile

STRIPPED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
ORIENTATION_TAG = 0x0112
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment")


def has_metadata(img):
    return bool(img.getexif()) or any(key in img.info for key in METADATA_KEYS)


def without_metadata(file):
    """``(bytes, width, height)`` of the picture without its metadata, or None when it has none."""
    from PIL import Image, ImageOps

    file.seek(0)
    try:
        with Image.open(file) as img:
            if img.format not in STRIPPED_FORMATS or getattr(img, "n_frames", 1) > 1 or not has_metadata(img):
                return None
            source_format = "JPEG" if img.format == "MPO" else img.format
            turned = img.getexif().get(ORIENTATION_TAG, 1) not in (None, 1)
            options = {}
            if img.info.get("icc_profile"):
                options["icc_profile"] = img.info["icc_profile"]  # colours, not metadata
            if source_format == "JPEG":
                options.update({"quality": "keep"} if img.format == "JPEG" and not turned else {"quality": 92})
            elif source_format == "WEBP":
                options.update({"lossless": True} if img.info.get("lossless") else {"quality": 90})
            if turned:
                img = ImageOps.exif_transpose(img)
            img.load()
            for key in METADATA_KEYS:
                img.info.pop(key, None)
            # Pillow writes EXIF and XMP only when asked (``exif=``, ``xmp=``), so none is passed on.
            out = io.BytesIO()
            img.save(out, source_format, **options)
            return out.getvalue(), img.width, img.height
    finally:
        file.seek(0)


def replace_without_metadata(instance, field="file"):
    """Rewrite the picture in ``instance.<field>`` without its metadata, before the model is saved.

    Works on a fresh upload (replaced by the cleaned bytes) and on a file already in storage (Wagtail's
    multiple upload stores it first): rewritten under the same name. Returns ``(width, height)`` when
    the picture changed, None when it had nothing to remove or is no picture Pillow can rewrite.
    """
    file = getattr(instance, field)
    try:
        cleaned = without_metadata(file)
    except (OSError, ValueError, SyntaxError):
        return None  # not a picture Pillow can rewrite; the upload's own checks judged it already
    if cleaned is None:
        return None
    data, width, height = cleaned
    if getattr(file, "_committed", True):
        storage, name = file.storage, file.name
        file.close()
        storage.delete(name)
        # A fresh field value: the old one may still hold the deleted file open.
        setattr(instance, field, storage.save(name, ContentFile(data)))
    else:
        setattr(instance, field, ContentFile(data, name=os.path.basename(file.name)))
    return width, height
