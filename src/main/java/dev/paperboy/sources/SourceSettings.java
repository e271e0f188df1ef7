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
    List<String> enabled,
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
    enabled =
        enabled == null || enabled.isEmpty()
            ? List.of(Sources.ARXIV, Sources.ARXIV_RSS, Sources.HUGGING_FACE)
            : List.copyOf(enabled);
  }

  String userAgent() {
    String who = contact == null || contact.isBlank() ? "operator contact not configured" : contact;
    return "Paperboy/0.1 (self-hosted research-paper radar; " + who + ")";
  }

  Duration every(String source) {
    return switch (source) {
      case Sources.ARXIV -> arxivEvery;
      case Sources.ARXIV_RSS -> rssEvery;
      default -> huggingFaceEvery;
    };
  }
}
