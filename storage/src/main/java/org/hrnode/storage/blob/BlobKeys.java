package org.hrnode.storage.blob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Rules for blob keys, and the key scheme ingest uses.
 *
 * <p>A key is opaque to the store but must be safe everywhere a store may put it: as a relative path on a file system
 * and as an S3 object name. So a key is 1–{@value #MAX_KEY_LENGTH} characters of segments separated by '/', each
 * segment 1–{@value #MAX_SEGMENT_LENGTH} characters from {@code [A-Za-z0-9._-]} starting with a letter or digit. That
 * excludes ".." and "." segments, leading, trailing and doubled slashes, backslashes and control characters, and
 * leaves names starting with '.' free for a store's own temporary files. One more rule the file system imposes: a key
 * may not also be the directory part of another key ({@code a} and {@code a/b}).
 */
public final class BlobKeys {

    /** Bounded so a key always fits S3's 1024-byte object names and file system path limits. */
    public static final int MAX_KEY_LENGTH = 512;
    /** File names are limited to 255 bytes; leave room for a temporary file's prefix and suffix. */
    public static final int MAX_SEGMENT_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_UID_LENGTH = 64;
    private static final String INSTANCE_PREFIX = "instances";
    /** Two levels of 256 directories keep any one directory small on a file system store. */
    private static final int FAN_OUT_HEX_DIGITS = 2;

    private BlobKeys() {
    }

    /**
     * Returns {@code key} if it is valid.
     *
     * @throws IllegalArgumentException naming the rule it breaks
     */
    public static String validate(String key) {
        Objects.requireNonNull(key, "blob key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("blob key must be 1-" + MAX_KEY_LENGTH + " characters long, got "
                    + key.length());
        }
        for (String segment : key.split("/", -1)) {
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                throw new IllegalArgumentException("blob key segment longer than " + MAX_SEGMENT_LENGTH
                        + " characters in '" + key + "'");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid blob key '" + key + "': segments separated by single '/'"
                        + " must start with a letter or digit and contain only A-Z a-z 0-9 . _ - (no '..', no"
                        + " leading or trailing '/')");
            }
        }
        return key;
    }

    /**
     * A fresh key for one arrival of an instance: {@code instances/ab/cd/<SOP Instance UID>/<random UUID>}. Unique per
     * call, so a new version of an instance never overwrites the blob its predecessor (kept in the version history)
     * points to, and a duplicate's blob can be deleted without touching the original. A malformed UID is replaced by
     * its SHA-256 so the key stays valid.
     */
    public static String forInstance(String sopInstanceUid) {
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        String uidSegment = UID.matcher(sopInstanceUid).matches() && sopInstanceUid.length() <= MAX_UID_LENGTH
                ? sopInstanceUid : sha256Hex(sopInstanceUid);
        String uuid = UUID.randomUUID().toString();
        String fanOut1 = uuid.substring(0, FAN_OUT_HEX_DIGITS);
        String fanOut2 = uuid.substring(FAN_OUT_HEX_DIGITS, 2 * FAN_OUT_HEX_DIGITS);
        return validate(String.join("/", INSTANCE_PREFIX, fanOut1, fanOut2, uidSegment, uuid));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
