package dev.paperboy.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.catalog.Text;
import dev.paperboy.runtime.DataDirectory;
import dev.paperboy.search.Embedder;
import dev.paperboy.search.EmbedderProbe;
import dev.paperboy.support.ServerProcess;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything measured at one catalog size, against the real server in its own process: import
 * (without and with embeddings, and again unchanged) beside PostgreSQL COPY of the same rows,
 * start-up, memory, sizes on disk, search over HTTP at 1 and 16 clients beside raw Lucene, page
 * renders, digests for many subscribers and mail throughput beside a plain SMTP client.
 */
final class ScaleBench {

  /** What the suite is asked to do. */
  record Options(
      Path launcher,
      Path work,
      int runs,
      int subscribers,
      int queries,
      int mails,
      List<Path> modelDirs) {}

  /** Search at one client with one embedding model (its signature). */
  record ModelRow(String model, List<SearchRow> search) {}

  /** One search figure: HTTP latency and throughput at some clients, the raw baseline beside. */
  record SearchRow(
      String mode, int clients, Stats.Spread p50, Stats.Spread p99, Stats.Spread perSecond) {}

  /** Everything measured at one size. */
  record Result(
      int papers,
      Stats.Spread importRate,
      Stats.Spread copyRate,
      Stats.Spread reimportRate,
      double embeddedImportRate,
      int embeddedSample,
      double reindexSeconds,
      Stats.Spread startup,
      double heapAfterStartMiB,
      double heapMaxMiB,
      double rssMiB,
      double rssPeakMiB,
      long indexBytes,
      long databaseBytes,
      List<SearchRow> search,
      Map<String, Stats.Spread[]> raw,
      Stats.Spread embedQuery,
      Stats.Spread[] httpFloor,
      Map<String, Stats.Spread[]> pages,
      int subscribers,
      Stats.Spread digestSeconds,
      int digestsQueued,
      int mails,
      double mailRate,
      double mailBaselineRate,
      List<ModelRow> models) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final long SEED = 42;
  static final int EMBEDDED_SAMPLE = 1_000;

  private final Options options;
  private final int size;
  private final Path home;

  /** The corpus ends today, so digests (which look at the last days) have papers to choose. */
  static final LocalDate LAST_DAY = LocalDate.now(ZoneOffset.UTC);

  private final SyntheticCorpus corpus = new SyntheticCorpus(SEED, LAST_DAY);
  private double heapMax;

  ScaleBench(Options options, int size) {
    this.options = options;
    this.size = size;
    this.home = options.work().resolve(size + "-" + LAST_DAY);
  }

