package dev.paperboy.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SMTP server on loopback that knows no one: every recipient gets a permanent 550. */
final class RejectingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread thread;

  RejectingSmtpServer() {
    try {
      socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::serve, "rejecting-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          PrintWriter out =
              new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
        reply(out, "220 rejecting.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
          switch (command) {
            case "RCPT" -> reply(out, "550 5.1.1 No such user here");
            case "QUIT" -> {
              reply(out, "221 bye");
              return;
            }
            default -> reply(out, "250 ok");
          }
        }
      } catch (IOException e) {
        // the client hung up, or the server is closing
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
