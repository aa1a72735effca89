"""Bytes -> str for text inputs: UTF-8 (with or without BOM), UTF-16 with a BOM, else a clear error."""
from __future__ import annotations

import codecs


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 4 KiB, unless it is UTF-16 with a BOM."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and controls / len(head) > 0.1


def decode_bytes(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from None
    if looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8") from None
