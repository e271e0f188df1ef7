package dev.paperboy.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The role the application connects to the embedded PostgreSQL as: it may log in and owns the
 * catalog's database and every object in it, and nothing more (no superuser, so no {@code COPY ...
 * TO PROGRAM} or server files; no creating roles or databases). Set up by the superuser at every
 * start, which also hands over what an older version created as the superuser.
 */
final class CatalogRole {

  /** The role's name. */
  static final String NAME = "paperboy";

  /**
   * The catalog stays in the cluster's first database: data directories from before this role
   * existed hold their papers there.
   */
  static final String DATABASE = "postgres";

  private static final String SUPERUSER = "postgres";
  private static final String SCRAM = "scram-sha-256";

  /**
   * One {@code ALTER ... OWNER} per object of the superuser's in the public schema. Sequences that
   * belong to a column move with their table, and indexes always do.
   */
  private static final String OWNED_BY_SUPERUSER =
      """
      with roles as (select ?::text as heir, ?::regrole as superuser)
      select format('alter %s %s owner to %I', kind, name, (select heir from roles)) from (
        select case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                 when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end as kind,
               c.oid::regclass::text as name, c.relkind = 'S' as later
          from pg_class c
         where c.relnamespace = 'public'::regnamespace and c.relowner = (select superuser from roles)
           and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
           and not exists (select from pg_depend d
                            where d.classid = 'pg_class'::regclass and d.objid = c.oid
                              and d.refclassid = 'pg_class'::regclass and c.relkind = 'S'
                              and d.deptype in ('a', 'i'))
        union all
        select 'routine', p.oid::regprocedure::text, false from pg_proc p
         where p.pronamespace = 'public'::regnamespace and p.proowner = (select superuser from roles)
        union all
        select 'type', t.oid::regtype::text, false from pg_type t
         where t.typnamespace = 'public'::regnamespace and t.typowner = (select superuser from roles)
           and t.typtype in ('e', 'd', 'r')
        union all
        select 'schema', 'public', false from pg_namespace n
         where n.nspname = 'public' and n.nspowner = (select superuser from roles)
      ) owned order by later, kind, name
      """;

  private CatalogRole() {}

  /**
   * Creates or updates the role with {@code password}, and gives it the catalog, in one transaction
   * on a superuser's {@code connection} to {@link #DATABASE}.
   */
  static void setUp(Connection connection, String password) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          "do $$ begin if not exists (select from pg_roles where rolname = '"
              + NAME
              + "') then create role "
              + NAME
              + "; end if; end $$");
      sql.execute(
          "alter role "
              + NAME
              + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
      // The client computes the SCRAM verifier, so the password itself never reaches the server.
      connection.unwrap(PGConnection.class).alterUserPassword(NAME, password.toCharArray(), SCRAM);
      sql.execute("alter database " + DATABASE + " owner to " + NAME);
      for (String statement : ownershipTransfers(connection)) {
        sql.execute(statement);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  /** Gives the superuser {@code password}: a cluster from before passwords had none. */
  static void protectSuperuser(Connection connection, String password) throws SQLException {
    connection
        .unwrap(PGConnection.class)
        .alterUserPassword(SUPERUSER, password.toCharArray(), SCRAM);
  }

  private static List<String> ownershipTransfers(Connection connection) throws SQLException {
    try (var query = connection.prepareStatement(OWNED_BY_SUPERUSER)) {
      query.setString(1, NAME);
      query.setString(2, SUPERUSER);
      List<String> statements = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          statements.add(rows.getString(1));
        }
      }
      return statements;
    }
  }
}
