package org.hrnode.storage.blob;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The SM4 keys for encryption at rest, read from a key file (Java properties):
 * <pre>
 * current=2026a
 * key.2026a=00112233445566778899aabbccddeeff
 * key.2025b=...   # older keys stay so blobs written with them can still be read
 * </pre>
 * New blobs are encrypted with {@code current}; every blob names the key id it was written with, so keys rotate by
 * adding a new one and changing {@code current}. Keys are 128 bits (SM4's only key size), 32 hex digits.
 */
public final class EncryptionKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 16;

    private final String currentId;
    private final Map<String, byte[]> keys;

    private EncryptionKeys(String currentId, Map<String, byte[]> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** Builds a key ring from ids and keys; {@code currentId} must be one of them. */
    public static EncryptionKeys of(String currentId, Map<String, byte[]> keys) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id '" + id + "' must be 1-64 of A-Z a-z 0-9 . _ -");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' has " + key.length + " bytes; SM4 keys have 16");
            }
            copy.put(id, key.clone());
        });
        if (!copy.containsKey(currentId)) {
            throw new IllegalArgumentException("current key '" + currentId + "' is not among the keys " + copy.keySet());
        }
        return new EncryptionKeys(currentId, copy);
    }

    /** Reads a key file; every problem is an {@link IllegalArgumentException} naming the file. */
    public static EncryptionKeys read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String current = p.getProperty("current");
        if (current == null || current.isBlank()) {
            throw new IllegalArgumentException("key file " + file + " names no 'current' key");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.equals("current")) {
                continue;
            }
            if (!name.startsWith("key.")) {
                throw new IllegalArgumentException("key file " + file + ": unknown entry '" + name
                        + "' (expected current=ID and key.ID=32 hex digits)");
            }
            try {
                keys.put(name.substring(4), HexFormat.of().parseHex(p.getProperty(name).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key file " + file + ": " + name + " is not hexadecimal", e);
            }
        }
        try {
            return of(current.strip(), keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + ": " + e.getMessage(), e);
        }
    }

    public String currentId() {
        return currentId;
    }

    byte[] current() {
        return keys.get(currentId);
    }

    Optional<byte[]> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
