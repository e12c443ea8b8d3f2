package io.github.dgxspark.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.SparkConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readable text made from the JSON trees of {@link io.github.dgxspark.adapter.Operations}. */
final class TextViews {
  private TextViews() {}

  static String recommend(ObjectNode r) {
    StringBuilder sb = new StringBuilder();
    JsonNode hw = r.path("hardware");
    JsonNode w = r.path("workload");
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "Spark config for %s%s on %d x %s (%s), mode %s%n%n",
            w.path("workloadType").asText(),
            w.has("dataSizeBytes") ? " of " + bytes(w.path("dataSizeBytes")) : "",
            hw.path("nodes").asInt(),
            hw.path("origin").asText(),
            hw.path("clusterManager").asText(),
            r.path("mode").asText()));
    TextTable t = new TextTable("KEY", "VALUE", "REASON");
    for (Map.Entry<String, JsonNode> e : r.path("config").properties()) {
      t.row(e.getKey(), e.getValue().asText(), r.path("reasons").path(e.getKey()).asText());
    }
    sb.append(t.render());
    notes(sb, r.path("notes"));
    return sb.toString();
  }

  static String conf(ObjectNode r) {
    return config(r).toDefaultsConf(texts(r.path("reasons")));
  }

  static String submit(ObjectNode r) {
    return config(r).toSubmitCommandLine();
  }

  static String hardware(ObjectNode h) {
    StringBuilder sb = new StringBuilder();
    JsonNode n = h.path("node");
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "%d node(s) from %s, cluster manager %s%n",
            h.path("nodes").asInt(),
            h.path("origin").asText(),
            h.path("clusterManager").asText()));
    TextTable t = new TextTable("PER NODE", "VALUE");
    t.row(
        "CPU",
        n.path("cpuModel").asText().isEmpty() ? "(not reported)" : n.path("cpuModel").asText());
    t.row(
        "cores",
        n.path("logicalCores").asInt()
            + " logical, "
            + n.path("physicalCores").asInt()
            + " physical, "
            + n.path("sockets").asInt()
            + " socket(s), "
            + n.path("numaNodes").asInt()
            + " NUMA node(s)");
    t.row(
        "memory",
        bytes(n.path("memoryBytes")) + (n.path("unifiedMemory").asBoolean() ? " (unified)" : ""));
    t.row("GPUs", n.path("gpus").size());
    t.row(
        "NVLink",
        n.path("nvlink").path("present").asBoolean()
            ? bytes(n.path("nvlink").path("bytesPerSecondPerGpu")) + "/s per GPU"
            : "none");
    t.row("interconnect", bytes(h.path("interconnectBytesPerSecond")) + "/s");
    sb.append(t.render());
    if (n.path("gpus").size() > 0) {
      sb.append('\n');
      TextTable g = new TextTable("GPU", "NAME", "MEMORY", "COMPUTE", "NVLINKS");
      int i = 0;
      for (JsonNode gpu : n.path("gpus")) {
        g.row(
            i++,
            gpu.path("name").asText(),
            bytes(gpu.path("memoryBytes")),
            gpu.path("computeCapability").asText(),
            gpu.path("nvlinkCount").asInt());
      }
      sb.append(g.render());
    }
    notes(sb, h.path("notes"));
    return sb.toString();
  }

  static String profiles(ObjectNode p) {
    TextTable t = new TextTable("NAME", "SYSTEM", "GPUS", "GPU MEMORY", "CORES", "MEMORY");
    for (JsonNode e : p.path("profiles")) {
      t.row(
          e.path("name").asText(),
          e.path("title").asText(),
          e.path("gpuCount").asInt() == 0
              ? "-"
              : e.path("gpuCount").asInt() + " x " + e.path("gpuName").asText(),
          bytes(e.path("gpuMemoryBytes")),
          e.path("logicalCores").asInt(),
          bytes(e.path("memoryBytes")) + (e.path("unifiedMemory").asBoolean() ? " unified" : ""));
    }
    return t.render();
  }

  static void notes(StringBuilder sb, JsonNode notes) {
    if (notes.size() > 0) {
      sb.append("\nNotes:\n");
      notes.forEach(n -> sb.append("  - ").append(n.asText()).append('\n'));
    }
  }

  static String bytes(JsonNode n) {
    return ByteSizes.human(n.asLong());
  }

  private static SparkConfig config(ObjectNode r) {
    return new SparkConfig(texts(r.path("config")));
  }

  private static Map<String, String> texts(JsonNode o) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }
}
