package dev.paperboy.bench;

import dev.paperboy.support.ServerProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** docs/PERFORMANCE.md from the measured results. */
final class Report {

  private Report() {}

  static String write(
      String command,
      int runs,
      int texts,
      int queries,
      List<EmbeddingBench.Row> embedding,
      double library,
      List<ScaleBench.Result> results) {
    StringBuilder md = new StringBuilder();
    ScaleBench.Result top = results.get(results.size() - 1);
    md.append("# Performance\n\n")
        .append(
            f(
                "Measured on %s on this machine (%d cores, %.0f GiB), Java %s; the server runs"
                    + " as users run it, `bin/paperboy serve` (with `PAPERBOY_JAVA_OPTS=-Xmx%s`),"
                    + " in its own process, and is measured from outside. Made by:%n%n```sh%n%s"
                    + "%n```%n%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                memoryGiB(),
                System.getProperty("java.version"),
                ServerProcess.HEAP,
                command))
        .append(
            f(
                "Each figure is the median of %d runs with the spread of those runs in"
                    + " brackets (min–max): the machine's noise, shown. Baselines are measured in"
                    + " the same run on the same data. The load generator and the server share"
                    + " the machine's %d cores. The corpus is synthetic and deterministic (seed"
                    + " %d, see `SyntheticCorpus`): arXiv-like lengths of titles, abstracts and"
                    + " author lists, a Zipf vocabulary of 40,000 words, 30 categories, dates"
                    + " 2015–2026. Paper vectors are synthetic clustered unit vectors written"
                    + " straight to the catalog (embedding a million abstracts would take hours,"
                    + " see the embedding table); query vectors are real. At the largest size the"
                    + " import itself is run once.%n%n",
                runs, Runtime.getRuntime().availableProcessors(), ScaleBench.SEED));

    md.append(f("## Targets at %,d papers%n%n", top.papers()))
        .append("| target | measured | |\n|---|---|---|\n");
    target(
        md,
        "import without embeddings ≥ 5,000 papers/s",
        top.importRate().median(),
        5_000,
        true,
        "%.0f papers/s");
    target(
        md,
        "re-import of unchanged data ≥ 20,000 papers/s",
        top.reimportRate().median(),
        20_000,
        true,
        "%.0f papers/s");
    target(
        md,
        "hybrid search p99 ≤ 50 ms at one client",
        search(top, "hybrid", 1).p99().median(),
        50,
        false,
        "%.1f ms");
    target(
        md,
        "keyword search p99 ≤ 20 ms at one client",
        search(top, "keyword", 1).p99().median(),
        20,
        false,
        "%.1f ms");
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      target(
          md,
          "HTTP overhead ≤ 2× raw Lucene, " + mode + " (p50 ratio)",
          overhead(top, mode),
          2,
          false,
          "%.1f×");
    }
    target(
        md,
        f("digests for %,d subscribers ≤ 60 s", top.subscribers()),
        top.digestSeconds().median(),
        60,
        false,
        "%.1f s");
    target(md, "start-up ≤ 10 s", top.startup().median(), 10, false, "%.1f s");
    target(md, "heap ≤ 2 GB (most seen in use)", top.heapMaxMiB(), 2048, false, "%.0f MiB");
    md.append('\n');

    md.append("## Import (papers/s)\n\n")
        .append(
            "*Ours* posts the JSON Lines file to the running server (`bin/paperboy import"
                + " --no-embeddings` does this): parse, validate, merge with what the catalog"
                + " holds, upsert into PostgreSQL, index words in Lucene. *COPY* loads the same"
                + " rows, already in CSV, into a table like the catalog's with the same indexes"
                + " — the floor of what PostgreSQL needs. *Unchanged* imports the same file"
                + " again. *With embeddings* imports "
                + top.embeddedSample()
                + " more papers embedding each one (the model bounds it). *Reindex* rebuilds"
                + " the index from the catalog with every paper's vector (the vector graph is the"
                + " cost).\n\n")
        .append(
            "| papers | ours | COPY | ours / COPY | unchanged | with embeddings | reindex with"
                + " vectors |\n|---|---|---|---|---|---|---|\n");
    for (ScaleBench.Result r : results) {
      md.append(
          f(
              "| %,d | %s | %s | %.2f | %s | %.0f | %.0f s |%n",
              r.papers(),
              r.importRate().format("%.0f"),
              r.copyRate().format("%.0f"),
              r.importRate().median() / r.copyRate().median(),
              r.reimportRate().format("%.0f"),
              r.embeddedImportRate(),
              r.reindexSeconds()));
    }

