package io.usher.apply;

import java.time.Duration;

/** Waiting between two reads of a homeserver that has not caught up yet. */
final class Pause {
  private Pause() {}

  /** Sleeps {@code duration}; false (the interrupt kept) when interrupted: stop reading again. */
  static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
