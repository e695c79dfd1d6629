#!/usr/bin/python3
"""Large multi-frame CT objects for the ingest heap benchmark (docs/PERFORMANCE.md, "DIMSE ingest").

usage: make-multiframe.py --out DIR [--count 16] [--frames 200] [--seed 1234]

Each file: CT Image Storage (not Enhanced) with Number of Frames, 512x512 16-bit random 12-bit pixels,
Explicit VR Little Endian, fresh 2.25 UIDs derived from the seed (same seed, same bytes). 200 frames = 104.9 MB.
"""
import argparse
import os
import uuid

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
SIDE = 512


def uid(namespace, name):
    return "2.25.%d" % uuid.uuid5(namespace, name).int


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=16)
    ap.add_argument("--frames", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1234)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ns = uuid.uuid5(uuid.NAMESPACE_OID, "hrnode-multiframe-%d" % a.seed)
    rng = np.random.default_rng(a.seed)
    study = uid(ns, "study")
    for i in range(a.count):
        ds = Dataset()
        ds.SOPClassUID = CT_IMAGE_STORAGE
        ds.SOPInstanceUID = uid(ns, "instance-%d" % i)
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = uid(ns, "series-%d" % i)
        ds.PatientName = "BENCH^MULTIFRAME"
        ds.PatientID = "BENCHMF001"
        ds.Modality = "CT"
        ds.StudyDate = "20261122"
        ds.InstanceNumber = i + 1
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = SIDE
        ds.Columns = SIDE
        ds.NumberOfFrames = a.frames
        ds.BitsAllocated = 16
        ds.BitsStored = 12
        ds.HighBit = 11
        ds.PixelRepresentation = 0
        ds.PixelData = rng.integers(0, 4096, size=(a.frames, SIDE, SIDE), dtype=np.uint16).tobytes()
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        path = os.path.join(a.out, "MF%03d.dcm" % (i + 1))
        ds.save_as(path, write_like_original=False)
        print(path, os.path.getsize(path))


if __name__ == "__main__":
    main()
