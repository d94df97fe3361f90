"""Small fixtures of our own for signals tests: organisations with handlers, images with
identifying metadata, and form payloads."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from weerbaar.accounts.models import Organisation, User
from weerbaar.accounts.tests.factories import member
from weerbaar.accounts.tests.factories import organisation as _organisation
from weerbaar.areas.models import Area
from weerbaar.signals.models import Category, Channel
from weerbaar.signals.services import intake
from weerbaar.signals.services.intake import IntakeInput, LocationInput

HANDLER_PERMISSIONS = [
    "view_signal",
    "add_signal",
    "change_signal",
    "add_signalshare",
]
PASSWORD = "behandelaar-wachtwoord-2026"

# Distinctive values that must never be stored anywhere.
CLIENT_IP = "203.0.113.77"
FORWARDED_IP = "198.51.100.23"
REAL_IP = "192.0.2.99"
USER_AGENT = "WeerbaarTestAgent/9.9 (distinctive-ua-7731)"
CAMERA = "CanonDistinctive-EOS-4242"
FILE_NAME = "foto_vanuit_raam_melder_5521.jpg"


def organisation(
    name: str, *areas: Area, intake_point: bool = False, kind: str = "gemeente"
) -> Organisation:
    return _organisation(name, *areas, is_intake=intake_point, kind=kind)


def handler(org: Organisation, username: str, codenames: list[str] | None = None) -> User:
    return member(
        org,
        username,
        apps=["signals"],
        codenames=codenames or HANDLER_PERMISSIONS,
        role=f"behandelaar-{username}",
        password=PASSWORD,
    )


def jpeg_with_metadata(size: tuple[int, int] = (64, 48), orientation: int | None = None) -> bytes:
    """A JPEG with camera make, GPS position, XMP, a comment and an EXIF thumbnail."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    exif[0x0110] = "Model-XYZ-SERIAL-998877"
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 13.0, 7.5)
    gps[3] = "E"
    gps[4] = (6.0, 34.0, 2.25)
    buffer = io.BytesIO()
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b"<rdf:Description>XMP-DISTINCTIVE-1234</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    image.save(buffer, format="JPEG", exif=exif.tobytes(), comment=b"COMMENT-DISTINCTIVE", xmp=xmp)
    return buffer.getvalue()


def png_bytes(mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (20, 10), (0, 0, 255, 128) if mode == "RGBA" else (0, 0, 255)).save(
        buffer, format="PNG"
    )
    return buffer.getvalue()


def public_post(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "description": "Bij de snackbar komen steeds jongens die kleine zakjes ophalen.",
        "category": "",
        "postcode": "",
        "house_number": "",
        "municipality": "",
    }
    data.update(overrides)
    return data


def make_signal(
    area: Area | None = None,
    *,
    channel: str = Channel.PUBLIEK,
    user: Any = None,
    description: str = "Er wordt gedeald vanuit een woning op de hoek.",
    category: str | None = None,
    **input_overrides: Any,
) -> intake.Receipt:
    location = LocationInput(
        kind="gebied" if area else "onbekend",
        municipality=area if area is not None and area.level == "gemeente" else None,
    )
    if area is not None and area.level != "gemeente":
        location = LocationInput(kind="punt")  # placed directly below
    data = IntakeInput(
        description=description,
        location=location,
        category=Category.objects.get(slug=category) if category else None,
        **input_overrides,
    )
    result = intake.submit(data, channel=channel, user=user)
    if area is not None and area.level != "gemeente":
        from weerbaar.signals.services.location import place

        placement = place(area)
        result.signal.area = placement.area
        result.signal.municipality = placement.municipality
        result.signal.save(update_fields=["area", "municipality"])
    return result
