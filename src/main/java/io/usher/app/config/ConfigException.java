package io.usher.app.config;

import java.util.List;

/** The config is unusable; the message names the file, the field and what was expected. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  ConfigException(String file, List<String> problems) {
    super(String.join("\n", problems.stream().map(p -> file + ": " + p).toList()));
  }
}
