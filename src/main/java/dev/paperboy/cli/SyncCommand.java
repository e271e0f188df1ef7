package dev.paperboy.cli;

import dev.paperboy.runtime.RunningServer;
import dev.paperboy.sources.Source;
import dev.paperboy.sources.SourceBusy;
import dev.paperboy.sources.Sync;
import dev.paperboy.sources.SyncOutcome;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sync [SOURCE]}: runs one live source (or all) now and prints one line per source, worked
 * or failed; {@code sync arxiv-api ID...} fetches given papers. Goes through the server when one
 * owns the data, with the same output.
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
    Optional<Source> source;
    try {
      source = args.isEmpty() ? Optional.empty() : Optional.of(Source.named(args.get(0)));
    } catch (IllegalArgumentException e) {
      err.println("paperboy sync: " + e.getMessage());
      return ExitStatus.USAGE.code;
    }
    List<String> ids = args.size() > 1 ? args.subList(1, args.size()) : List.of();
    if (source.equals(Optional.of(Source.ARXIV_API)) && ids.isEmpty()) {
      err.println("paperboy sync arxiv-api: name arXiv ids, or search:QUERY");
      return ExitStatus.USAGE.code;
    }
    List<SyncOutcome> outcomes =
        server.isPresent() ? viaServer(server.get(), source, ids) : locally(source, ids);
    outcomes.forEach(this::print);
    long failed = outcomes.stream().filter(SyncOutcome::failed).count();
    return ExitStatus.of(outcomes.size() - failed, failed).code;
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
