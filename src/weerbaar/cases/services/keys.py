"""Normalised identities of objects, so that different spellings meet.

"9711 ab 12-a", "9711AB 12A" and postcode 9711ab + number 12 + letter a all give the key
``pand:9711AB|12|A|``. A KvK number must pass its check digit (the "elfproef": the digits
weighted 8, 7, …, 1 add up to a multiple of 11).
"""

from __future__ import annotations

import re
import unicodedata

from weerbaar.areas.services.postcodes import normalise_postcode

NUMBER = re.compile(r"^\s*(\d{1,5})\s*-?\s*([A-Za-z])?\s*(?:[-\s]\s*([A-Za-z0-9]{1,4}))?\s*$")
FREE_ADDRESS = re.compile(
    r"^\s*(?P<street>[^\d,]+?)\s+(?P<number>\d{1,5}\s*-?\s*[A-Za-z]?(?:[-\s][A-Za-z0-9]{1,4})?)"
    r"\s*,?\s*(?P<postcode>[1-9]\d{3}\s?[A-Za-z]{2})?\s*,?\s*(?P<place>[^\d,]*)$"
)
STREET_WORDS = {"str": "straat", "ln": "laan", "pl": "plein", "wg": "weg", "sngl": "singel"}


class InvalidKey(ValueError):
    pass


def plain(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_only).split())


def street(text: str) -> str:
    """'Hoofdstr.' -> 'hoofdstraat'; 'Burg. de Boerln' stays comparable."""
    words = []
    for word in plain(text).split():
        for short, full in STREET_WORDS.items():
            if word.endswith(short) and not word.endswith(full):
                word = word[: -len(short)] + full
                break
        words.append(word)
    return " ".join(words)


def house_number(text: str) -> tuple[int, str, str] | None:
    """'12-a' -> (12, 'A', ''); '12 A 2' -> (12, 'A', '2')."""
    match = NUMBER.match(text)
    if not match:
        return None
    return int(match.group(1)), (match.group(2) or "").upper(), (match.group(3) or "").upper()


def address_key(postcode: str, number: int, letter: str = "", addition: str = "") -> str:
    code = normalise_postcode(postcode)
    if code is None:
        raise InvalidKey("Geen geldige postcode.")
    return f"pand:{code}|{number}|{letter.upper()}|{addition.upper()}"


def parse_address(text: str) -> dict[str, object] | None:
    """'Hoofdstraat 12a, 9711 AB Groningen' into its parts (None when it is not one)."""
    match = FREE_ADDRESS.match(text)
    if not match:
        return None
    number = house_number(match.group("number"))
    if number is None:
        return None
    return {
        "street": match.group("street").strip(),
        "house_number": number[0],
        "house_letter": number[1],
        "house_addition": number[2],
        "postcode": normalise_postcode(match.group("postcode") or "") or "",
        "place": (match.group("place") or "").strip(),
    }


def kvk_valid(number: str) -> bool:
    if not re.fullmatch(r"\d{8}", number):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number, range(8, 0, -1), strict=True))
    return total % 11 == 0 and number != "00000000"


def kvk_key(number: str) -> str:
    cleaned = re.sub(r"[\s.-]", "", number)
    if not kvk_valid(cleaned):
        raise InvalidKey("Geen geldig KvK-nummer.")
    return f"bedrijf:kvk:{cleaned}"


def business_name_key(name: str, municipality_code: str) -> str:
    return f"bedrijf:naam:{plain(name)}|{municipality_code}"


def online_key(platform: str, handle: str) -> str:
    return f"online:{platform.lower()}|{plain(handle.lstrip('@'))}"


def street_key(street_name: str, number: int, letter: str, addition: str, place_code: str) -> str:
    """Address without postcode: street, number and municipality (or place)."""
    return f"pand:straat:{street(street_name)}|{number}|{letter.upper()}|{addition.upper()}|{place_code}"
