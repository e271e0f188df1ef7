package dev.paperboy.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings every feature shares; each comes from a {@code PAPERBOY_*} environment variable (see
 * application.properties).
 *
 * @param dataDir where the embedded database, the index and the keys live
 * @param dbUrl JDBC URL of an external PostgreSQL; blank means the embedded one
 * @param baseUrl the public address of this site, used in links that leave it
 * @param adminToken opens operator endpoints to non-loopback clients that present it
 * @param secret signs links and cookies; generated into the data directory when blank
 */
@ConfigurationProperties("paperboy")
public record PaperboySettings(
    String dataDir, Db db, String baseUrl, String adminToken, String secret) {

  /**
   * An external database's coordinates, and optionally a replica of it that read-only transactions
   * use ({@code PAPERBOY_DB_REPLICA_URL}); the replica's user and password default to these.
   */
  public record Db(String url, String username, String password, Replica replica) {

    /** The replica's coordinates; a blank URL means none. */
    public record Replica(String url, String username, String password) {}

    /** The replica, its user and password completed from the primary's; empty when none is set. */
    public java.util.Optional<Replica> readReplica() {
      if (replica == null || replica.url() == null || replica.url().isBlank()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          new Replica(
              replica.url(),
              orElse(replica.username(), username),
              orElse(replica.password(), password)));
    }

    private static String orElse(String value, String otherwise) {
      return value == null || value.isBlank() ? otherwise : value;
    }
  }

  /** The public address of the site, for links in mail; the local port when none is set. */
  public String publicUrl(int port) {
    String url = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public boolean embeddedDatabase() {
    return db == null || db.url() == null || db.url().isBlank();
  }
}
