package dev.paperboy.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills in the arXiv categories of papers that arrived without them (Hugging Face daily papers) by
 * asking the arXiv API for them, 100 ids a request through the same polite client as the sources,
 * and asks again for recent Hugging Face papers a week later to catch new versions. The import
 * re-indexes each paper it changes, so {@code cat:} finds it. Claimed through PostgreSQL like the
 * sources, so one instance runs it.
 */
@Component
class ArxivCategories {

  /** The job's row in {@code source_state}; not a source the user syncs. */
  static final String JOB = "arxiv-categories";

  /** A paper the API did not know is asked again after this long. */
  static final Duration RETRY_MISSING = Duration.ofDays(1);

  /** A Hugging Face paper is checked for a newer version this often while it is recent. */
  static final Duration REFRESH = Duration.ofDays(7);

  /** How long after publication a paper is still re-checked for new versions. */
  static final Duration RECENT = Duration.ofDays(90);

  /** At most this many papers a run (ten requests): a big backlog is worked off run by run. */
  static final int PER_RUN = 1000;

  /** The run after a successful one, when nothing new waits; new papers bring it forward. */
  static final Duration EVERY = Duration.ofHours(6);

  private static final Logger log = LoggerFactory.getLogger(ArxivCategories.class);

  private static final String DUE =
      "select p.id from paper p left join category_check c on c.paper_id = p.id"
          + " where p.id like 'arxiv:%' and ((cardinality(p.categories) = 0 and (c.checked_at"
          + " is null or c.checked_at < now() - make_interval(secs => ?))) or ('huggingface' ="
          + " any(p.sources) and c.checked_at < now() - make_interval(secs => ?) and"
          + " coalesce(p.published, p.first_seen::date) >= current_date - ?::int))"
          + " order by c.checked_at nulls first, p.id limit ?";

  private final SourceStates states;
  private final ArxivApi api;
  private final JdbcClient jdbc;
  private final Clock clock;

  ArxivCategories(SourceStates states, ArxivApi api, JdbcClient jdbc, Clock clock) {
    this.states = states;
    this.api = api;
    this.jdbc = jdbc;
    this.clock = clock;
    states.ensure(List.of(JOB));
  }

  /** On the schedule's tick: runs when due, and at once when papers wait for their categories. */
  void runDue() {
    if (waiting()) {
      states.bringForward(JOB);
    }
    if (states.claimDue(List.of(JOB)).isPresent()) {
      try {
        log.info("{}", runClaimed());
      } catch (SourceUnavailable e) {
        log.warn("Filling arXiv categories failed: {}", e.getMessage());
      }
    }
  }

  /** Runs now, unless a run is in progress elsewhere. */
  SyncReport run() {
    if (!states.claim(JOB)) {
      throw new SourceUnavailable(JOB + " is already running");
    }
    return runClaimed();
  }

  private SyncReport runClaimed() {
    Instant now = clock.instant();
    SyncReport.Tally tally = new SyncReport.Tally(JOB);
    try (SourceStates.Held claim = states.hold(JOB)) {
      List<String> ids = due();
      for (int from = 0; from < ids.size(); from += ArxivApi.PAGE) {
        List<String> page = ids.subList(from, Math.min(ids.size(), from + ArxivApi.PAGE));
        tally.add(api.ids(page.stream().map(id -> id.substring("arxiv:".length())).toList()));
        checked(page);
      }
      SyncReport report = tally.report();
      states.succeeded(JOB, report.updated(), now.plus(EVERY));
      return report;
    } catch (SourceUnavailable e) {
      states.failed(JOB, e.getMessage(), tally.report().updated(), now.plus(RETRY_MISSING));
      throw e;
    } catch (RuntimeException e) {
      // Release the claim whatever went wrong, so the next tick can try again.
      log.error("Filling arXiv categories failed", e);
      states.failed(
          JOB, SourceUnavailable.OUR_FAULT, tally.report().updated(), now.plus(RETRY_MISSING));
      throw SourceUnavailable.ourFault(JOB, e);
    }
  }

  private List<String> due() {
    return jdbc.sql(DUE)
        .params(RETRY_MISSING.toSeconds(), REFRESH.toSeconds(), RECENT.toDays(), PER_RUN)
        .query(String.class)
        .list();
  }

  /** Papers never asked about that have no categories: worth a run right away. */
  private boolean waiting() {
    return jdbc.sql(
            "select exists (select 1 from paper p where p.id like 'arxiv:%' and"
                + " cardinality(p.categories) = 0 and not exists (select 1 from category_check c"
                + " where c.paper_id = p.id))")
        .query(Boolean.class)
        .single();
  }

  private void checked(List<String> ids) {
    jdbc.sql(
            "insert into category_check (paper_id, checked_at) select id, now() from"
                + " unnest(?::text[]) as x(id) where exists (select 1 from paper where paper.id"
                + " = x.id) on conflict (paper_id) do update set checked_at = excluded.checked_at")
        .param(ids.toArray(String[]::new))
        .update();
  }
}
