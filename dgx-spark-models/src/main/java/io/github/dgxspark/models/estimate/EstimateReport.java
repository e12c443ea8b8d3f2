package io.github.dgxspark.models.estimate;

import java.util.Objects;

/**
 * Resources, time and cost of one job on one cluster.
 *
 * @param job the job estimated
 * @param resources what it needs
 * @param time how long it takes, with an interval
 * @param cost what it costs, with the same interval
 */
public record EstimateReport(
    JobSpec job, ResourceEstimate resources, TimeEstimate time, CostEstimate cost) {
  // Checks the fields.
  public EstimateReport {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(cost, "cost");
  }
}
