package dev.paperboy.cli;

import dev.paperboy.ingest.Format;
import dev.paperboy.runtime.DataDirectory;
import dev.paperboy.runtime.InvalidSetting;
import dev.paperboy.runtime.Owner;
import dev.paperboy.runtime.RunningServer;
import dev.paperboy.runtime.SigningKey;
import dev.paperboy.sources.Source;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Dispatches the first argument to a command. Commands that write (import, reindex) run in this
 * process when it can own the data directory, and are sent to the running server when one owns it,
 * so the two never fight over the embedded database or the index.
 */
public final class Cli {

  /** Returned by {@code serve}: the process lives on with the server. */
  public static final int KEEP_RUNNING = -1;

  static final String USAGE =
      """
      Usage: paperboy [COMMAND] [ARGS]

      Commands:
        serve [--wait]   run the web site and API (the default) and print its address. If another
                         process owns the data directory, say which and stop; --wait waits for it
        import FILE|DIR...
                         import papers from files (- for standard input; a directory: every file
                         in it, in name order, without hidden files and subdirectories), plain or
                         compressed with gzip, bzip2 or xz. Formats, recognised from content:
      %s
                         --no-embeddings: searchable by words at once, by meaning once embedded
                         in the background (much faster)
        reindex          rebuild the search index from the catalog
        digest --preview EMAIL [--html FILE]
                         print the digest that subscriber would get now (text); --html also
                         writes its HTML version to FILE
        digest --run-now compose and queue this period's digests for every confirmed
                         reader with the digest on who has not had theirs, then send
        sync [SOURCE...] fetch new papers now from the named sources of %s
                         (default: all); one line per source; an unreachable host fails at once
        sync arxiv-api ID... | search:QUERY
                         fetch given papers, or a search, from the arXiv API
        eval [--model ID|all] [--model-dir DIR]... [--out FILE] [--as-typed] [DIR]
                         measure search quality on the relevance yardstick, its dev and
                         test queries apart (default DIR yardstick, FILE docs/RELEVANCE.md);
                         prints dev queries one by one; uses a temporary catalog;
                         --as-typed searches without spelling correction
        eval --recommend [--tune] [--model ID] [--out FILE] [DIR]
                         measure the For you ranking and its baselines on synthetic
                         readers from the yardstick's topics (shipped model by default);
                         --tune first prints the model's dev scores over a grid
        token create EMAIL [--name NAME]
                         print a new personal API token of that reader (shown this once), for
                         the JSON API as Authorization: Bearer TOKEN
        token revoke EMAIL
                         revoke every personal API token of that reader
        operator-link    print a new one-time sign-in link to the running server's operator
                         pages (mail, sources, admin); with PAPERBOY_DB_URL, made in the
                         database for PAPERBOY_BASE_URL, and good at every instance
        help             show this text

      Exit status: 0 all done (every record imported or unchanged, every source synced);
      1 partly done (some records, files or sources failed); 2 usage error; 3 nothing done
      (every file or record rejected, every source failed, the data directory or port in use).

      Settings come from the environment (README lists them all): PAPERBOY_DATA_DIR (default
      ./data), PAPERBOY_PORT (8080), PAPERBOY_DB_URL (default: embedded PostgreSQL),
      PAPERBOY_BASE_URL, PAPERBOY_SMTP_HOST (default: mail waits on /mail), PAPERBOY_MAIL_FROM,
      PAPERBOY_CATEGORIES, PAPERBOY_CONTACT, PAPERBOY_ADMIN_TOKEN, PAPERBOY_SECRET.
      """
          .formatted(formats(), Source.known(Source.allScheduled()));

  /** Every format {@code import} reads, from the one registry, wrapped into the help's column. */
  static String formats() {
    // Locals, not constants: USAGE is built from this while the class is initialised.
    String column = " ".repeat(19);
    int width = 98;
    String all =
        Arrays.stream(Format.values()).map(Format::label).collect(Collectors.joining(", ")) + ".";
    StringBuilder lines = new StringBuilder();
    StringBuilder line = new StringBuilder(column);
    for (String word : all.split(" ")) {
      if (line.length() > column.length() && line.length() + 1 + word.length() > width) {
        lines.append(line).append('\n');
        line = new StringBuilder(column);
      }
      line.append(line.length() > column.length() ? " " : "").append(word);
    }
    return lines.append(line).toString();
  }

  /** Serve waits for the data directory's owner only when asked. */
  static final String WAIT = "--wait";

  private final PrintStream out;
  private final PrintStream err;
  private final DataDirectory dir;
  private final Class<?> application;
  private final List<String> settings;
  private final boolean externalDatabase;

  /**
   * @param application the Spring Boot application class that commands start
   * @param dir the data directory the commands work on
   */
  public Cli(PrintStream out, PrintStream err, Class<?> application, DataDirectory dir) {
    this(out, err, application, dir, List.of(), isSet(System.getenv("PAPERBOY_DB_URL")));
  }

