package dev.paperboy.foryou;

import dev.paperboy.catalog.Catalog;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What readers tell us about papers beyond votes and saves: 👍, 👎 and "not interested", from a
 * card, a digest's link or the API. One signal per reader and paper, the latest wins; recording the
 * same twice changes nothing, and undoing deletes it.
 */
@Service
public class Feedback {

  /** The three things a reader can say; {@code wire} is how forms, links and JSON spell them. */
  public enum Signal {
    UP("up"),
    DOWN("down"),
    NOT_INTERESTED("not-interested");

    private final String wire;

    Signal(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The signal spelled {@code text}, or {@link InvalidFeedback} naming the three there are. */
    public static Signal parse(String text) {
      return find(text)
          .orElseThrow(() -> new InvalidFeedback("signal must be up, down or not-interested"));
    }

    /** The signal spelled {@code text} (any case, spaces around), if it is one. */
    public static Optional<Signal> find(String text) {
      return Arrays.stream(values())
          .filter(s -> s.wire.equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)))
          .findFirst();
    }
  }

  /** One reader's word on one paper, and when they said it. */
  public record Entry(String paperId, Signal signal, Instant at) {}

  private final JdbcClient jdbc;
  private final Catalog catalog;

  Feedback(JdbcClient jdbc, Catalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  /**
   * Records the reader's signal on a paper, replacing any earlier one; the paper's id as the
   * catalog spells it. An id the catalog does not know is {@code PaperNotFound}.
   */
  public String record(UUID reader, String paperId, Signal signal) {
    String id = known(paperId);
    // The time moves only when the signal changes: a second click is not newer feedback.
    jdbc.sql(
            "insert into feedback (subscriber_id, paper_id, signal) values (?, ?, ?)"
                + " on conflict (subscriber_id, paper_id) do update set signal = excluded.signal,"
                + " created_at = case when feedback.signal = excluded.signal"
                + " then feedback.created_at else now() end,"
                + " replaced = case when feedback.signal = excluded.signal"
                + " then feedback.replaced else feedback.signal end,"
                + " replaced_at = case when feedback.signal = excluded.signal"
                + " then feedback.replaced_at else feedback.created_at end")
        .params(reader, id, signal.wire())
        .update();
    return id;
  }

  /** Takes back whatever the reader said about the paper; the paper's id as the catalog has it. */
  public String undo(UUID reader, String paperId) {
    String id = known(paperId);
    jdbc.sql("delete from feedback where subscriber_id = ? and paper_id = ?")
        .params(reader, id)
        .update();
    return id;
  }

  /**
   * Takes back one signal, if it is still what the reader says about the paper: an emailed link's
   * Undo must not erase what the reader said since, elsewhere, and what they said before it (a 👎
   * under a "Not interested") comes back. Whether it took anything back.
   */
  public boolean undo(UUID reader, String paperId, Signal signal) {
    String id = known(paperId);
    // what the reader said before comes back; with nothing before, the row goes
    int restored =
        jdbc.sql(
                "update feedback set signal = replaced, created_at = replaced_at, replaced = null,"
                    + " replaced_at = null where subscriber_id = ? and paper_id = ? and signal = ?"
                    + " and replaced is not null")
            .params(reader, id, signal.wire())
            .update();
    return restored > 0
        || jdbc.sql("delete from feedback where subscriber_id = ? and paper_id = ? and signal = ?")
                .params(reader, id, signal.wire())
                .update()
            > 0;
  }

  /** What the reader said about this paper, if anything. */
  public Optional<Signal> of(UUID reader, String paperId) {
    return jdbc.sql("select signal from feedback where subscriber_id = ? and paper_id = ?")
        .params(reader, paperId)
        .query(String.class)
        .optional()
        .map(Signal::parse);
  }

  /** Everything the reader said, newest first. */
  public List<Entry> of(UUID reader) {
    return jdbc.sql(
            "select paper_id, signal, created_at from feedback where subscriber_id = ?"
                + " order by created_at desc, paper_id")
        .param(reader)
        .query(
            (rs, row) ->
                new Entry(
                    rs.getString(1), Signal.parse(rs.getString(2)), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** Which of these papers the reader gave this signal: one query for a list of cards. */
  public Set<String> among(UUID reader, Collection<String> paperIds, Signal signal) {
    return Set.copyOf(
        jdbc.sql(
                "select paper_id from feedback where subscriber_id = ? and signal = ?"
                    + " and paper_id = any(?)")
            .params(reader, signal.wire(), paperIds.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  /** The catalog's id of the paper named, after refusing what no paper id can contain. */
  public String known(String paperId) {
    if (paperId == null || paperId.isBlank()) {
      throw new InvalidFeedback("id is required: the paper's id, like arxiv:2410.21271");
    }
    if (paperId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidFeedback("id must not contain control characters");
    }
    return catalog.get(paperId.strip()).id().toString();
  }
}
