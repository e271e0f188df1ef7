package dev.paperboy.sources;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The live sources, under the names used on the command line, in the API and in the database; the
 * one list every "known sources" message is made from.
 */
public enum Source {
  /** arXiv's OAI-PMH interface: the complete, incremental harvest. */
  ARXIV("arxiv", true),
  /** arXiv's daily new-submissions feed per category: today's papers, early. */
  ARXIV_RSS("arxiv-rss", true),
  /** Hugging Face daily papers: new papers with upvotes and comment counts. */
  HUGGING_FACE("huggingface", true),
  /** The arXiv API: given papers or a search, on demand only. */
  ARXIV_API("arxiv-api", false);

  private final String id;
  private final boolean scheduled;

  Source(String id, boolean scheduled) {
    this.id = id;
    this.scheduled = scheduled;
  }

  /** The name, as typed on the command line and stored in {@code source_state}. */
  public String id() {
    return id;
  }

  /** Whether the schedule can run it; the arXiv API needs ids or a query, so it cannot. */
  public boolean scheduled() {
    return scheduled;
  }

  /** The source with this name; an unknown one is an error that lists every known source. */
  public static Source named(String name) {
    return Arrays.stream(values())
        .filter(s -> s.id.equals(name.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown source '" + name + "'; known: " + known(List.of(values()))));
  }

  /** The sources a plain {@code sync} runs when none is configured. */
  public static List<Source> allScheduled() {
    return Arrays.stream(values()).filter(Source::scheduled).toList();
  }

  /** The names, as a comma-separated list for messages. */
  public static String known(List<Source> sources) {
    return sources.stream().map(Source::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