  /**
   * @param settings extra {@code name=value} settings of the application that commands start
   * @param externalDatabase whether the catalog is an external PostgreSQL ({@code
   *     PAPERBOY_DB_URL}): then commands act on it directly, beside any number of running instances
   */
  public Cli(
      PrintStream out,
      PrintStream err,
      Class<?> application,
      DataDirectory dir,
      List<String> settings,
      boolean externalDatabase) {
    this.out = out;
    this.err = err;
    this.application = application;
    this.dir = dir;
    this.settings = settings.stream().map(s -> "--" + s).toList();
    this.externalDatabase = externalDatabase;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  public int run(String... args) {
    String command = args.length == 0 ? "serve" : args[0];
    List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
    // Help, and a command's own --help, touch nothing: no data directory, no lock, no server
    // started (eval has a help of its own).
    if (List.of("--help", "-h").contains(command)
        || !command.equals("eval") && (rest.contains("--help") || rest.contains("-h"))) {
      command = "help";
    }
    try {
      if (!command.equals("help")) {
        SigningKey.check(System.getenv("PAPERBOY_DB_URL"), System.getenv("PAPERBOY_SECRET"));
      }
      return dispatch(command, rest);
    } catch (RuntimeException e) {
      InvalidSetting invalid = cause(e, InvalidSetting.class);
      if (invalid == null) {
        throw e;
      }
      err.println("paperboy " + command + ": " + invalid.getMessage());
      return ExitStatus.NOTHING.code;
    }
  }

  private int dispatch(String command, List<String> rest) {
    try {
      return switch (command) {
        case "serve" -> serve(rest);
        case "import" -> new ImportCommand(out, err, onCatalog()).run(rest, catalogTarget());
        case "reindex" ->
            externalDatabase
                ? new ReindexCommand(out, err, onCatalog()).requestEverywhere()
                : new ReindexCommand(out, err, local(dir)).run(target());
        case "eval" -> new EvalCommand(out, err, local(dir)).run(rest);
        case "digest" -> new DigestCommand(out, err, onCatalog()).run(rest, catalogTarget());
        case "sync" -> new SyncCommand(out, err, onCatalog()).run(rest, catalogTarget());
        case "token" -> new TokenCommand(out, err, onCatalog()).run(rest, catalogTarget());
        case "operator-link" ->
            externalDatabase
                ? new OperatorLinkCommand(out).onDatabase(onCatalog())
                : new OperatorLinkCommand(out).run(RunningServer.find(dir));
        case "help" -> {
          out.print(USAGE);
          yield 0;
        }
        default -> {
          err.println("paperboy: unknown command '" + command + "'");
          err.print(USAGE);
          yield ExitStatus.USAGE.code;
        }
      };
    } catch (CommandFailed e) {
      err.println("paperboy " + command + ": " + e.getMessage());
      return e.status.code;
    }
  }

  /** Starts the server, unless another process owns the data directory and we were not to wait. */
  private int serve(List<String> rest) {
    boolean wait = rest.contains(WAIT);
    if (!wait) {
      Optional<Owner> owner = Owner.tryAcquire(dir);
      if (owner.isEmpty()) {
        err.println("paperboy serve: " + Owner.whoOwns(dir) + ".");
        err.println(
            "Stop it first, set PAPERBOY_DATA_DIR to another directory, or run"
                + " paperboy serve --wait to start once it stops.");
        return ExitStatus.NOTHING.code;
      }
      owner.get().close();
    }
    List<String> args = new ArrayList<>(rest.stream().filter(a -> !a.equals(WAIT)).toList());
    int port = ServerPort.configured(args);
    // A waiting server's port may still be held by the owner it waits for; it is checked at start.
    if (!wait && !ServerPort.free(port)) {
      err.println("paperboy serve: " + ServerPort.inUse(port));
      return ExitStatus.NOTHING.code;
    }
    args.add("--paperboy.wait-for-owner=" + wait);
    try {
      SpringApplication.run(application, args.toArray(String[]::new));
    } catch (RuntimeException e) {
      PortInUseException taken = cause(e, PortInUseException.class);
      if (taken == null) {
        throw e;
      }
      err.println("paperboy serve: " + ServerPort.inUse(taken.getPort()));
      return ExitStatus.NOTHING.code;
    }
    return KEEP_RUNNING;
  }

  /** The first exception of this type in the chain of causes, or null. */
  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private LocalContext local(DataDirectory in) {
    return new LocalContext(application, in, settings);
  }

  /**
   * The application for a command that works on the catalog. On an external database it runs on a
   * data directory of its own, so that it neither waits for nor disturbs an instance that owns this
   * machine's data directory (its index and lock): the catalog is the database, not the directory.
   * There it keeps no index either: each instance's index follows the catalog by itself.
   */
  private LocalContext onCatalog() {
    return externalDatabase
        ? local(DataDirectory.scratch()).with("--paperboy.index.follow=false")
        : local(dir);
  }

  /** On an external database, here, whatever runs on this machine; else as {@link #target()}. */
  private Optional<RunningServer> catalogTarget() {
    return externalDatabase ? Optional.empty() : target();
  }

  /**
   * Where a writing command must run: empty for "here", or the server that owns the data directory.
   * A lock held by another command (not a server) means waiting here for it.
   */
  private Optional<RunningServer> target() {
    Optional<Owner> owner = Owner.tryAcquire(dir);
    if (owner.isPresent()) {
      owner.get().close();
      return Optional.empty();
    }
    return RunningServer.find(dir);
  }
}
