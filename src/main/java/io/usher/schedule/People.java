package io.usher.schedule;

import java.util.List;

/**
 * A people file as read: its entries in file order. Joined with the schedule's persons by the
 * planner.
 *
 * @param source the file it was read from, for reports
 */
public record People(List<PersonEntry> entries, String source) {
  /** The entries are copied. */
  public People {
    entries = List.copyOf(entries);
  }

  /** No people file: speakers come from the schedule only, none with a Matrix id. */
  public static People none() {
    return new People(List.of(), "");
  }
}
