package dev.paperboy.cli;

import dev.paperboy.runtime.DataDirectory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for commands that own the data directory. */
record LocalContext(Class<?> application, DataDirectory dir) {

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run(
            "--logging.level.root=WARN",
            "--logging.level.dev.paperboy=WARN",
            "--paperboy.data-dir=" + dir.root());
  }
}
