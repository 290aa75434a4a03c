package io.usher.app.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.usher.app.config.BadInputException;
import io.usher.app.config.StoreSettings;
import io.usher.scheduler.SharedStore;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL database a conference's bots share ({@code scheduler.store}): a connection
 * pool, its schema brought up to date on open (Flyway: Quartz's tables, then Usher's), and the
 * {@link SharedStore} on it for this process.
 */
final class ClusterStore implements AutoCloseable {
  private final HikariDataSource pool;
  private final SharedStore shared;

  private ClusterStore(HikariDataSource pool, SharedStore shared) {
    this.pool = pool;
    this.shared = shared;
  }

  /**
   * Connects and migrates the schema; several bots starting at once migrate it once (Flyway
   * locks the database while it does).
   *
   * @throws BadInputException when the database cannot be reached or migrated (the message
   *     names {@code scheduler.store.jdbc_url}, never the password)
   */
  static ClusterStore open(StoreSettings store, String conferenceId) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("usher-store");
    config.setJdbcUrl(store.jdbcUrl());
    config.setUsername(store.user());
    config.setPassword(store.password());
    config.setMaximumPoolSize(8);
    // A database restart fails a claim within 2 s (the phase is then handled here) rather
    // than holding a boundary's announcements.
    config.setConnectionTimeout(2000);
    config.setValidationTimeout(1000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new BadInputException("scheduler.store.jdbc_url: cannot connect to "
          + store.jdbcUrl() + " as " + store.user() + ": " + rootMessage(e)
          + " (scripts/postgres start runs a local one)", e);
    }
    try {
      Flyway.configure().dataSource(pool).table("usher_schema_history")
          .locations("classpath:db/usher").javaMigrations(new V1__Quartz_tables())
          .load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new BadInputException("scheduler.store: cannot prepare the tables in "
          + store.jdbcUrl() + ": " + e.getMessage(), e);
    }
    return new ClusterStore(pool, new SharedStore(pool, conferenceId, instanceId(),
        store.checkinInterval()));
  }

  /** Unique and never reused: host, process id and a random part. */
  private static String instanceId() {
    String host = System.getenv().getOrDefault("HOSTNAME", "usher").replaceAll("[^\\w.-]", "");
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return (host.length() > 40 ? host.substring(0, 40) : host) + "-"
        + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  SharedStore shared() {
    return shared;
  }

  @Override
  public void close() {
    pool.close();
  }
}
