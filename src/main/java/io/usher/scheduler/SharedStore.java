package io.usher.scheduler;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Two or more bots of one conference on one PostgreSQL database: Quartz's clustered JDBC job
 * store (one Quartz cluster per conference, its tables as the pinned Quartz's
 * {@code tables_postgres.sql} makes them) and Usher's own tables, {@code usher_phase_claims} (who
 * handles which phase: one row per talk, phase and instant) and {@code usher_cluster_state}
 * (named values of the conference). The tables must exist (the app's migrations make them).
 *
 * <p>A claim held by a bot that the Quartz cluster no longer lists (Quartz removes a bot that
 * missed its check-ins from {@code qrtz_scheduler_state}) may be taken by another: a bot killed
 * while posting loses nothing, and the announcement's transaction id and the record on the
 * homeserver keep a second post from showing twice.
 */
public final class SharedStore implements Coordination {
  private static final String CLAIM = "INSERT INTO usher_phase_claims AS c (conference,"
      + " record_id, claimed_by, state, claimed_at) SELECT ?, id, ?, 'claimed', now()"
      + " FROM unnest(?::text[]) AS id ON CONFLICT (conference, record_id) DO UPDATE"
      + " SET claimed_by = EXCLUDED.claimed_by, claimed_at = now() WHERE c.state = 'claimed'"
      + " AND (c.claimed_by = EXCLUDED.claimed_by OR NOT EXISTS (SELECT 1 FROM"
      + " qrtz_scheduler_state s WHERE s.sched_name = ? AND s.instance_name = c.claimed_by))"
      + " RETURNING record_id";
  private static final String SETTLED = "SELECT record_id FROM usher_phase_claims WHERE"
      + " conference = ? AND record_id = ANY(?::text[]) AND state <> 'claimed'";
  private static final String SETTLE = "UPDATE usher_phase_claims SET state = ?, settled_at ="
      + " now() WHERE conference = ? AND record_id = ? AND claimed_by = ?";
  private static final String RELEASE = "DELETE FROM usher_phase_claims WHERE conference = ?"
      + " AND claimed_by = ? AND state = 'claimed'";
  private static final String READ = "SELECT value FROM usher_cluster_state WHERE conference = ?"
      + " AND name = ?";
  private static final String WRITE = "INSERT INTO usher_cluster_state (conference, name, value)"
      + " VALUES (?, ?, ?) ON CONFLICT (conference, name) DO UPDATE SET value = EXCLUDED.value";
  private static final String PAUSED = "paused";

  /** How long a database that gave no connection is not asked again. */
  static final Duration ASK_AGAIN = Duration.ofSeconds(5);

  private final DataSource database;
  /** {@link System#nanoTime()} before which the database is not asked again. */
  private volatile long unreachableUntil = System.nanoTime();
  private final String conferenceId;
  private final String instanceId;
  private final Duration checkinInterval;

  /**
   * @param instanceId this process's id in the cluster, unique and never reused (at most 80
   *     characters: Quartz appends a counter to it in a 95-character column)
   * @param checkinInterval how often this bot checks in; one silent for about twice this long
   *     is taken over ({@link ClusteredJobStore})
   */
  public SharedStore(DataSource database, String conferenceId, String instanceId,
      Duration checkinInterval) {
    if (instanceId.length() > 80) {
      throw new IllegalArgumentException("instance id longer than 80: " + instanceId);
    }
    this.database = database;
    this.conferenceId = conferenceId;
    this.instanceId = instanceId;
    this.checkinInterval = checkinInterval;
  }

  /** This bot's id in the cluster. */
  public String instanceId() {
    return instanceId;
  }

  private String schedulerName() {
    return "usher-" + conferenceId;
  }

  @Override
  public Claims claim(Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return new Claims(Set.of(), Set.of());
    }
    return transaction(connection -> {
      Array ids = connection.createArrayOf("text", recordIds.toArray());
      Set<String> granted = new HashSet<>();
      try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
        claim.setString(1, conferenceId);
        claim.setString(2, instanceId);
        claim.setArray(3, ids);
        claim.setString(4, schedulerName());
        granted.addAll(strings(claim));
      }
      try (PreparedStatement settled = connection.prepareStatement(SETTLED)) {
        settled.setString(1, conferenceId);
        settled.setArray(2, ids);
        return new Claims(granted, strings(settled));
      }
    });
  }

  @Override
  public void settle(String recordId, String status) {
    update(SETTLE, status, conferenceId, recordId, instanceId);
  }

  @Override
  public void release() {
    update(RELEASE, conferenceId, instanceId);
  }

  @Override
  public boolean paused() {
    return value(PAUSED).map(Boolean::parseBoolean).orElse(false);
  }

  @Override
  public void paused(boolean paused) {
    put(PAUSED, Boolean.toString(paused));
  }

  /** A named value of the conference shared by its bots (e.g. where a {@code /sync} got to). */
  public Optional<String> value(String name) {
    return transaction(connection -> {
      try (PreparedStatement read = connection.prepareStatement(READ)) {
        read.setString(1, conferenceId);
        read.setString(2, name);
        Set<String> found = strings(read);
        return found.stream().findFirst();
      }
    });
  }

  /** Sets a named value of the conference. */
  public void put(String name, String value) {
    update(WRITE, conferenceId, name, value);
  }

  @Override
  public Map<String, String> quartzProperties() {
    String dataSource = "usher-" + instanceId;
    DBConnectionManager.getInstance().addConnectionProvider(dataSource, new Provider(database));
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("org.quartz.scheduler.instanceName", schedulerName());
    properties.put("org.quartz.scheduler.instanceId", instanceId);
    properties.put("org.quartz.jobStore.class", ClusteredJobStore.class.getName());
    properties.put("org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    properties.put("org.quartz.jobStore.dataSource", dataSource);
    properties.put("org.quartz.jobStore.isClustered", "true");
    properties.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    properties.put("org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(checkinInterval.toMillis()));
    properties.put("org.quartz.jobStore.takeoverGraceMillis",
        Long.toString(checkinInterval.toMillis()));
    // Back within a second of a database restart, not Quartz's 15 s.
    properties.put("org.quartz.jobStore.dbRetryInterval", "1000");
    return properties;
  }

  @Override
  public boolean shared() {
    return true;
  }

  private void update(String sql, String... values) {
    transaction(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          statement.setString(i + 1, values[i]);
        }
        return statement.executeUpdate();
      }
    });
  }

  private static Set<String> strings(PreparedStatement query) throws SQLException {
    Set<String> out = new HashSet<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }

  private <T> T transaction(Work<T> work) {
    long wait = unreachableUntil - System.nanoTime();
    if (wait > 0) {
      throw new IllegalStateException("the shared database did not answer; asked again in "
          + Duration.ofNanos(wait).toMillis() + " ms");
    }
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the shared database: " + e.getMessage(), e);
    }
  }

  /**
   * A connection from the pool; when there is none (the database is down), the next calls fail
   * at once for {@link #ASK_AGAIN}, so that the phases due meanwhile wait one connection timeout,
   * not one per question.
   */
  private Connection connect() throws SQLException {
    try {
      return database.getConnection();
    } catch (SQLException e) {
      unreachableUntil = System.nanoTime() + ASK_AGAIN.toNanos();
      throw e;
    }
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Lends Quartz the pool; the pool is the app's to close. */
  private record Provider(DataSource database) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return database.getConnection();
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
  }
}
