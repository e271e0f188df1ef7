package dev.paperboy.cli;

import dev.paperboy.runtime.RunningServer;
import java.io.PrintStream;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code operator-link}: asks the running server for a new one-time operator sign-in link, with the
 * operator token from the data directory.
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
    out.println(
        "Operator sign-in (once): "
            + JsonMapper.builder().build().readTree(answer).get("link").asString());
    return 0;
  }
}
