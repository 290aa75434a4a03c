package io.usher.schedule;

import java.util.Objects;

/**
 * One line of a registration list: an attendee to make an account for.
 *
 * @param registrationCode the registration system's code for them, passed on to the mapping
 *     file; may be empty
 * @param location the file and line, for reports
 */
public record Attendee(String name, String email, String registrationCode,
    SourceLocation location) {
  /**
   * Text is stripped; a null name or code becomes empty.
   *
   * @throws NullPointerException without an e-mail address or a location
   */
  public Attendee {
    name = Objects.requireNonNullElse(name, "").strip();
    email = Objects.requireNonNull(email, "email").strip();
    registrationCode = Objects.requireNonNullElse(registrationCode, "").strip();
    Objects.requireNonNull(location, "location");
  }
}
