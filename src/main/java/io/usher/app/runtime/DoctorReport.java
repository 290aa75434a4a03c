package io.usher.app.runtime;

import io.usher.app.runtime.Finding.Verdict;
import java.util.List;

/**
 * What {@code usher doctor} found, for printing: a line per setting, the fix under each missing
 * one, and a verdict.
 *
 * <pre>
 * Homeserver http://127.0.0.1:8058, read as @bot:localhost; nothing was changed.
 * missing      guest access: guests are refused (403), so hallways let in only visitors with …
 *                in homeserver.yaml:
 *                allow_guest_access: true
 *                then restart Synapse
 * ok           rate limits: @bot:localhost is exempt (Synapse admin override)
 * 1 setting missing: change it, then run usher doctor again.
 * 5 HTTP requests (1 writes): adminGetRatelimit=1, capabilities=1, register=1, sync=1, whoami=1
 * </pre>
 *
 * @param requests the requests made, by endpoint (never a token)
 */
public record DoctorReport(String homeserverUrl, String userId, List<Finding> findings,
    String requests) {
  private static final String INDENT = " ".repeat(13);

  public DoctorReport {
    findings = List.copyOf(findings);
  }

  /** Whether no setting is missing; a setting it cannot tell about is listed but not counted. */
  public boolean allWell() {
    return missing() == 0;
  }

  private long missing() {
    return findings.stream().filter(f -> f.verdict() == Verdict.MISSING).count();
  }

  public String render() {
    StringBuilder out = new StringBuilder("Homeserver " + homeserverUrl + ", read as " + userId
        + "; nothing was changed.\n");
    for (Finding finding : findings) {
      out.append(String.format("%-12s %s%n", finding.verdict().label, finding.line()));
      if (finding.verdict() != Verdict.OK && !finding.fix().isEmpty()) {
        finding.fix().lines().forEach(line -> out.append(INDENT).append("  ").append(line)
            .append('\n'));
      }
    }
    long missing = missing();
    long unknown = findings.stream().filter(f -> f.verdict() == Verdict.UNKNOWN).count();
    out.append(missing == 0 && unknown == 0
        ? "All is well: the homeserver is set as Usher needs.\n"
        : missing == 0 ? "Nothing missing; " + unknown + " could not be told (above).\n"
        : missing + (missing == 1 ? " setting" : " settings") + " missing: change "
            + (missing == 1 ? "it" : "them") + ", then run usher doctor again.\n");
    return out.append(requests).append('\n').toString();
  }
}
