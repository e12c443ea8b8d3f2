package io.github.dgxspark.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.AdapterException;
import io.github.dgxspark.adapter.HardwareOptions;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.WorkloadOptions;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.hardware.HardwareReport;
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

  /** profile, nodes, hardware (object or path), nvidiaSmi, clusterManager. */
  HardwareOptions hardware() {
    Optional<HardwareReport> report =
        node("hardware")
            .map(
                h -> {
                  if (h.isObject()) {
                    return HardwareReport.fromJson(Json.compact(h));
                  }
                  if (h.isTextual()) {
                    return HardwareReport.read(files.resolve(h.asText()));
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
        ClusterManager.parse(text("clusterManager").orElse("standalone")));
  }

  /** workloadType, description, dataSize, mode. */
  WorkloadOptions workload() {
    return new WorkloadOptions(
        text("workloadType"), text("description"), text("dataSize"), text("mode"));
  }
}
