package dev.paperboy.digest;

import dev.paperboy.foryou.ForYou;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes digests. A letter is sent only when there is something its subscriber has not had yet, at
 * most one per period: the period is recorded in the same transaction as the outbox message that
 * carries it, so two schedulers racing make one letter, and a crash before the commit leaves
 * nothing half done. A check that finds nothing new records nothing, so papers that arrive later in
 * the period still go out at the next check.
 */
@Service
public class Digests {

  /** What a run did, per subscriber it looked at. */
  public record Run(int queued, int nothingNew, int alreadyHad, int notDue) {
    static final Run NONE = new Run(0, 0, 0, 0);

    Run plus(Run other) {
      return new Run(
          queued + other.queued,
          nothingNew + other.nothingNew,
          alreadyHad + other.alreadyHad,
          notDue + other.notDue);
    }

    @Override
    public String toString() {
      return queued
          + " digests queued, "
          + nothingNew
          + " subscribers with nothing new yet (nothing sent, checked again later), "
          + alreadyHad
          + " already had this period's digest, "
          + notDue
          + " not due yet";
    }
  }

  /**
   * What {@link #runNow} would send this subscriber now: the letter, or, when it would send
   * nothing, why (and no subject, text or HTML).
   */
  public record Preview(String subject, String text, String html, String nothingBecause) {}

  private final Subscribers subscribers;
  private final DigestComposer composer;
  private final DigestLetter letter;
  private final Outbox outbox;
  private final DigestRuns runs;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ForYou forYou;
  private final Workers renderers = new Workers("digest");
  private final Workers writers = new Workers("digest-batch");

  Digests(
      Subscribers subscribers,
      DigestComposer composer,
      DigestLetter letter,
      Outbox outbox,
      DigestRuns runs,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      Clock clock,
      ForYou forYou) {
    this.subscribers = subscribers;
    this.composer = composer;
    this.letter = letter;
    this.outbox = outbox;
    this.runs = runs;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.forYou = forYou;
  }

  /** The scheduled check: subscribers whose hour has come in their zone. */
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

  /** What a batch did. */
  private record Tally(int queued, int nothingNew, int alreadyHad) {}

  private record Made(Due due, List<DigestComposer.Group> groups, Outbox.Draft draft) {
    int papers() {
      return groups.stream().mapToInt(g -> g.papers().size()).sum();
    }
  }

  /** What every partition of one run on this instance shares: its moment and its caches. */
  private record Pass(
      Instant now,
      boolean whateverTheHour,
      DigestComposer.Run composing,
      DigestLetter.Sections rendered) {}

  private Run run(boolean whateverTheHour) {
    Instant now = clock.instant();
    DigestRuns.Joined run = runs.join(whateverTheHour, now);
    Pass pass = new Pass(now, whateverTheHour, composer.new Run(), DigestLetter.sections());
    // Two lanes, each claiming partitions until none is left: while PostgreSQL stores one batch,
    // the next is composed and rendered.
    return writers.map(List.of(1, 2), lane -> work(run, pass), 2).stream()
        .reduce(Run.NONE, Run::plus);
  }

  /**
   * Claims partitions of the run and makes their letters until none is left. An operator's run
   * waits for partitions that other instances hold, so that it returns when the whole run is done;
   * the scheduled check leaves them to their holders (or to the next check, should one die).
   */
  private Run work(DigestRuns.Joined run, Pass pass) {
    Run total = Run.NONE;
    Optional<DigestRuns.Partition> claimed;
    while ((claimed = runs.claim(run, pass.whateverTheHour())).isPresent()) {
      total = total.plus(partition(claimed.get(), pass));
      runs.done(claimed.get());
    }
    return total;
  }

  /** One partition's subscribers, a batch at a time, each batch in one transaction. */
  private Run partition(DigestRuns.Partition p, Pass pass) {
    List<Due> due = new ArrayList<>();
    int notDue = 0;
    for (Subscriber s : subscribers.receivingDigests(p.from(), p.until())) {
      DigestPeriod period = DigestPeriod.of(s, pass.now());
      if (pass.whateverTheHour() || period.due()) {
        due.add(new Due(s, period));
      } else {
        notDue++;
      }
    }
    Run total = new Run(0, 0, 0, notDue);
    for (int from = 0; from < due.size(); from += BATCH) {
      List<Due> batch = due.subList(from, Math.min(due.size(), from + BATCH));
      Tally t = transaction.execute(tx -> make(batch, pass.composing(), pass.rendered()));
      total = total.plus(new Run(t.queued(), t.nothingNew(), t.alreadyHad(), 0));
      runs.renew(p);
    }
    return total;
  }

  /**
   * Composes the letters of a batch's subscribers who have not had this period's digest, and queues
   * those that carry papers. Only counts are returned: a run of 100,000 letters must not hold them
   * all.
   */
  private Tally make(
      List<Due> batch, DigestComposer.Run composing, DigestLetter.Sections rendered) {
    Set<UUID> had = recorded(batch);
    List<Due> open = batch.stream().filter(d -> !had.contains(d.subscriber().id())).toList();
    Map<UUID, DigestPeriod> periods = new HashMap<>();
    open.forEach(d -> periods.put(d.subscriber().id(), d.period()));
    composing.prepare(open.stream().map(Due::subscriber).toList(), s -> periods.get(s.id()));
    Map<UUID, Set<String>> sent = alreadySent(open, composing);
    List<Made> made =
        renderers.map(
            open,
            d -> made(d, composing, sent.getOrDefault(d.subscriber().id(), Set.of()), rendered));
    List<Made> letters = made.stream().filter(m -> m.draft() != null).toList();
    List<Made> claimed = claim(letters);
    queue(claimed);
    return new Tally(
        claimed.size(), made.size() - letters.size(), had.size() + letters.size() - claimed.size());
  }

