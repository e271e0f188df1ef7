package dev.paperboy.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes digests: once per subscriber and period, recorded in the same transaction as the outbox
 * message that carries it, so two schedulers racing make one digest, and a crash before the commit
 * leaves nothing half done (the next run makes it again).
 */
@Service
public class Digests {

  /** What a run did. */
  public record Run(int queued, int empty, int skipped) {
    @Override
    public String toString() {
      return queued
          + " digests queued, "
          + empty
          + " subscribers with nothing new, "
          + skipped
          + " already had this period's digest or are not due";
    }
  }

  /** A rendered digest, for a preview. */
  public record Preview(String subject, String text, String html) {}

  private final Subscribers subscribers;
  private final DigestComposer composer;
  private final DigestLetter letter;
  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Workers renderers = new Workers("digest");
  private final Workers writers = new Workers("digest-batch");

  Digests(
      Subscribers subscribers,
      DigestComposer composer,
      DigestLetter letter,
      Outbox outbox,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      Clock clock) {
    this.subscribers = subscribers;
    this.composer = composer;
    this.letter = letter;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The scheduled run: subscribers whose hour has come in their zone. */
  public Run runDue() {
    return run(false);
  }

  /** Right away, whatever the hour: this period's digest for everyone who has not had it. */
  public Run runNow() {
    return run(true);
  }

  /** Subscribers are handled this many at a time, each batch in one transaction. */
  static final int BATCH = 500;

  private record Due(Subscriber subscriber, DigestPeriod period) {}

  /** What a batch did: letters queued, subscribers with nothing new (the rest already had it). */
  private record Tally(int queued, int empty) {}

  private record Made(Due due, List<DigestComposer.Group> groups, Outbox.Draft draft) {
    int papers() {
      return groups.stream().mapToInt(g -> g.papers().size()).sum();
    }
  }

  private Run run(boolean whateverTheHour) {
    Instant now = clock.instant();
    DigestComposer.Run composing = composer.new Run();
    DigestLetter.Sections rendered = DigestLetter.sections();
    List<Due> due = new ArrayList<>();
    int skipped = 0;
    for (Subscriber s : subscribers.confirmed()) {
      DigestPeriod period = DigestPeriod.of(s, now);
      if (whateverTheHour || period.due()) {
        due.add(new Due(s, period));
      } else {
        skipped++;
      }
    }
    List<List<Due>> batches = new ArrayList<>();
    for (int from = 0; from < due.size(); from += BATCH) {
      batches.add(due.subList(from, Math.min(due.size(), from + BATCH)));
    }
    // Two batches at once, each in its own transaction: while PostgreSQL stores one, the next
    // is composed and rendered.
    List<Tally> done =
        writers.map(
            batches, batch -> transaction.execute(tx -> make(batch, composing, rendered)), 2);
    int queued = 0;
    int empty = 0;
    for (int b = 0; b < batches.size(); b++) {
      Tally t = done.get(b);
      skipped += batches.get(b).size() - t.queued() - t.empty();
      queued += t.queued();
      empty += t.empty();
    }
    return new Run(queued, empty, skipped);
  }

  /**
   * Records this period's digest for each subscriber of the batch who has not had it, and queues
   * the letters of those with papers. Only counts are returned: a run of 100,000 letters must not
   * hold them all.
   */
  private Tally make(
      List<Due> batch, DigestComposer.Run composing, DigestLetter.Sections rendered) {
    Set<String> recorded =
        new HashSet<>(
            jdbc.sql(
                    "insert into digest (subscriber_id, period, papers) select s::uuid, p, 0 from"
                        + " unnest(?::text[], ?::text[]) as x(s, p) on conflict do nothing"
                        + " returning subscriber_id::text")
                .params(
                    batch.stream().map(d -> d.subscriber().id().toString()).toArray(String[]::new),
                    batch.stream().map(d -> d.period().key()).toArray(String[]::new))
                .query(String.class)
                .list());
    List<Due> fresh =
        batch.stream().filter(d -> recorded.contains(d.subscriber().id().toString())).toList();
    Map<String, Set<String>> sent = new HashMap<>();
    jdbc.sql(
            "select subscriber_id::text, paper_id from digest_paper"
                + " where subscriber_id = any(?::text[]::uuid[])")
        .param(recorded.toArray(String[]::new))
        .query(
            rs -> {
              sent.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            });
    List<Made> made =
        renderers.map(
            fresh,
            d -> {
              List<DigestComposer.Group> groups =
                  composing.compose(
                      d.subscriber(),
                      d.period(),
                      sent.getOrDefault(d.subscriber().id().toString(), Set.of()));
              return new Made(
                  d,
                  groups,
                  groups.isEmpty()
                      ? null
                      : letter.render(d.subscriber(), d.period(), groups, rendered));
            });
    List<Made> letters = made.stream().filter(m -> m.draft() != null).toList();
    Map<String, Long> ids = outbox.queueAll(letters.stream().map(Made::draft).toList());
    jdbc.sql(
            "update digest d set outbox_id = x.o, papers = x.n from unnest(?::text[], ?::text[],"
                + " ?::bigint[], ?::int[]) as x(s, p, o, n) where d.subscriber_id = x.s::uuid"
                + " and d.period = x.p")
        .params(
            letters.stream().map(m -> m.due().subscriber().id().toString()).toArray(String[]::new),
            letters.stream().map(m -> m.due().period().key()).toArray(String[]::new),
            letters.stream().map(m -> ids.get(m.draft().messageId())).toArray(Long[]::new),
            letters.stream().map(Made::papers).toArray(Integer[]::new))
        .update();
    List<String[]> pairs = new ArrayList<>();
    for (Made m : letters) {
      String subscriber = m.due().subscriber().id().toString();
      m.groups()
          .forEach(
              g ->
                  g.papers().forEach(p -> pairs.add(new String[] {subscriber, p.id().toString()})));
    }
    jdbc.sql(
            "insert into digest_paper (subscriber_id, paper_id) select s::uuid, p from"
                + " unnest(?::text[], ?::text[]) as x(s, p) on conflict do nothing")
        .params(
            pairs.stream().map(x -> x[0]).toArray(String[]::new),
            pairs.stream().map(x -> x[1]).toArray(String[]::new))
        .update();
    return new Tally(letters.size(), made.size() - letters.size());
  }

  /** What this address would get now, without recording or sending anything. */
  public Optional<Preview> preview(String email) {
    return subscribers
        .byEmail(email)
        .map(
            s -> {
              DigestPeriod period = DigestPeriod.of(s, clock.instant());
              Outbox.Draft d = letter.render(s, period, composer.compose(s, period));
              return new Preview(d.subject(), d.textBody(), d.htmlBody());
            });
  }
}
