package dev.paperboy.cli;

import dev.paperboy.runtime.PaperboySettings;
import dev.paperboy.runtime.RunningServer;
import dev.paperboy.web.OperatorLinks;
import java.io.PrintStream;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code operator-link}: a new one-time operator sign-in link. On an external database it is made
 * in the database itself, and works at every instance; otherwise the running server makes it, asked
 * with the operator token from the data directory.
 */
final class OperatorLinkCommand {

  private final PrintStream out;

  OperatorLinkCommand(PrintStream out) {
    this.out = out;
  }

  int run(Optional<RunningServer> server) {
    if (server.isEmpty()) {
      throw new CommandFailed(
          "no Paperboy server is running on this data directory; `serve` prints a sign-in link"
              + " when it starts");
    }
    String answer = new ServerClient(server.get()).post("/admin/operator-link");
    return print(JsonMapper.builder().build().readTree(answer).get("link").asString());
  }

  /** Makes the link in the external database, for the site at {@code PAPERBOY_BASE_URL}. */
  int onDatabase(LocalContext local) {
    try (ConfigurableApplicationContext context = local.start()) {
      int port = context.getEnvironment().getProperty("server.port", Integer.class, 8080);
      String site = context.getBean(PaperboySettings.class).publicUrl(port);
      return print(context.getBean(OperatorLinks.class).link(site));
    }
  }

  private int print(String link) {
    out.println("Operator sign-in (once): " + link);
    return 0;
  }
}
