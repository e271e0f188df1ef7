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
 */
@ConfigurationProperties("paperboy")
public record PaperboySettings(String dataDir, Db db, String baseUrl, String adminToken) {

  /** An external database's coordinates. */
  public record Db(String url, String username, String password) {}

  public boolean embeddedDatabase() {
    return db == null || db.url() == null || db.url().isBlank();
  }
}
