package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends measured runs to the performance history ({@code data/performance-history.json}) through
 * {@link PerformanceHistory#append(Path, List, List)}: each run as a {@link PerformanceRun} (source
 * {@value PerformanceRun#HARNESS}) plus the harness's own provenance, {@code inputRows}, {@code
 * deployment}, {@code master}, {@code configKind} (default / recommended), {@code
 * sessionStartMillis}, {@code machine} (cores, memory, GPUs, CPU, OS, Java next to its description)
 * and {@code command}. Existing content is kept as it is.
 */
final class PerformanceHistoryFile {
  private PerformanceHistoryFile() {}

  /**
   * Appends runs to the history file in one atomic replacement, creating it when missing.
   *
   * @param file the history file
   * @param runs the runs, in order
   * @param machine the machine they ran on
   * @param inputBytes the input size told to the optimizer, per run in the same order
   * @param recordedAt when they were recorded
   * @param command the command that produced them
   * @throws ModelsException if the file exists but is not a readable history, or it cannot be
   *     written
   */
  static void append(
      Path file,
      List<RunResult> runs,
      Machine machine,
      List<Long> inputBytes,
      Instant recordedAt,
      String command) {
    List<PerformanceRun> measured = new ArrayList<>();
    List<Map<String, Object>> provenance = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunResult r = runs.get(i);
      RunSpec s = r.spec();
      measured.add(
          new PerformanceRun(
              PerformanceRun.HARNESS,
              s.workload(),
              s.scale(),
              inputBytes.get(i),
              r.executors(),
              r.executorCores(),
              r.executorMemoryBytes(),
              0, // the harness's workloads run on CPUs
              new SparkConfig(s.config()),
              Duration.ofMillis(r.wallTimeMillis()),
              machine.description(),
              machine.node().logicalCores(),
              r.sparkVersion(),
              Optional.of(r.eventLogPath()),
              Optional.of(r.appId()),
              Optional.of(recordedAt),
              Optional.empty()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("physicalCores", machine.node().physicalCores());
      m.put("memoryBytes", machine.node().memoryBytes());
      m.put("gpus", machine.node().gpuCount());
      m.put("cpuModel", machine.node().cpuModel());
      m.put("os", machine.os());
      m.put("java", machine.java());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inputRows", r.inputRows());
      p.put("deployment", s.deployment());
      p.put("master", s.master());
      p.put("configKind", s.configKind());
      p.put("sessionStartMillis", r.sessionStartMillis());
      p.put("machine", m);
      p.put("command", command);
      provenance.add(p);
    }
    PerformanceHistory.append(file, measured, provenance);
  }
}
