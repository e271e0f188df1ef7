package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  @Test
  void headerInjectionInAnAddressIsRejected() {
    for (String bad :
        new String[] {
          "a@example.org\r\nBcc: x@evil.test",
          "a@example.org\nCc: y",
          "Eve <eve@example.org>",
          "a@example.org, b@example.org",
          "",
          "no-at-sign",
          "a".repeat(250) + "@x.org"
        }) {
      assertThatThrownBy(() -> Subscriptions.address(bad))
          .as(bad)
          .isInstanceOf(InvalidSubscription.class);
    }
    assertThat(Subscriptions.address("  Ada.Lovelace+papers@example.org "))
        .isEqualTo("Ada.Lovelace+papers@example.org");
  }

  @Test
  void topicsAreSingleShortLines() {
    assertThatThrownBy(() -> Subscriptions.topics(List.of("diffusion\r\nBcc: x@evil.test")))
        .isInstanceOf(InvalidSubscription.class);
    assertThat(Subscriptions.topics(List.of(" cat:cs.CL ", "", "cat:cs.CL", "diffusion")))
        .containsExactly("cat:cs.CL", "diffusion");
  }

  @Test
  void timeZonesAreChecked() {
    assertThat(Subscriptions.zone("Europe/Berlin")).isEqualTo("Europe/Berlin");
    assertThat(Subscriptions.zone("")).isEqualTo("UTC");
    assertThatThrownBy(() -> Subscriptions.zone("Mars/Olympus"))
        .isInstanceOf(InvalidSubscription.class);
  }
}
