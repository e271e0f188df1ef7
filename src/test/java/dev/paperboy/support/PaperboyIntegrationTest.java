package dev.paperboy.support;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a real embedded PostgreSQL and a real HTTP port, with helpers to import
 * fixtures and call it. Subclasses name the data directory (see {@link SharedApplicationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Tests run sources, digests and the postman themselves, when they mean to. (A subclass's
// @DynamicPropertySource outranks these.)
@TestPropertySource(
    properties = {"paperboy.sources.schedule=false", "paperboy.background-jobs=false"})
public abstract class PaperboyIntegrationTest {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort protected int port;
  @Autowired protected Importer importer;

  /** A loopback port nobody listens on, for a test's own server or for a host that is down. */
  public static int freePort() {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An SMTP server on a loopback port, for a test class that reads the mail it sends. */
  protected static com.icegreen.greenmail.util.GreenMail smtpSink(int port) {
    return new com.icegreen.greenmail.util.GreenMail(
        new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
  }

  /**
   * Settings of an application with its own data directory that sends its mail, unthrottled, to the
   * SMTP server on that port.
   */
  protected static void sendMailTo(
      org.springframework.test.context.DynamicPropertyRegistry registry, Path data, int smtpPort) {
    registry.add("paperboy.data-dir", data::toString);
    registry.add("paperboy.mail.smtp-host", () -> "127.0.0.1");
    registry.add("paperboy.mail.smtp-port", () -> smtpPort);
    registry.add("paperboy.mail.per-client-per-hour", () -> "1000");
  }

  protected static Path tempDir() {
    try {
      return Files.createTempDirectory("paperboy-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected ImportReport importFixture(String name) {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
      return importer.importFile(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected ImportReport importText(String name, String content) {
    return importer.importFile(
        name, new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Autowired protected dev.paperboy.digest.Subscriptions subscriptions;
  @Autowired protected org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

  /** A signed-in reader: the Cookie header to send and the CSRF value for forms. */
  public record Reader(String cookies, String csrf) {}

  /** Subscribes, confirms by the mailed link's token and signs in, as a reader would. */
  protected Reader signIn(String email) {
    subscriptions.subscribe(email, java.util.List.of(), "UTC", "test-" + email);
    String text =
        jdbcClient
            .sql(
                "select text_body from outbox where lower(recipient) = lower(?)"
                    + " and kind = 'confirm' order by id desc limit 1")
            .param(email)
            .query(String.class)
            .single();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("confirm\\?token=(\\S+)").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no confirmation link in " + text);
    }
    var subscriber = subscriptions.confirm(m.group(1)).subscriber().orElseThrow();
    String csrf = "test-csrf-" + subscriber.id();
    return new Reader(
        "pb_session=" + subscriptions.session(subscriber) + "; pb_csrf=" + csrf, csrf);
  }

  protected HttpResponse<String> postForm(String path, Reader reader, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", reader.cookies())
            .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + reader.csrf()))
            .build());
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  protected HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).build());
  }

  protected HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Autowired protected dev.paperboy.runtime.DataDirectory dataDirectory;

  /** The operator token the running server wrote into its data directory, as the CLI reads it. */
  protected String operatorToken() {
    return dev.paperboy.runtime.OperatorToken.read(dataDirectory).orElseThrow();
  }

  /** A request carrying the operator credential, as the CLI sends it. */
  protected HttpRequest.Builder asOperator(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + operatorToken());
  }

  protected HttpResponse<String> getAsOperator(String pathAndQuery) {
    return send(asOperator(pathAndQuery).build());
  }

  protected JsonNode json(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The ids a keyword search for {@code words} finds, on its first page. */
  protected java.util.List<String> foundByKeyword(String words) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    json("/api/search?mode=keyword&q=" + q(words))
        .get("results")
        .forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  /** A one-entry arXiv Atom feed. */
  protected static String atomFeed(String id, String title) {
    return "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>http://arxiv.org/abs/"
        + id
        + "</id><published>2025-01-01T00:00:00Z</published><title>"
        + title
        + "</title>"
        + "<summary>An abstract about versioning.</summary><author><name>Vera Sion</name>"
        + "</author><category term='cs.DL'/></entry></feed>";
  }

  protected static String q(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
