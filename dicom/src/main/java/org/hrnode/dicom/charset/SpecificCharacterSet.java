package org.hrnode.dicom.charset;
import java.nio.charset.StandardCharsets;
import org.hrnode.dicom.data.VR;
// TEMPORARY STUB
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet();
    public static SpecificCharacterSet of(CharsetPolicy policy, String... terms) { return DEFAULT; }
    public String decode(byte[] b, int off, int len, VR vr) { return new String(b, off, len, StandardCharsets.ISO_8859_1); }
    public byte[] encode(String s, VR vr) { return s.getBytes(StandardCharsets.ISO_8859_1); }
    public boolean fallbackUsed() { return false; }
    public String describe() { return "ISO_IR 6"; }
}
