package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.cli.Cli;
import dev.paperboy.support.ReverseProxy;
import dev.paperboy.support.SharedApplicationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator surfaces as an attacker meets them: behind an ordinary same-host nginx, from
 * loopback, from a cross-site page holding the operator's cookie, and through DNS rebinding (a
 * foreign Host). The credential alone opens them, and it costs the CLI and the operator nothing.
 */
class OperatorAccessIT extends SharedApplicationTest {

  private static final List<String> READS =
      List.of("/mail", "/sources", "/api/sources", "/actuator/prometheus", "/actuator/info");
  private static final List<String> WRITES =
      List.of("/admin/import", "/admin/reindex", "/admin/digest", "/admin/sync");

  private static ReverseProxy nginx;

  @Autowired OperatorLinks links;

  @AfterAll
  static void stopProxy() {
    if (nginx != null) {
      nginx.close();
    }
  }

  private String proxied() {
    if (nginx == null) {
      nginx = ReverseProxy.nginx(port);
    }
    return nginx.baseUrl();
  }

  @Test
  void behindASameHostProxyEveryOperatorSurfaceAsksForTheCredential() {
    String front = proxied();
    for (String path : READS) {
      assertThat(send(HttpRequest.newBuilder(URI.create(front + path)).build()).statusCode())
          .as(path)
          .isEqualTo(401);
    }
    String smuggled = atomFeed("2497.00001v1", "Smuggled Through The Proxy");
    for (String path : WRITES) {
      assertThat(send(post(front + path, smuggled).build()).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(get("/api/papers/arxiv:2497.00001").statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(URI.create(front + "/actuator/health")).build()).body())
        .contains("UP");
  }

  @Test
  void behindTheProxyTheCredentialOpensThemAll() {
    String front = proxied();
    for (String path : READS) {
      assertThat(send(withToken(HttpRequest.newBuilder(URI.create(front + path)))).statusCode())
          .as(path)
          .isEqualTo(200);
    }
    HttpResponse<String> imported =
        send(
            withToken(
                HttpRequest.newBuilder(URI.create(front + "/admin/import?file=proxied.atom"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            atomFeed("2497.00002v1", "Imported Through The Proxy")))));
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(get("/api/papers/arxiv:2497.00002").statusCode()).isEqualTo(200);
  }

  @Test
  void fromLoopbackTooTheOperatorSurfacesAskForTheCredential() {
    HttpResponse<String> mail = get("/mail");
    assertThat(mail.statusCode()).isEqualTo(401);
    assertThat(mail.headers().firstValue("Content-Type").orElse("")).contains("text/html");
    assertThat(mail.body()).contains("Operator sign-in needed", "bin/paperboy operator-link");
    assertThat(mail.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(metrics.body()).get("error").asString()).contains("operator");
    HttpResponse<String> reindex = send(post(baseUrl() + "/admin/reindex", "").build());
    assertThat(reindex.statusCode()).isEqualTo(401);
    assertThat(reindex.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> v.startsWith("Bearer"));
    for (String spelling :
        List.of("/Mail", "//mail", "/mail;x=1", "/sources/", "/ACTUATOR/prometheus")) {
      assertThat(get(spelling).statusCode()).as(spelling).isNotEqualTo(200);
    }
  }

  @Test
  void aWrongTokenIsForbidden() {
    HttpResponse<String> wrong =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/mail"))
                .header("Authorization", "Bearer " + operatorToken() + "x")
                .build());
    assertThat(wrong.statusCode()).isEqualTo(403);
    HttpResponse<String> forged =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sources"))
                .header("Cookie", "pb_operator=forged.value")
                .build());
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void aCrossSitePostIsRefusedEvenWithTheOperatorCookie() {
    String cookie = operatorCookie();
    HttpResponse<String> evil =
        send(
            post(baseUrl() + "/admin/import?file=evil.atom", atomFeed("2497.00003v1", "Injected"))
                .header("Cookie", cookie)
                .header("Origin", "https://evil.example")
                .header("Content-Type", "text/plain")
                .build());
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(get("/api/papers/arxiv:2497.00003").statusCode()).isEqualTo(404);
    HttpResponse<String> fetched =
        send(
            post(baseUrl() + "/admin/reindex", "")
                .header("Cookie", cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .build());
    assertThat(fetched.statusCode()).isEqualTo(403);
    HttpResponse<String> ours =
        send(
            post(baseUrl() + "/admin/reindex", "")
                .header("Cookie", cookie)
                .header("Origin", baseUrl())
                .header("Sec-Fetch-Site", "same-origin")
                .build());
    assertThat(ours.statusCode()).isEqualTo(200);
  }

  @Test
  void aForeignHostIsRefusedEvenWithTheCredential() throws IOException {
    String token = "Authorization: Bearer " + operatorToken();
    assertThat(status("GET /mail", "Host: evil.example", token)).isEqualTo(403);
    assertThat(status("GET /actuator/prometheus", "Host: evil.example:" + port, token))
        .isEqualTo(403);
    assertThat(status("GET /mail", "Host: localhost:" + port, token)).isEqualTo(200);
  }

  @Test
  void theSignInLinkWorksOnceAndThenSaysItWasUsed() {
    String code = links.issue();
    HttpResponse<String> first = get("/operator/signin?code=" + code);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/sources");
    String setCookie = operatorSetCookie(first);
    assertThat(setCookie).startsWith("pb_operator=").contains("HttpOnly", "SameSite=Strict");
    assertThat(setCookie).doesNotContain("Secure");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(
            send(HttpRequest.newBuilder(URI.create(baseUrl() + "/mail"))
                    .header("Cookie", cookie)
                    .build())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> again = get("/operator/signin?code=" + code);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("already used");
    assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("pb_operator"));
    assertThat(get("/operator/signin?code=made-up").statusCode()).isEqualTo(400);
  }

  @Test
  void theCliFindsItsTokenAndAsksTheServerForALink() throws IOException {
    assertThat(Files.getPosixFilePermissions(dataDirectory.operatorToken()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        new Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                PaperboyApplication.class,
                dataDirectory)
            .run("operator-link");
    assertThat(status).isZero();
    Matcher link =
        Pattern.compile("Operator sign-in \\(once\\): (http://\\S+/operator/signin\\?code=(\\S+))")
            .matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(link.find()).isTrue();
    assertThat(get("/operator/signin?code=" + link.group(2)).statusCode()).isEqualTo(302);
  }

  @Test
  void withoutAnHttpsSiteCookiesAreNotSecureAndNoHstsIsSent() {
    HttpResponse<String> home = get("/");
    assertThat(home.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(home.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("pb_csrf=").contains("HttpOnly", "SameSite=Strict"));
  }

  /** Signs in by a one-time link, as the operator's browser would, and returns its cookie. */
  private String operatorCookie() {
    String setCookie = operatorSetCookie(get("/operator/signin?code=" + links.issue()));
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  static String operatorSetCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(OperatorSignIn.COOKIE + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no operator cookie in " + response.headers()));
  }

  private HttpRequest.Builder post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest withToken(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer " + operatorToken()).build();
  }

  /**
   * The status of a request written by hand: Java's HTTP client will not send a Host header of our
   * choosing, and a DNS-rebinding page makes the browser send its own domain's.
   */
  private int status(String requestLine, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      String request =
          requestLine
              + " HTTP/1.1\r\n"
              + String.join("\r\n", headers)
              + "\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
