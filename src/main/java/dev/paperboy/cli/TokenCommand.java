package dev.paperboy.cli;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.foryou.ApiTokens;
import dev.paperboy.runtime.RunningServer;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code token create EMAIL [--name NAME]} prints a new personal API token of that reader (the only
 * time it is shown); {@code token revoke EMAIL} revokes all of theirs. Through the server when one
 * owns the data directory, as the operator; else on the catalog here.
 */
final class TokenCommand {

  static final String NO_ACCOUNT = "no account with the address ";
  private static final String NAME = "--name";

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  TokenCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  int run(List<String> args, Optional<RunningServer> server) {
    if (args.size() == 2 && args.get(0).equals("revoke")) {
      return revoke(args.get(1), server);
    }
    boolean named = args.size() == 4 && args.get(2).equals(NAME);
    if ((args.size() == 2 || named) && args.get(0).equals("create")) {
      return create(args.get(1), named ? args.get(3) : "command line", server);
    }
    err.println("usage: paperboy token create EMAIL [--name NAME] | revoke EMAIL");
    return ExitStatus.USAGE.code;
  }

  private int create(String email, String name, Optional<RunningServer> server) {
    String token;
    if (server.isPresent()) {
      JsonNode made =
          post(
              server.get(),
              "/admin/tokens?email=" + encoded(email) + "&name=" + encoded(name),
              email);
      token = made.get("token").asString();
    } else {
      try (ConfigurableApplicationContext context = local.start()) {
        token = context.getBean(ApiTokens.class).create(account(context, email).id(), name).token();
      }
    }
    out.println(token);
    err.println(
        "A personal API token of "
            + email
            + ", shown this once: send it as Authorization: Bearer <token>. Revoke it in"
            + " Settings or with paperboy token revoke.");
    return ExitStatus.DONE.code;
  }

  private int revoke(String email, Optional<RunningServer> server) {
    int revoked;
    if (server.isPresent()) {
      revoked =
          post(server.get(), "/admin/tokens/revoke?email=" + encoded(email), email)
              .get("revoked")
              .asInt();
    } else {
      try (ConfigurableApplicationContext context = local.start()) {
        revoked = context.getBean(ApiTokens.class).revokeAll(account(context, email).id());
      }
    }
    out.println(revoked + (revoked == 1 ? " token" : " tokens") + " of " + email + " revoked");
    return ExitStatus.DONE.code;
  }

  private static Subscriber account(ConfigurableApplicationContext context, String email) {
    return context
        .getBean(Subscriptions.class)
        .account(email)
        .orElseThrow(() -> new CommandFailed(NO_ACCOUNT + email));
  }

  /** The server's answer; an address it knows no account of fails as it does here. */
  private static JsonNode post(RunningServer server, String path, String email) {
    try {
      return JsonMapper.builder().build().readTree(new ServerClient(server).post(path));
    } catch (CommandFailed e) {
      if (e.getMessage().startsWith("the server answered 404")) {
        throw new CommandFailed(NO_ACCOUNT + email);
      }
      throw e;
    }
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
