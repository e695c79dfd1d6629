#!/usr/bin/python3
"""pydicom's side of docs/PERFORMANCE.md: times pydicom.dcmread on the files the JMH benchmarks parse.

Run with Debian's interpreter (pydicom 2.3.1 + numpy), from the repository root:

    HRNODE_SHARED_DIR=../shared /usr/bin/python3 bench/pydicom/parse_bench.py

The CT slice is read fully (from memory and from the path), header-only (stop_before_pixels) and with
defer_size (large values left in the file until accessed, like our bulk data references). The large object is
synthesized here the way LargeObjectParseBenchmark does it: the CT header with 200 copies of its pixels as frames,
written by pydicom as Explicit VR Little Endian to a temporary file.

Each case is timed with timeit: the loop count is chosen so one repeat takes about a second, and the result is the
mean and standard deviation over the repeats of the time per call.
"""
import argparse
import io
import os
import statistics
import sys
import tempfile
import timeit

import pydicom
from pydicom.uid import ExplicitVRLittleEndian

CT_SLICE = os.path.join("data", "ct-head-ge", "01.dcm")
FRAMES = 200
DEFER_SIZE = 64 * 1024  # the JMH benchmarks' bulk data threshold (ReadOptions.DEFAULT_BULK_DATA_THRESHOLD)
MULTI_FRAME_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7.3"  # Multi-frame Grayscale Word Secondary Capture
TARGET_REPEAT_SECONDS = 1.0


def shared_file(relative):
    shared = os.environ.get("HRNODE_SHARED_DIR")
    if not shared:
        sys.exit("set HRNODE_SHARED_DIR to the shared folder that holds " + relative
                 + ", e.g. HRNODE_SHARED_DIR=../shared")
    path = os.path.join(shared, relative)
    if not os.path.isfile(path):
        sys.exit(path + " does not exist (HRNODE_SHARED_DIR=" + shared + ")")
    return path


def time_call(name, call, repeats, size=None):
    """Times call(); prints one result row. size: bytes the call reads, for MB/s (None: it skips the pixels)."""
    timer = timeit.Timer(call)
    number, elapsed = timer.autorange()
    number = max(1, int(number * TARGET_REPEAT_SECONDS / max(elapsed, 1e-9)))
    per_call = [t / number for t in timer.repeat(repeat=repeats, number=number)]
    mean = statistics.mean(per_call)
    stdev = statistics.stdev(per_call) if len(per_call) > 1 else 0.0
    throughput = "%9.1f" % (size / mean / 1e6) if size else "%9s" % "—"
    print("| %-48s | %12.1f ± %-10.1f | %10.1f | %s |" % (name, mean * 1e6, stdev * 1e6, 1 / mean, throughput),
          flush=True)


def synthesize_multiframe(ct_path, target):
    ds = pydicom.dcmread(ct_path)
    ds.SOPClassUID = MULTI_FRAME_SOP_CLASS
    ds.file_meta.MediaStorageSOPClassUID = MULTI_FRAME_SOP_CLASS
    ds.NumberOfFrames = FRAMES
    ds.PixelData = ds.PixelData * FRAMES
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(target, write_like_original=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timeit repeats per case (default 5)")
    args = parser.parse_args()

    ct = shared_file(CT_SLICE)
    ct_bytes = open(ct, "rb").read()
    print("pydicom %s, Python %s" % (pydicom.__version__, sys.version.split()[0]))
    print()
    print("| %-48s | %25s | %10s | %9s |" % ("case", "µs/op (mean ± sd)", "ops/s", "MB/s"))
    print("|%s|%s|%s|%s|" % ("-" * 50, "-" * 27, "-" * 12, "-" * 11))
    size = len(ct_bytes)
    time_call("CT slice: full, from memory (BytesIO)",
              lambda: pydicom.dcmread(io.BytesIO(ct_bytes)), args.repeats, size)
    time_call("CT slice: full, from path", lambda: pydicom.dcmread(ct), args.repeats, size)
    time_call("CT slice: defer_size=64 KiB, from path",
              lambda: pydicom.dcmread(ct, defer_size=DEFER_SIZE), args.repeats)
    time_call("CT slice: stop_before_pixels, from path",
              lambda: pydicom.dcmread(ct, stop_before_pixels=True), args.repeats)

    with tempfile.TemporaryDirectory(prefix="hrnode-bench-") as tmp:
        large = os.path.join(tmp, "multiframe-%d.dcm" % FRAMES)
        synthesize_multiframe(ct, large)
        large_size = os.path.getsize(large)
        label = "%d-frame (%.0f MB)" % (FRAMES, large_size / 1e6)
        time_call(label + ": stop_before_pixels",
                  lambda: pydicom.dcmread(large, stop_before_pixels=True), args.repeats)
        time_call(label + ": defer_size=64 KiB",
                  lambda: pydicom.dcmread(large, defer_size=DEFER_SIZE), args.repeats)
        time_call(label + ": full", lambda: pydicom.dcmread(large), args.repeats, large_size)
    print()
    print("MB/s = file size / time per call, only for calls that read the whole file; compare with ops/s × size")
    print("of the JMH runs.")


if __name__ == "__main__":
    main()
