package io.usher.schedule;

import java.util.Objects;

/** A speaker or other person of a talk, as named in the schedule ({@code <person>}). */
public record Person(PersonId id, String name) {
  public Person {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNull(name, "name").strip();
  }
}
