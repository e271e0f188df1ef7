package dev.paperboy.cli;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.runtime.RunningServer;
import dev.paperboy.search.PaperIndex;
import java.io.PrintStream;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code reindex}: rebuilds the search index from the catalog, the system of record. */
final class ReindexCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  ReindexCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  int run(Optional<RunningServer> server) {
    if (server.isPresent()) {
      err.println("A Paperboy server owns this data directory; reindexing through it.");
      out.println(new ServerClient(server.get()).post("/admin/reindex").strip());
      return 0;
    }
    try (ConfigurableApplicationContext context = local.start()) {
      long total = context.getBean(Catalog.class).count();
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("reindex")
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .build()) {
        long indexed = context.getBean(PaperIndex.class).rebuild(bar::stepTo);
        bar.stepTo(indexed);
        out.printf("reindexed %,d papers%n", indexed);
      }
    }
    return 0;
  }

  /**
   * On an external database each instance keeps its own index: all of them are asked, through the
   * database, and each rebuilds its own beside its live one.
   */
  int requestEverywhere() {
    try (ConfigurableApplicationContext context = local.start()) {
      long generation = context.getBean(PaperIndex.class).requestReindexEverywhere();
      out.printf(
          "reindex requested (request %d): every instance rebuilds its index beside the live one%n",
          generation);
    }
    return 0;
  }
}
