package io.usher.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person does in a track or a talk, as a people file names it. Speakers also come from
 * the schedule itself: every {@code <person>} of an event is a speaker of it.
 */
public enum Role {
  SPEAKER("speaker"),
  HOST("host"),
  COORDINATOR("coordinator"),
  TRACK_MANAGER("track_manager");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  /** The name in people files and config ({@code track_manager}, ...). */
  public String wireName() {
    return wireName;
  }

  /** The role named {@code text}, case-insensitive, with {@code -} or a space for {@code _}. */
  public static Optional<Role> parse(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }

  /** Every wire name, for error messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(Role::wireName).toList());
  }
}
