package dev.paperboy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The port {@code serve} will listen on, resolved as Spring Boot does (arguments, then the
 * environment such as {@code PAPERBOY_PORT}, then application.properties), so that a port taken by
 * another program is one clear line before anything starts, not a failed startup.
 */
final class ServerPort {

  private ServerPort() {}

  static int configured(List<String> args) {
    StandardEnvironment environment = new StandardEnvironment();
    var sources = environment.getPropertySources();
    sources.addFirst(new SimpleCommandLinePropertySource(args.toArray(String[]::new)));
    try {
      sources.addLast(new ResourcePropertySource("classpath:application.properties"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return environment.getProperty("server.port", Integer.class, 8080);
  }

  /** Whether nothing listens on this port now; port 0 (any free one) always is. */
  static boolean free(int port) {
    if (port == 0) {
      return true;
    }
    try (ServerSocket probe = new ServerSocket(port)) {
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  static String inUse(int port) {
    return "port " + port + " is in use: set PAPERBOY_PORT";
  }
}
