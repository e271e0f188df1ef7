package dev.paperboy.cli;

import dev.paperboy.DataDirectory;
import dev.paperboy.PaperboyApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for commands that own the data directory. */
final class LocalContext {

  private LocalContext() {}

  static ConfigurableApplicationContext start(DataDirectory dir) {
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run(
            "--logging.level.root=WARN",
            "--logging.level.dev.paperboy=INFO",
            "--paperboy.data-dir=" + dir.root());
  }
}
