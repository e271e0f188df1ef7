package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.MailSettings;
import dev.paperboy.support.SharedApplicationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rate limits key on the client the server sees: distinct peers (other loopback addresses, as
 * distinct hosts would be) get their own budgets, and a forwarded header from an untrusted peer
 * buys no fresh one. Uses its own peers, 127.0.0.3 to .5, so it spends no other test's budget.
 */
class ClientIdentityIT extends SharedApplicationTest {

  @Autowired MailSettings mail;
  private int emails;

  /** POSTs a subscription from this local address, with extra header lines; the status code. */
  private int subscribeFrom(String peer, String extraHeaders) {
    return Integer.parseInt(answerFrom(peer, extraHeaders).get(0).split(" ")[1]);
  }

  /** The same POST; the status line and header lines of the answer. */
  private List<String> answerFrom(String peer, String extraHeaders) {
    String body = "{\"email\":\"identity-" + (emails++) + "@example.org\",\"topics\":[]}";
    try (Socket socket = new Socket()) {
      bind(socket, peer);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/subscriptions HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\nConnection: close\r\n"
                  + extraHeaders
                  + "\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      List<String> head = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.add(line);
      }
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Linux routes all of 127.0.0.0/8 to loopback; elsewhere (macOS) the test cannot run. */
  private static void bind(Socket socket, String peer) throws IOException {
    try {
      socket.bind(new InetSocketAddress(InetAddress.getByName(peer), 0));
    } catch (BindException e) {
      Assumptions.abort("this system has no loopback address " + peer);
    }
  }

  @Test
  void oneClientSpendsOnlyItsOwnBudgetAndForgedHeadersBuyNoFreshOne() {
    for (int i = 0; i < mail.perClientPerHour(); i++) {
      assertThat(subscribeFrom("127.0.0.3", "")).as("request %d", i).isEqualTo(202);
    }
    assertThat(subscribeFrom("127.0.0.3", "")).isEqualTo(429);
    assertThat(
            subscribeFrom(
                "127.0.0.3",
                "X-Forwarded-For: 198.51.100.23\r\nX-Real-IP: 198.51.100.23\r\n"
                    + "Forwarded: for=198.51.100.23\r\nUser-Agent: Fresh/1.0\r\n"))
        .isEqualTo(429);
    assertThat(subscribeFrom("127.0.0.4", "")).isEqualTo(202);
  }

  @Test
  void aRefusalSaysWhenToComeBack() {
    List<String> refused = List.of();
    for (int i = 0; i <= mail.perClientPerHour(); i++) {
      refused = answerFrom("127.0.0.5", "");
    }
    assertThat(refused.get(0)).contains(" 429 ");
    // One permit refills every hour / limit; the header says the whole seconds until then.
    long refill = Duration.ofHours(1).dividedBy(mail.perClientPerHour()).toSeconds();
    assertThat(refused)
        .filteredOn(line -> line.toLowerCase(Locale.ROOT).startsWith("retry-after:"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
                    .isBetween(1L, refill + 1));
  }
}
