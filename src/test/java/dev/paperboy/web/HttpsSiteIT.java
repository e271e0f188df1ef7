package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.StartedApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A site whose base URL is https, reached over plain HTTP as a TLS-terminating proxy that forgets
 * {@code X-Forwarded-Proto} would: cookies are Secure and HSTS is sent all the same.
 */
class HttpsSiteIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SITE = "https://papers.example.test";
  private static final String ADMIN = "a-remote-operator-token-0123456789";
  private static StartedApplication app;

  /** What the server printed while starting. */
  private static String printed;

  @BeforeAll
  static void start() {
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      app = StartedApplication.with("paperboy.base-url=" + SITE, "paperboy.admin-token=" + ADMIN);
    } finally {
      System.setOut(console);
    }
    printed = captured.toString(StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
  }

  @Test
  void servePrintsAOneTimeSignInLinkOnTheSitesAddress() throws IOException, InterruptedException {
    Matcher link =
        Pattern.compile(
                "Operator sign-in \\(once, within 15 minutes\\): "
                    + Pattern.quote(SITE)
                    + "/operator/signin\\?code=(\\S+)")
            .matcher(printed);
    assertThat(link.find()).as(printed).isTrue();
    assertThat(send(at("/operator/signin?code=" + link.group(1))).statusCode()).isEqualTo(302);
    assertThat(send(at("/operator/signin?code=" + link.group(1))).body()).contains("already used");
  }

  @Test
  void cookiesAreSecureAndHstsIsSentWhateverTheProxySays()
      throws IOException, InterruptedException {
    HttpResponse<String> home = send(at("/").header("X-Forwarded-Proto", "http"));
    assertThat(home.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
    assertThat(home.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("pb_csrf=")
                    .contains("Secure", "HttpOnly", "SameSite=Strict"));
    String code = app.bean(OperatorLinks.class).issue();
    HttpResponse<String> signIn = send(at("/operator/signin?code=" + code));
    assertThat(OperatorAccessIT.operatorSetCookie(signIn))
        .contains("Secure", "HttpOnly", "SameSite=Strict");
  }

  @Test
  void aRemoteOperatorsTokenIsAcceptedBesideTheFileToken()
      throws IOException, InterruptedException {
    assertThat(
            send(at("/actuator/prometheus").header("Authorization", "Bearer " + ADMIN))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(at("/actuator/prometheus").header("Authorization", "Bearer " + ADMIN + "0"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theSitesOwnHostAndOriginAreOursAndOthersAreNot() throws IOException, InterruptedException {
    String token = "Bearer " + app.operatorToken();
    HttpResponse<String> fromSite =
        send(
            at("/admin/reindex")
                .header("Authorization", token)
                .header("Origin", SITE)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(fromSite.statusCode()).isEqualTo(200);
    HttpResponse<String> fromLookalike =
        send(
            at("/admin/reindex")
                .header("Authorization", token)
                .header("Origin", "https://papers.example.test.evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(fromLookalike.statusCode()).isEqualTo(403);
  }
}
