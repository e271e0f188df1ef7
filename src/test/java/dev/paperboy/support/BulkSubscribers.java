package dev.paperboy.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;

/**
 * Many confirmed digest subscribers written straight into the catalog's {@code subscriber} table
 * (see the migrations V4 and V30), and what their digest runs left: the outbox per recipient, and
 * the letters an SMTP server received.
 */
public final class BulkSubscribers {

  /** Every address here ends so, so counts never mix with the tests' other readers. */
  public static final String DOMAIN = "@subscribers.example";

  private BulkSubscribers() {}

  /**
   * {@code count} confirmed subscribers with the digest on, daily, following {@code topic}, whose
   * hour (0 UTC) has come: a run now owes each of them one letter.
   */
  public static void insert(ExternalDatabase.Database database, int count, String topic)
      throws SQLException, java.io.IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String email = "reader" + i + DOMAIN;
      rows.append(email).append(',').append(email).append(",confirmed,true,{").append(topic);
      rows.append("},daily,0,UTC\n");
    }
    try (Connection c = database.connect()) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy subscriber (email, email_key, status, digest, topics, cadence, hour, zone)"
                  + " from stdin (format csv)",
              new StringReader(rows.toString()));
    }
  }

  /** How many recipients got how many digests in the outbox: letters per recipient → recipients. */
  public static Map<Long, Long> digestsPerRecipient(ExternalDatabase.Database database)
      throws SQLException {
    Map<Long, Long> spread = new TreeMap<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select n, count(*) from (select count(*) n from outbox where kind = 'digest'"
                    + " and recipient like '%"
                    + DOMAIN
                    + "' group by lower(recipient)) x group by n")) {
      while (rs.next()) {
        spread.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return spread;
  }

  /** Removes the subscribers and what was made for them, for the next run of a benchmark. */
  public static void clear(ExternalDatabase.Database database) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("delete from outbox where recipient like '%" + DOMAIN + "'");
      s.execute("delete from subscriber where email_key like '%" + DOMAIN + "'");
    }
  }

  /**
   * Waits until {@code smtp} has received at least {@code atLeast} letters for these subscribers,
   * and returns how many each recipient got so far.
   */
  public static Map<String, Integer> awaitDelivered(GreenMail smtp, int atLeast, Duration limit)
      throws MessagingException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Map<String, Integer> perRecipient = delivered(smtp);
    while (perRecipient.values().stream().mapToInt(Integer::intValue).sum() < atLeast
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      perRecipient = delivered(smtp);
    }
    return perRecipient;
  }

  private static Map<String, Integer> delivered(GreenMail smtp) throws MessagingException {
    Map<String, Integer> perRecipient = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      for (Address to : m.getAllRecipients()) {
        String address = to.toString().toLowerCase(java.util.Locale.ROOT);
        if (address.endsWith(DOMAIN)) {
          perRecipient.merge(address, 1, Integer::sum);
        }
      }
    }
    return perRecipient;
  }
}
