package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.PaperboyIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Walks every route Spring knows — enumerated from its handler mapping, so a route added later is
 * walked too — with malformed and hostile input, on the real server: none may answer 5xx, and every
 * error comes in its route's format without internals. Operator routes are walked from loopback, so
 * their handlers see the input too; the live sources point at a closed loopback port.
 */
class RouteWalkIT extends PaperboyIntegrationTest {

  private static final Path DATA_DIR = tempDir();
  private static final String PAPER = "arxiv:2410.21271";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)}");
  // Words, not fragments: a page's random CSRF value once held "NjdbcqC".
  private static final Pattern INTERNALS =
      Pattern.compile(
          "(?i)exception|\\tat |\\bat (java|org)\\.|org\\.apache|springframework|sqlstate|\\bjdbc");

  /** Values put into a path variable, as sent on the wire (already percent-encoded, or not). */
  private static final List<String> PATH_VALUES =
      List.of(
          "%ff",
          "%ff%fe",
          "a%2Fb",
          "%00",
          "a%00b",
          "%zz",
          "%",
          "%01%1f",
          "..%2F..%2Fetc%2Fpasswd",
          "../../../../etc/passwd",
          "%2e%2e%2f%2e%2e%2fetc",
          "-1",
          "99999999999999999999",
          "arxiv:" + "1".repeat(5_000),
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%E2%80%AE",
          "%C0%AE%C0%AE",
          "doi:10.1000%2F%ff",
          "arxiv:hep-th/9901001/related",
          "arxiv:2410.21271/related/related",
          "");

  /** Values put into every query parameter, as sent on the wire: encodings and lengths. */
  private static final List<String> ANY_VALUES =
      List.of("", "%ff%fe", "%", "%zz", "%00", "%01%1f%7f", "%E2%80%AE", "x".repeat(7_000));

  /** Values for numeric parameters. */
  private static final List<String> NUMBERS =
      List.of("-1", "0", "21474837", "2147483648", "99999999999999999999", "NaN", "abc");

  /** Values for dates. */
  private static final List<String> DATES =
      List.of("2024-13-45", "%2B999999999-12-31", "0000-00-00", "-1", "yesterday");

  /** Values for text: queries, ids, addresses, tokens, names. */
  private static final List<String> TEXTS =
      List.of(
          "-1",
          "99999999999999999999",
          "..%2F..%2Fetc%2Fpasswd",
          "%3Cscript%3E",
          "author:",
          "*",
          "AND+OR+NOT",
          "upload%0d%0aX-Injected:%20yes");

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND");

  private static final List<String> ACCEPTS =
      List.of("application/xml", "text/csv", "image/png", "garbage;;q=x", "application/json;q=0");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json",
          "application/json; charset=bogus",
          "application/octet-stream");

  private static final List<String> BODIES =
      List.of(
          "",
          "{",
          "null",
          "[]",
          "{\"email\":1,\"topics\":{}}",
          "{\"email\":\"a\\u0000@example.org\",\"topics\":[\"\\u0001\"],\"zone\":\"\\u0000\"}",
          "a=%ff&csrf=%00",
          "\u0000\u0001");

  @DynamicPropertySource
  static void isolated(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", DATA_DIR::toString);
    for (String url : List.of("arxiv-oai-url", "arxiv-api-url", "arxiv-rss-url", "hf-api-url")) {
      registry.add("paperboy.sources." + url, () -> "http://127.0.0.1:9/");
    }
    registry.add("paperboy.sources.attempts", () -> "1");
    registry.add("paperboy.sources.arxiv-interval", () -> "1ms");
    registry.add("paperboy.sources.enabled", () -> "");
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  /** A route as Spring maps it: one path pattern, its methods, and its named inputs. */
  record Route(
      String pattern, List<String> methods, Map<String, List<String>> parameters, boolean body) {
    String path(String value) {
      return VARIABLE.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(value(m, value)));
    }

    private static String value(MatchResult variable, String value) {
      return value != null ? value : variable.group(1).equals("format") ? "atom" : PAPER;
    }
  }

  /** One request of the walk. */
  record Probe(String method, String target, Map<String, String> headers, byte[] body) {
    Probe(String method, String target) {
      this(method, target, Map.of(), null);
    }

    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }
  }

  @BeforeEach
  void papers() {
    importFixture("arxiv-api.atom");
    importFixture("papers.jsonl");
  }

  @Test
  void noRouteAnswersHostileInputWithA5xxAndEveryErrorIsInItsRoutesFormat() throws Exception {
    List<Route> routes = routes();
    assertThat(routes).extracting(Route::pattern).contains("/api/search", "/api/papers/{*id}");
    List<Probe> probes = new ArrayList<>();
    routes.forEach(route -> probes.addAll(battery(route)));
    assertThat(probes).hasSizeBetween(1_000, 5_000);
    long start = System.nanoTime();
    List<String> failures = walk(probes);
    System.out.printf(
        "Route walk: %d routes, %d probes, %d s%n",
        routes.size(), probes.size(), (System.nanoTime() - start) / 1_000_000_000);
    assertThat(failures).as("%d of %d probes failed", failures.size(), probes.size()).isEmpty();
  }

  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String pattern : info.getPatternValues()) {
                routes.add(
                    new Route(pattern, methods(info), parameters(handler), takesBody(handler)));
              }
            });
    // Served outside the controllers, and just as reachable.
    for (String path : List.of("/actuator/health", "/css/paperboy.css", "/no/such/page")) {
      routes.add(new Route(path, List.of("GET"), Map.of(), false));
    }
    return routes;
  }

  private static List<String> methods(RequestMappingInfo info) {
    Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
    return declared.isEmpty()
        ? List.of("GET", "POST")
        : declared.stream().map(RequestMethod::name).sorted().toList();
  }

  /** Each query parameter with the hostile values that fit its type. */
  private static Map<String, List<String>> parameters(HandlerMethod handler) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (MethodParameter p : handler.getMethodParameters()) {
      RequestParam param = p.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        Class<?> type = p.getParameterType();
        List<String> values = new ArrayList<>(ANY_VALUES);
        values.addAll(
            type == LocalDate.class
                ? DATES
                : type.isPrimitive() || Number.class.isAssignableFrom(type) ? NUMBERS : TEXTS);
        parameters.put(param.name().isEmpty() ? p.getParameterName() : param.name(), values);
      }
    }
    return parameters;
  }

  private static boolean takesBody(HandlerMethod handler) {
    for (MethodParameter p : handler.getMethodParameters()) {
      if (p.hasParameterAnnotation(RequestBody.class)
          || p.getParameterType().getName().endsWith("HttpServletRequest")) {
        return true;
      }
    }
    return false;
  }

  private static List<Probe> battery(Route route) {
    String method = route.methods().get(0);
    String path = route.path(null);
    List<Probe> probes = new ArrayList<>();
    route.methods().forEach(m -> probes.add(new Probe(m, path)));
    if (!path.equals(route.pattern())) {
      PATH_VALUES.forEach(v -> probes.add(new Probe(method, route.path(v))));
    }
    for (var parameter : route.parameters().entrySet()) {
      String name = parameter.getKey();
      parameter.getValue().forEach(v -> probes.add(new Probe(method, path + "?" + name + "=" + v)));
      probes.add(new Probe(method, path + "?" + name + "=a&" + name + "=b"));
    }
    probes.add(new Probe(method, path + "?page=21474837&size=100"));
    probes.add(new Probe(method, path + "?page=-1&size=-1&from=2025-01-01&to=2024-01-01"));
    probes.add(new Probe(method, path + "?q=" + "y".repeat(20_000)));
    probes.add(new Probe(method, path + "%ff"));
    probes.add(new Probe(method, path + "?q=a\u0001b"));
    probes.add(new Probe(method, path + "?" + "p=1&".repeat(1_500)));
    METHODS.stream()
        .filter(m -> !route.methods().contains(m))
        .forEach(m -> probes.add(new Probe(m, path)));
    ACCEPTS.forEach(a -> probes.add(new Probe(method, path, Map.of("Accept", a), null)));
    if (route.methods().contains("POST")) {
      probes.addAll(bodies(path, route.body() || !route.parameters().isEmpty()));
    }
    return probes;
  }

  /** Every body to a route that reads one (JSON, a form or a file), two kinds to the others. */
  private static List<Probe> bodies(String path, boolean readsBody) {
    List<Probe> probes = new ArrayList<>();
    for (String type : readsBody ? CONTENT_TYPES : List.of("text/plain")) {
      boolean natural = type.equals("application/json") || type.startsWith("application/x-www");
      for (String body : natural ? BODIES : BODIES.subList(0, 2)) {
        probes.add(
            new Probe(
                "POST", path, Map.of("Content-Type", type), body.getBytes(StandardCharsets.UTF_8)));
      }
    }
    byte[] large = "{\"email\":\"".concat("a".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
    probes.add(new Probe("POST", path, Map.of("Content-Type", "application/json"), large));
    probes.add(
        new Probe(
            "POST",
            path,
            Map.of("Content-Type", "application/json", "Content-Length", "99999999999"),
            new byte[0]));
    probes.add(
        new Probe("POST", path, Map.of("Content-Type", "application/json", "Chunked", ""), large));
    return probes;
  }

  private List<String> walk(List<Probe> probes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> checks = new ArrayList<>();
      for (Probe probe : probes) {
        checks.add(pool.submit(() -> check(probe)));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> check : checks) {
        String failure = check.get();
        if (failure != null) {
          failures.add(failure);
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Null when the answer keeps the rule, else what was wrong. */
  private String check(Probe probe) {
    RawHttp.Answer answer;
    try {
      answer = send(probe);
    } catch (IOException | RuntimeException e) {
      return describe(probe) + " → no answer: " + e;
    }
    String problem = problem(probe, answer);
    return problem == null ? null : describe(probe) + " → " + answer.status() + " " + problem;
  }

  private static String problem(Probe probe, RawHttp.Answer answer) {
    if (answer.status() >= 500) {
      return answer.contentType() + ": " + abbreviated(answer.body());
    }
    if (answer.status() < 400 || probe.method().equals("HEAD")) {
      return null;
    }
    ErrorFormat format = unreadable(probe) ? ErrorFormat.JSON : ErrorFormat.of(probe.path());
    if (!answer.contentType().startsWith(format.type.getType() + "/" + format.type.getSubtype())) {
      return "is " + answer.contentType() + ", not " + format.type;
    }
    if (format == ErrorFormat.JSON && !isJsonError(answer.body())) {
      return "is not {\"error\": ...}: " + abbreviated(answer.body());
    }
    Matcher internals = INTERNALS.matcher(answer.body());
    if (internals.find()) {
      int from = Math.max(0, internals.start() - 120);
      return "shows internals: …"
          + abbreviated(
              answer.body().substring(from, Math.min(answer.body().length(), from + 300)));
    }
    return null;
  }

  /**
   * A request line Tomcat cannot parse (too long, or raw control characters) has no known path; it
   * is answered in JSON, since only programs send such requests.
   */
  private static boolean unreadable(Probe probe) {
    return probe.target().length() > 8_000
        || probe.target().chars().anyMatch(c -> c <= ' ' || c >= 0x7f);
  }

  private static boolean isJsonError(String body) {
    try {
      JsonNode error = JSON.readTree(body).get("error");
      return error != null && error.isString() && !error.asString().isBlank();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** java.net.http where it can express the request, a plain socket where it cannot. */
  private RawHttp.Answer send(Probe probe) throws IOException {
    HttpRequest request;
    try {
      request = request(probe);
    } catch (IllegalArgumentException refused) {
      return RawHttp.send(port, probe.method(), probe.target(), probe.headers(), probe.body());
    }
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers().firstValue("content-type").ifPresent(t -> headers.put("content-type", t));
      return new RawHttp.Answer(r.statusCode(), headers, r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private HttpRequest request(Probe probe) {
    if (probe.target().length() > 8_000 || probe.headers().containsKey("Content-Length")) {
      throw new IllegalArgumentException("the socket sends this one");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl() + probe.target()))
            .timeout(Duration.ofSeconds(20));
    boolean chunked = probe.headers().containsKey("Chunked");
    probe.headers().entrySet().stream()
        .filter(h -> !h.getKey().equals("Chunked"))
        .forEach(h -> builder.header(h.getKey(), h.getValue()));
    HttpRequest.BodyPublisher body =
        probe.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : chunked
                ? HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(probe.body()))
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
    return builder.method(probe.method(), body).build();
  }

  private static String describe(Probe probe) {
    return probe.method() + " " + abbreviated(probe.target()) + " " + probe.headers().keySet();
  }

  private static String abbreviated(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
  }
}
