package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.runtime.PaperboySettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SiteTest {

  private static Site site(String baseUrl) {
    return new Site(new PaperboySettings("data", null, baseUrl, null, null));
  }

  @Test
  void withoutABaseUrlOnlyLoopbackNamesAreOurHost() {
    Site local = site("");
    assertThat(local.isOurHost("localhost:8080")).isTrue();
    assertThat(local.isOurHost("127.0.0.1:1234")).isTrue();
    assertThat(local.isOurHost("[::1]:8080")).isTrue();
    assertThat(local.isOurHost("LOCALHOST")).isTrue();
    assertThat(local.isOurHost("evil.example")).isFalse();
    assertThat(local.isOurHost("localhost.evil.example")).isFalse();
    assertThat(local.isOurHost("127.0.0.1.nip.io:8080")).isFalse();
    assertThat(local.isOurHost(null)).isFalse();
    assertThat(local.https()).isFalse();
  }

  @Test
  void theConfiguredSiteIsOurHostWithOrWithoutItsDefaultPort() {
    Site site = site("https://papers.example.org/");
    assertThat(site.isOurHost("papers.example.org")).isTrue();
    assertThat(site.isOurHost("papers.example.org:443")).isTrue();
    assertThat(site.isOurHost("papers.example.org:8443")).isFalse();
    assertThat(site.isOurHost("evil.example")).isFalse();
    assertThat(site("http://papers.example.org:8080").isOurHost("papers.example.org:8080"))
        .isTrue();
    assertThat(site("http://papers.example.org:8080").isOurHost("papers.example.org")).isFalse();
  }

  @Test
  void ourOriginIsTheSiteOrTheHostTheRequestWasSentTo() {
    Site site = site("https://papers.example.org");
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Host", "localhost:8080");
    assertThat(site.isOurOrigin("https://papers.example.org", request)).isTrue();
    assertThat(site.isOurOrigin("http://localhost:8080", request)).isTrue();
    assertThat(site.isOurOrigin("https://evil.example", request)).isFalse();
    assertThat(site.isOurOrigin("null", request)).isFalse();
    assertThat(site.isOurOrigin("http://localhost:9999", request)).isFalse();
  }

  @Test
  void cookiesAreSecureWheneverTheSiteIsHttpsWhateverTheRequestSays() {
    MockHttpServletRequest plain = new MockHttpServletRequest();
    assertThat(site("https://papers.example.org").cookie("c", "v", plain).build().isSecure())
        .isTrue();
    assertThat(site("").cookie("c", "v", plain).build().isSecure()).isFalse();
    assertThat(site("").cookie("c", "v", plain).build().isHttpOnly()).isTrue();
  }

  @Test
  void aBaseUrlThatIsNotAnHttpAddressIsAStartUpError() {
    assertThatThrownBy(() -> site("papers.example.org")).hasMessageContaining("PAPERBOY_BASE_URL");
    assertThatThrownBy(() -> site("ftp://papers.example.org"))
        .hasMessageContaining("PAPERBOY_BASE_URL");
  }
}
