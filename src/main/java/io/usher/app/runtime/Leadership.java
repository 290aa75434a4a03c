package io.usher.app.runtime;

import io.usher.app.config.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which bot of a conference leads (refreshes the schedule, answers the management room,
 * reconciles everything): the one holding a PostgreSQL session advisory lock
 * (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS) on a
 * connection of its own. PostgreSQL drops the lock when that session ends, so when the leader
 * dies another bot holds it at its next try, within {@link #TRY_EVERY}. A leader that cannot
 * reach the database steps down at once: it cannot know whether another took over.
 */
final class Leadership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
  /** How often a follower tries to lead and a leader checks that it still does. */
  static final Duration TRY_EVERY = Duration.ofSeconds(1);
  /** The first key of Usher's advisory locks ("Us"); the second is the conference's. */
  private static final int USHER = 0x5573;

  /** Told on the leadership's own thread. */
  interface Listener {
    void elected();

    void deposed();
  }

  private final StoreSettings store;
  private final int conferenceKey;
  private volatile Listener listener;
  private final ScheduledExecutorService thread = DaemonThreads.scheduler("usher-leadership");
  private Connection session;
  private volatile boolean leading;

  Leadership(StoreSettings store, String conferenceId) {
    this.store = store;
    // String.hashCode is specified, so every bot computes the same key.
    this.conferenceKey = conferenceId.hashCode();
  }

  /**
   * Tries once, on the caller's thread, without telling the listener.
   *
   * @return whether this bot leads now
   */
  synchronized boolean tryOnce() {
    leading = tryToLead();
    return leading;
  }

  /** From now on tries (or checks) every {@link #TRY_EVERY}, telling {@code listener}. */
  void watch(Listener listener) {
    this.listener = listener;
    long every = TRY_EVERY.toMillis();
    thread.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  boolean leading() {
    return leading;
  }

  private synchronized void check() {
    boolean now = leading ? stillLeading() : tryToLead();
    if (now == leading) {
      return;
    }
    leading = now;
    LOG.info(now ? "this bot leads now" : "this bot no longer leads");
    try {
      if (now) {
        listener.elected();
      } else {
        listener.deposed();
      }
    } catch (RuntimeException e) {
      LOG.warn("leadership change: {}", e.getMessage(), e);
    }
  }

  private boolean tryToLead() {
    try {
      if (session == null || !session.isValid(1)) {
        closeSession();
        session = connect();
      }
      try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
        lock.setInt(1, USHER);
        lock.setInt(2, conferenceKey);
        try (ResultSet row = lock.executeQuery()) {
          return row.next() && row.getBoolean(1);
        }
      }
    } catch (SQLException e) {
      LOG.debug("cannot try to lead: {}", e.getMessage());
      closeSession();
      return false;
    }
  }

  private boolean stillLeading() {
    try {
      if (session != null && session.isValid(1)) {
        return true;
      }
    } catch (SQLException e) {
      LOG.debug("leader's session: {}", e.getMessage());
    }
    closeSession();
    return false;
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", store.user());
    properties.setProperty("password", store.password());
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("socketTimeout", "5");
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "usher-leadership");
    return DriverManager.getConnection(store.jdbcUrl(), properties);
  }

  private void closeSession() {
    if (session != null) {
      try {
        session.close();
      } catch (SQLException e) {
        LOG.debug("closing the leader's session: {}", e.getMessage());
      }
      session = null;
    }
  }

  /** Stops trying and gives the lead up (the session's end releases the lock). */
  @Override
  public synchronized void close() {
    thread.shutdownNow();
    closeSession();
    leading = false;
  }
}
