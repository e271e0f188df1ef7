package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void anEmptyListTrustsNoProxy() {
    assertThat(TrustedProxies.cidrs("")).isEmpty();
    assertThat(TrustedProxies.cidrs(null)).isEmpty();
  }

  @Test
  void bareAddressesBecomeRangesOfOne() {
    assertThat(TrustedProxies.cidrs("127.0.0.1, 10.1.0.0/16 ,::1"))
        .isEqualTo("127.0.0.1/32,10.1.0.0/16,0:0:0:0:0:0:0:1/128");
  }

  @Test
  void namesAreRefusedRatherThanLookedUp() {
    assertThatThrownBy(() -> TrustedProxies.cidrs("proxy.internal"))
        .hasMessageContaining("PAPERBOY_TRUSTED_PROXIES");
  }
}
