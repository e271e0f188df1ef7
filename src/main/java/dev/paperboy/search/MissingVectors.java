package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.PaperId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Embeds the papers that have no vector from the current model yet and stores the vectors in the
 * catalog, where each instance's index picks them up from the change feed. One instance at a time
 * does it: the run holds a PostgreSQL advisory lock on its own session, which the database frees if
 * the instance dies.
 */
@Component
class MissingVectors {

  /** The advisory lock's key: "embedding" in ASCII, as good as any number no one else uses. */
  private static final long CLAIM = 0x656d62656464L;

  private static final int CHUNK = 256;

  private final DataSource dataSource;
  private final Catalog catalog;
  private final Vectors vectors;
  private final PaperIndex index;

  MissingVectors(DataSource dataSource, Catalog catalog, Vectors vectors, PaperIndex index) {
    this.dataSource = dataSource;
    this.catalog = catalog;
    this.vectors = vectors;
    this.index = index;
  }

  /**
   * Embeds them a chunk at a time; returns how many, or 0 at once when another instance is at it. A
   * vector whose paper a writer changed meanwhile is not stored (see {@link
   * dev.paperboy.catalog.Embeddings#save}), and the paper's next turn embeds its new text. When it
   * returns, this instance's index holds the new vectors.
   */
  long embed(LongConsumer progress) {
    try (Connection session = dataSource.getConnection()) {
      if (!lock(session, "pg_try_advisory_lock")) {
        return 0;
      }
      long embedded;
      try {
        embedded = embedClaimed(progress);
      } finally {
        lock(session, "pg_advisory_unlock");
      }
      index.catchUp();
      return embedded;
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("cannot claim the embedding backfill", e);
    }
  }

  private long embedClaimed(LongConsumer progress) {
    long count = 0;
    List<PaperId> ids = vectors.missing(CHUNK);
    while (!ids.isEmpty()) {
      vectors.of(catalog.findAll(ids));
      count += ids.size();
      progress.accept(count);
      List<PaperId> next = vectors.missing(CHUNK);
      // Every vector of the chunk was refused (its papers kept changing): the next run retries.
      ids = next.equals(ids) ? List.of() : next;
    }
    return count;
  }

  private static boolean lock(Connection session, String function) throws SQLException {
    try (PreparedStatement s = session.prepareStatement("select " + function + "(?)")) {
      s.setLong(1, CLAIM);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
