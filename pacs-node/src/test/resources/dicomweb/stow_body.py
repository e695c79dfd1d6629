#!/usr/bin/python3
"""Writes a STOW-RS request body (multipart/related, RFC 2046/2387) of the given Part 10 files.

Used by StowRsTest as a client independent of the node's Java code: the body is sent by curl.
Usage: stow_body.py BOUNDARY OUTPUT FILE...
"""
import sys


def main():
    boundary, output, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(output, "wb") as out:
        for name in files:
            out.write(b"--" + boundary.encode("ascii") + b"\r\n")
            out.write(b"Content-Type: application/dicom\r\n")
            out.write(b"Content-Length: " + str(len(open(name, "rb").read())).encode("ascii") + b"\r\n\r\n")
            with open(name, "rb") as f:
                out.write(f.read())
            out.write(b"\r\n")
        out.write(b"--" + boundary.encode("ascii") + b"--\r\n")


if __name__ == "__main__":
    main()
