package io.usher.schedule;

/** One thing wrong with a schedule, located in its source. */
public record ScheduleProblem(SourceLocation where, String message) {
  @Override
  public String toString() {
    return where + ": " + message;
  }
}
