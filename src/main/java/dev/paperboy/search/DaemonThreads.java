package dev.paperboy.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Named daemon threads for search's own work (following the catalog, rebuilding, embedding): named,
 * so a thread dump says whose they are; daemons, so none of them keeps a stopping process alive.
 */
final class DaemonThreads {

  private DaemonThreads() {}

  static Thread thread(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    return t;
  }

  static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(threads, work -> thread(name, work));
  }
}
