package dev.paperboy.sources;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the live sources and keeps their state: on schedule (each due source claimed through
 * PostgreSQL, so one instance runs it) or on demand. A failure is recorded with its reason and
 * retried later with growing pauses; nothing spins and nothing crashes the server.
 */
@Service
public class Sync {

  private static final Logger log = LoggerFactory.getLogger(Sync.class);
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

  private final SourceSettings settings;
  private final SourceStates states;
  private final ArxivOaiHarvester oai;
  private final DailyFeeds feeds;
  private final ArxivApi api;
  private final SourceHttp http;
  private final MeterRegistry meters;
  private final Clock clock;

  Sync(
      SourceSettings settings,
      SourceStates states,
      ArxivOaiHarvester oai,
      DailyFeeds feeds,
      ArxivApi api,
      SourceHttp http,
      MeterRegistry meters,
      Clock clock) {
    this.settings = settings;
    this.states = states;
    this.oai = oai;
    this.feeds = feeds;
    this.api = api;
    this.http = http;
    this.meters = meters;
    this.clock = clock;
    // every schedulable source has a row, so one that is not scheduled can still be run by hand
    states.ensure(ids(Source.allScheduled()));
  }

  /** The scheduled sources, as configured. */
  public List<Source> sources() {
    return settings.enabled();
  }

  /**
   * Runs sources for someone waiting: {@code which}, or every scheduled one; the arXiv API with
   * {@code arxivIds} (ids, or one "search:QUERY"). Every source gets an outcome, failed or not; one
   * named source that is already running is {@link SourceBusy}, for the caller to wait.
   */
  public List<SyncOutcome> runNow(Optional<Source> which, List<String> arxivIds) {
    if (which.equals(Optional.of(Source.ARXIV_API)) && arxivIds.isEmpty()) {
      throw new IllegalArgumentException("arxiv-api needs arXiv ids, or search:QUERY");
    }
    if (which.isPresent()) {
      return List.of(outcome(which.get(), arxivIds));
    }
    return sources().stream().map(s -> outcomeEvenIfBusy(s, arxivIds)).toList();
  }

  /** Among several sources, a busy one is one outcome; the others still run. */
  private SyncOutcome outcomeEvenIfBusy(Source source, List<String> arxivIds) {
    try {
      return outcome(source, arxivIds);
    } catch (SourceBusy e) {
      return SyncOutcome.failed(source, e.getMessage());
    }
  }

  private SyncOutcome outcome(Source source, List<String> arxivIds) {
    try {
      return SyncOutcome.of(
          http.whileSomeoneWaits(
              () -> source == Source.ARXIV_API ? arxivApi(arxivIds) : run(source)));
    } catch (SourceUnavailable e) {
      return SyncOutcome.failed(source, e.getMessage());
    }
  }

  /** Runs one source now; an error is recorded, then rethrown for the caller to show. */
  public SyncReport run(Source source) {
    if (!source.scheduled()) {
      throw new IllegalArgumentException(source + " runs only with ids or a search");
    }
    if (!states.claim(source.id())) {
      throw new SourceBusy(source);
    }
    return runClaimed(source);
  }

  /** Fetches the given arXiv ids (or, with one argument starting "search:", a query). */
  public SyncReport arxivApi(List<String> idsOrSearch) {
    SyncReport report =
        idsOrSearch.size() == 1 && idsOrSearch.get(0).startsWith("search:")
            ? api.search(idsOrSearch.get(0).substring("search:".length()), ArxivApi.PAGE)
            : api.ids(idsOrSearch);
    meters
        .counter("paperboy.source.papers", "source", Source.ARXIV_API.id())
        .increment(report.created());
    return report;
  }

  /** Runs every due source once; called by the schedule. */
  void runDue() {
    Optional<Source> due;
    while ((due = states.claimDue(enabledIds()).map(Source::named)).isPresent()) {
      try {
        log.info("{}", runClaimed(due.get()));
      } catch (SourceUnavailable e) {
        log.warn("Source {} failed: {}", due.get(), e.getMessage());
      }
    }
  }

  private SyncReport runClaimed(Source source) {
    Instant now = clock.instant();
    try (SourceStates.Held claim = states.hold(source.id())) {
      SyncReport report =
          switch (source) {
            case ARXIV -> oai.run();
            case ARXIV_RSS -> feeds.arxivRss();
            case HUGGING_FACE -> feeds.huggingFace();
            case ARXIV_API -> throw new IllegalArgumentException("arxiv-api is not scheduled");
          };
      states.succeeded(source.id(), report.created(), now.plus(settings.every(source)));
      meters.counter("paperboy.source.papers", "source", source.id()).increment(report.created());
      return report;
    } catch (SourceUnavailable e) {
      SourceStates.State state = states.get(source.id());
      String error = (e.unreachable() ? "unreachable: " : "") + e.getMessage();
      states.failed(source.id(), error, 0, now.plus(retryDelay(source, state.failures())));
      throw e;
    } catch (RuntimeException e) {
      // A fault of ours, not the source's: its text is for the log, not the operator's page.
      log.error("Source {} failed", source, e);
      states.failed(source.id(), SourceUnavailable.OUR_FAULT, 0, now.plus(retryDelay(source, 0)));
      throw SourceUnavailable.ourFault(source.id(), e);
    }
  }

  private List<String> enabledIds() {
    return ids(settings.enabled());
  }

  /** The names of sources, as the rows of source_state are keyed. */
  private static List<String> ids(List<Source> sources) {
    return sources.stream().map(Source::id).toList();
  }

  /** One minute, then doubling, never longer than the source's own interval. */
  private Duration retryDelay(Source source, int failuresSoFar) {
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failuresSoFar, 16));
    Duration every = settings.every(source);
    return delay.compareTo(every) > 0 ? every : delay;
  }

  /** What the operator sees about one source. */
  public record Status(
      String source,
      String state,
      Instant lastSuccess,
      String lastError,
      Instant lastErrorAt,
      int consecutiveFailures,
      long papersAdded,
      Instant nextRun,
      boolean running) {}

  public List<Status> statuses() {
    return states.all(enabledIds()).stream().map(Sync::status).toList();
  }

  private static Status status(SourceStates.State s) {
    String state;
    if (s.failures() == 0) {
      state = s.lastSuccess() == null ? "never run" : "ok";
    } else if (s.lastError() != null && s.lastError().startsWith("unreachable")) {
      state = "unreachable";
    } else {
      state = "failing";
    }
    return new Status(
        s.source(),
        state,
        s.lastSuccess(),
        s.lastError(),
        s.lastErrorAt(),
        s.failures(),
        s.papersAdded(),
        s.nextRun(),
        s.runningSince() != null);
  }
}
