package io.usher.scheduler;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link LifecycleRunner} shares with the other bots of its conference: who handles which
 * phase, and whether the organisers paused. {@link #alone()} is one bot with nothing to share;
 * {@link SharedStore} is two or more on one PostgreSQL database.
 */
public interface Coordination {

  /**
   * Claims due phases for this bot, so that exactly one bot handles each.
   *
   * @param recordIds {@link io.usher.lifecycle.PhaseEvent#recordId()}s, due and not handled here
   * @return those this bot may handle now, and those another bot has already handled
   */
  Claims claim(Collection<String> recordIds);

  /** Records that this bot has handled a phase it claimed; {@code status} as in PhaseOutcome. */
  void settle(String recordId, String status);

  /** Gives up this bot's claims not yet settled (a phase cut short), for another to take. */
  void release();

  /** Whether the organisers paused the conference, on this bot or another. */
  boolean paused();

  /** Pauses or resumes every bot of the conference. */
  void paused(boolean paused);

  /** Quartz properties for its job store: the in-memory store, or the clustered JDBC store. */
  Map<String, String> quartzProperties();

  /** Whether the jobs outlive this process (another bot fires them when it dies). */
  boolean shared();

  /**
   * @param granted the phases this bot now holds
   * @param settled the phases another bot has handled (or skipped, or failed)
   */
  record Claims(Set<String> granted, Set<String> settled) {}

  /** One bot: every phase is its own; the jobs live in memory. */
  static Coordination alone() {
    return new Alone();
  }
}
