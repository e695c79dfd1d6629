#!/usr/bin/python3
"""Makes the 2500x3000 12-bit DR image of the rendered-image benchmark from WG04's real 1760x2140 radiograph (RG2):
resampled bilinearly, scaled to 12 bits, with a little Gaussian noise so the codec sees radiograph-like entropy
(the same recipe as RenderBenchmark's in-process image). Writes Explicit VR Little Endian; compress it with
dcmcjpls for the JPEG-LS lossless object the node would store.

    make-dr.py RG2_UNC.zst OUT.dcm
"""
import io
import subprocess
import sys

import numpy as np
import pydicom
from PIL import Image
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

ROWS, COLUMNS = 3000, 2500


def main():
    source, out = sys.argv[1], sys.argv[2]
    data = subprocess.run(["zstd", "-dc", source], capture_output=True, check=True).stdout
    ds = pydicom.dcmread(io.BytesIO(data))
    pixels = ds.pixel_array.astype(np.float32)
    resized = np.asarray(Image.fromarray(pixels, mode="F").resize((COLUMNS, ROWS), Image.BILINEAR))
    noise = np.random.default_rng(42).normal(0, 3, resized.shape)
    dr = np.clip(resized * 4 + noise, 0, 4095).astype(np.uint16)
    for keyword in ("WindowCenter", "WindowWidth", "WindowCenterWidthExplanation"):
        if keyword in ds:
            delattr(ds, keyword)
    ds.Rows, ds.Columns = ROWS, COLUMNS
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    ds.Modality = "DX"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.1.1"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID = generate_uid(), generate_uid(), generate_uid()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.PixelData = dr.tobytes()
    ds["PixelData"].VR = "OW"
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(out, write_like_original=False)


if __name__ == "__main__":
    main()
