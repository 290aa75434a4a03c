package io.usher.plan;

import java.util.List;
import java.util.Objects;

/**
 * The organiser's choices the desired state depends on, besides the schedule.
 *
 * @param conferenceId short id used in locators and aliases ({@code [a-z0-9._-]+})
 * @param conferenceName display name; empty to use the schedule's title
 * @param serverName the homeserver's server name, for aliases and {@code via}
 * @param organisers Matrix user ids given power 100 in every room
 * @param moderators Matrix user ids given power 50 in every room
 * @param maxSpaceChildren the most children one space may have (the hierarchy API pages at 50)
 * @param people the people file, role template and how to treat power nobody asked for
 * @param widgets where the widget pages are and what they show; {@link WidgetPolicy#none()}
 *     for rooms without widgets
 */
public record Policy(
    String conferenceId,
    String conferenceName,
    String serverName,
    TrackGrouping grouping,
    List<String> organisers,
    List<String> moderators,
    int maxSpaceChildren,
    PeoplePolicy people,
    WidgetPolicy widgets) {

  public static final int DEFAULT_MAX_SPACE_CHILDREN = 50;

  public Policy {
    Objects.requireNonNull(conferenceId, "conferenceId");
    conferenceName = Objects.requireNonNullElse(conferenceName, "");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(grouping, "grouping");
    organisers = List.copyOf(organisers);
    moderators = List.copyOf(moderators);
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(widgets, "widgets");
    if (maxSpaceChildren < 3) {
      throw new IllegalArgumentException("maxSpaceChildren must be at least 3");
    }
  }

  /** A policy without widgets. */
  public Policy(String conferenceId, String conferenceName, String serverName,
      TrackGrouping grouping, List<String> organisers, List<String> moderators,
      int maxSpaceChildren, PeoplePolicy people) {
    this(conferenceId, conferenceName, serverName, grouping, organisers, moderators,
        maxSpaceChildren, people, WidgetPolicy.none());
  }

  /** A policy without a people file: organisers and moderators only. */
  public Policy(String conferenceId, String conferenceName, String serverName,
      TrackGrouping grouping, List<String> organisers, List<String> moderators,
      int maxSpaceChildren) {
    this(conferenceId, conferenceName, serverName, grouping, organisers, moderators,
        maxSpaceChildren, PeoplePolicy.none());
  }
}
