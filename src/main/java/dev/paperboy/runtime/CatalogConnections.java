package dev.paperboy.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The catalog's connections, taken from a pool only when a statement needs one: a transaction that
 * runs no SQL holds none, and a transaction marked read-only is served by the replica's pool when
 * one is configured (the read-only flag is known by the time the connection is fetched).
 */
final class CatalogConnections extends LazyConnectionDataSourceProxy implements AutoCloseable {

  private final HikariDataSource primary;
  private final Optional<HikariDataSource> replica;

  CatalogConnections(HikariDataSource primary, Optional<HikariDataSource> replica) {
    super(primary);
    replica.ifPresent(this::setReadOnlyDataSource);
    this.primary = primary;
    this.replica = replica;
  }

  @Override
  public void close() {
    replica.ifPresent(HikariDataSource::close);
    primary.close();
  }
}
