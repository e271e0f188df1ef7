package dev.paperboy.cli;

import dev.paperboy.digest.Digests;
import dev.paperboy.digest.Postman;
import dev.paperboy.runtime.RunningServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code digest --preview EMAIL [--html FILE]} shows what that subscriber would get now; {@code
 * digest --run-now} composes and queues this period's digest for every confirmed reader with the
 * digest on who has not had it (twice sends nothing new), then sends what is queued.
 */
final class DigestCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  DigestCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  int run(List<String> args, Optional<RunningServer> server) {
    if (args.size() >= 2 && args.get(0).equals("--preview")) {
      boolean withHtml = args.size() == 4 && args.get(2).equals("--html");
      if (args.size() != 2 && !withHtml) {
        return usage();
      }
      Optional<Path> html = withHtml ? Optional.of(Path.of(args.get(3))) : Optional.empty();
      return server.isPresent()
          ? previewVia(server.get(), args.get(1), html)
          : previewHere(args.get(1), html);
    }
    if (args.size() == 1 && args.get(0).equals("--run-now")) {
      if (server.isPresent()) {
        err.println("A Paperboy server owns this data directory; composing through it.");
        out.println(new ServerClient(server.get()).post("/admin/digest").strip());
        return 0;
      }
      try (ConfigurableApplicationContext context = local.start()) {
        out.println(context.getBean(Digests.class).runNow());
        int sent = context.getBean(Postman.class).sendDue();
        out.println(
            sent
                + " messages sent"
                + (sent == 0
                    ? " (with no PAPERBOY_SMTP_HOST, mail waits on the local mail page, /mail)"
                    : ""));
      }
      return 0;
    }
    return usage();
  }

  private int usage() {
    err.println("usage: paperboy digest --preview EMAIL [--html FILE] | --run-now");
    return ExitStatus.USAGE.code;
  }

  private int previewHere(String email, Optional<Path> html) {
    try (ConfigurableApplicationContext context = local.start()) {
      Optional<Digests.Preview> preview = context.getBean(Digests.class).preview(email);
      if (preview.isEmpty()) {
        err.println("paperboy digest: no subscriber with that address");
        return ExitStatus.NOTHING.code;
      }
      Digests.Preview p = preview.get();
      return print(
          p.subject(), p.subject() == null ? p.nothingBecause() : p.text(), p.html(), html);
    }
  }

  private int previewVia(RunningServer server, String email, Optional<Path> html) {
    JsonNode p =
        JsonMapper.builder()
            .build()
            .readTree(
                new ServerClient(server)
                    .post(
                        "/admin/digest/preview?email="
                            + URLEncoder.encode(email, StandardCharsets.UTF_8)));
    if (p.path("subject").isNull()) {
      return print(null, p.get("nothingBecause").asString(), null, html);
    }
    return print(
        p.get("subject").asString(), p.get("text").asString(), p.get("html").asString(), html);
  }

  /**
   * The text version to standard output, or why there would be no letter (no subject); the HTML
   * version only to a file the user named.
   */
  private int print(String subject, String text, String htmlBody, Optional<Path> html) {
    if (subject == null) {
      out.println(text);
      return 0;
    }
    out.println("Subject: " + subject + "\n");
    out.print(text);
    if (html.isPresent()) {
      try {
        Files.writeString(html.get(), htmlBody);
      } catch (IOException e) {
        throw new CommandFailed("cannot write " + html.get() + ": " + e.getMessage(), e);
      }
      err.println("HTML version written to " + html.get());
    }
    return 0;
  }
}
