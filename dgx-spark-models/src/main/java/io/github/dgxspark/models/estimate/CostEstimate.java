package io.github.dgxspark.models.estimate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a job costs on-prem and on comparable cloud instances, with the time estimate's interval.
 *
 * @param onPrem the on-prem cost; absent when the node's power draw is not known
 * @param cloud the cost on each comparable cloud instance of {@code data/models/cloud-prices.json}
 * @param notes what was left out and why
 */
public record CostEstimate(Optional<OnPrem> onPrem, List<Cloud> cloud, List<String> notes) {
  // Checks the fields and copies the lists.
  public CostEstimate {
    Objects.requireNonNull(onPrem, "onPrem");
    cloud = List.copyOf(cloud);
    notes = List.copyOf(notes);
  }

  /**
   * On-prem cost: energy at the nodes' maximum power (an upper bound) plus amortisation.
   *
   * @param expectedUsd at the expected time
   * @param lowUsd at the low end of the time interval
   * @param highUsd at the high end
   * @param energyKwh energy at the expected time
   * @param amortisationUsd amortisation at the expected time, when a node price was given
   * @param reason how it was computed
   * @param source where power and price figures come from
   */
  public record OnPrem(
      double expectedUsd,
      double lowUsd,
      double highUsd,
      double energyKwh,
      OptionalDouble amortisationUsd,
      String reason,
      String source) {
    // Checks the fields.
    public OnPrem {
      Objects.requireNonNull(amortisationUsd, "amortisationUsd");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * Cost on one cloud instance type with the same GPUs.
   *
   * @param provider e.g. {@code AWS}
   * @param instanceType e.g. {@code p5.48xlarge}
   * @param pricingModel on-demand, capacity block, ...
   * @param instances instances needed for the cluster's GPUs
   * @param usdPerHour price of one instance per hour
   * @param expectedUsd at the expected time
   * @param lowUsd at the low end of the time interval
   * @param highUsd at the high end
   * @param asOf the price's date
   * @param source where the price comes from
   */
  public record Cloud(
      String provider,
      String instanceType,
      String pricingModel,
      int instances,
      double usdPerHour,
      double expectedUsd,
      double lowUsd,
      double highUsd,
      String asOf,
      String source) {
    // Checks the fields.
    public Cloud {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(instanceType, "instanceType");
      Objects.requireNonNull(pricingModel, "pricingModel");
      Objects.requireNonNull(asOf, "asOf");
      Objects.requireNonNull(source, "source");
    }
  }
}
