"""Photos and screenshots from reporters, made safe to keep.

Every image is decoded and drawn again from its pixels only, so EXIF (with GPS and camera
serial numbers), XMP, IPTC, ICC profiles, comments and embedded thumbnails cannot survive:
the new file is built from nothing but the pixel values. The orientation from EXIF is
applied first so the picture still looks the way it was taken.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # larger than any phone camera; stops decompression bombs
#: All photos of one report together: five 12-megapixel phone photos fit; five huge
#: single-colour PNGs (a few kB each, seconds of work and hundreds of MB to decode) do not.
MAX_PIXELS_PER_REQUEST = 60_000_000
MAX_SIDE = 2560  # stored size: enough to read a number plate, small enough to keep


class ImageRejected(ValueError):
    """The file is not an image we accept; the message is for the reporter (Dutch)."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def pixel_count(raw: bytes) -> int:
    """Width × height from the header alone, before any decoding; 0 when the file is no
    image (``clean_image`` then says why)."""
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            return int(probe.width) * int(probe.height)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return 0


def clean_image(raw: bytes) -> CleanImage:
    # A truncated upload must be refused, not padded with grey: Pillow's process-wide switch
    # is off by default, but a library may turn it on (WeasyPrint does, on import).
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(raw))
            if probe.format not in ACCEPTED_FORMATS:
                raise ImageRejected(
                    "Dit bestand is geen foto of schermafbeelding. Kies een JPEG-, PNG- of WebP-bestand."
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageRejected("Deze afbeelding is te groot (meer dan 40 megapixel).")
            probe.verify()
            image: Image.Image = Image.open(io.BytesIO(raw))
            image.load()
    except ImageRejected:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(
            "Dit bestand is geen foto of schermafbeelding. Kies een JPEG-, PNG- of WebP-bestand."
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ImageRejected("Deze afbeelding is beschadigd en kan niet worden gelezen.") from None

    source_format = image.format
    image = ImageOps.exif_transpose(image) or image
    keep_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if keep_alpha else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    # A new image from the raw pixels: no info dict, no EXIF, nothing else carried over.
    pixels = Image.frombytes(image.mode, image.size, image.tobytes())
    output = io.BytesIO()
    if source_format in {"JPEG", "WEBP"} and not keep_alpha:
        pixels.save(output, format="JPEG", quality=85, optimize=True)
        content_type = "image/jpeg"
    else:
        pixels.save(output, format="PNG", optimize=True)
        content_type = "image/png"
    return CleanImage(output.getvalue(), content_type, pixels.width, pixels.height)
