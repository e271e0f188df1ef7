package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorSurfacesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin",
        "/admin/import",
        "/admin/anything-added-later",
        "/mail",
        "/mail/42",
        "/sources",
        "/api/sources",
        "/actuator",
        "/actuator/prometheus",
        "/actuator/info",
        "/actuator/anything-added-later",
        "/MAIL",
        "/Actuator/Prometheus"
      })
  void operatorPathsAreCovered(String path) {
    assertThat(OperatorSurfaces.covers(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/search",
        "/api/search",
        "/mailbox",
        "/api/sourcesx",
        "/sourcesx",
        "/administrator",
        "/actuator/health",
        "/actuator/health/liveness",
        "/operator/signin"
      })
  void publicPathsAndTheHealthProbeAreNot(String path) {
    assertThat(OperatorSurfaces.covers(path)).isFalse();
  }
}
