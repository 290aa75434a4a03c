package io.usher.plan;

import io.usher.schedule.Conference;
import java.util.List;

/**
 * One concern that adds to the rooms {@link DesiredState} lays out: people (power and invites,
 * {@code plan.people}) or widgets ({@code plan.widgets}). Declared here so the layout never
 * depends on those packages; each is a record of the organiser's choices, part of the
 * {@link Policy}, so two policies are equal when their furnishings are.
 */
public interface Furnishing {
  /**
   * What this concern adds to each room of the conference.
   *
   * @param tracks the tracks as the desired state groups the talks (their ids are the rooms')
   * @param conferenceId the conference id of every {@link RoomKey}
   */
  Furnished furnish(Conference conference, List<PlannedTrack> tracks, String conferenceId);
}
