package io.github.dgxspark.rules;

import java.util.List;

/**
 * What validating one config found, most severe first.
 *
 * @param findings the findings, ordered by severity, then by the order of the rules in the catalog
 * @param rulesChecked how many enabled rules were run
 */
public record ValidationReport(List<Finding> findings, int rulesChecked) {
  // Copies the list.
  public ValidationReport {
    findings = List.copyOf(findings);
    if (rulesChecked < 0) {
      throw new RulesException(
          "validation report rulesChecked is " + rulesChecked + "; expected 0 or more");
    }
  }

  /**
   * The findings of one severity.
   *
   * @param severity the severity
   * @return those findings, in report order
   */
  public List<Finding> findings(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }

  /**
   * Whether Spark would reject the config or it cannot run on the hardware.
   *
   * @return true if there is at least one {@link Severity#ERROR} finding
   */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * Whether the config has nothing to fix: no error and no warning (hints may remain).
   *
   * @return true if every finding is {@link Severity#INFO}
   */
  public boolean isClean() {
    return findings.stream().allMatch(f -> f.severity() == Severity.INFO);
  }
}
