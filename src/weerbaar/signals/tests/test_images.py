"""Photos lose every trace of metadata; anything that is not an image is refused."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from weerbaar.core.images import ImageRejected, clean_image
from weerbaar.signals.tests.factories import CAMERA, jpeg_with_metadata, png_bytes


def test_jpeg_loses_exif_gps_xmp_comment_and_thumbnail() -> None:
    raw = jpeg_with_metadata()
    assert CAMERA.encode() in raw and b"XMP-DISTINCTIVE" in raw  # the fixture really has them
    clean = clean_image(raw)
    assert clean.content_type == "image/jpeg"
    for marker in (CAMERA.encode(), b"Exif", b"XMP-DISTINCTIVE", b"COMMENT-DISTINCTIVE", b"SERIAL"):
        assert marker not in clean.data
    image = Image.open(io.BytesIO(clean.data))
    assert dict(image.getexif()) == {}
    assert "xmp" not in image.info and "comment" not in image.info and "exif" not in image.info


def test_orientation_is_applied_before_the_exif_goes() -> None:
    clean = clean_image(jpeg_with_metadata(size=(64, 48), orientation=6))  # rotate 90°
    assert (clean.width, clean.height) == (48, 64)


def test_png_with_transparency_stays_png() -> None:
    clean = clean_image(png_bytes("RGBA"))
    assert clean.content_type == "image/png"
    assert Image.open(io.BytesIO(clean.data)).mode == "RGBA"


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
        b"GIF89a-not-really",
        b"",
    ],
)
def test_not_an_image_is_refused_in_dutch(raw: bytes) -> None:
    with pytest.raises(ImageRejected, match="geen foto"):
        clean_image(raw)


def test_truncated_jpeg_is_refused() -> None:
    raw = jpeg_with_metadata(size=(400, 300))
    with pytest.raises(ImageRejected):
        clean_image(raw[: len(raw) // 2])


def test_decompression_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, format="PNG")  # 81 megapixel, tiny file
    with pytest.raises(ImageRejected, match="te groot"):
        clean_image(buffer.getvalue())
