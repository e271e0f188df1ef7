package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's nginx in front of the application, as an ordinary same-host reverse proxy: {@code
 * proxy_pass} that sets only {@code X-Real-IP}, so every visitor arrives from 127.0.0.1. Runs as a
 * child process on a free loopback port with its own configuration, never as a system service.
 * {@code bin/test} installs nginx when it is missing.
 */
public final class ReverseProxy implements AutoCloseable {

  private static final Path NGINX = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;

  private ReverseProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** nginx forwarding everything to the application on {@code upstreamPort}. */
  public static ReverseProxy nginx(int upstreamPort) {
    if (!Files.isExecutable(NGINX)) {
      throw new IllegalStateException(
          NGINX + " is missing: bin/test installs it (apt-get install nginx-light)");
    }
    try {
      Path dir = Files.createTempDirectory("paperboy-nginx-");
      int port = PaperboyIntegrationTest.freePort();
      Files.writeString(dir.resolve("nginx.conf"), config(dir, port, upstreamPort));
      Process process =
          new ProcessBuilder(
                  List.of(
                      NGINX.toString(),
                      "-p",
                      dir.toString(),
                      "-e",
                      dir.resolve("error.log").toString(),
                      "-c",
                      dir.resolve("nginx.conf").toString(),
                      "-g",
                      "daemon off;"))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.out").toFile())
              .start();
      ReverseProxy proxy = new ReverseProxy(process, port);
      proxy.awaitListening(dir);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No buffering to temporary files: the worker may run as another user than the test. */
  private static String config(Path dir, int port, int upstreamPort) {
    return """
        worker_processes 1;
        pid %1$s/nginx.pid;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          server {
            listen 127.0.0.1:%2$d;
            client_max_body_size 10m;
            location / {
              proxy_pass http://127.0.0.1:%3$d;
              proxy_set_header X-Real-IP $remote_addr;
              proxy_buffering off;
              proxy_request_buffering off;
            }
          }
        }
        """
        .formatted(dir, port, upstreamPort);
  }

  private void awaitListening(Path dir) throws IOException {
    awaitListening(process, port, dir.resolve("nginx.out"), "nginx");
  }

  /** Waits until a proxy we started listens on {@code port}; fails with its output if it stops. */
  static void awaitListening(Process process, int port, Path output, String name)
      throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped: " + Files.readString(output));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException(name + " did not listen on " + port);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
