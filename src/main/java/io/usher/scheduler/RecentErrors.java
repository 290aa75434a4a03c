package io.usher.scheduler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last few errors, for {@code status}. Thread-safe. */
final class RecentErrors {
  private final int capacity;
  private final Deque<String> errors = new ArrayDeque<>();

  RecentErrors(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(String error) {
    if (errors.size() == capacity) {
      errors.removeFirst();
    }
    errors.addLast(error);
  }

  /** At most {@code n} errors, oldest first. */
  synchronized List<String> last(int n) {
    List<String> all = List.copyOf(errors);
    return all.subList(Math.max(0, all.size() - n), all.size());
  }
}
