package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The client for rate limits and views: the peer the server sees, never a header. */
class ClientAddressTest {

  private static MockHttpServletRequest from(String peer) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/papers/arxiv:2611.00001");
    request.setRemoteAddr(peer);
    return request;
  }

  @Test
  void headersAnyClientCanSendDoNotChangeTheClient() {
    MockHttpServletRequest plain = from("198.51.100.7");
    MockHttpServletRequest spoofed = from("198.51.100.7");
    spoofed.addHeader("X-Forwarded-For", "203.0.113.9");
    spoofed.addHeader("X-Real-IP", "203.0.113.10");
    spoofed.addHeader("Forwarded", "for=203.0.113.11");
    spoofed.addHeader("User-Agent", "Mozilla/5.0 rotation 42");
    assertThat(ClientAddress.of(spoofed)).isEqualTo(ClientAddress.of(plain));
  }

  @Test
  void twoPeersAreTwoClients() {
    assertThat(ClientAddress.of(from("198.51.100.7")))
        .isNotEqualTo(ClientAddress.of(from("198.51.100.8")));
  }

  @Test
  void oneIpv6HostIsItsSlash64() {
    assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1"))
        .isEqualTo(ClientAddress.of("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
        .isNotEqualTo(ClientAddress.of("2001:db8:1:3::1"));
    assertThat(ClientAddress.of("::ffff:198.51.100.7")).isEqualTo(ClientAddress.of("198.51.100.7"));
  }
}
