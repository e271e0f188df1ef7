package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.StartedApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardWrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.tomcat.TomcatWebServer;

/**
 * Stopping an instance drains the requests in flight: an import whose body is still arriving when
 * shutdown starts is read to its end and answered, while readiness already refuses traffic.
 */
class GracefulShutdownIT {

  private static final String FIRST =
      "{\"id\": \"2611.80001\", \"title\": \"Draining Requests\", \"abstract\": \"Shutdown.\","
          + " \"authors\": [\"Grace Ful\"], \"categories\": [\"cs.DC\"], \"published\":"
          + " \"2026-11-01\"}\n";
  private static final String SECOND = FIRST.replace("80001", "80002").replace("Draining", "Late");

  @Test
  void aRequestInFlightWhenShutdownStartsIsAnswered() throws Exception {
    StartedApplication app =
        StartedApplication.with(
            "logging.level.org.springframework.boot=INFO", "logging.level.org.apache=INFO");
    ApplicationAvailability availability = app.bean(ApplicationAvailability.class);
    URI base = URI.create(app.baseUrl());
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      byte[] first = FIRST.getBytes(StandardCharsets.UTF_8);
      byte[] second = SECOND.getBytes(StandardCharsets.UTF_8);
      out.write(
          ("POST /admin/import?file=slow.jsonl&embeddings=false HTTP/1.1\r\nHost: "
                  + base.getAuthority()
                  + "\r\nAuthorization: Bearer "
                  + app.operatorToken()
                  + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                  + (first.length + second.length)
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(first);
      out.flush();

      // Shutdown starts once the request is in the application, reading the body.
      while (!inFlight(app)) {
        Thread.onSpinWait();
      }
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
      while (availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
        Thread.onSpinWait();
      }
      assertThat(stopping).isNotDone();
      out.write(second);
      out.flush();

      String response = readAll(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 200");
      assertThat(response).contains("\"created\":2");
      stopping.get();
    }
  }

  /** Whether a servlet is serving a request: what Spring Boot's graceful shutdown waits for. */
  private static boolean inFlight(StartedApplication app) {
    Tomcat tomcat = ((TomcatWebServer) app.webServer()).getTomcat();
    for (Container context : tomcat.getHost().findChildren()) {
      for (Container servlet : context.findChildren()) {
        if (((StandardWrapper) servlet).getCountAllocated() > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
