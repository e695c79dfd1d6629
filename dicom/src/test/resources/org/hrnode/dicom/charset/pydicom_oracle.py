"""pydicom as the reference decoder for HR Node's charset tests.

Modes:
  info                 -> {"pydicom": version, "charset_dir": pydicom's charset test files}
  files PATH...        -> per file, every PN/LO/SH/LT/ST/UT/UC element (also inside sequences): raw bytes,
                          the (0008,0005) in force (inherited into items), pydicom's decoded values and PN groups
  decode < cases.json  -> per case {"terms": [...], "vr": "LO", "hex": "..."}: pydicom's values, read the way
                          dcmread reads an element; "warned" is true when pydicom could not decode cleanly
"""
import json
import sys
import warnings

import pydicom
from pydicom import config
from pydicom.charset import convert_encodings
from pydicom.dataelem import DataElement_from_raw, RawDataElement
from pydicom.multival import MultiValue
from pydicom.tag import Tag

CHARSET_VRS = {'PN', 'LO', 'SH', 'LT', 'ST', 'UT', 'UC'}
SPECIFIC_CHARACTER_SET = 0x00080005


def as_values(value):
    if value is None:
        return ['']
    if isinstance(value, MultiValue):
        return [str(v) for v in value]
    return [str(value)]


def pn_groups(value):
    names = list(value) if isinstance(value, MultiValue) else [value]
    return [list(n.components) if n is not None else [] for n in names]


def terms_of(ds, inherited):
    if ds.get_item(SPECIFIC_CHARACTER_SET) is None:
        return inherited
    v = ds.SpecificCharacterSet
    return [v] if isinstance(v, str) else list(v)


def walk(raw_ds, dec_ds, path, charset, out):
    charset = terms_of(raw_ds, charset)
    for tag in sorted(raw_ds.keys()):
        raw = raw_ds.get_item(tag)
        elem = dec_ds[tag]
        p = path + '(%04X,%04X)' % (tag.group, tag.element)
        if elem.VR == 'SQ':
            for n, (ri, di) in enumerate(zip(raw_ds[tag].value, elem.value)):
                walk(ri, di, p + '[%d]' % n, charset, out)
            continue
        if elem.VR not in CHARSET_VRS or not isinstance(getattr(raw, 'value', None), bytes):
            continue
        rec = {'path': p, 'vr': elem.VR, 'charset': charset, 'raw': raw.value.hex(),
               'values': as_values(elem.value)}
        if elem.VR == 'PN':
            rec['groups'] = pn_groups(elem.value)
        out.append(rec)


def files(paths):
    result = []
    for f in paths:
        raw_ds = pydicom.dcmread(f, force=True)
        dec_ds = pydicom.dcmread(f, force=True)
        dec_ds.decode()
        records = []
        walk(raw_ds, dec_ds, '', [], records)
        result.append({'file': f, 'elements': records})
    return result


def decode(cases):
    config.settings.reading_validation_mode = config.IGNORE
    results = []
    for case in cases:
        raw_bytes = bytes.fromhex(case['hex'])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            try:
                encodings = convert_encodings(case['terms'])
                raw = RawDataElement(Tag(0x00100010), case['vr'], len(raw_bytes), raw_bytes, 0, True, True)
                elem = DataElement_from_raw(raw, encodings)
                results.append({'values': as_values(elem.value), 'warned': bool(caught)})
            except Exception as e:  # pydicom failing is an answer too
                results.append({'error': repr(e)})
    return results


def main():
    mode = sys.argv[1]
    warnings.simplefilter('ignore')
    if mode == 'info':
        import os
        out = {'pydicom': pydicom.__version__,
               'charset_dir': os.path.join(os.path.dirname(pydicom.__file__), 'data', 'charset_files')}
    elif mode == 'files':
        out = files(sys.argv[2:])
    elif mode == 'decode':
        out = decode(json.load(sys.stdin))
    else:
        raise SystemExit('unknown mode ' + mode)
    json.dump(out, sys.stdout, ensure_ascii=True)


if __name__ == '__main__':
    main()
