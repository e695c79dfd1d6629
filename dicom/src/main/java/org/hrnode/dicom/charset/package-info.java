/**
 * Specific Character Set (0008,0005): decoding and encoding of SH, LO, UC, ST, LT, UT and PN values
 * (PS3.5 §6.1 and Annexes H, I, J, K; PS3.3 §C.12.1.1.2).
 *
 * <p>{@link org.hrnode.dicom.charset.SpecificCharacterSet} is the entry point; a
 * {@link org.hrnode.dicom.charset.CharsetPolicy} says how to read what the sender mislabelled. The code tables
 * are the JDK's; only the ISO 2022 switching between them is written here, because no JDK charset knows DICOM's
 * set of code elements or its reset at value delimiters.
 *
 * <h2>Where this differs from pydicom 2.3.1</h2>
 * The tests compare every value of pydicom's and the shared charset samples, and every code of every code table,
 * with pydicom; they agree wherever pydicom decodes cleanly, except:
 * <ul>
 *   <li><b>Undeclared non-ASCII bytes</b> (no (0008,0005), ISO_IR 6, unknown terms, or G1 bytes while nothing is
 *       designated to G1): pydicom reads them as Latin-1; here the policy decides, GB18030 by default, because
 *       Chinese equipment that omits (0008,0005) writes GBK. {@code CharsetPolicy.DEFAULT.withUndeclaredCharset
 *       (ISO_8859_1)} gives pydicom's reading, {@code CharsetPolicy.STRICT} the standard's (U+FFFD).</li>
 *   <li><b>Unknown terms</b> are listed by {@code unknownTerms()} and read as undeclared, so the policy decides.
 *       pydicom (with its default {@code reading_validation_mode}, WARN) warns and uses its default encoding,
 *       which is Latin-1: in effect ISO_IR 100, mojibake for the Chinese bytes such senders write. pydicom's spelling
 *       corrections ({@code ISO IR 100}, {@code ISO-2022-IR-87}) and a few aliases seen in the wild
 *       ({@code GB2312}, {@code ISO_IR 58}, {@code UTF-8}) are accepted; arbitrary Python codec names are not.</li>
 *   <li><b>ISO 2022 IR 58</b>: pydicom 2.3.1 leaves the escape sequences in the text
 *       ({@code Zhang^XiaoDong=\u001b$)A张^\u001b$)A小东}); here they are removed as the standard means.</li>
 *   <li><b>{@code ESC ( B}</b> designates ASCII to G0 only. pydicom decodes everything after it as Latin-1, so
 *       GR bytes that follow it in a Cyrillic, Greek, Katakana… value come out differently.</li>
 *   <li><b>Escape sequences for sets that were not declared</b> are followed here; pydicom leaves them in the
 *       text. UTF-8, GB18030 and GBK allow no code extensions, so an ESC there stays a character here, while
 *       pydicom still interprets it.</li>
 *   <li><b>Bytes that look like delimiters inside multi-byte characters</b>: pydicom splits values at every 0x5C
 *       byte (and PN at 0x3D) before decoding, which cuts GBK/GB18030 characters such as 乗 (81 5C) and JIS X 0208
 *       characters such as ― (21 3D). Here values are decoded first and split afterwards, and in a JIS X 0208 run
 *       only control characters reset the state.</li>
 *   <li><b>GB18030</b>: the JDK implements GB 18030-2022, Python the 2005 edition; 36 codes that one maps to the
 *       Private Use Area and the other to a standard character differ (A6D9 is U+FE10 here, U+E78D in
 *       pydicom). GB 18030-2022 is the edition in force in China.</li>
 *   <li><b>ISO_IR 203</b> (Latin-9) is read as ISO 8859-15; pydicom does not know the term and reads Latin-1.</li>
 *   <li><b>Default-repertoire VRs</b> (CS, AE, …) holding non-ASCII bytes are decoded with the dataset's set
 *       (GH1301.dcm's Patient's Sex is GB18030 男); pydicom reads them as Latin-1 (ÄÐ).</li>
 *   <li><b>Malformed bytes</b> become U+FFFD in both, but not always the same number of them.</li>
 * </ul>
 * To agree with pydicom the JDK's tables are corrected where Python's differ: JIS X 0208 0x213D is U+2015 (not
 * U+2014), JIS X 0212 0x2237 is '~' (not U+FF5E), GBK A892 is U+2295 (not U+2641), and TIS-620 bytes 0x80-0x9F are
 * C1 controls. JIS X 0201 Romaji (ESC ( J, ISO_IR 13's G0) is read as ASCII, backslash not yen, as pydicom does.
 *
 * <h2>Encoding</h2>
 * Always conforms to the declared set, whatever the policy; characters it cannot hold become '?'
 * ({@code canEncode} tells beforehand). Escape sequences are chosen as in the examples of PS3.5 Annexes H, I and
 * K, and pydicom reads back every string the tests encode.
 */
package org.hrnode.dicom.charset;
