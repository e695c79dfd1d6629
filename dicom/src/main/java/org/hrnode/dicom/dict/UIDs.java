package org.hrnode.dicom.dict;
// TEMPORARY STUB
public final class UIDs { public static String nameOf(String uid) { return uid; } }
