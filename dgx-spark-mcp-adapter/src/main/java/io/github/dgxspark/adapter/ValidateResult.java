package io.github.dgxspark.adapter;

import io.github.dgxspark.rules.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#validate}: {@code {"sparkVersion","rapidsVersion"?,"findings":
 * [{"ruleId","severity","category","keys":[...],"message","suggestedValue"?,"source"?}],
 * "rulesChecked","errors","warnings","infos","hardware"?}}, most severe first.
 *
 * @param sparkVersion the Spark release the config was checked for
 * @param rapidsVersion the RAPIDS Accelerator release, when given
 * @param findings what the rules found, most severe first
 * @param rulesChecked how many rules ran
 * @param errors findings of severity {@code ERROR}
 * @param warnings findings of severity {@code WARNING}
 * @param infos findings of severity {@code INFO}
 * @param hardware the hardware it was checked against, absent for the config alone
 */
public record ValidateResult(
    String sparkVersion,
    Optional<String> rapidsVersion,
    List<Finding> findings,
    int rulesChecked,
    int errors,
    int warnings,
    int infos,
    Optional<ClusterSummary> hardware) {
  // Checks the fields and copies the list.
  public ValidateResult {
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(rapidsVersion, "rapidsVersion");
    Objects.requireNonNull(hardware, "hardware");
    findings = List.copyOf(findings);
  }
}
