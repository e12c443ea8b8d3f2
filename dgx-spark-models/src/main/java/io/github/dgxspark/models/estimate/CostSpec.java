package io.github.dgxspark.models.estimate;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Prices for the on-prem cost.
 *
 * @param usdPerKwh electricity price in US dollars per kWh, more than 0
 * @param nodePriceUsd purchase price of one node in US dollars, for amortisation; absent leaves
 *     amortisation out
 * @param amortisationYears years over which a node is written off, more than 0
 */
public record CostSpec(double usdPerKwh, OptionalDouble nodePriceUsd, double amortisationYears) {
  // Checks the fields.
  public CostSpec {
    if (!(usdPerKwh > 0) || Double.isInfinite(usdPerKwh)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "electricity price is %s USD/kWh; expected a positive number",
              usdPerKwh));
    }
    if (nodePriceUsd.isPresent() && !(nodePriceUsd.getAsDouble() >= 0)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "node price is %s USD; expected 0 or more", nodePriceUsd.getAsDouble()));
    }
    if (!(amortisationYears > 0)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "amortisation period is %s years; expected a positive number",
              amortisationYears));
    }
  }

  /**
   * The default: the electricity price of {@code data/models/cloud-prices.json} (a U.S. EIA median,
   * with its source), no node price (amortisation left out) and a 5-year write-off.
   *
   * @return the default prices
   */
  public static CostSpec defaults() {
    return new CostSpec(Prices.electricityUsdPerKwh(), OptionalDouble.empty(), 5);
  }
}
