package org.hrnode.dicom.data;
// TEMPORARY STUB — replaced by the charset branch on merge.
public record PersonName(String text) { public static PersonName parse(String s) { return new PersonName(s); } }
