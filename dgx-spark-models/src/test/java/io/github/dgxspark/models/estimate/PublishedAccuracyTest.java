package io.github.dgxspark.models.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import io.github.dgxspark.models.workload.Qualification;
import io.github.dgxspark.models.workload.QualificationReport;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The accuracy figures {@code dgx-spark-models/README.md} publishes, computed on the real public
 * event logs of {@code fixtures/eventlogs}: the README must state what this test measures, so a
 * change to the models that moves a figure fails until the README says so.
 */
class PublishedAccuracyTest {

  private record Measured(String name, ApplicationProfile profile, PerformanceRun run) {}

  private static List<Measured> realRuns() {
    List<Measured> out = new ArrayList<>();
    for (Path p : RealLogs.all()) {
      try {
        ApplicationProfile a = EventLogs.read(p);
        if (a.totals().inputBytes() < (1 << 20) || a.duration().isEmpty()) {
          continue;
        }
        WorkloadType t = WorkloadAnalyzer.classify(a).workloadType();
        out.add(
            new Measured(
                p.getFileName().toString(),
                a,
                PerformanceRun.fromProfile(a, t, "public event log", p.getFileName().toString())));
      } catch (RuntimeException e) {
        // not a readable finished application (a truncated or malformed log)
      }
    }
    return out;
  }

  /** Leave-one-log-out: each log's wall time estimated from the other real logs alone. */
  @Test
  void leaveOneLogOut_timeEstimate_errorsAsPublished() throws IOException {
    List<Measured> runs = realRuns();
    List<String> rows = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    for (Measured m : runs) {
      List<PerformanceRun> others = new ArrayList<>();
      for (Measured o : runs) {
        if (o != m) {
          others.add(o.run());
        }
      }
      PerformanceHistory history = new PerformanceHistory("leave one out", others);
      boolean gpu = m.run().gpusPerExecutor() > 0;
      WorkloadSpec w =
          new WorkloadSpec(
              WorkloadType.parse(m.run().workload()),
              OptionalLong.of(m.run().inputBytes()),
              List.of(),
              gpu ? ExecutionMode.GPU : ExecutionMode.CPU,
              Language.JVM);
      int cores = m.run().executors() * m.run().executorCores();
      List<GpuSpec> gpus = new ArrayList<>();
      for (int i = 0; i < (gpu ? m.run().executors() : 0); i++) {
        gpus.add(new GpuSpec("NVIDIA A100-SXM4-80GB", 80L << 30, "", 0));
      }
      NodeSpec node = new NodeSpec("cpu", cores, cores, 1, 1, 1L << 40, gpus, false, 0, List.of());
      TimeEstimate t =
          Estimators.time(
              JobSpec.of(w), ClusterSpec.single(node, ClusterManager.STANDALONE), history);
      double actual = m.run().wallTime().toMillis();
      double error = Math.abs(t.expected().toMillis() - actual) / actual;
      errors.add(error);
      rows.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %,d | %.0f %% | %s |",
              m.name(),
              gpu ? "GPU" : "CPU",
              Math.round(actual),
              t.expected().toMillis(),
              100 * error,
              t.fallback() ? "class prior (no other run matches)" : t.measuredRuns() + " run(s)"));
    }
    double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = e.length == 0 ? Double.NaN : e[e.length / 2];
    System.out.println(String.join("\n", rows));
    String published =
        String.format(
            Locale.ROOT,
            "leave-one-log-out over %d real logs: median absolute error %.0f %%",
            e.length,
            100 * median);
    System.out.println(published + " " + Arrays.toString(e));
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains(published), "README.md must say: " + published);
  }

  /**
   * The one CPU/GPU pair of the fixtures: spark-rapids-tools' eventlog_dsv1 (CPU) and
   * eventlog-gpu-dsv1 (GPU), the same spark-shell reads of csv/json/parquet/orc, one executor of 12
   * cores each.
   */
  @Test
  void gpuPair_dsv1_predictedSpeedupAsPublished() throws IOException {
    ApplicationProfile cpu =
        EventLogs.read(
            RealLogs.of("spark-rapids-tools-corpus/spark-events-profiling__eventlog_dsv1.zstd"));
    ApplicationProfile gpu =
        EventLogs.read(
            RealLogs.of(
                "spark-rapids-tools-corpus/spark-events-profiling__eventlog-gpu-dsv1.zstd"));
    List<GpuSpec> gpus = List.of(new GpuSpec("NVIDIA A100-SXM4-80GB", 80L << 30, "", 0));
    NodeSpec node = new NodeSpec("cpu", 12, 12, 1, 1, 1L << 40, gpus, false, 0, List.of());
    QualificationReport r =
        Qualification.qualify(cpu, ClusterSpec.single(node, ClusterManager.STANDALONE));
    double measured =
        (double) cpu.duration().orElseThrow().toMillis() / gpu.duration().orElseThrow().toMillis();
    String published =
        String.format(
            Locale.ROOT,
            "dsv1 pair: measured speedup %.2fx, predicted %.2fx (%.2f-%.2f), %s",
            measured,
            r.speedup().expected(),
            r.speedup().low(),
            r.speedup().high(),
            r.category());
    System.out.println(published);
    // both say the GPU does not pay for this interactive session
    assertTrue(measured < 1 && !r.recommended(), published);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains(published), "README.md must say: " + published);
  }
}
