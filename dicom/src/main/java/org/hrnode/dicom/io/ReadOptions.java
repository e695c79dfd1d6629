package org.hrnode.dicom.io;

import java.net.URI;
import java.util.Objects;
import org.hrnode.dicom.charset.CharsetPolicy;

/**
 * How a {@link DicomReader} treats large values, hostile lengths and character sets. Immutable; start from
 * {@link #defaults()} and derive with the {@code with*} methods.
 *
 * @param bulkDataSource where the bytes being read live (a {@code file:} URI), so that large values can be left
 *     there as {@link org.hrnode.dicom.data.BulkData} references; null to read every value into memory
 * @param bulkDataThreshold values of binary VRs at least this long become references when a source is known
 * @param maxInMemoryValue longest value read into memory; longer ones are a parse error unless referenced
 * @param maxInMemoryTotal most bytes of values one read may hold in memory in all; the guard against a small
 *     deflated file that inflates to gigabytes, or a stream of endless small elements
 * @param maxNestingDepth deepest sequence nesting accepted, a guard against stack exhaustion by crafted input
 * @param charsetPolicy decoding of undeclared or mislabelled character sets
 */
public record ReadOptions(URI bulkDataSource, long bulkDataThreshold, long maxInMemoryValue, long maxInMemoryTotal,
        int maxNestingDepth, CharsetPolicy charsetPolicy) {

    public static final long DEFAULT_BULK_DATA_THRESHOLD = 64 * 1024;
    public static final long DEFAULT_MAX_IN_MEMORY_VALUE = 256L * 1024 * 1024;
    public static final long DEFAULT_MAX_IN_MEMORY_TOTAL = 1024L * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** The JVM cannot allocate arrays longer than this. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    public ReadOptions {
        Objects.requireNonNull(charsetPolicy, "charsetPolicy");
        if (bulkDataThreshold < 0 || maxInMemoryValue < 0 || maxInMemoryValue > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("thresholds must be between 0 and " + MAX_ARRAY_LENGTH);
        }
        if (maxInMemoryTotal < maxInMemoryValue) {
            throw new IllegalArgumentException("maxInMemoryTotal must be at least maxInMemoryValue");
        }
        if (maxNestingDepth < 1) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 1");
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, DEFAULT_BULK_DATA_THRESHOLD, DEFAULT_MAX_IN_MEMORY_VALUE,
                DEFAULT_MAX_IN_MEMORY_TOTAL, DEFAULT_MAX_NESTING_DEPTH, CharsetPolicy.DEFAULT);
    }

    public ReadOptions withBulkDataSource(URI source) {
        return new ReadOptions(source, bulkDataThreshold, maxInMemoryValue, maxInMemoryTotal, maxNestingDepth,
                charsetPolicy);
    }

    public ReadOptions withBulkDataThreshold(long threshold) {
        return new ReadOptions(bulkDataSource, threshold, maxInMemoryValue, maxInMemoryTotal, maxNestingDepth,
                charsetPolicy);
    }

    public ReadOptions withMaxInMemoryValue(long max) {
        return new ReadOptions(bulkDataSource, bulkDataThreshold, max, Math.max(max, maxInMemoryTotal),
                maxNestingDepth, charsetPolicy);
    }

    public ReadOptions withMaxInMemoryTotal(long max) {
        return new ReadOptions(bulkDataSource, bulkDataThreshold, maxInMemoryValue, max, maxNestingDepth,
                charsetPolicy);
    }

    public ReadOptions withMaxNestingDepth(int depth) {
        return new ReadOptions(bulkDataSource, bulkDataThreshold, maxInMemoryValue, maxInMemoryTotal, depth,
                charsetPolicy);
    }

    public ReadOptions withCharsetPolicy(CharsetPolicy policy) {
        return new ReadOptions(bulkDataSource, bulkDataThreshold, maxInMemoryValue, maxInMemoryTotal,
                maxNestingDepth, policy);
    }
}
