package io.usher.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a config, collected over every section so the organiser sees all of it at
 * once. Each problem names its field (YAML path, e.g. {@code people.invites_per_second}) and
 * what was expected.
 */
final class Problems {
  private final List<String> found = new ArrayList<>();

  /** Records that {@code field} is wrong; {@code what} says how and what was expected. */
  void add(String field, String what) {
    found.add(field + ": " + what);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** @throws ConfigException listing every problem, each prefixed with {@code file} */
  void throwIfAny(Path file) throws ConfigException {
    if (!found.isEmpty()) {
      throw new ConfigException(file.toString(), found);
    }
  }
}
