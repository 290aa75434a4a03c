package io.usher.schedule;

import java.util.Objects;

/** A person's id as the schedule gives it ({@code <person id>}); may be synthesised from the name. */
public record PersonId(String value) {
  /** @throws NullPointerException when null; empty is allowed (a person known by name) */
  public PersonId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
