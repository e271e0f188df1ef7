package dev.paperboy.sources;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the sources live and how politely we ask them ({@code paperboy.sources.*}). Every base URL
 * is a setting so an operator can point at a mirror and tests at a local server.
 *
 * @param contact who to write to about our traffic, sent in the User-Agent
 * @param categories arXiv categories to follow; their archives are the OAI-PMH sets
 * @param enabled the sources the schedule runs
 * @param schedule whether this instance runs the schedule at all
 * @param arxivInterval at most one request per this interval per arXiv host
 * @param maxBytes a response larger than this is refused
 * @param attempts tries per request, the first included
 * @param backoff the first wait between tries; doubled each time, with jitter
 */
@ConfigurationProperties("paperboy.sources")
public record SourceSettings(
    String arxivOaiUrl,
    String arxivApiUrl,
    String arxivRssUrl,
    String hfApiUrl,
    String contact,
    List<String> categories,
    List<Source> enabled,
    boolean schedule,
    Duration tick,
    Duration arxivEvery,
    Duration rssEvery,
    Duration huggingFaceEvery,
    Duration connectTimeout,
    Duration readTimeout,
    Duration arxivInterval,
    long maxBytes,
    int attempts,
    Duration backoff) {

  public SourceSettings {
    categories =
        categories == null || categories.isEmpty()
            ? List.of("cs.CL", "cs.LG", "cs.AI", "cs.CV")
            : List.copyOf(categories);
    enabled = enabled == null || enabled.isEmpty() ? Source.allScheduled() : List.copyOf(enabled);
    for (Source s : enabled) {
      if (!s.scheduled()) {
        throw new IllegalArgumentException(
            "paperboy.sources.enabled (PAPERBOY_SOURCES): "
                + s
                + " runs only on demand; schedulable: "
                + Source.known(Source.allScheduled()));
      }
    }
  }

  String userAgent() {
    String who = contact == null || contact.isBlank() ? "operator contact not configured" : contact;
    return "Paperboy/0.1 (self-hosted research-paper radar; " + who + ")";
  }

  /** How often the schedule runs a source; the arXiv API is never scheduled. */
  Duration every(Source source) {
    return switch (source) {
      case ARXIV -> arxivEvery;
      case ARXIV_RSS -> rssEvery;
      case HUGGING_FACE -> huggingFaceEvery;
      case ARXIV_API -> throw new IllegalArgumentException("the arXiv API is not scheduled");
    };
  }
}
