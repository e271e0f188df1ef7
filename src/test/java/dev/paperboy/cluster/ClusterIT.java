package dev.paperboy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.BulkSubscribers;
import dev.paperboy.support.Cluster;
import dev.paperboy.support.LoadBalancer;
import dev.paperboy.support.PaperLines;
import dev.paperboy.support.SearchLoad;
import dev.paperboy.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The layout of docs/DEPLOY.md, for real: an external PostgreSQL, three instances as separate
 * processes, and HAProxy with the committed deploy/haproxy.cfg in front. The schedule test runs
 * before the kill, so that no source claim dies with instance 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /** The period of the two scheduled sources, and how often instances look for due ones. */
  private static final Duration PERIOD = Duration.ofSeconds(4);

  private static final Duration TICK = Duration.ofMillis(500);

  /** The search load's length: -Dcluster.load.seconds (the example is 60). */
  private static final Duration LOAD = Duration.ofSeconds(Long.getLong("cluster.load.seconds", 30));

  private static final int CLIENTS = 16;
  private static final int SUBSCRIBERS = 10_000;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Random random = new Random();
  private FakeUpstream upstream;
  private Cluster cluster;

  @BeforeAll
  void start() throws Exception {
    upstream =
        new FakeUpstream(
            Map.of(
                "/rss/cs.CL", "sources/rss-cs.CL.xml",
                "/hf/daily_papers", "hf-daily.json",
                "/api/query", "arxiv-api-empty.atom"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PAPERBOY_SOURCES", "arxiv-rss,huggingface");
    env.put("PAPERBOY_CATEGORIES", "cs.CL");
    env.put("PAPERBOY_ARXIV_RSS_URL", upstream.url("/rss"));
    env.put("PAPERBOY_HF_API_URL", upstream.url("/hf"));
    env.put("PAPERBOY_ARXIV_API_URL", upstream.url("/api/query"));
    env.put("PAPERBOY_CONTACT", "ops@example.org");
    List<String> jvm =
        List.of(
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-Dpaperboy.sources.tick=" + TICK.toMillis() + "ms",
            "-Dpaperboy.sources.rss-every=" + PERIOD.toSeconds() + "s",
            "-Dpaperboy.sources.hugging-face-every=" + PERIOD.toSeconds() + "s",
            "-Dpaperboy.sources.arxiv-interval=10ms");
    cluster = Cluster.start(Files.createTempDirectory("paperboy-cluster-"), 3, env, jvm);
  }

  @AfterAll
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  @Order(1)
  void aPaperImportedThroughOneInstanceIsFoundEverywhereWithinTwoSeconds() throws Exception {
    String word = word();
    cluster.instance(1).postText("/admin/import?file=one.jsonl", PaperLines.about(word, word, 1));
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    Map<String, Boolean> found = findEverywhere(word, deadline);
    System.out.printf("import → found: %s%n", found);
    assertThat(found).as("found within 2 s of the import's answer").doesNotContainValue(false);
  }

  @Test
  @Order(2)
  void aVoteCastThroughInstanceTwoShowsOnInstanceThree() throws Exception {
    String word = word();
    cluster.instance(1).postText("/admin/import?file=vote.jsonl", PaperLines.about(word, word, 1));
    String paper = PaperLines.id(word, 0);
    ServerProcess two = cluster.instance(2);
    String session = signIn(two, "voter-" + word + "@cluster.example");
    HttpResponse<String> vote =
        form(two, "/vote", "pb_csrf=c; " + session, "paper=" + encode(paper) + "&action=up");
    assertThat(vote.statusCode()).as("the vote is taken: %s", vote.body()).isEqualTo(302);
    HttpResponse<String> page = cluster.instance(3).get("/papers/" + paper);
    Matcher votes = Pattern.compile("class=\"votes\"[^>]*>(\\d+) votes?<").matcher(page.body());
    assertThat(votes.find()).as("instance 3's page shows a vote count").isTrue();
    assertThat(votes.group(1)).isEqualTo("1");
  }

  @Test
  @Order(3)
  void theScheduleRunsEachSourceOncePerPeriodAcrossTheInstances() throws Exception {
    long from = System.nanoTime();
    Thread.sleep(PERIOD.multipliedBy(5).plus(TICK).toMillis());
    for (String path : List.of("/rss/cs.CL", "/hf/daily_papers")) {
      List<Long> runs = upstream.requests(path).stream().filter(t -> t >= from).toList();
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < runs.size(); i++) {
        gaps.add((runs.get(i) - runs.get(i - 1)) / 1_000_000);
      }
      System.out.printf(
          "%s: %d runs in 5 periods of %s, gaps (ms) %s%n", path, runs.size(), PERIOD, gaps);
      // Never twice in one period; never a period skipped (a run waits at most a tick to be seen).
      assertThat(gaps)
          .as(path)
          .allSatisfy(g -> assertThat(g).isGreaterThan(PERIOD.toMillis() - 250));
      assertThat(gaps)
          .as(path)
          .allSatisfy(g -> assertThat(g).isLessThan(PERIOD.plus(TICK).toMillis() + 2_000));
      assertThat(runs.size()).as(path).isBetween(4, 6);
    }
  }

  @Test
  @Order(4)
  void killingAnInstanceUnderLoadFailsNoRequestOnceTheBalancerNoticed() throws Exception {
    LoadBalancer.HealthCheck check = LoadBalancer.healthCheck();
    List<String> queries =
        List.of("lattice", "methods", "sites", "language models", "attention", "graph");
    List<String> paths =
        queries.stream().map(q -> "/api/search?mode=keyword&q=" + encode(q)).toList();
    SearchLoad load = SearchLoad.start(cluster.balancer(), paths, CLIENTS);
    Thread.sleep(LOAD.dividedBy(4).toMillis());
    cluster.kill(2);
    long killed = System.nanoTime();
    String word = word();
    cluster.instance(1).postText("/admin/import?file=down.jsonl", PaperLines.about(word, word, 1));
    Thread.sleep(LOAD.dividedBy(4).toMillis());
    long restarting = System.nanoTime();
    cluster.restart(2);
    double restartSeconds = (System.nanoTime() - restarting) / 1e9;
    long sleepMore = killed + LOAD.multipliedBy(3).dividedBy(4).toNanos() - System.nanoTime();
    Thread.sleep(Math.max(0, sleepMore / 1_000_000));
    SearchLoad.Result result = load.stop();
    long noticed = killed + check.noticesDeathWithin().toNanos();
    System.out.printf(
        "load: %d clients for %.0f s (-Dcluster.load.seconds=%d), %,d requests (%.0f/s); instance 2"
            + " back and ready %.1f s after its restart; failures before the balancer noticed"
            + " (%s after the kill): %d, after: %d%n",
        CLIENTS,
        result.seconds(),
        LOAD.toSeconds(),
        result.samples().size(),
        result.perSecond(),
        restartSeconds,
        check.noticesDeathWithin(),
        result.failuresBefore(noticed).size(),
        result.failuresFrom(noticed).size());
    assertThat(result.failuresFrom(noticed)).as("failed after the balancer noticed").isEmpty();
    assertThat(Cluster.hits(cluster.instance(2).base(), word))
        .as("instance 2, restarted, has the paper imported while it was down")
        .isEqualTo(1);
  }

  @Test
  @Order(5)
  void aDigestRunOnThreeInstancesSendsExactlyOneDigestToEachSubscriber() throws Exception {
    String word = word();
    cluster
        .instance(1)
        .postText("/admin/import?file=digest.jsonl", PaperLines.about(word, word, 20));
    BulkSubscribers.insert(cluster.database(), SUBSCRIBERS, word);
    long start = System.nanoTime();
    List<String> said =
        List.of(1, 2, 3).parallelStream().map(n -> runDigests(cluster.instance(n))).toList();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("digest run on 3 instances at once: %.1f s; they said %s%n", seconds, said);
    Map<Long, Long> perRecipient = BulkSubscribers.digestsPerRecipient(cluster.database());
    assertThat(perRecipient)
        .as("digests in the outbox, per recipient → recipients")
        .containsExactly(Map.entry(1L, (long) SUBSCRIBERS));
    Map<String, Integer> delivered =
        BulkSubscribers.awaitDelivered(cluster.smtp(), 100, Duration.ofMinutes(1));
    System.out.printf(
        "delivered so far: %,d digests to %,d recipients%n",
        delivered.values().stream().mapToInt(Integer::intValue).sum(), delivered.size());
    assertThat(delivered)
        .as("letters delivered per recipient")
        .isNotEmpty()
        .allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
  }

  private static String runDigests(ServerProcess instance) {
    try {
      return instance.post("/admin/digest", (java.nio.file.Path) null).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls the balancer and each instance until each finds {@code word}, or the deadline. */
  private Map<String, Boolean> findEverywhere(String word, long deadline) throws Exception {
    Map<String, String> where = new LinkedHashMap<>();
    where.put("balancer", cluster.balancer());
    for (int n = 1; n <= cluster.size(); n++) {
      where.put("instance " + n, cluster.instance(n).base());
    }
    Map<String, Boolean> found = new LinkedHashMap<>();
    where.keySet().forEach(k -> found.put(k, false));
    do {
      for (var e : where.entrySet()) {
        if (!found.get(e.getKey()) && Cluster.hits(e.getValue(), word) > 0) {
          found.put(e.getKey(), true);
        }
      }
      Thread.sleep(20);
    } while (found.containsValue(false) && System.nanoTime() < deadline);
    return found;
  }

  /**
   * Signs in as a reader would, all through {@code instance}: asks for a link, takes it from the
   * outbox, and opens it. Returns the session cookie. The CSRF cookie is ours (double submit).
   */
  private String signIn(ServerProcess instance, String email) throws Exception {
    HttpResponse<String> asked = form(instance, "/signin", "pb_csrf=c", "email=" + encode(email));
    assertThat(asked.statusCode()).as("sign-in asked: %s", asked.body()).isEqualTo(200);
    String token = signInToken(email);
    HttpResponse<String> opened = form(instance, "/session", "pb_csrf=c", "token=" + encode(token));
    return opened.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("pb_session="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + opened.headers()));
  }

  /** The token of the newest sign-in link mailed to {@code email}, read from the outbox. */
  private String signInToken(String email) throws Exception {
    try (var c = cluster.database().connect();
        var s =
            c.prepareStatement(
                "select text_body from outbox where lower(recipient) = lower(?) and kind ="
                    + " 'signin' order by id desc limit 1")) {
      s.setString(1, email);
      try (var rs = s.executeQuery()) {
        assertThat(rs.next()).as("a sign-in letter for %s", email).isTrue();
        Matcher m = Pattern.compile("session\\?token=(\\S+)").matcher(rs.getString(1));
        assertThat(m.find()).as("a sign-in link in the letter").isTrue();
        return m.group(1);
      }
    }
  }

  private static HttpResponse<String> form(
      ServerProcess instance, String path, String cookies, String form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(instance.base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies)
            .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=c"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A word no paper has yet, so a search for it finds this test's papers only. */
  private String word() {
    StringBuilder w = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString().toLowerCase(Locale.ROOT);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
