package io.usher.apply;

import java.util.Optional;

/**
 * Where the last {@link Reading} is kept between processes (a file of the bot's machine, see
 * {@code app.runtime}), so a restart reads only what changed. Implementations never throw: a
 * reading that cannot be kept or read back only costs the next process a full read.
 */
public interface ReadingStore {
  /** The reading last saved, if any could be read. */
  Optional<Reading> load();

  /** Keeps {@code reading} in place of the last one. */
  void save(Reading reading);

  /** Keeps no reading: the next process reads everything. */
  void forget();

  /** Keeps nothing: every read is a full one. */
  static ReadingStore none() {
    return new ReadingStore() {
      @Override
      public Optional<Reading> load() {
        return Optional.empty();
      }

      @Override
      public void save(Reading reading) {}

      @Override
      public void forget() {}
    };
  }
}