  Result run(Embedder embedder) throws Exception {
    Path papers = home.resolve("corpus.jsonl");
    Path extra = home.resolve("extra.jsonl");
    if (!Files.exists(papers)) {
      log("writing %,d synthetic papers to %s", size, papers);
      corpus.write(papers, size);
      corpus.write(extra, size, size + EMBEDDED_SAMPLE, size);
    }
    Path copyRows = home.resolve("copy.csv");
    writeCopyRows(papers, copyRows);

    int importRuns = size <= 100_000 ? options.runs() : 1;
    double[] importRates = new double[importRuns];
    double[] reimportRates = new double[importRuns];
    double[] copyRates = new double[importRuns];
    Path data = null;
    ServerProcess server = null;
    for (int r = 0; r < importRuns; r++) {
      data = home.resolve("data");
      deleteTree(data);
      server = ServerProcess.start(options.launcher(), data, Map.of("PAPERBOY_SCHEDULE", "false"));
      log("import run %d: without embeddings", r + 1);
      importRates[r] = size / seconds(server, "/admin/import?embeddings=false&file=corpus", papers);
      reimportRates[r] =
          size / seconds(server, "/admin/import?embeddings=false&file=corpus", papers);
      copyRates[r] = size / copySeconds(data, copyRows);
      sampleHeap(server);
      log(
          "  %.0f papers/s, unchanged %.0f/s, COPY %.0f/s",
          importRates[r], reimportRates[r], copyRates[r]);
      if (r < importRuns - 1) {
        server.close();
      }
    }
    log("import with embeddings: %d papers", EMBEDDED_SAMPLE);
    double embeddedRate = EMBEDDED_SAMPLE / seconds(server, "/admin/import?file=extra", extra);

    log("synthetic vectors for %,d papers, then reindex", size);
    writeVectors(data, papers, embedder.signature());
    long t = System.nanoTime();
    server.post("/admin/reindex", null);
    double reindex = (System.nanoTime() - t) / 1e9;
    log("  reindexed in %.0f s", reindex);
    sampleHeap(server);
    server.close();

    double[] startups = new double[options.runs()];
    for (int r = 0; r < options.runs(); r++) {
      server = ServerProcess.start(options.launcher(), data, Map.of("PAPERBOY_SCHEDULE", "false"));
      startups[r] = server.startupSeconds();
      log("start-up with %,d papers: %.2f s", size, startups[r]);
      if (r < options.runs() - 1) {
        server.close();
      }
    }
    double heapAfterStart = server.heapUsedMiB();
    heapMax = Math.max(heapMax, heapAfterStart);

    List<String> queries = queries(options.queries());
    Map<String, Stats.Spread[]> raw = new HashMap<>();
    Stats.Spread embedQuery;
    List<String> ids;
    try (RawLucene lucene = new RawLucene(liveIndex(data))) {
      log("raw Lucene over %,d documents", lucene.documents());
      Map<String, float[]> vectors = new HashMap<>();
      double[][] embedRuns = new double[options.runs()][];
      for (int r = 0; r < options.runs(); r++) {
        embedRuns[r] = timed(queries, q -> vectors.put(q, embedder.embedQuery(q)));
      }
      embedQuery = p50s(embedRuns);
      raw.put("keyword", rawRuns(queries, q -> lucene.keyword(q, 20)));
      raw.put("semantic", rawRuns(queries, q -> lucene.semantic(vectors.get(q), 20)));
      raw.put("hybrid", rawRuns(queries, q -> lucene.hybrid(q, vectors.get(q))));
      ids = lucene.someIds(200);
    }

    Stats.Spread[] floor =
        pageRuns(server, repeat(List.of("/actuator/health/liveness"), options.queries()));
    List<SearchRow> search = search(server, queries, List.of(1, 16));
    sampleHeap(server);

    Map<String, Stats.Spread[]> pages = new HashMap<>();
    pages.put("home (trending today)", pageRuns(server, repeat(List.of("/"), 50)));
    pages.put(
        "search page (hybrid)",
        pageRuns(
            server, queries.subList(0, 50).stream().map(q -> "/search?q=" + encode(q)).toList()));
    pages.put(
        "paper page",
        pageRuns(server, ids.subList(0, 50).stream().map(id -> "/papers/" + id).toList()));
    sampleHeap(server);

    log("digests for %,d subscribers", options.subscribers());
    addSubscribers(data, options.subscribers());
    double[] digest = new double[options.runs()];
    int queued = 0;
    for (int r = 0; r < options.runs(); r++) {
      clearDigests(data);
      long d = System.nanoTime();
      String said = server.post("/admin/digest", null);
      digest[r] = (System.nanoTime() - d) / 1e9;
      queued = Integer.parseInt(said.strip().split(" ")[0]);
      log("  %s in %.1f s", said.strip(), digest[r]);
    }
    if (queued == 0 && options.subscribers() > 0) {
      // A digest run that queued nothing measured nothing (it happened: see addSubscribers).
      throw new IllegalStateException(
          "no digest queued for " + options.subscribers() + " subscribers");
    }
    sampleHeap(server);
    double[] rss = server.residentMiB();
    List<String[]> letters = letters(data, Math.min(options.mails(), queued));
    List<ModelRow> models = models(server, data, papers, queries, embedder.signature(), search);
    long indexBytes = bytes(data.resolve("index"));
    long dbBytes = bytes(data.resolve("postgres"));

    double[] mail = mail(data, letters);
    return new Result(
        size,
        Stats.Spread.of(importRates),
        Stats.Spread.of(copyRates),
        Stats.Spread.of(reimportRates),
        embeddedRate,
        EMBEDDED_SAMPLE,
        reindex,
        Stats.Spread.of(startups),
        heapAfterStart,
        heapMax,
        rss[0],
        rss[1],
        indexBytes,
        dbBytes,
        search,
        raw,
        embedQuery,
        floor,
        pages,
        options.subscribers(),
        Stats.Spread.of(digest),
        queued,
        (int) mail[0],
        mail[1],
        mail[2],
        models);
  }

  private double seconds(ServerProcess server, String path, Path body) throws Exception {
    long t = System.nanoTime();
    server.post(path, body);
    return (System.nanoTime() - t) / 1e9;
  }

  private void sampleHeap(ServerProcess server) throws Exception {
    heapMax = Math.max(heapMax, server.heapUsedMiB());
  }

