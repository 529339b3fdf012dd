package io.github.asgkms.access;

import java.util.List;

/**
 * What the access check found in the rendered output.
 *
 * @param findings what fails {@code check}: a required call refused, excess access, a file the
 *     model cannot read, a broken grant lifecycle
 * @param notes what {@code check} only warns of: statements with conditions or elements the
 *     model does not evaluate, which it counts as not matching in an Allow and as matching in a
 *     Deny
 * @param deployments what each checked format's output gives, for ACCESS.md
 */
public record AccessReport(List<AccessFinding> findings, List<String> notes,
    List<FormatAccess> deployments) {

  public AccessReport {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    deployments = List.copyOf(deployments);
  }

  public boolean passed() {
    return findings.isEmpty();
  }
}
