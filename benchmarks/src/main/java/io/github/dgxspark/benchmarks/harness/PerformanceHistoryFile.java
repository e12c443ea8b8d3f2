package io.github.dgxspark.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.DgxSparkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Appends measured runs to the performance history JSON ({@code data/performance-history.json}): an
 * object whose {@code runs} array holds one object per run. Existing content is kept as it is.
 *
 * <p>Each run: {@code source} ("dgx-spark harness"), {@code recordedAt} (ISO-8601 UTC), {@code
 * workload} (type id), {@code scale}, {@code inputRows}, {@code inputBytes} (the size told to the
 * optimizer), {@code deployment}, {@code master}, {@code executors}, {@code executorCores}, {@code
 * executorMemoryBytes}, {@code configKind} (default / recommended), {@code config} (the measured
 * keys), {@code wallTimeMillis}, {@code sessionStartMillis}, {@code machine} (description, cores,
 * memory, CPU, OS, Java), {@code sparkVersion}, {@code eventLogPath}, {@code appId}, {@code
 * command}.
 */
final class PerformanceHistoryFile {
  /** The {@code source} of every run the harness measures. */
  static final String SOURCE = "dgx-spark harness";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PerformanceHistoryFile() {}

  /**
   * Appends runs to the history file, creating it when missing.
   *
   * @param file the history file
   * @param runs the runs, in order
   * @param machine the machine they ran on
   * @param inputBytes the input size told to the optimizer, per run in the same order
   * @param recordedAt when they were recorded
   * @param command the command that produced them
   * @throws DgxSparkException if the file exists but is not a history object with a runs array
   * @throws UncheckedIOException if the file cannot be read or written
   */
  static void append(
      Path file,
      List<RunResult> runs,
      Machine machine,
      List<Long> inputBytes,
      Instant recordedAt,
      String command) {
    ObjectNode root;
    try {
      if (Files.exists(file)) {
        JsonNode existing = JSON.readTree(file.toFile());
        if (!(existing instanceof ObjectNode) || !existing.path("runs").isArray()) {
          throw new DgxSparkException(
              String.format(
                  Locale.ROOT,
                  "performance history %s is not an object with a 'runs' array; expected"
                      + " {\"runs\": [...]}",
                  file));
        }
        root = (ObjectNode) existing;
      } else {
        root = JSON.createObjectNode();
        root.put(
            "description",
            "Measured Spark runs only, each with its provenance (machine, Spark version, config,"
                + " workload, scale, event log). Appended by the dgx-spark harness"
                + " (benchmarks/README.md, section Real-Spark harness).");
        root.putArray("runs");
      }
      ArrayNode array = (ArrayNode) root.get("runs");
      for (int i = 0; i < runs.size(); i++) {
        array.add(toJson(runs.get(i), machine, inputBytes.get(i), recordedAt, command));
      }
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".performance-history", ".json");
      JSON.writeValue(tmp.toFile(), root);
      Files.writeString(tmp, Files.readString(tmp) + "\n");
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update performance history " + file, e);
    }
  }

  private static ObjectNode toJson(
      RunResult r, Machine machine, long inputBytes, Instant recordedAt, String command) {
    ObjectNode n = JSON.createObjectNode();
    RunSpec s = r.spec();
    n.put("source", SOURCE);
    n.put("recordedAt", recordedAt.toString());
    n.put("workload", s.workload());
    n.put("scale", s.scale());
    n.put("inputRows", r.inputRows());
    n.put("inputBytes", inputBytes);
    n.put("deployment", s.deployment());
    n.put("master", s.master());
    n.put("executors", r.executors());
    n.put("executorCores", r.executorCores());
    n.put("executorMemoryBytes", r.executorMemoryBytes());
    n.put("configKind", s.configKind());
    ObjectNode config = n.putObject("config");
    s.config().forEach(config::put);
    n.put("wallTimeMillis", r.wallTimeMillis());
    n.put("sessionStartMillis", r.sessionStartMillis());
    ObjectNode m = n.putObject("machine");
    m.put("description", machine.description());
    m.put("logicalCores", machine.node().logicalCores());
    m.put("physicalCores", machine.node().physicalCores());
    m.put("memoryBytes", machine.node().memoryBytes());
    m.put("gpus", machine.node().gpuCount());
    m.put("cpuModel", machine.node().cpuModel());
    m.put("os", machine.os());
    m.put("java", machine.java());
    n.put("sparkVersion", r.sparkVersion());
    n.put("eventLogPath", r.eventLogPath());
    n.put("appId", r.appId());
    n.put("command", command);
    return n;
  }
}
