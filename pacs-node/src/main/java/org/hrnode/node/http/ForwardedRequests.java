package org.hrnode.node.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a request that came through a trusted reverse proxy or load balancer look as the client sent it: the
 * client's address (what the audit trail and access control read through {@code getRemoteAddr()}), and the scheme,
 * host and path prefix the client used (what every absolute URL the node writes is built from: QIDO-RS
 * RetrieveURL, WADO-RS BulkDataURI, STOW-RS RetrieveURL, Location). Read from the standard {@code Forwarded} header
 * (RFC 7239: {@code for}, {@code proto}, {@code host}) or else {@code X-Forwarded-For/-Proto/-Host/-Port}, and the
 * path prefix from {@code X-Forwarded-Prefix} (RFC 7239 has none).
 *
 * <p>Only a direct peer in {@link TrustedProxies} is believed; from anyone else these headers are removed before
 * the application sees them, so nothing downstream can be fooled by them ({@link ForwardedPrefixFilter} relies on
 * that). A configured public URL, when set, fixes scheme, host and prefix whatever the headers say.
 *
 * <p>Hand-written rather than Undertow's {@code ProxyPeerAddressHandler}/{@code ForwardedHandler}: those believe
 * every peer, take the <em>leftmost</em> {@code X-Forwarded-For} entry (which the client writes itself when the
 * proxy appends, as nginx's {@code $proxy_add_x_forwarded_for} does: the audit trail would record a forged
 * address), and know no path prefix. Here the client is the rightmost entry that is not a trusted proxy.
 */
