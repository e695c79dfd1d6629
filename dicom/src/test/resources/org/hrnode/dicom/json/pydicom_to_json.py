"""Oracle for DicomJsonPydicomComparisonTest: pydicom's DICOM JSON for each file.

Usage: pydicom_to_json.py LIST OUTDIR
LIST holds one DICOM file path per line. For line N (from 0) the script writes OUTDIR/N.json with
pydicom's Dataset.to_json_dict(), every binary value inline, or OUTDIR/N.error with the reason pydicom
could not read or serialise the file. NaN and infinities are written as the bare words Python's json
module uses; the test reads them with Jackson's non-numeric-number feature.
"""
import json
import sys
import traceback

import pydicom

# Large enough that nothing is referenced; without a handler pydicom inlines everything anyway.
NO_BULK_DATA = 2 ** 62


def main(list_file, out_dir):
    with open(list_file, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    for index, path in enumerate(paths):
        try:
            ds = pydicom.dcmread(path, force=True)
            result = ds.to_json_dict(bulk_data_threshold=NO_BULK_DATA)
            text = json.dumps(result, allow_nan=True, ensure_ascii=False)
        except Exception as exc:  # the test records and skips files pydicom cannot serialise
            reason = type(exc).__name__ + ": " + str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            with open(f"{out_dir}/{index}.error", "w", encoding="utf-8") as out:
                out.write(reason + "\n" + traceback.format_exc())
            continue
        with open(f"{out_dir}/{index}.json", "w", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
