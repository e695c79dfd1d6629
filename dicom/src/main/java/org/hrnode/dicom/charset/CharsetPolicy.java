package org.hrnode.dicom.charset;
// TEMPORARY STUB
public record CharsetPolicy() { public static CharsetPolicy defaults() { return new CharsetPolicy(); } }