    md.append("\n## Search over HTTP (ms, requests/s)\n\n")
        .append(
            f(
                "%d two- and three-word queries drawn from the corpus's word law, through"
                    + " `GET /api/search` (a page of 20, highlighted), by 1 client and by 16"
                    + " at once, after every mode was run three times over to warm the JIT; *raw"
                    + " Lucene* runs the core of the same search on the same index files in the"
                    + " benchmark's process (every word required in title or abstract with BM25;"
                    + " the 20 nearest vectors; for hybrid both lists 100 deep fused; then the"
                    + " ids of the 20 shown are read). Overhead is HTTP p50 over raw p50, where"
                    + " semantic and hybrid raw times include embedding the query (%s ms p50)."
                    + " The HTTP floor — the same client asking the same server for its"
                    + " liveness, an answer that does no work — is %s ms p50, %s ms p99.%n%n",
                queries,
                top.embedQuery().format("%.2f"),
                top.httpFloor()[0].format("%.2f"),
                top.httpFloor()[1].format("%.2f")))
        .append(
            "| papers | mode | clients | p50 | p99 | requests/s | raw p50 | raw p99 | overhead"
                + " |\n|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleBench.Result r : results) {
      for (ScaleBench.SearchRow s : r.search()) {
        Stats.Spread[] raw = r.raw().get(s.mode());
        md.append(
            f(
                "| %,d | %s | %d | %s | %s | %s | %s | %s | %s |%n",
                r.papers(),
                s.mode(),
                s.clients(),
                s.p50().format("%.1f"),
                s.p99().format("%.1f"),
                s.perSecond().format("%.0f"),
                raw[0].format("%.2f"),
                raw[1].format("%.2f"),
                s.clients() == 1 ? f("%.1f×", overhead(r, s.mode())) : ""));
      }
    }

    if (results.stream().anyMatch(r -> r.models().size() > 1)) {
      md.append("\n## Search by embedding model (ms, one client)\n\n")
          .append(
              "The same queries through `GET /api/search` at one client with each model"
                  + " (`--model-dir`): its synthetic vectors are written under its signature and"
                  + " the server is restarted on `PAPERBOY_EMBEDDING_MODEL_DIR`, which rebuilds"
                  + " the index with them; the first row is the default, from the table above."
                  + " Every model here gives 384-wide vectors, so the index costs the same; what"
                  + " differs is embedding the query.\n\n")
          .append(
              "| papers | model | keyword p50 | p99 | semantic p50 | p99 | hybrid p50 | p99"
                  + " |\n|---|---|---|---|---|---|---|---|\n");
      for (ScaleBench.Result r : results) {
        for (ScaleBench.ModelRow m : r.models()) {
          md.append(f("| %,d | %s |", r.papers(), m.model()));
          for (String mode : java.util.List.of("keyword", "semantic", "hybrid")) {
            ScaleBench.SearchRow s =
                m.search().stream().filter(x -> x.mode().equals(mode)).findFirst().orElseThrow();
            md.append(f(" %s | %s |", s.p50().format("%.1f"), s.p99().format("%.1f")));
          }
          md.append('\n');
        }
      }
    }

    md.append("\n## Pages (ms, one client)\n\n| papers | page | p50 | p99 |\n|---|---|---|---|\n");
    for (ScaleBench.Result r : results) {
      for (Map.Entry<String, Stats.Spread[]> e : new java.util.TreeMap<>(r.pages()).entrySet()) {
        md.append(
            f(
                "| %,d | %s | %s | %s |%n",
                r.papers(),
                e.getKey(),
                e.getValue()[0].format("%.1f"),
                e.getValue()[1].format("%.1f")));
      }
    }

