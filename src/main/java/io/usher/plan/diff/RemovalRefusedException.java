package io.usher.plan.diff;

/**
 * A new schedule would remove more talks than the {@link RemovalGuard} allows without the
 * organiser's confirmation; nothing was changed. The message says how many and the limits.
 */
public final class RemovalRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RemovalRefusedException(String message) {
    super(message);
  }
}
