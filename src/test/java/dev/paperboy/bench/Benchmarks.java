package dev.paperboy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark suite and writes docs/PERFORMANCE.md. Arguments: number of papers for the
 * search corpus (default 100000), texts for embedding (default 256), output file.
 */
public final class Benchmarks {

  private static final String READING =
"""

Reading the figures: a `PaperSearch` call does more than the raw Lucene query beside it: it parses
the query, looks each word up in the acronym table (one SQL query per word), counts all hits for
the total, runs the relaxed any-word query when fewer than a page match every word, highlights
the page's 20 titles and abstracts, and fetches those 20 papers from PostgreSQL; semantic and
hybrid also embed the query. Machine noise is visible: settings that differ only in batch size
can swap places between runs, so compare rows of one run, not across runs.
""";

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    int papers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int texts = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    Path out = Path.of(args.length > 2 ? args[2] : "docs/PERFORMANCE.md");
    String command = "bin/bench" + (args.length == 0 ? "" : " " + String.join(" ", args));

    List<String> abstracts = SyntheticText.abstracts(texts, 42);
    System.err.println("bench: embedding throughput on " + texts + " abstracts");
    List<EmbeddingBench.Row> embedding = EmbeddingBench.run(abstracts, 3);
    double library = EmbeddingBench.libraryDefault(abstracts, 3);
    System.err.println("bench: search latency over " + papers + " papers");
    Path dir = Files.createTempDirectory("paperboy-bench-");
    SearchBench.Result search = SearchBench.run(dir, papers, 300);

    String report = report(command, embedding, library, search, texts);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  static String report(
      String command,
      List<EmbeddingBench.Row> embedding,
      double library,
      SearchBench.Result search,
      int texts) {
    StringBuilder md = new StringBuilder();
    md.append("# Performance\n\n")
        .append("Measured on ")
        .append(LocalDate.now())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(", with:\n\n```sh\n")
        .append(command)
        .append("\n```\n\n")
        .append("Every figure is a median of 3 runs unless it says otherwise; baselines are")
        .append(" measured in the same run on the same data.\n\n")
        .append("## Embedding throughput (abstracts/s)\n\n")
        .append(texts)
        .append(" synthetic abstracts of 150–250 words (title + abstract).")
        .append(" *Ours* is the whole `Embedder` (tokenize, sort by length, batch, infer, pool,")
        .append(" normalize); *raw ONNX Runtime* runs only the model on the very same token")
        .append(" batches with the same threads. The ratio is ours / raw.\n\n")
        .append("| model | max tokens | batch | threads | ours | raw ONNX Runtime | ratio |\n")
        .append("|---|---|---|---|---|---|---|\n");
    embedding.forEach(r -> md.append(EmbeddingBench.format(r)).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "%nLibrary defaults for scale: langchain4j's `AllMiniLmL6V2QuantizedEmbeddingModel`"
                + " (its own pool and splitting of long text) on the same abstracts: **%.1f"
                + " abstracts/s**.%n",
            library));
    md.append(
        String.format(
            Locale.ROOT,
            "%n## Search latency over %,d papers (ms)%n%n"
                + "Synthetic papers (Zipf vocabulary, 120–240-word abstracts) with clustered"
                + " synthetic 384-d vectors; %s; corpus written and indexed in %.0f s. 300 two- and"
                + " three-word queries, each mode run once to warm up, then timed one query at a"
                + " time.%n%n| search | p50 | p99 | mean |%n|---|---|---|---|%n",
            search.papers(),
            "real query embeddings",
            search.buildSeconds()));
    search
        .rows()
        .forEach(
            r ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f | %.2f |%n",
                        r.what(),
                        r.p50(),
                        r.p99(),
                        r.mean())));
    return md.toString();
  }
}
