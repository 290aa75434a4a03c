package io.usher.commands;

import java.util.Optional;

/**
 * Where the management room's {@code /sync} got to ({@code next_batch},
 * https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync), kept where the
 * next bot to listen finds it: a bot that takes over from a dead one answers the commands sent
 * in between.
 */
public interface SyncCursor {
  /** The position to go on from; empty to start at now (older commands are not acted on). */
  Optional<String> since();

  /** Keeps the position reached after a batch was handled. Never throws. */
  void save(String since);

  /** Nothing kept: each start listens from now on. */
  static SyncCursor fromNow() {
    return new SyncCursor() {
      @Override
      public Optional<String> since() {
        return Optional.empty();
      }

      @Override
      public void save(String since) {}
    };
  }
}
