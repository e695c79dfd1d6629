"""What pydicom reports for DICOM files, as JSON lines: the oracle PydicomOracleTest compares HR Node's reader with.

Usage: pydicom_oracle.py OUTPUT.jsonl FILE...

One process reads every file (dcmread(force=True)) and writes one line per file, in argument order:

    {"file": path, "error": null or "ExceptionType: message", "meta": [element...], "dataset": [element...]}

An element is {"tag": int, "vr": "US"} plus exactly one of
    "values":    list; text as decoded str (str(PersonName) for PN), binary integers and IS as int, FL/FD as
                 str (repr, or NaN/Infinity/-Infinity) so no precision is lost on the way, DS as pydicom's own
                 stripped text (exact decimal; compared numerically by the test), AT as int
    "binary":    {"length": n, "sha256": hex} of the raw value bytes (OB, OW, UN, OF, pixel data, ...)
    "fragments": list of {"length", "sha256"}, one per item of an undefined-length binary value (encapsulated
                 pixel data: item 0 is the Basic Offset Table)
    "items":     list of items, each a list of elements (sequences)
    "error":     "ExceptionType: message" when pydicom could not convert this element's value

The VR is the one pydicom reports after its own conversion: ambiguous VRs corrected by Dataset.__getitem__,
private VRs from its private dictionary by creator, UN replaced by the dictionary VR where pydicom does so.
Values are reported as pydicom holds them; trimming and numeric comparison rules live in the Java test.
"""

import hashlib
import json
import math
import struct
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue
from pydicom.tag import BaseTag
from pydicom.valuerep import DSdecimal, DSfloat, PersonName

ITEM_TAG = 0xFFFEE000
SEQUENCE_DELIMITER_TAG = 0xFFFEE0DD
ITEM_HEADER_LENGTH = 8
BINARY_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "UN", "OB or OW", "US or OW", "US or SS or OW"}


def describe(exc):
    return f"{type(exc).__name__}: {exc}"


def vr_code(vr):
    """The VR as its code ("LO"): pydicom mixes plain str (read from the file) with its str-valued VR enum."""
    return None if vr is None else str.__str__(vr)


def digest(data):
    return {"length": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def fragments(data, little_endian):
    """Splits an undefined-length binary value (item headers included, as pydicom holds it) into its items."""
    order = "<" if little_endian else ">"
    items = []
    offset = 0
    while offset + ITEM_HEADER_LENGTH <= len(data):
        group, element, length = struct.unpack_from(order + "HHL", data, offset)
        tag = group << 16 | element
        offset += ITEM_HEADER_LENGTH
        if tag == SEQUENCE_DELIMITER_TAG:
            break
        if tag != ITEM_TAG:
            raise ValueError(f"expected an item tag at offset {offset - ITEM_HEADER_LENGTH}, found {tag:08X}")
        items.append(digest(data[offset:offset + length]))
        offset += length
    return items


def number_text(value):
    """A float as text that reads back to the same double in Java (repr is the shortest round-trip form)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(float(value))


def scalar(value):
    if isinstance(value, PersonName):
        return str(value)
    if isinstance(value, (DSfloat, DSdecimal)):
        return getattr(value, "original_string", None) or str(value)
    if isinstance(value, BaseTag):
        return int(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, (bytes, bytearray)):
        return digest(bytes(value))
    return str(value)


def values(value):
    if value is None:
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return [scalar(v) for v in value]
    if isinstance(value, str) and value == "":
        return []
    return [scalar(value)]


def element(ds, tag, little_endian):
    out = {"tag": int(tag)}
    try:
        elem = ds[tag]
        if elem.VR == "SQ":
            # A second look lets the items know their parent (pydicom sets it only on an already-converted
            # sequence), so ambiguous VRs inside items resolve against the enclosing Pixel Representation.
            elem = ds[tag]
        out["vr"] = vr_code(elem.VR)
        value = elem.value
        if elem.VR == "SQ":
            out["items"] = [elements(item, little_endian) for item in value]
        elif value is None and out["vr"] in BINARY_VRS:
            out["binary"] = digest(b"")  # pydicom's empty value for binary VRs is None
        elif isinstance(value, (bytes, bytearray)):
            if elem.is_undefined_length:
                out["fragments"] = fragments(bytes(value), little_endian)
            else:
                out["binary"] = digest(bytes(value))
        else:
            out["values"] = values(value)
    except Exception as exc:  # one unreadable value must not hide the rest of the file
        # The VR as read, from the raw element pydicom failed to convert (there is no public accessor for it).
        out.setdefault("vr", vr_code(getattr(ds._dict[tag], "VR", None)))
        out["error"] = describe(exc)
    return out


def elements(ds, little_endian):
    return [element(ds, tag, little_endian) for tag in sorted(ds.keys())]


def dump(path):
    record = {"file": path, "error": None, "meta": [], "dataset": []}
    try:
        ds = pydicom.dcmread(path, force=True)
    except Exception as exc:
        record["error"] = describe(exc)
        return record
    little_endian = ds.is_little_endian if ds.is_little_endian is not None else True
    meta = getattr(ds, "file_meta", None)
    if meta is not None:
        record["meta"] = elements(meta, True)
    record["dataset"] = elements(ds, little_endian)
    return record


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: pydicom_oracle.py OUTPUT.jsonl FILE...")
    warnings.simplefilter("ignore")
    with open(argv[0], "w", encoding="utf-8") as out:
        for path in argv[1:]:
            out.write(json.dumps(dump(path), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
