package dev.paperboy.runtime;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The primary's pool, except for transactions marked read-only, which the replica's pool serves
 * (Spring fetches the connection only once it knows the transaction's read-only flag).
 */
final class ReadReplicaRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

  private final HikariDataSource primary;
  private final HikariDataSource replica;

  ReadReplicaRouting(HikariDataSource primary, HikariDataSource replica) {
    super(primary);
    setReadOnlyDataSource(replica);
    this.primary = primary;
    this.replica = replica;
  }

  @Override
  public void close() {
    replica.close();
    primary.close();
  }
}
