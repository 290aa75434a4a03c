package io.usher.app;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Where a command prints: results to out, progress and errors to err (set by {@link Main}). */
final class Output {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
