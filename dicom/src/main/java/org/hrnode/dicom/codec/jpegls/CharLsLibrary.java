package org.hrnode.dicom.codec.jpegls;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * Finds CharLS, the JPEG-LS library. No JPEG-LS codec exists on Maven Central, so HR Node calls CharLS 2.x from
 * Debian's {@code libcharls2} through the Foreign Function &amp; Memory API; only the shared library is needed
 * at run time, not its headers. Loaded once, on first use: a node without it still starts, stores JPEG-LS
 * objects as received (they are lossless), and says why it cannot decode them.
 *
 * <p>The system property {@value #LIBRARY_PROPERTY} names another library file or soname (tests use it to
 * exercise the missing-library path).
 */
public final class CharLsLibrary {

    public static final String LIBRARY_PROPERTY = "hrnode.charls.library";
    /** The soname Debian's libcharls2 installs; dlopen finds it on the default search path. */
    public static final String DEFAULT_LIBRARY = "libcharls.so.2";
    public static final String MISSING_MESSAGE = "JPEG-LS needs Debian package libcharls2 (apt-get install libcharls2)";

    private static final class Holder {
        private static final CharLsLibrary DEFAULT = fromSystemProperties();
    }

    private final CharLs charLs;
    private final String problem;

    private CharLsLibrary(CharLs charLs, String problem) {
        this.charLs = charLs;
        this.problem = problem;
    }

    /** The library named by {@value #LIBRARY_PROPERTY} (default {@value #DEFAULT_LIBRARY}), loaded once. */
    public static CharLsLibrary get() {
        return Holder.DEFAULT;
    }

    /** Loads, now and afresh, the library {@value #LIBRARY_PROPERTY} names (default {@value #DEFAULT_LIBRARY}). */
    public static CharLsLibrary fromSystemProperties() {
        return load(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY));
    }

    /** Loads {@code library} now; never throws: a library that cannot be used is reported by {@link #problem()}. */
    @SuppressWarnings("restricted") // native access is the point; the launcher and surefire enable it
    public static CharLsLibrary load(String library) {
        try {
            SymbolLookup symbols = SymbolLookup.libraryLookup(library, Arena.global());
            return new CharLsLibrary(new CharLs(symbols), null);
        } catch (IllegalArgumentException | IllegalCallerException | UnsatisfiedLinkError e) {
            // IllegalArgumentException: no such library, or one without CharLS 2.x's symbols.
            return new CharLsLibrary(null, MISSING_MESSAGE + ": cannot load " + library + " (" + e.getMessage() + ")");
        }
    }

    public boolean isAvailable() {
        return charLs != null;
    }

    /** Why JPEG-LS cannot be used here, starting with {@link #MISSING_MESSAGE}; null when it can. */
    public String problem() {
        return problem;
    }

    /** The binding; throws {@link IllegalStateException} with {@link #problem()} when the library is missing. */
    CharLs charLs() {
        if (charLs == null) {
            throw new IllegalStateException(problem);
        }
        return charLs;
    }
}
