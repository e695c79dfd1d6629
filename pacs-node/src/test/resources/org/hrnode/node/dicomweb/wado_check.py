"""Independent reader for WADO-RS tests: splits multipart/related bodies with Python's email parser and reads
DICOM with pydicom, so the node's responses are judged by code that shares nothing with it.

  wado_check.py parts BODY_FILE CONTENT_TYPE   -> JSON list, one object per part
  wado_check.py file DICOM_FILE                -> JSON object describing a stored file

Pixel digests are SHA-256 of pydicom's decoded pixel_array (whole image, and frame by frame), so two objects in
different transfer syntaxes compare equal exactly when they decode to the same pixels.
"""
import hashlib
import io
import json
import sys
from email import policy
from email.parser import BytesParser

import pydicom
from pydicom.encaps import generate_pixel_data_frame


def sha(data):
    return hashlib.sha256(data).hexdigest()


def describe_dicom(data):
    ds = pydicom.dcmread(io.BytesIO(data))
    out = {"sha256": sha(data), "transferSyntax": str(ds.file_meta.TransferSyntaxUID),
           "sopInstanceUid": str(ds.SOPInstanceUID), "pixelSha": None, "frameShas": [], "storedFrameShas": [],
           "pixelDataSha": None, "pixelDataLength": None}
    if "PixelData" not in ds:
        return out
    out["pixelDataSha"] = sha(ds.PixelData)
    out["pixelDataLength"] = len(ds.PixelData)
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    if ds.file_meta.TransferSyntaxUID.is_compressed:
        out["storedFrameShas"] = [sha(f) for f in generate_pixel_data_frame(ds.PixelData, frames)]
    try:
        pixels = ds.pixel_array
    except Exception as e:  # no handler for this syntax here: say so rather than fail
        out["pixelError"] = str(e)
        return out
    out["pixelSha"] = sha(pixels.tobytes())
    out["frameShas"] = [sha(pixels[k].tobytes()) for k in range(frames)] if frames > 1 else [sha(pixels.tobytes())]
    return out


def parts(body_file, content_type):
    with open(body_file, "rb") as f:
        body = f.read()
    message = BytesParser(policy=policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("ascii") + b"\r\n\r\n" + body)
    if not message.is_multipart():
        raise SystemExit("not a multipart body: " + content_type)
    if message.defects:
        raise SystemExit("multipart defects: " + ", ".join(type(d).__name__ for d in message.defects))
    result = []
    for part in message.iter_parts():
        data = part.get_payload(decode=True)
        syntax = part.get_param("transfer-syntax")
        content_type = part.get_content_type() + ("; transfer-syntax=" + syntax if syntax else "")
        entry = {"contentType": content_type, "length": len(data), "sha256": sha(data)}
        if part.get_content_type() == "application/dicom":
            entry["dicom"] = describe_dicom(data)
        result.append(entry)
    return result


def main():
    mode = sys.argv[1]
    if mode == "parts":
        print(json.dumps(parts(sys.argv[2], sys.argv[3])))
    elif mode == "file":
        with open(sys.argv[2], "rb") as f:
            print(json.dumps(describe_dicom(f.read())))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
