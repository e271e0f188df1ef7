package dev.paperboy.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory, its ownership, and the database behind the catalog. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaperboySettings.class)
class RuntimeConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DataDirectory dataDirectory(PaperboySettings settings) {
    return new DataDirectory(Path.of(settings.dataDir())).create();
  }

  @Bean
  SigningKey signingKey(PaperboySettings settings, DataDirectory dir) {
    return settings.embeddedDatabase()
        ? SigningKey.load(settings.secret(), dir.signingKey())
        : SigningKey.shared(settings.secret());
  }

  /**
   * The data directory for this process alone. A server refuses to start beside another owner
   * unless told to wait ({@code serve --wait}); commands wait for each other.
   */
  @Bean(destroyMethod = "close")
  Owner owner(DataDirectory dir, @Value("${paperboy.wait-for-owner:false}") boolean wait) {
    Optional<Owner> owner = Owner.tryAcquire(dir);
    if (owner.isPresent()) {
      return owner.get();
    }
    if (!wait) {
      throw new DataDirectoryInUse(Owner.whoOwns(dir));
    }
    System.err.printf("Waiting, because %s...%n", Owner.whoOwns(dir));
    return Owner.acquire(dir);
  }

  @Bean(destroyMethod = "close")
  DatabaseHandle database(PaperboySettings settings, DataDirectory dir, Owner owner) {
    return settings.embeddedDatabase()
        ? DatabaseHandle.embedded(EmbeddedDatabase.start(dir))
        : DatabaseHandle.external(settings.db());
  }

  /**
   * The catalog's connections; with a replica configured, a transaction marked read-only takes its
   * connection from the replica's pool and everything else from the primary's.
   */
  @Bean(destroyMethod = "close")
  DataSource dataSource(DatabaseHandle database, PaperboySettings settings) {
    HikariDataSource primary =
        pool("catalog", database.url(), database.username(), database.password());
    Optional<PaperboySettings.Db.Replica> replica =
        settings.embeddedDatabase() ? Optional.empty() : settings.db().readReplica();
    return new CatalogConnections(
        primary, replica.map(r -> pool("catalog-replica", r.url(), r.username(), r.password())));
  }

  private static HikariDataSource pool(String name, String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(10);
    // A JDBC batch of inserts goes as multi-row statements, not one round trip per row.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  /** Where the catalog lives, and what to stop when the application does. */
  record DatabaseHandle(String url, String username, String password, AutoCloseable embedded)
      implements AutoCloseable, DirectConnections {

    @Override
    public java.sql.Connection open() throws java.sql.SQLException {
      return java.sql.DriverManager.getConnection(url, username, password);
    }

    static DatabaseHandle embedded(EmbeddedDatabase db) {
      return new DatabaseHandle(db.jdbcUrl(), db.username(), db.password(), db);
    }

    static DatabaseHandle external(PaperboySettings.Db db) {
      return new DatabaseHandle(db.url(), db.username(), db.password(), null);
    }

    @Override
    public String toString() {
      return "DatabaseHandle[" + url + " as " + username + "]";
    }

    @Override
    public void close() throws Exception {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
