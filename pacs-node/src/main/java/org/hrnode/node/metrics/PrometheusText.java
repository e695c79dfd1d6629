package org.hrnode.node.metrics;

/** Builds the Prometheus text exposition format, version 0.0.4 (see {@link MetricsResource} for why by hand). */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    void type(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void gauge(String name, String help, double value) {
        type(name, "gauge", help);
        sample(name, value);
    }

    /** One sample; {@code labels} alternate name and value. */
    void sample(String name, double value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
    }

    void histogram(String name, String operation, BlobLatency.Histogram h) {
        long cumulative = 0;
        for (int i = 0; i < BlobLatency.BUCKETS.length; i++) {
            cumulative += h.counts[i].sum();
            sample(name + "_bucket", cumulative, "operation", operation, "le", format(BlobLatency.BUCKETS[i]));
        }
        long count = h.count.sum();
        sample(name + "_bucket", count, "operation", operation, "le", "+Inf");
        sample(name + "_sum", h.sum.sum(), "operation", operation);
        sample(name + "_count", count, "operation", operation);
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
