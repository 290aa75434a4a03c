package io.usher.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A schedule could not be read or is invalid. Its message lists every problem as
 * {@code file:line: reason}; nothing has been sent to any homeserver when this is thrown.
 */
public final class ScheduleException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<ScheduleProblem> problems;

  public ScheduleException(List<ScheduleProblem> problems) {
    super(problems.stream().map(ScheduleProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public ScheduleException(SourceLocation where, String message) {
    this(List.of(new ScheduleProblem(where, message)));
  }

  public List<ScheduleProblem> problems() {
    return problems;
  }
}
