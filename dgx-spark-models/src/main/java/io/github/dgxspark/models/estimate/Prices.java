package io.github.dgxspark.models.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.DgxFacts;
import io.github.dgxspark.core.NodeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cloud prices and electricity ({@code data/models/cloud-prices.json}) and DGX system power (core's
 * {@link DgxFacts}).
 */
final class Prices {
  static final String PRICES = "models/cloud-prices.json";

  /** One priced cloud instance. */
  record Instance(
      String provider,
      String instanceType,
      String gpuModel,
      int gpusPerInstance,
      double usdPerHour,
      String pricingModel,
      String asOf,
      String source) {}

  /** A DGX system's maximum power. */
  record Power(String system, double watts, String source) {}

  private static final JsonNode PRICE_ROOT = DataFiles.read(PRICES);

  private Prices() {}

  static double electricityUsdPerKwh() {
    return DataFiles.number(PRICES, PRICE_ROOT.path("electricity"), "usdPerKwh");
  }

  static String electricitySource() {
    return DataFiles.text(PRICES, PRICE_ROOT.path("electricity"), "source");
  }

  static List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    for (JsonNode i : PRICE_ROOT.path("instances")) {
      out.add(
          new Instance(
              DataFiles.text(PRICES, i, "provider"),
              DataFiles.text(PRICES, i, "instanceType"),
              DataFiles.text(PRICES, i, "gpuModel"),
              (int) DataFiles.number(PRICES, i, "gpusPerInstance"),
              DataFiles.number(PRICES, i, "usdPerHour"),
              DataFiles.text(PRICES, i, "pricingModel"),
              DataFiles.text(PRICES, i, "asOf"),
              DataFiles.text(PRICES, i, "source")));
    }
    return out;
  }

  /** The matching DGX system's power, when the node is one. */
  static Optional<Power> power(NodeSpec node) {
    return DgxFacts.system(node)
        .filter(s -> s.systemPowerWatts().isPresent())
        .map(s -> new Power(s.name(), s.systemPowerWatts().getAsDouble(), s.powerSource()));
  }

  /** True when one of the node's GPUs is of the family, e.g. {@code A100}. */
  static boolean hasGpu(NodeSpec node, String family) {
    return node.gpus().stream()
        .anyMatch(g -> DgxFacts.gpu(g.name()).map(m -> m.family().equals(family)).orElse(false));
  }
}
