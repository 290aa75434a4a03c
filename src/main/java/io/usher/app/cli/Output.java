package io.usher.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Where a command prints: results to out, progress and errors to err (set by {@link Main}). */
@Command // picocli only accepts a mixin class that carries one of its annotations.
final class Output {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
