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

  /** @param problems every problem found, in the order found; the message lists them a line each */
  public ScheduleException(List<ScheduleProblem> problems) {
    super(problems.stream().map(ScheduleProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** One problem: {@code message} at {@code where}. */
  public ScheduleException(SourceLocation where, String message) {
    this(List.of(new ScheduleProblem(where, message)));
  }

  /** Every problem, each with its file and line, for callers that report them one by one. */
  public List<ScheduleProblem> problems() {
    return problems;
  }
}
