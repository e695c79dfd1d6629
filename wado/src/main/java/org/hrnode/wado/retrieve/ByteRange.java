package org.hrnode.wado.retrieve;

/**
 * One byte range of an HTTP Range header (RFC 9110 §14.1.2) resolved against a value's length: {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. Multiple ranges are not served (the whole value is, as RFC 9110 allows).
 *
 * @param first first byte, from 0
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * The range {@code header} asks for within {@code total} bytes; null when there is no header, it is not a single
     * byte range, or it is malformed (all of which mean: send everything).
     *
     * @throws jakarta.ws.rs.WebApplicationException 416 when the range lies wholly beyond the value
     */
    static ByteRange parse(String header, long total) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).strip();
            String to = spec.substring(dash + 1).strip();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    throw unsatisfiable(header, total);
                }
                return total == 0 ? null : new ByteRange(Math.max(0, total - suffix), total - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? total - 1 : Math.min(Long.parseLong(to), total - 1);
            if (first < 0 || (!to.isEmpty() && Long.parseLong(to) < first)) {
                return null;
            }
            if (first >= total) {
                throw unsatisfiable(header, total);
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RuntimeException unsatisfiable(String header, long total) {
        return WadoErrors.rangeNotSatisfiable("Range '" + header + "' lies outside the value, which has " + total
                + " bytes", total);
    }
}
