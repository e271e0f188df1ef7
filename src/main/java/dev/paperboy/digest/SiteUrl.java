package dev.paperboy.digest;

import dev.paperboy.runtime.PaperboySettings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The site's public address for links in mail: PAPERBOY_BASE_URL, else this server's port. */
@Component
class SiteUrl {

  private final PaperboySettings settings;
  private final Environment environment;

  SiteUrl(PaperboySettings settings, Environment environment) {
    this.settings = settings;
    this.environment = environment;
  }

  String base() {
    int port =
        environment.getProperty(
            "local.server.port",
            Integer.class,
            environment.getProperty("server.port", Integer.class, 8080));
    return settings.publicUrl(port);
  }
}