final class ForwardedRequests implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardedRequests.class);

    static final HttpString X_FORWARDED_PREFIX = new HttpString("X-Forwarded-Prefix");
    private static final List<HttpString> FORWARDING_HEADERS = List.of(Headers.FORWARDED, Headers.X_FORWARDED_FOR,
            Headers.X_FORWARDED_PROTO, Headers.X_FORWARDED_HOST, Headers.X_FORWARDED_PORT, X_FORWARDED_PREFIX);
    /** A host as URLs carry it: a name, an IPv4 address or a bracketed IPv6 address, and an optional port. */
    private static final Pattern HOST = Pattern.compile("(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::[0-9]{1,5})?");
    /** Path segments of unreserved and sub-delimiter characters (RFC 3986), percent-escapes allowed. */
    private static final Pattern PREFIX = Pattern.compile("(?:/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/?");

    private final HttpHandler next;
    private final TrustedProxies proxies;
    private final Optional<URI> publicUrl;

    ForwardedRequests(HttpHandler next, TrustedProxies proxies, Optional<URI> publicUrl) {
        this.next = next;
        this.proxies = proxies;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getRequestHeaders();
        Forwarding forwarding = null;
        if (proxies.trusts(exchange.getSourceAddress().getAddress())) {
            try {
                forwarding = headers.contains(Headers.FORWARDED) ? fromForwarded(headers) : fromXForwarded(headers);
            } catch (IllegalArgumentException malformed) {
                LOG.warn("event=forwarding_refused peer={} reason=\"{}\"",
                        exchange.getSourceAddress().getAddress().getHostAddress(), malformed.getMessage());
                exchange.setStatusCode(StatusCodes.BAD_REQUEST);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=UTF-8");
                exchange.getResponseSender().send("forwarding headers from the proxy are malformed: "
                        + malformed.getMessage());
                return;
            }
        }
        for (HttpString header : FORWARDING_HEADERS) {
            headers.remove(header);
        }
        if (forwarding != null) {
            forwarding.client().ifPresent(exchange::setSourceAddress);
            forwarding.proto().ifPresent(exchange::setRequestScheme);
            forwarding.host().ifPresent(host -> headers.put(Headers.HOST, host));
            forwarding.prefix().ifPresent(prefix -> headers.put(X_FORWARDED_PREFIX, prefix));
        }
        publicUrl.ifPresent(url -> {
            exchange.setRequestScheme(url.getScheme());
            headers.put(Headers.HOST, url.getRawAuthority());
            headers.remove(X_FORWARDED_PREFIX);
            prefix(url.getRawPath()).ifPresent(prefix -> headers.put(X_FORWARDED_PREFIX, prefix));
        });
        next.handleRequest(exchange);
    }

    /** What a trusted proxy says about the client; empty parts leave the connection's own. */
    private record Forwarding(Optional<InetSocketAddress> client, Optional<String> proto, Optional<String> host,
            Optional<String> prefix) {
    }

    /**
     * RFC 7239: each proxy appends one element. Walking from the right (the element the direct peer wrote) past
     * elements whose {@code for} is itself a trusted proxy finds the element written by the proxy the client
     * connected to; its {@code proto} and {@code host} are what the client used (or, where it left them out, the
     * nearest trusted element's to its right).
     */
    private Forwarding fromForwarded(HeaderMap headers) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String value : headers.eachValue(Headers.FORWARDED)) {
            elements.addAll(parseForwarded(value));
        }
        int chosen = elements.size() - 1;
        while (chosen > 0 && trustedNode(elements.get(chosen).get("for"))) {
            chosen--;
        }
        Optional<String> proto = Optional.empty();
        Optional<String> host = Optional.empty();
        for (int i = elements.size() - 1; i >= chosen; i--) {
            Map<String, String> element = elements.get(i);
            proto = element.containsKey("proto") ? Optional.of(element.get("proto")) : proto;
            host = element.containsKey("host") ? Optional.of(element.get("host")) : host;
        }
        return new Forwarding(node(elements.get(chosen).get("for")), proto.map(ForwardedRequests::proto),
                host.map(ForwardedRequests::host), prefix(last(headers, X_FORWARDED_PREFIX)));
    }

    /**
     * The de-facto headers. The client is the rightmost {@code X-Forwarded-For} entry that is not a trusted proxy;
     * proto, host, port and prefix are the values the direct peer sent (the last, where a proxy appended).
     */
    private Forwarding fromXForwarded(HeaderMap headers) {
        List<String> chain = new ArrayList<>();
        for (String value : headers.eachValue(Headers.X_FORWARDED_FOR)) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    chain.add(entry.strip());
                }
            }
        }
        int chosen = chain.size() - 1;
        while (chosen > 0 && trustedNode(chain.get(chosen))) {
            chosen--;
        }
        Optional<InetSocketAddress> client = chosen < 0 ? Optional.empty() : node(chain.get(chosen));
        Optional<String> proto = Optional.ofNullable(last(headers, Headers.X_FORWARDED_PROTO))
                .map(ForwardedRequests::proto);
        Optional<String> host = Optional.ofNullable(last(headers, Headers.X_FORWARDED_HOST))
                .map(ForwardedRequests::host);
        String port = last(headers, Headers.X_FORWARDED_PORT);
        if (port != null) {
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("X-Forwarded-Port is not a port");
            }
            String bareHost = withoutPort(host.orElse(headers.getFirst(Headers.HOST)));
            String scheme = proto.orElse("http");
            boolean standard = scheme.equals("https") ? port.equals("443") : port.equals("80");
            host = bareHost == null ? host : Optional.of(standard ? bareHost : bareHost + ":" + port);
        }
        return new Forwarding(client, proto, host, prefix(last(headers, X_FORWARDED_PREFIX)));
    }

    private boolean trustedNode(String node) {
        return node(node).map(a -> proxies.trusts(a.getAddress())).orElse(false);
    }

    /**
     * A node as {@code for} and {@code X-Forwarded-For} give it: an IP literal, IPv6 bracketed when a port
     * follows, with an optional port. {@code unknown} and obfuscated identifiers ({@code _hidden}) name no address.
     */
    static Optional<InetSocketAddress> node(String node) {
        if (node == null) {
            return Optional.empty();
        }
        String address = node;
        int port = 0;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String rest = address.substring(close + 1);
            address = address.substring(1, close);
            if (rest.startsWith(":") && rest.substring(1).matches("[0-9]{1,5}")) {
                port = Integer.parseInt(rest.substring(1));
            }
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') > 0) {
            String portText = address.substring(address.indexOf(':') + 1);
            address = address.substring(0, address.indexOf(':'));
            port = portText.matches("[0-9]{1,5}") ? Integer.parseInt(portText) : 0;
        }
        try {
            InetAddress literal = InetAddress.ofLiteral(address);
            return Optional.of(new InetSocketAddress(literal, port > 65535 ? 0 : port));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String proto(String proto) {
        String p = proto.strip().toLowerCase(Locale.ROOT);
        if (!p.equals("http") && !p.equals("https")) {
            throw new IllegalArgumentException("proto '" + proto + "' is neither http nor https");
        }
        return p;
    }

    private static String host(String host) {
        String h = host.strip();
        if (!HOST.matcher(h).matches()) {
            throw new IllegalArgumentException("host '" + host + "' is not a host[:port]");
        }
        return h;
    }

    /** A path prefix without its trailing slash; empty for none or {@code /}. */
    static Optional<String> prefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return Optional.empty();
        }
        String p = prefix.strip();
        if (!PREFIX.matcher(p).matches() || p.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("prefix '" + prefix + "' is not an absolute path");
        }
        p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    private static String withoutPort(String host) {
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    /** The last comma-separated value of the header's last line. */
    private static String last(HeaderMap headers, HttpString name) {
        String value = headers.getLast(name);
        if (value == null) {
            return null;
        }
        String last = value.substring(value.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? null : last;
    }

    /**
     * Elements of a {@code Forwarded} value: comma-separated, each {@code ;}-separated {@code name=value} pairs,
     * values tokens or quoted strings (which may hold commas and semicolons). Names are case-insensitive.
     */
    static List<Map<String, String>> parseForwarded(String value) {
        List<Map<String, String>> elements = new ArrayList<>();
        Map<String, String> element = new LinkedHashMap<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == ';') {
                i++;
                continue;
            }
            if (c == ',') {
                elements.add(element);
                element = new LinkedHashMap<>();
                i++;
                continue;
            }
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("Forwarded pair without '='");
            }
            String name = value.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && value.charAt(i) == '"') {
                i++;
                while (i < n && value.charAt(i) != '"') {
                    if (value.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(value.charAt(i++));
                }
                if (i >= n) {
                    throw new IllegalArgumentException("Forwarded quoted string not closed");
                }
                i++;
            } else {
                while (i < n && ";,".indexOf(value.charAt(i)) < 0) {
                    v.append(value.charAt(i++));
                }
            }
            if (element.putIfAbsent(name, v.toString().strip()) != null) {
                throw new IllegalArgumentException("Forwarded element names '" + name + "' twice");
            }
        }
        elements.add(element);
        return elements;
    }
}
