package io.github.dgxspark.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.AdapterException;
import io.github.dgxspark.adapter.HardwareOptions;
import io.github.dgxspark.adapter.Inputs;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.adapter.PlanOptions;
import io.github.dgxspark.adapter.WorkloadOptions;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.hardware.HardwareReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tool call's arguments, read with the types their schema declares (the SDK has already checked
 * them against it; these checks repeat it for a clear message if a client skips validation).
 */
final class Args {
  private final JsonNode args;
  private final AllowedFiles files;

  Args(Map<String, Object> arguments, AllowedFiles files) {
    this.args = Json.tree(arguments == null ? Map.of() : arguments);
    this.files = files;
  }

  Optional<String> text(String name) {
    JsonNode v = args.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new AdapterException(
          "argument " + name + " is " + v.getNodeType() + "; expected a string");
    }
    return Optional.of(v.asText());
  }

  String requiredText(String name) {
    return text(name)
        .orElseThrow(
            () -> new AdapterException("argument " + name + " is missing; it is required"));
  }

  OptionalInt integer(String name) {
    JsonNode v = args.get(name);
    if (v == null || v.isNull()) {
      return OptionalInt.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new AdapterException("argument " + name + " is " + v + "; expected an integer");
    }
    return OptionalInt.of(v.asInt());
  }

  int requiredInteger(String name) {
    OptionalInt v = integer(name);
    if (v.isEmpty()) {
      throw new AdapterException("argument " + name + " is missing; it is required");
    }
    return v.getAsInt();
  }

  Optional<JsonNode> node(String name) {
    JsonNode v = args.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /**
   * profile, nodes, hardware (an object; a path is still read), hardwareFile (a path), nvidiaSmi,
   * logicalCores, memory, clusterManager.
   */
  HardwareOptions hardware() {
    if (node("hardware").isPresent() && node("hardwareFile").isPresent()) {
      throw new AdapterException(
          "arguments hardware and hardwareFile are both given; expected at most one");
    }
    Optional<HardwareReport> report =
        node("hardware")
            .or(() -> node("hardwareFile"))
            .map(
                h -> {
                  if (h.isObject()) {
                    return Operations.readHardware(Json.compact(h));
                  }
                  if (h.isTextual()) {
                    Path p = files.resolve(h.asText());
                    return Operations.readHardware(Inputs.readText(p, "hardware file"));
                  }
                  throw new AdapterException(
                      "argument hardware is "
                          + h.getNodeType()
                          + "; expected a hardware JSON object or the path of a hardware JSON file");
                });
    return new HardwareOptions(
        text("profile"),
        integer("nodes"),
        report,
        text("nvidiaSmi"),
        integer("logicalCores"),
        text("memory"),
        ClusterManager.parse(text("clusterManager").orElse("standalone")));
  }

  /** The hardware when profile, hardware, nvidiaSmi or probe (true) is given, else empty. */
  Optional<HardwareOptions> optionalHardware() {
    boolean given =
        node("profile").isPresent()
            || node("hardware").isPresent()
            || node("hardwareFile").isPresent()
            || node("nvidiaSmi").isPresent()
            || args.path("probe").asBoolean(false);
    return given ? Optional.of(hardware()) : Optional.empty();
  }

  /** config: an object of key → string, number or boolean, as texts. */
  Map<String, String> config() {
    JsonNode c =
        node("config")
            .orElseThrow(
                () ->
                    new AdapterException(
                        "argument config is missing; expected an object of Spark key -> value"));
    if (!c.isObject()) {
      throw new AdapterException(
          "argument config is " + c.getNodeType() + "; expected an object of Spark key -> value");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.properties()) {
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw new AdapterException(
            "config value of "
                + e.getKey()
                + " is "
                + v.getNodeType()
                + "; expected a string, number or boolean");
      }
      m.put(e.getKey(), v.asText());
    }
    return m;
  }

  /**
   * The entries of config and keep that are values, whatever else the arguments hold: the secrets
   * to hide in the result or the error message, even of a call whose config was refused.
   */
  Map<String, String> configToRedact() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : new String[] {"config", "keep"}) {
      JsonNode c = args.get(name);
      if (c != null && c.isObject()) {
        for (Map.Entry<String, JsonNode> e : c.properties()) {
          if (e.getValue().isValueNode() && !e.getValue().isNull()) {
            m.put(e.getKey(), e.getValue().asText());
          }
        }
      }
    }
    return m;
  }

  /** sparkVersion, deployMode, keep (key → value) and tuning (name → value). */
  PlanOptions plan() {
    return new PlanOptions(
        text("sparkVersion"), text("deployMode"), textMap("keep"), textMap("tuning"));
  }

  /** An optional object of name → string, number or boolean, as texts. */
  private Map<String, String> textMap(String name) {
    Optional<JsonNode> n = node(name);
    if (n.isEmpty()) {
      return Map.of();
    }
    if (!n.get().isObject()) {
      throw new AdapterException(
          "argument "
              + name
              + " is "
              + n.get().getNodeType()
              + "; expected an object of name -> value");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.get().properties()) {
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw new AdapterException(
            name
                + " value of "
                + e.getKey()
                + " is "
                + v.getNodeType()
                + "; expected a string, number or boolean");
      }
      m.put(e.getKey(), v.asText());
    }
    return m;
  }

  /** workloadType, description, dataSize, mode. */
  WorkloadOptions workload() {
    return new WorkloadOptions(
        text("workloadType"), text("description"), text("dataSize"), text("mode"));
  }
}
