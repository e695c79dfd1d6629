package org.hrnode.dicom.dict;
// TEMPORARY STUB — replaced by the generated dictionary on merge.
public final class PrivateDictionary {
    public static ElementDictionary.Entry lookup(String creator, int tag) { return null; }
}
