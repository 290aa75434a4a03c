package io.usher.apply;

import io.usher.plan.diff.ObservedConference;
import java.util.Map;
import java.util.Set;

/**
 * What one read of the homeserver found: the conference's rooms and the announcements recorded
 * in their room account data.
 *
 * @param records by talk room id, the content of its {@value Announcer#RECORD_TYPE} account data
 */
public record Snapshot(ObservedConference rooms, Map<String, Map<String, Object>> records) {

  public Snapshot {
    records = Map.copyOf(records);
  }

  /** The record ids of every announcement sent or skipped ({@code PhaseEvent#recordId()}). */
  public Set<String> announced() {
    return Announcer.recordIds(records.values());
  }
}
