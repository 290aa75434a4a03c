package io.usher.schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a people file: who a person is, how to reach them and, optionally, one role.
 *
 * @param person the schedule person this entry is about: a person id, a name or an e-mail
 *     address; empty when the person is not in the schedule (a coordinator, a host)
 * @param name a display name for reports; may be empty
 * @param matrixId a Matrix user id ({@code @localpart:server})
 * @param email an e-mail address, for a 3PID invite when there is no Matrix id
 * @param role a role in {@code track} or {@code talk}; empty for an entry that only says how to
 *     reach a speaker
 * @param track the track (name or id) the role is for, or empty
 * @param talk the talk (event id) the role is for, or empty
 * @param location the file and line, for error messages
 */
public record PersonEntry(String person, String name, Optional<String> matrixId,
    Optional<String> email, Optional<Role> role, String track, String talk,
    SourceLocation location) {

  /**
   * Text fields are stripped, a null one becomes empty.
   *
   * @throws NullPointerException when an optional field or the location is null
   */
  public PersonEntry {
    person = Objects.requireNonNullElse(person, "").strip();
    name = Objects.requireNonNullElse(name, "").strip();
    Objects.requireNonNull(matrixId, "matrixId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    track = Objects.requireNonNullElse(track, "").strip();
    talk = Objects.requireNonNullElse(talk, "").strip();
    Objects.requireNonNull(location, "location");
  }

  /** What identifies this person across entries: the person column, else Matrix id, else e-mail. */
  public String key() {
    if (!person.isEmpty()) {
      return person;
    }
    return matrixId.or(() -> email).orElse(name);
  }

  /** How reports name this person: the name if given, else the key. */
  public String label() {
    return name.isEmpty() ? key() : name;
  }
}
