package org.hrnode.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How forwarding headers are read: RFC 7239 syntax, node identifiers, path prefixes. */
class ForwardedRequestsTest {

    @Test
    void forwardedElementsKeepQuotedCommasAndSemicolonsAndIgnoreNameCase() {
        List<Map<String, String>> elements = ForwardedRequests.parseForwarded(
                "For=\"[2001:db8:cafe::17]:4711\";proto=https;host=\"pacs.example.cn:8443\", for=10.0.0.1;by=\"a,b;c\"");

        assertThat(elements).hasSize(2);
        assertThat(elements.get(0)).containsEntry("for", "[2001:db8:cafe::17]:4711").containsEntry("proto", "https")
                .containsEntry("host", "pacs.example.cn:8443");
        assertThat(elements.get(1)).containsEntry("for", "10.0.0.1").containsEntry("by", "a,b;c");
        assertThatThrownBy(() -> ForwardedRequests.parseForwarded("for=\"unclosed"))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> ForwardedRequests.parseForwarded("for=1.2.3.4;for=5.6.7.8"))
                .hasMessageContaining("twice");
    }

    @Test
    void nodesAreIpLiteralsWithOptionalPortsAndNeverHostNames() {
        assertThat(ForwardedRequests.node("[2001:db8::1]:4711")).hasValue(
                new InetSocketAddress(InetAddress.ofLiteral("2001:db8::1"), 4711));
        assertThat(ForwardedRequests.node("203.0.113.7:51000")).hasValue(
                new InetSocketAddress(InetAddress.ofLiteral("203.0.113.7"), 51000));
        assertThat(ForwardedRequests.node("2001:db8::2")).hasValue(
                new InetSocketAddress(InetAddress.ofLiteral("2001:db8::2"), 0));
        assertThat(ForwardedRequests.node("unknown")).isEmpty();
        assertThat(ForwardedRequests.node("_hidden")).isEmpty();
        assertThat(ForwardedRequests.node("proxy.example.cn")).isEmpty();
    }

    @Test
    void prefixesAreAbsolutePathsWithoutDotSegmentsAndLoseTheirTrailingSlash() {
        assertThat(ForwardedRequests.prefix("/hr/pacs/")).hasValue("/hr/pacs");
        assertThat(ForwardedRequests.prefix("/")).isEmpty();
        assertThat(ForwardedRequests.prefix(null)).isEmpty();
        for (String bad : List.of("hr", "/hr/../admin", "/hr?x=1", "//evil.example/x", "/a b")) {
            assertThatThrownBy(() -> ForwardedRequests.prefix(bad)).as(bad).hasMessageContaining("prefix");
        }
    }
}
