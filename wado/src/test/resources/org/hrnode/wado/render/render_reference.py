#!/usr/bin/python3
"""Independent reference for the renderer's tests: pydicom + numpy compute the 8-bit image a DICOM file should
render to, and write its raw bytes (rows x columns grey, or rows x columns x 3 RGB) to stdout.

    render_reference.py FILE[.zst] [CENTER WIDTH FUNCTION]

Grey-scale: Rescale Slope/Intercept, then the window of the arguments, else the object's first Window Center/Width
with its VOI LUT Function, else linear-exact over the frame's min..max; PS3.3 C.11.2.1.2 formulas, rounded half
up, MONOCHROME1 inverted. Colour: RGB as stored, YBR_FULL(_422) converted by pydicom. Lossy JPEG is first
decompressed by DCMTK's dcmdjpeg (IJG), which also converts YCbCr to RGB, so no Pillow is needed.
"""
import io
import subprocess
import sys
import tempfile

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import convert_color_space


LOSSY_JPEG = ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51")


def first(value):
    return float(value[0]) if isinstance(value, pydicom.multival.MultiValue) else float(value)


def voi(x, center, width, function):
    function = function.upper().replace("-", "_")
    if function == "LINEAR":
        low = center - 0.5 - (width - 1) / 2
        high = center - 0.5 + (width - 1) / 2
        y = ((x - (center - 0.5)) / (width - 1) + 0.5) * 255
        return np.where(x <= low, 0, np.where(x > high, 255, y))
    if function == "LINEAR_EXACT":
        y = ((x - center) / width + 0.5) * 255
        return np.where(x <= center - width / 2, 0, np.where(x > center + width / 2, 255, y))
    if function == "SIGMOID":
        return 255 / (1 + np.exp(-4 * (x - center) / width))
    raise SystemExit("unknown function " + function)


def main():
    path = sys.argv[1]
    data = (subprocess.run(["zstd", "-dc", path], capture_output=True, check=True).stdout
            if path.endswith(".zst") else open(path, "rb").read())
    ds = pydicom.dcmread(io.BytesIO(data))
    if ds.file_meta.TransferSyntaxUID in LOSSY_JPEG:
        with tempfile.TemporaryDirectory() as work:
            with open(work + "/in.dcm", "wb") as f:
                f.write(data)
            subprocess.run(["dcmdjpeg", work + "/in.dcm", work + "/out.dcm"], check=True)
            ds = pydicom.dcmread(work + "/out.dcm")
    pixels = ds.pixel_array
    if ds.SamplesPerPixel == 3:
        if ds.PhotometricInterpretation.startswith("YBR_FULL"):
            pixels = convert_color_space(pixels, ds.PhotometricInterpretation, "RGB")
        sys.stdout.buffer.write(np.ascontiguousarray(pixels, dtype=np.uint8).tobytes())
        return
    x = pixels.astype(np.float64) * float(ds.get("RescaleSlope", 1) or 1) + float(ds.get("RescaleIntercept", 0))
    if len(sys.argv) >= 5:
        center, width, function = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    elif "WindowCenter" in ds and "WindowWidth" in ds:
        center, width = first(ds.WindowCenter), first(ds.WindowWidth)
        function = ds.get("VOILUTFunction", "LINEAR") or "LINEAR"
    else:
        low, high = x.min(), x.max()
        center, width, function = (low + high) / 2, max(high - low, 1), "LINEAR_EXACT"
    with np.errstate(divide="ignore", invalid="ignore"):  # width 1: the ramp is never selected
        y = np.clip(np.floor(voi(x, center, width, function) + 0.5), 0, 255)
    if ds.PhotometricInterpretation == "MONOCHROME1":
        y = 255 - y
    sys.stdout.buffer.write(y.astype(np.uint8).tobytes())


if __name__ == "__main__":
    main()
