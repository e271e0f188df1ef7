package dev.paperboy.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to the catalog's database outside the pool, for a caller that holds one for as long
 * as it runs (a {@code LISTEN}); the pool's connections are for work that gives them back.
 */
public interface DirectConnections {

  /** A new connection, the caller's to close. */
  Connection open() throws SQLException;
}
