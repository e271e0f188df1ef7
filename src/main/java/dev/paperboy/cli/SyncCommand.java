package dev.paperboy.cli;

import dev.paperboy.runtime.RunningServer;
import dev.paperboy.sources.SourceUnavailable;
import dev.paperboy.sources.Sync;
import dev.paperboy.sources.SyncReport;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sync [SOURCE]}: runs one live source (or all) now and prints what it did; {@code sync
 * arxiv-api ID...} fetches given papers. Goes through the server when one owns the data.
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
    String source = args.isEmpty() ? null : args.get(0);
    List<String> ids = args.size() > 1 ? args.subList(1, args.size()) : List.of();
    if ("arxiv-api".equals(source) && ids.isEmpty()) {
      err.println("paperboy sync arxiv-api: name arXiv ids, or search:QUERY");
      return 2;
    }
    return server.isPresent() ? viaServer(server.get(), source, ids) : locally(source, ids);
  }

  private int locally(String source, List<String> ids) {
    try (ConfigurableApplicationContext context = local.start()) {
      Sync sync = context.getBean(Sync.class);
      if ("arxiv-api".equals(source)) {
        out.println(sync.arxivApi(ids));
        return 0;
      }
      int status = 0;
      for (String s : source == null ? sync.sources() : List.of(source)) {
        try {
          out.println(sync.run(s));
        } catch (SourceUnavailable e) {
          err.println("paperboy sync " + s + ": " + e.getMessage());
          status = 1;
        } catch (IllegalArgumentException e) {
          err.println("paperboy sync: " + e.getMessage());
          return 2;
        }
      }
      return status;
    }
  }

  private int viaServer(RunningServer server, String source, List<String> ids) {
    err.println("A Paperboy server owns this data directory; syncing through it.");
    StringBuilder query = new StringBuilder("/admin/sync");
    String sep = "?";
    if (source != null) {
      query.append(sep).append("source=").append(enc(source));
      sep = "&";
    }
    for (String id : ids) {
      query.append(sep).append("id=").append(enc(id));
      sep = "&";
    }
    String body = new ServerClient(server).post(query.toString(), null, null);
    List<SyncReport> reports =
        JsonMapper.builder().build().readValue(body, new TypeReference<List<SyncReport>>() {});
    reports.forEach(out::println);
    return 0;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
