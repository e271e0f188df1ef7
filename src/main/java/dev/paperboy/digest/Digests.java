package dev.paperboy.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  private Run run(boolean whateverTheHour) {
    Instant now = clock.instant();
    int queued = 0;
    int empty = 0;
    int skipped = 0;
    for (Subscriber s : subscribers.confirmed()) {
      DigestPeriod period = DigestPeriod.of(s, now);
      if (!whateverTheHour && !period.due()) {
        skipped++;
        continue;
      }
      Integer papers = transaction.execute(tx -> make(s, period));
      if (papers == null) {
        skipped++;
      } else if (papers == 0) {
        empty++;
      } else {
        queued++;
      }
    }
    return new Run(queued, empty, skipped);
  }

  /** Papers queued; 0 when nothing was new; null when the period's digest already exists. */
  private Integer make(Subscriber s, DigestPeriod period) {
    int recorded =
        jdbc.sql(
                "insert into digest (subscriber_id, period, papers) values (?, ?, 0)"
                    + " on conflict do nothing")
            .params(s.id(), period.key())
            .update();
    if (recorded == 0) {
      return null;
    }
    List<DigestComposer.Group> groups = composer.compose(s, period);
    int count = groups.stream().mapToInt(g -> g.papers().size()).sum();
    if (count == 0) {
      return 0;
    }
    long id = outbox.queue(letter.render(s, period, groups));
    jdbc.sql("update digest set outbox_id = ?, papers = ? where subscriber_id = ? and period = ?")
        .params(id, count, s.id(), period.key())
        .update();
    groups.forEach(
        g ->
            g.papers()
                .forEach(
                    p ->
                        jdbc.sql(
                                "insert into digest_paper (subscriber_id, paper_id) values (?, ?)"
                                    + " on conflict do nothing")
                            .params(s.id(), p.id().toString())
                            .update()));
    return count;
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
