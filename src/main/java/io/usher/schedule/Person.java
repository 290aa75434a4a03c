package io.usher.schedule;

import java.util.Objects;

/** A speaker or other person of a talk, as named in the schedule ({@code <person>}). */
public record Person(PersonId id, String name) {
  /**
   * The name is stripped; empty is allowed (a validation warning).
   *
   * @throws NullPointerException without an id or a name
   */
  public Person {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNull(name, "name").strip();
  }
}
