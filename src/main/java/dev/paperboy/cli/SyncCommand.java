package dev.paperboy.cli;

import dev.paperboy.runtime.RunningServer;
import dev.paperboy.sources.Source;
import dev.paperboy.sources.SourceBusy;
import dev.paperboy.sources.Sync;
import dev.paperboy.sources.SyncOutcome;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sync [SOURCE...]}: runs the named live sources (or all) now and prints one line per
 * source, worked or failed, refusing any unknown name before running anything; {@code sync
 * arxiv-api ID...} fetches given papers. Goes through the server when one owns the data, with the
 * same output.
 */
final class SyncCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  SyncCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  int run(List<String> args, Optional<RunningServer> server) {
    List<Source> sources;
    try {
      sources = named(args);
    } catch (IllegalArgumentException e) {
      err.println("paperboy sync: " + e.getMessage());
      return ExitStatus.USAGE.code;
    }
    boolean api = sources.equals(List.of(Source.ARXIV_API));
    List<String> ids = api ? args.subList(1, args.size()) : List.of();
    if (api && ids.isEmpty()) {
      err.println("paperboy sync arxiv-api: name arXiv ids, or search:QUERY");
      return ExitStatus.USAGE.code;
    }
    List<Optional<Source>> runs =
        sources.isEmpty() ? List.of(Optional.empty()) : sources.stream().map(Optional::of).toList();
    List<SyncOutcome> outcomes = new ArrayList<>();
    for (Optional<Source> source : runs) {
      List<SyncOutcome> some =
          server.isPresent() ? viaServer(server.get(), source, ids) : locally(source, ids);
      some.forEach(this::print);
      outcomes.addAll(some);
    }
    long failed = outcomes.stream().filter(SyncOutcome::failed).count();
    return ExitStatus.of(outcomes.size() - failed, failed).code;
  }

  /**
   * The sources the arguments name, every one checked: none means every configured one, and {@code
   * arxiv-api} takes ids after it, so it stands alone.
   */
  private static List<Source> named(List<String> args) {
    if (!args.isEmpty() && Source.named(args.get(0)) == Source.ARXIV_API) {
      return List.of(Source.ARXIV_API);
    }
    List<Source> sources = args.stream().map(Source::named).distinct().toList();
    if (sources.contains(Source.ARXIV_API)) {
      throw new IllegalArgumentException(
          "arxiv-api takes arXiv ids, so it comes first and alone: sync arxiv-api ID...");
    }
    return sources;
  }

  private void print(SyncOutcome outcome) {
    if (outcome.failed()) {
      err.println("paperboy sync " + outcome.source() + ": " + outcome.error());
    } else {
      out.println(outcome.report());
    }
  }

  private List<SyncOutcome> locally(Optional<Source> source, List<String> ids) {
    try (ConfigurableApplicationContext context = local.start()) {
      return context.getBean(Sync.class).runNow(source, ids);
    } catch (SourceBusy e) {
      // a claim left by a process that died mid-run; it is taken back when it goes stale
      throw new CommandFailed(e.getMessage());
    }
  }

  private List<SyncOutcome> viaServer(
      RunningServer server, Optional<Source> source, List<String> ids) {
    err.println("A Paperboy server owns this data directory; syncing through it.");
    StringBuilder query = new StringBuilder("/admin/sync");
    String sep = "?";
    if (source.isPresent()) {
      query.append(sep).append("source=").append(enc(source.get().id()));
      sep = "&";
    }
    for (String id : ids) {
      query.append(sep).append("id=").append(enc(id));
      sep = "&";
    }
    String body = new ServerClient(server).post(query.toString());
    return JsonMapper.builder().build().readValue(body, new TypeReference<List<SyncOutcome>>() {});
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
