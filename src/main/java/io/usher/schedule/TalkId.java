package io.usher.schedule;

import java.util.Objects;

/** A talk's id as the schedule gives it (Pentabarf/frab {@code <event id>}); stable across edits. */
public record TalkId(String value) {
  /** @throws IllegalArgumentException when blank (a null one: NullPointerException) */
  public TalkId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("talk id is blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
