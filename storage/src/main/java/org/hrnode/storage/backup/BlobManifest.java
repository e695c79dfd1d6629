package org.hrnode.storage.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.PutResult;

/**
 * The stored objects of a backup: {@code blobs.tsv} lists each blob key with its SHA-256 and size as the index
 * recorded them, and {@code blobs/} holds the bytes once per digest. Every object is checked against its digest when
 * copied out and again when restored, so a backup never carries, and a restore never installs, a damaged object.
 * Objects are read through the node's blob store, so an encrypted store is backed up as plaintext: keep backups
 * where the originals' protection applies, or encrypt them at the destination.
 */
public final class BlobManifest {

    static final String FILE = "blobs.tsv";
    static final String DIR = "blobs";

    /** One object: its key, SHA-256 (hex) and size. */
    public record Entry(String key, String sha256, long size) {
    }

    private BlobManifest() {
    }

    /** Every blob the index references (current instances and kept older versions), once per key. */
    public static List<Entry> referenced(DataSource dataSource) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT blob_key, min(sha256), min(size_bytes) FROM ("
                        + " SELECT blob_key, sha256, size_bytes FROM instances"
                        + " UNION ALL SELECT blob_key, sha256, size_bytes FROM instance_versions) b"
                        + " GROUP BY blob_key ORDER BY blob_key")) {
            while (rs.next()) {
                out.add(new Entry(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }

    /** Copies every entry's bytes into {@code dir} and writes the manifest; a digest mismatch is an error. */
    public static long backUp(List<Entry> entries, BlobStore blobs, Path dir) throws IOException {
        Path blobDir = Files.createDirectories(dir.resolve(DIR));
        long bytes = 0;
        try (BufferedWriter manifest = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            for (Entry e : entries) {
                Path target = blobDir.resolve(e.sha256());
                if (!Files.exists(target)) {
                    Path tmp = blobDir.resolve(e.sha256() + ".tmp");
                    MessageDigest sha = sha256();
                    try (InputStream in = blobs.get(e.key());
                            OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                        bytes += in.transferTo(out);
                    }
                    String actual = HexFormat.of().formatHex(sha.digest());
                    if (!actual.equals(e.sha256())) {
                        Files.delete(tmp);
                        throw new IOException("stored object " + e.key() + " has SHA-256 " + actual
                                + " but the index recorded " + e.sha256() + ": the store is damaged, or this command was not"
                                + " given the node's storage configuration (encryption-key-file, s3-*); backup stopped");
                    }
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                manifest.write(e.key() + "\t" + e.sha256() + "\t" + e.size() + "\n");
            }
        }
        return bytes;
    }

    /** Reads the manifest of a backup. */
    public static List<Entry> read(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IOException("malformed line in " + dir.resolve(FILE) + ": " + line);
                }
                out.add(new Entry(f[0], f[1], Long.parseLong(f[2])));
            }
        }
        return out;
    }

    /** Puts every object back under its key, checking each digest as the store computes it. */
    public static void restore(List<Entry> entries, Path dir, BlobStore blobs) throws IOException {
        for (Entry e : entries) {
            PutResult put;
            try (InputStream in = Files.newInputStream(dir.resolve(DIR).resolve(e.sha256()))) {
                put = blobs.put(e.key(), in);
            }
            if (!put.sha256().equals(e.sha256()) || put.size() != e.size()) {
                blobs.delete(e.key());
                throw new IOException("object " + e.key() + " in the backup has SHA-256 " + put.sha256()
                        + " but the manifest says " + e.sha256() + ": the backup is damaged");
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
