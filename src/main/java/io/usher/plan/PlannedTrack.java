package io.usher.plan;

import io.usher.schedule.Talk;
import java.util.List;

/**
 * A track as the planner groups talks.
 *
 * @param id stable slug of the track's name, unique in the conference
 * @param type the most common event type of its talks ({@code devroom}, ...), may be empty
 * @param streamRoom the schedule room most of its talks are in: its livestream is that room's
 * @param talks its talks by start time
 */
public record PlannedTrack(String id, String name, String type, String streamRoom,
    List<Talk> talks) {

  public PlannedTrack {
    talks = List.copyOf(talks);
  }
}
