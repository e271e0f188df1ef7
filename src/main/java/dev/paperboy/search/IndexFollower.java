package dev.paperboy.search;

import dev.paperboy.runtime.DirectConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index following the catalog: on its own connection (not one of the pool's,
 * which it would hold forever) it listens on {@link ChangeFeed#CHANNEL}, and on each notification,
 * or every {@link #POLL} when none comes, applies what changed ({@link PaperIndex#follow}). The
 * notification only says when to look; what to apply comes from the watermark, so a notification
 * missed while the connection was down, or never sent, delays a change by one poll at most. A
 * reindex requested of every instance ({@code reindex_request}) runs beside, on a thread of its
 * own.
 */
@Component
@ConditionalOnProperty(name = "paperboy.index.follow", havingValue = "true", matchIfMissing = true)
class IndexFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

  /** The longest a change waits without a notification; also how often a lost link is retried. */
  static final Duration POLL = Duration.ofSeconds(2);

  /**
   * After applying changes, notifications are gathered this long before the next round, so a steady
   * import makes a few large rounds (and few new segments) rather than one per batch.
   */
  private static final long GATHER_MILLIS = 250;

  private final PaperIndex index;
  private final DirectConnections connections;
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private volatile boolean running;
  private volatile Connection connection;
  private Thread thread;
  private final ExecutorService rebuilds = DaemonThreads.pool("index-reindex", 1);

  IndexFollower(PaperIndex index, DirectConnections connections) {
    this.index = index;
    this.connections = connections;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = DaemonThreads.thread("index-follower", this::run);
    thread.start();
  }

  private void run() {
    while (running) {
      try (Connection c = connections.open()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + ChangeFeed.CHANNEL);
        }
        listen(c.unwrap(PGConnection.class));
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Search index follower: {}; retrying in {}", e.toString(), POLL);
          pause(POLL.toMillis());
        }
      }
    }
  }

  /** Listening before each look means no change committed after a look goes unnoticed. */
  private void listen(PGConnection listener) throws SQLException {
    while (running) {
      index.follow();
      startRebuildIfRequested();
      if (listener.getNotifications((int) POLL.toMillis()).length > 0) {
        pause(GATHER_MILLIS);
        listener.getNotifications(1);
      }
    }
  }

  private void startRebuildIfRequested() {
    if (index.reindexRequested() && rebuilding.compareAndSet(false, true)) {
      log.info("A reindex was requested of every instance; rebuilding beside the live index");
      rebuilds.execute(
          () -> {
            try {
              log.info("Reindexed {} papers", index.rebuild(n -> {}));
            } catch (RuntimeException e) {
              log.warn("Reindex failed: {}", e.toString());
            } finally {
              rebuilding.set(false);
            }
          });
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // Only the JVM's own exit interrupts this thread.
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Stops after the web server has drained its requests (a lower phase stops later), since an
   * import in flight catches this index up before it answers. The thread is never interrupted: an
   * interrupt during Lucene's file I/O closes the index's channels under every other thread.
   * Closing the listening connection wakes it instead.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      closeQuietly(connection);
      try {
        thread.join(POLL.toMillis() * 5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    rebuilds.shutdown();
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      // Closing only to wake the follower; it is going away.
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
