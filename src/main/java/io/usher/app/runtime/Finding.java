package io.usher.app.runtime;

/**
 * One homeserver setting Usher depends on, as read from the homeserver: whether it is as Usher
 * needs it, what was seen, and what to change when it is not.
 *
 * @param subject what was checked, e.g. {@code "guest access"}
 * @param detail what the homeserver's answers say
 * @param fix the homeserver.yaml lines or action that put it right; empty when there is nothing
 *     to do
 */
record Finding(Verdict verdict, String subject, String detail, String fix) {
  /** How a setting stands. */
  enum Verdict {
    OK("ok"), MISSING("missing"), UNKNOWN("cannot tell");

    final String label;

    Verdict(String label) {
      this.label = label;
    }
  }

  static Finding ok(String subject, String detail) {
    return new Finding(Verdict.OK, subject, detail, "");
  }

  static Finding missing(String subject, String detail, String fix) {
    return new Finding(Verdict.MISSING, subject, detail, fix);
  }

  static Finding unknown(String subject, String detail, String fix) {
    return new Finding(Verdict.UNKNOWN, subject, detail, fix);
  }

  /** {@code subject: detail}, as one line. */
  String line() {
    return subject + ": " + detail;
  }
}
