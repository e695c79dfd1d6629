package org.hrnode.dicom.data;
// TEMPORARY STUB — replaced by the registry on merge.
public record TransferSyntax(String uid, Encoding encoding, boolean encapsulated) {
    public enum Encoding { IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN }
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax("1.2.840.10008.1.2", Encoding.IMPLICIT_VR_LITTLE_ENDIAN, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax("1.2.840.10008.1.2.1", Encoding.EXPLICIT_VR_LITTLE_ENDIAN, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = new TransferSyntax("1.2.840.10008.1.2.2", Encoding.EXPLICIT_VR_BIG_ENDIAN, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax("1.2.840.10008.1.2.1.99", Encoding.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, false);
    public static TransferSyntax of(String uid) {
        for (TransferSyntax t : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}) if (t.uid.equals(uid)) return t;
        return null;
    }
    public static TransferSyntax orDefault(String uid) { TransferSyntax t = of(uid); return t != null ? t : new TransferSyntax(uid, Encoding.EXPLICIT_VR_LITTLE_ENDIAN, true); }
    public boolean isBigEndian() { return encoding == Encoding.EXPLICIT_VR_BIG_ENDIAN; }
    public boolean isImplicitVR() { return encoding == Encoding.IMPLICIT_VR_LITTLE_ENDIAN; }
    public boolean isDeflated() { return encoding == Encoding.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN; }
}
