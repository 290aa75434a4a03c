package io.usher.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line through {@link Main#run(PrintWriter, PrintWriter, String...)}. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Standard output, then standard error. */
  String all() {
    return out + err;
  }
}