  /**
   * One subscriber's letter, or none when there is nothing they have not had: the one way a letter
   * is composed, for a run and for a preview alike.
   */
  private Made made(
      Due d, DigestComposer.Run composing, Set<String> sent, DigestLetter.Sections rendered) {
    List<DigestComposer.Group> groups = composing.compose(d.subscriber(), d.period(), sent);
    return new Made(
        d,
        groups,
        groups.isEmpty() ? null : letter.render(d.subscriber(), d.period(), groups, rendered));
  }

  /** Subscribers of the batch who already had their period's digest. */
  private Set<UUID> recorded(List<Due> batch) {
    return new HashSet<>(
        jdbc.sql(
                "select d.subscriber_id from digest d join unnest(?::text[], ?::text[]) as"
                    + " x(s, p) on d.subscriber_id = x.s::uuid and d.period = x.p")
            .params(ids(batch), batch.stream().map(d -> d.period().key()).toArray(String[]::new))
            .query(UUID.class)
            .list());
  }

  /** What each subscriber already had among the papers their letters could carry. */
  private Map<UUID, Set<String>> alreadySent(List<Due> open, DigestComposer.Run composing) {
    Set<String> candidates = new HashSet<>();
    open.forEach(d -> candidates.addAll(composing.candidates(d.subscriber(), d.period())));
    return composer.sent(open.stream().map(d -> d.subscriber().id()).toList(), candidates);
  }

  /**
   * Records the period for each letter; a letter whose period another run recorded first (two
   * schedulers racing) is dropped, so each subscriber gets one.
   */
  private List<Made> claim(List<Made> letters) {
    Set<UUID> won =
        new HashSet<>(
            jdbc.sql(
                    "insert into digest (subscriber_id, period, papers) select s::uuid, p, n from"
                        + " unnest(?::text[], ?::text[], ?::int[]) as x(s, p, n)"
                        + " on conflict do nothing returning subscriber_id")
                .params(
                    ids(letters.stream().map(Made::due).toList()),
                    letters.stream().map(m -> m.due().period().key()).toArray(String[]::new),
                    letters.stream().map(Made::papers).toArray(Integer[]::new))
                .query(UUID.class)
                .list());
    return letters.stream().filter(m -> won.contains(m.due().subscriber().id())).toList();
  }

  /** Queues the letters, links them to their periods and remembers the papers sent. */
  private void queue(List<Made> letters) {
    Map<String, Long> queued = outbox.queueAll(letters.stream().map(Made::draft).toList());
    jdbc.sql(
            "update digest d set outbox_id = x.o from unnest(?::text[], ?::text[], ?::bigint[])"
                + " as x(s, p, o) where d.subscriber_id = x.s::uuid and d.period = x.p")
        .params(
            ids(letters.stream().map(Made::due).toList()),
            letters.stream().map(m -> m.due().period().key()).toArray(String[]::new),
            letters.stream().map(m -> queued.get(m.draft().messageId())).toArray(Long[]::new))
        .update();
    Map<UUID, List<ForYou.Recommendation>> recommended = new HashMap<>();
    List<String[]> pairs = new ArrayList<>();
    for (Made m : letters) {
      m.groups().stream()
          .filter(g -> !g.picks().isEmpty())
          .forEach(g -> recommended.put(m.due().subscriber().id(), g.picks()));
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
    forYou.record(recommended);
  }

  private static String[] ids(List<Due> dues) {
    return dues.stream().map(d -> d.subscriber().id().toString()).toArray(String[]::new);
  }

  /**
   * What {@link #runNow} would send this address now, composed by the same code, without recording
   * or sending anything.
   */
  public Optional<Preview> preview(String email) {
    return subscribers.byEmail(email).map(this::preview);
  }

  private Preview preview(Subscriber s) {
    DigestPeriod period = DigestPeriod.of(s, clock.instant());
    if (!s.receivesDigest()) {
      return nothing(
          s.digest()
              ? "the address is " + s.status() + "; only confirmed addresses get digests"
              : "the digest is off for this account");
    }
    Due due = new Due(s, period);
    if (!recorded(List.of(due)).isEmpty()) {
      return nothing("it already had this period's digest (" + period.key() + ")");
    }
    DigestComposer.Run composing = composer.new Run();
    composing.prepare(List.of(s), any -> period);
    Set<String> sent = alreadySent(List.of(due), composing).getOrDefault(s.id(), Set.of());
    Made made = made(due, composing, sent, DigestLetter.sections());
    if (made.draft() == null) {
      return nothing(
          "nothing new: no trending paper of its topics that it has not had yet; nothing is"
              + " recorded, so papers that arrive later in "
              + period.key()
              + " still go out");
    }
    Outbox.Draft d = made.draft();
    return new Preview(d.subject(), d.textBody(), d.htmlBody(), null);
  }

  private static Preview nothing(String because) {
    return new Preview(null, null, null, "Nothing would be sent now: " + because + ".");
  }
}