  /** As the application's own role, with the password the server keeps in its data directory. */
  /** The index the server reads: after a reindex, the directory that index.live names. */
  private static Path liveIndex(Path data) throws IOException {
    Path pointer = data.resolve("index.live");
    return Files.exists(pointer)
        ? data.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip())
        : data.resolve("index");
  }

  private static Connection connect(Path data) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + ServerProcess.postgresPort(data) + "/postgres",
        "paperboy",
        Files.readString(new DataDirectory(data).databasePassword()).strip());
  }

  /** The catalog's rows for the corpus, as CSV for COPY: the work COPY does, nothing else. */
  private void writeCopyRows(Path papers, Path csv) throws IOException {
    if (Files.exists(csv)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(papers);
        BufferedWriter out = Files.newBufferedWriter(csv)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode p = JSON.readTree(line);
        List<String> authors = new ArrayList<>();
        p.get("authors")
            .forEach(
                a ->
                    authors.add(
                        "{\"name\":"
                            + JSON.writeValueAsString(a.asString())
                            + ",\"affiliations\":[]}"));
        List<String> categories = new ArrayList<>();
        p.get("categories").forEach(c -> categories.add(c.asString()));
        String title = p.get("title").asString();
        out.write(
            String.join(
                ",",
                csv("arxiv:" + p.get("id").asString()),
                p.get("version").asString(),
                csv(title),
                csv(Text.titleKey(title)),
                csv(p.get("abstract").asString()),
                csv("[" + String.join(",", authors) + "]"),
                csv(categories.get(0)),
                csv("{" + String.join(",", categories) + "}"),
                p.get("published").asString(),
                csv("{bench}")));
        out.write('\n');
      }
    }
  }

  private static String csv(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** COPY of the same rows into a table like the catalog's, with the same indexes. */
  private double copySeconds(Path data, Path csv) throws Exception {
    try (Connection c = connect(data);
        Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_copy");
      s.execute("create table bench_copy (like paper including all)");
      long t = System.nanoTime();
      try (Reader in = Files.newBufferedReader(csv)) {
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "copy bench_copy (id, version, title, title_key, abstract, authors,"
                    + " primary_category, categories, published, sources) from stdin (format csv)",
                in);
      }
      double seconds = (System.nanoTime() - t) / 1e9;
      s.execute("drop table bench_copy");
      return seconds;
    }
  }

  /**
   * Search over HTTP in every mode at each number of clients, after every mode was run three times
   * over: a server runs for days, and the JIT's warm-up (thousands of requests on 2 cores) is not
   * what a reader waits for.
   */
  private List<SearchRow> search(ServerProcess server, List<String> queries, List<Integer> clients)
      throws Exception {
    List<String> warmUp = new ArrayList<>();
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      queries.forEach(q -> warmUp.add("/api/search?mode=" + mode + "&q=" + encode(q)));
    }
    Load.run(server.base(), repeat(warmUp, 3), 2);
    List<SearchRow> search = new ArrayList<>();
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      List<String> paths =
          queries.stream().map(q -> "/api/search?mode=" + mode + "&q=" + encode(q)).toList();
      for (int c : clients) {
        double[] p50 = new double[options.runs()];
        double[] p99 = new double[options.runs()];
        double[] rate = new double[options.runs()];
        for (int r = 0; r < options.runs(); r++) {
          Load.Result result = Load.run(server.base(), paths, c);
          p50[r] = result.p(50);
          p99[r] = result.p(99);
          rate[r] = result.perSecond();
        }
        SearchRow row =
            new SearchRow(
                mode, c, Stats.Spread.of(p50), Stats.Spread.of(p99), Stats.Spread.of(rate));
        search.add(row);
        log(
            "  HTTP %s at %d clients: p50 %.1f ms, p99 %.1f ms, %.0f/s",
            mode, c, row.p50().median(), row.p99().median(), row.perSecond().median());
      }
    }
    return search;
  }

  /**
   * The same searches at one client with each other embedding model: its vectors (synthetic, as for
   * the default) are written under its signature, and the server is started on its directory, which
   * rebuilds the index with them. Ends with the server stopped.
   */
  private List<ModelRow> models(
      ServerProcess running,
      Path data,
      Path papers,
      List<String> queries,
      String defaultModel,
      List<SearchRow> defaultSearch)
      throws Exception {
    List<ModelRow> rows = new ArrayList<>();
    rows.add(
        new ModelRow(defaultModel, defaultSearch.stream().filter(s -> s.clients() == 1).toList()));
    ServerProcess server = running;
    for (Path dir : options.modelDirs()) {
      String signature;
      try (EmbedderProbe probe = EmbedderProbe.ofDirectory(dir, 128, 2)) {
        signature = probe.signature();
      }
      log("model %s: synthetic vectors for %,d papers, then a start on it", signature, size);
      writeVectors(data, papers, signature);
      server.close();
      server =
          ServerProcess.start(
              options.launcher(),
              data,
              Map.of(
                  "PAPERBOY_SCHEDULE",
                  "false",
                  "PAPERBOY_EMBEDDING_MODEL_DIR",
                  dir.toAbsolutePath().toString()));
      // Another model's index is rebuilt in place during the first catch-up, before readiness.
      server.awaitStatus("/actuator/health/readiness", java.time.Duration.ofMinutes(15));
      rows.add(new ModelRow(signature, search(server, queries, List.of(1))));
      try (Connection c = connect(data);
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "select count(*) from paper_embedding where model = '"
                      + signature.replace("'", "''")
                      + "'")) {
        r.next();
        if (r.getLong(1) < size) {
          throw new IllegalStateException(
              signature + " has vectors for " + r.getLong(1) + " papers only");
        }
      }
    }
    server.close();
    return rows;
  }

  /** Synthetic vectors for every corpus paper, stored as the product stores real ones. */
  private void writeVectors(Path data, Path papers, String model) throws Exception {
    SyntheticVectors vectors = new SyntheticVectors(SEED);
    Path csv = home.resolve("vectors.csv");
    try (BufferedReader in = Files.newBufferedReader(papers);
        BufferedWriter out = Files.newBufferedWriter(csv)) {
      String line;
      int i = 0;
      while ((line = in.readLine()) != null) {
        JsonNode p = JSON.readTree(line);
        String text = p.get("title").asString() + ". " + p.get("abstract").asString();
        out.write(
            String.join(
                ",",
                csv("arxiv:" + p.get("id").asString()),
                csv(model),
                SyntheticVectors.textHash(text),
                SyntheticVectors.hex(vectors.of(i++))));
        out.write('\n');
      }
    }
    try (Connection c = connect(data);
        Reader in = Files.newBufferedReader(csv)) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy paper_embedding (paper_id, model, text_hash, vector) from stdin (format csv)",
              in);
    }
    Files.delete(csv);
  }

  /**
   * Confirmed subscribers, each following one to three topics drawn Zipf-wise from 2,000, daily, at
   * an hour not yet come in their zone (so only the digest run asked for makes their digest).
   */
  private void addSubscribers(Path data, int count) throws Exception {
    List<String> topics = corpus.topics(2_000);
    SplittableRandom random = new SplittableRandom(SEED + 3);
    int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.max(-12, Math.min(14, 1 - utcHour));
    String zone = offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < count; i++) {
      List<String> mine = new ArrayList<>();
      for (int t = 1 + random.nextInt(3); t > 0; t--) {
        mine.add("\"" + topics.get(SyntheticCorpus.zipfIndex(random, topics.size())) + "\"");
      }
      String email = "reader" + i + "@bench.example";
      rows.append(csv(email))
          .append(',')
          .append(csv(email))
          .append(",confirmed,")
          .append(csv("{" + String.join(",", mine) + "}"))
          .append(",daily,23,")
          .append(zone)
          .append(",true")
          .append('\n');
    }
    try (Connection c = connect(data);
        Statement s = c.createStatement()) {
      s.execute("delete from subscriber where email_key like '%@bench.example'");
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              // Since V30 the digest is a setting of its own: without it, nobody gets one.
              "copy subscriber (email, email_key, status, topics, cadence, hour, zone, digest)"
                  + " from stdin (format csv)",
              new java.io.StringReader(rows.toString()));
    }
  }

  private static void clearDigests(Path data) throws Exception {
    try (Connection c = connect(data);
        Statement s = c.createStatement()) {
      // Truncate, not delete: a million dead rows left for autovacuum slowed the next run.
      s.execute("truncate digest_paper, digest, outbox");
    }
  }

  /**
   * Starts the server with sending on, pointed at GreenMail, and times the first queued digests
   * arriving (as many as {@code letters}); then sends the same letters from a plain Jakarta Mail
   * client over one connection, the baseline. Returns count, ours per second, baseline per second.
   */
  private static List<String[]> letters(Path data, int count) throws Exception {
    List<String[]> letters = new ArrayList<>();
    try (Connection c = connect(data);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select recipient, subject, text_body, html_body from outbox order by id limit "
                    + count)) {
      while (rs.next()) {
        letters.add(
            new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    return letters;
  }

  private double[] mail(Path data, List<String[]> letters) throws Exception {
    int count = letters.size();
    if (count < 2) {
      return new double[] {0, 0, 0};
    }
    int port = ServerProcess.freePort();
    GreenMail sink = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    sink.start();
    try {
      double ours;
      try (ServerProcess server =
          ServerProcess.start(
              options.launcher(),
              data,
              Map.of(
                  "PAPERBOY_SCHEDULE",
                  "true",
                  "PAPERBOY_SMTP_HOST",
                  "127.0.0.1",
                  "PAPERBOY_SMTP_PORT",
                  String.valueOf(port)))) {
        long first = 0;
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (sink.getReceivedMessages().length < count) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the server did not send " + count + " letters");
          }
          if (first == 0 && sink.getReceivedMessages().length > 0) {
            first = System.nanoTime();
          }
          Thread.sleep(20);
        }
        ours = (count - 1) / ((System.nanoTime() - first) / 1e9);
      }
      sink.purgeEmailFromAllMailboxes();
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", String.valueOf(port));
      Session session = Session.getInstance(props);
      long t = System.nanoTime();
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect();
        for (String[] l : letters) {
          MimeMessage m = new MimeMessage(session);
          m.setFrom(new InternetAddress("paperboy@localhost"));
          m.setRecipient(Message.RecipientType.TO, new InternetAddress(l[0]));
          m.setSubject(l[1], "UTF-8");
          MimeMultipart body = new MimeMultipart("alternative");
          MimeBodyPart text = new MimeBodyPart();
          text.setText(l[2], "UTF-8");
          MimeBodyPart html = new MimeBodyPart();
          html.setContent(l[3], "text/html; charset=UTF-8");
          body.addBodyPart(text);
          body.addBodyPart(html);
          m.setContent(body);
          m.saveChanges();
          transport.sendMessage(m, m.getAllRecipients());
        }
      }
      double baseline = letters.size() / ((System.nanoTime() - t) / 1e9);
      log("mail: %.0f/s, plain client %.0f/s", ours, baseline);
      return new double[] {count, ours, baseline};
    } finally {
      sink.stop();
    }
  }

  private Stats.Spread[] rawRuns(List<String> queries, Timed query) throws Exception {
    for (int warm = 0; warm < 3; warm++) {
      timed(queries, query);
    }
    double[][] runs = new double[options.runs()][];
    for (int r = 0; r < options.runs(); r++) {
      runs[r] = timed(queries, query);
    }
    return new Stats.Spread[] {p50s(runs), p99s(runs)};
  }

  private Stats.Spread[] pageRuns(ServerProcess server, List<String> paths) throws Exception {
    Load.run(server.base(), repeat(paths, 3), 1);
    double[] p50 = new double[options.runs()];
    double[] p99 = new double[options.runs()];
    for (int r = 0; r < options.runs(); r++) {
      Load.Result result = Load.run(server.base(), paths, 1);
      p50[r] = result.p(50);
      p99[r] = result.p(99);
    }
    return new Stats.Spread[] {Stats.Spread.of(p50), Stats.Spread.of(p99)};
  }

  private static Stats.Spread p50s(double[][] runs) {
    return Stats.Spread.of(Stream.of(runs).mapToDouble(r -> Stats.percentile(r, 50)).toArray());
  }

  private static Stats.Spread p99s(double[][] runs) {
    return Stats.Spread.of(Stream.of(runs).mapToDouble(r -> Stats.percentile(r, 99)).toArray());
  }

  private interface Timed {
    Object run(String q) throws Exception;
  }

  private static double[] timed(List<String> texts, Timed query) throws Exception {
    double[] ms = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long start = System.nanoTime();
      query.run(texts.get(i));
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  /**
   * Two- and three-word queries drawn from the corpus's own word law, each with a word past the
   * commonest 40: a query of stop words only ("and the") is the empty query, a 400.
   */
  List<String> queries(int count) {
    SplittableRandom random = new SplittableRandom(SEED + 7);
    java.util.Set<String> commonest = new java.util.HashSet<>();
    for (int rank = 0; rank < 40; rank++) {
      commonest.add(corpus.word(rank));
    }
    List<String> queries = new ArrayList<>(count);
    while (queries.size() < count) {
      String q = corpus.words(random, 2 + random.nextInt(2));
      if (!commonest.containsAll(List.of(q.split(" ")))) {
        queries.add(q);
      }
    }
    return queries;
  }

  private static List<String> repeat(List<String> paths, int times) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      all.addAll(paths);
    }
    return all;
  }

  private static String encode(String q) {
    return java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  static long bytes(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(ScaleBench::sizeOf).sum();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void log(String format, Object... args) {
    System.err.printf("bench: " + format + "%n", args);
  }
}
