package dev.paperboy.support;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.runtime.DataDirectory;
import dev.paperboy.runtime.OperatorToken;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application on its own data directory and port, started with settings a test chooses (a
 * forwarded-headers strategy, an https base URL) and stopped by the test, for the few tests that
 * compare several configurations.
 */
public final class StartedApplication implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final DataDirectory dir;

  private StartedApplication(ConfigurableApplicationContext context, DataDirectory dir) {
    this.context = context;
    this.dir = dir;
  }

  /** Starts it with {@code settings} as {@code name=value} properties. */
  public static StartedApplication with(String... settings) {
    DataDirectory dir = new DataDirectory(PaperboyIntegrationTest.tempDir());
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--paperboy.data-dir=" + dir.root(),
                "--paperboy.sources.schedule=false",
                "--paperboy.background-jobs=false",
                "--paperboy.search.backfill=false",
                "--logging.level.root=WARN"));
    for (String setting : settings) {
      args.add("--" + setting);
    }
    return new StartedApplication(
        new SpringApplicationBuilder(PaperboyApplication.class).run(args.toArray(String[]::new)),
        dir);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  public DataDirectory dataDirectory() {
    return dir;
  }

  public String operatorToken() {
    return OperatorToken.read(dir).orElseThrow();
  }

  /** Its embedded web server, for tests of how it starts and stops. */
  public WebServer webServer() {
    return ((WebServerApplicationContext) context).getWebServer();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
