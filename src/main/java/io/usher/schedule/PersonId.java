package io.usher.schedule;

import java.util.Objects;

/** A person's id as the schedule gives it ({@code <person id>}); may be synthesised from the name. */
public record PersonId(String value) {
  public PersonId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
