package org.hrnode.node.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reverse proxies and load balancers whose forwarding headers ({@code Forwarded}, {@code X-Forwarded-*}) the
 * node believes: IP addresses and CIDR ranges. Anyone else could forge those headers and make the node hand out
 * URLs of the forger's choosing, or hide behind an address of their choosing in the audit trail.
 *
 * <p>Addresses are parsed as literals only ({@link InetAddress#ofLiteral}): a host name would need DNS at start and
 * could change meaning afterwards.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Trusts no one: forwarding headers are ignored. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list of addresses and CIDR ranges ({@code 10.0.0.5, 172.16.0.0/12, fd00::/8});
     * blank entries are skipped.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        return new TrustedProxies(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Range::parse).toList());
    }

    /** Whether forwarding headers from a direct peer at {@code address} are believed. */
    public boolean trusts(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    private record Range(byte[] network, int prefixLength) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress literal;
            try {
                literal = InetAddress.ofLiteral(address);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
            }
            byte[] network = literal.getAddress();
            int bits = network.length * Byte.SIZE;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + entry + "' has no prefix length 0-" + bits);
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / Byte.SIZE;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % Byte.SIZE;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (Byte.SIZE - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