    md.append("\n## Digests and mail\n\n")
        .append(
            "Confirmed subscribers, each following one to three of 2,000 two-word topics drawn"
                + " Zipf-wise (popular topics are shared), are inserted straight into the"
                + " catalog; `POST /admin/digest` (what `bin/paperboy digest --run-now` sends)"
                + " composes and queues every digest. Mail: the server, started with sending on"
                + " and pointed at a GreenMail SMTP sink in the benchmark's process, drains its"
                + " outbox; the baseline sends the very same letters from a plain Jakarta Mail"
                + " client over one connection to the same sink.\n\n")
        .append(
            "| papers | subscribers | compose and queue | digests queued | letters timed | sent"
                + " by ours | plain client |\n|---|---|---|---|---|---|---|\n");
    for (ScaleBench.Result r : results) {
      md.append(
          f(
              "| %,d | %,d | %s s | %,d | %,d | %.0f/s | %.0f/s |%n",
              r.papers(),
              r.subscribers(),
              r.digestSeconds().format("%.1f"),
              r.digestsQueued(),
              r.mails(),
              r.mailRate(),
              r.mailBaselineRate()));
    }

    md.append("\n## Start-up, memory, disk\n\n")
        .append(
            "Start-up is from launching the process to the first served page (`GET /`), with"
                + " the catalog and index already there. Heap is what the server's own metrics"
                + " report in use (after start; the most seen at any phase); resident memory is"
                + " the Java process's (now and peak), PostgreSQL's own processes not"
                + " included.\n\n")
        .append(
            "| papers | start-up | heap after start | heap most seen | resident | resident"
                + " peak | index on disk | database on disk |\n|---|---|---|---|---|---|---|---|\n");
    for (ScaleBench.Result r : results) {
      md.append(
          f(
              "| %,d | %s s | %.0f MiB | %.0f MiB | %.0f MiB | %.0f MiB | %.0f MiB | %.0f MiB |%n",
              r.papers(),
              r.startup().format("%.2f"),
              r.heapAfterStartMiB(),
              r.heapMaxMiB(),
              r.rssMiB(),
              r.rssPeakMiB(),
              r.indexBytes() / 1048576.0,
              r.databaseBytes() / 1048576.0));
    }

    md.append("\n## Embedding throughput (abstracts/s)\n\n")
        .append(texts)
        .append(
            " synthetic abstracts (title + abstract). *Ours* is the whole `Embedder` (tokenize,"
                + " sort by length, batch, infer, pool, normalize); *raw ONNX Runtime* runs only"
                + " the model on the very same token batches with the same threads. The ratio is"
                + " ours / raw.\n\n")
        .append(
            "| model | max tokens | batch | threads | ours | raw ONNX Runtime | ratio |\n"
                + "|---|---|---|---|---|---|---|\n");
    embedding.forEach(r -> md.append(EmbeddingBench.format(r)).append('\n'));
    md.append(
        f(
            "%nLibrary defaults for scale: langchain4j's `AllMiniLmL6V2QuantizedEmbeddingModel`"
                + " (its own pool and splitting of long text) on the same abstracts: **%.1f"
                + " abstracts/s**.%n",
            library));
    return md.append(analysis()).toString();
  }

  /**
   * Our reading of the figures — what bounds each target that is not met, and by how much — written
   * by us in {@code docs/performance-analysis.md} and appended as it stands.
   */
  private static String analysis() {
    java.nio.file.Path notes = java.nio.file.Path.of("docs/performance-analysis.md");
    try {
      return java.nio.file.Files.exists(notes) ? "\n" + java.nio.file.Files.readString(notes) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static ScaleBench.SearchRow search(ScaleBench.Result r, String mode, int clients) {
    return r.search().stream()
        .filter(s -> s.mode().equals(mode) && s.clients() == clients)
        .findFirst()
        .orElseThrow();
  }

  static double overhead(ScaleBench.Result r, String mode) {
    double raw = r.raw().get(mode)[0].median();
    if (!mode.equals("keyword")) {
      raw += r.embedQuery().median();
    }
    return search(r, mode, 1).p50().median() / raw;
  }

  private static void target(
      StringBuilder md, String what, double value, double limit, boolean atLeast, String pattern) {
    boolean met = atLeast ? value >= limit : value <= limit;
    md.append(f("| %s | %s | %s |%n", what, f(pattern, value), met ? "met" : "**not met**"));
  }

  private static double memoryGiB() {
    try {
      String info = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/meminfo"));
      var m = java.util.regex.Pattern.compile("MemTotal:\\s+(\\d+)").matcher(info);
      return m.find() ? Long.parseLong(m.group(1)) / 1048576.0 : Double.NaN;
    } catch (java.io.IOException e) {
      return Double.NaN;
    }
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
