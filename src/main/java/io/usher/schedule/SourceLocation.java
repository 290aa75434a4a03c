package io.usher.schedule;

/**
 * Where something came from: a file name or URL and a 1-based line, 0 when unknown.
 * Printed as {@code source:line} so error messages can be clicked in a terminal or editor.
 */
public record SourceLocation(String source, int line) {
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line : source;
  }
}
