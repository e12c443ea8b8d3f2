package io.github.dgxspark.models.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cloud prices and electricity ({@code data/models/cloud-prices.json}) and DGX system power ({@code
 * data/models/dgx-systems.json}).
 */
final class Prices {
  static final String PRICES = "cloud-prices.json";
  static final String SYSTEMS = "dgx-systems.json";

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

  private static final JsonNode PRICE_ROOT = read(PRICES);
  private static final JsonNode SYSTEM_ROOT = read(SYSTEMS);

  private Prices() {}

  static double electricityUsdPerKwh() {
    return number(PRICES, PRICE_ROOT.path("electricity"), "usdPerKwh");
  }

  static String electricitySource() {
    return text(PRICES, PRICE_ROOT.path("electricity"), "source");
  }

  static List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    for (JsonNode i : PRICE_ROOT.path("instances")) {
      out.add(
          new Instance(
              text(PRICES, i, "provider"),
              text(PRICES, i, "instanceType"),
              text(PRICES, i, "gpuModel"),
              (int) number(PRICES, i, "gpusPerInstance"),
              number(PRICES, i, "usdPerHour"),
              text(PRICES, i, "pricingModel"),
              text(PRICES, i, "asOf"),
              text(PRICES, i, "source")));
    }
    return out;
  }

  /** The matching DGX system's power, when the node is one. */
  static Optional<Power> power(NodeSpec node) {
    for (JsonNode s : SYSTEM_ROOT.path("systems")) {
      String model = text(SYSTEMS, s, "gpuNameContains");
      int count = (int) number(SYSTEMS, s, "gpuCount");
      if (node.gpuCount() == count && hasGpu(node, model)) {
        return Optional.of(
            new Power(
                text(SYSTEMS, s, "name"),
                number(SYSTEMS, s, "systemPowerWatts"),
                text(SYSTEMS, s, "source")));
      }
    }
    return Optional.empty();
  }

  /** True when one of the node's GPU names holds the model as a word. */
  static boolean hasGpu(NodeSpec node, String model) {
    String m = model.toUpperCase(Locale.ROOT);
    for (GpuSpec g : node.gpus()) {
      String n = g.name().toUpperCase(Locale.ROOT);
      int i = n.indexOf(m);
      while (i >= 0) {
        int end = i + m.length();
        boolean before = i == 0 || !Character.isLetterOrDigit(n.charAt(i - 1));
        boolean after = end == n.length() || !Character.isDigit(n.charAt(end));
        if (before && after) {
          return true;
        }
        i = n.indexOf(m, i + 1);
      }
    }
    return false;
  }

  private static JsonNode read(String name) {
    String path = "/io/github/dgxspark/models/models/" + name;
    try (InputStream in = Prices.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ModelsException(
            String.format(
                Locale.ROOT, "data file '%s' is not on the classpath; expected it packaged", path));
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new ModelsException(
          String.format(Locale.ROOT, "data file '%s' is not valid JSON: %s", path, e.getMessage()),
          e);
    }
  }

  private static String text(String file, JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file '%s' entry lacks the text field '%s'; expected a text",
              file,
              field));
    }
    return v.asText();
  }

  private static double number(String file, JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file '%s' entry lacks the number field '%s'; expected a number",
              file,
              field));
    }
    return v.asDouble();
  }
}
