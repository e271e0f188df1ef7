package dev.paperboy.runtime;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's public address for every link that leaves a request — feeds, mail, the address {@code
 * serve} prints: {@code PAPERBOY_BASE_URL}, else {@code http://localhost:PORT} with the port this
 * server listens on. Never the request's {@code Host}, which any client chooses.
 */
@Component
public class SiteAddress {

  private final PaperboySettings settings;
  private final Environment environment;

  SiteAddress(PaperboySettings settings, Environment environment) {
    this.settings = settings;
    this.environment = environment;
  }

  /** The address without a trailing slash, like {@code https://papers.example.org}. */
  public String base() {
    int port =
        environment.getProperty(
            "local.server.port",
            Integer.class,
            environment.getProperty("server.port", Integer.class, 8080));
    return settings.publicUrl(port);
  }
}
