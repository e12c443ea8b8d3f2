package io.github.dgxspark.models.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.DgxFacts;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GPU wall time of an application from its CPU event log: Amdahl per stage over the supported
 * share of the stage's SQL plan with the operator factors scaled to the GPU generation, the stage
 * raised to the least a GPU stage takes, the stage savings scaled by how much the stages overlap,
 * driver time (no job running) unchanged, plus the GPU's first-stage warm-up above the CPU log's
 * own first stage.
 */
final class GpuWallTime {
  private static final String FILE = GpuSuitability.FILE;
  private static final JsonNode GENERATIONS = GpuSuitability.ROOT.path("gpuGenerations");
  private static final JsonNode COSTS = GpuSuitability.ROOT.path("fixedCosts");

  /** A driver share of wall time above which the application is called driver-dominated. */
  static final double DRIVER_DOMINATED_FRACTION = 0.5;

  private GpuWallTime() {}

  /** One end of the prediction: the factors and costs it uses. */
  enum Scenario {
    /** Fastest GPU: full operator factors, high generation factor, least warm-up. */
    FAST,
    /** Expected. */
    EXPECTED,
    /** Slowest GPU: damped operator factors, low generation factor, most warm-up. */
    SLOW
  }

  static GpuGeneration generation(String gpuName) {
    double reference = DataFiles.number(FILE, GENERATIONS, "referenceBandwidthGigabytesPerSecond");
    Optional<DgxFacts.GpuModel> model =
        DgxFacts.gpu(gpuName).filter(g -> g.memoryBandwidthGigabytesPerSecond().isPresent());
    if (model.isEmpty()) {
      JsonNode u = GENERATIONS.path("unknown");
      return new GpuGeneration(
          "unknown",
          DataFiles.number(FILE, u, "low"),
          1,
          DataFiles.number(FILE, u, "high"),
          String.format(
              Locale.ROOT,
              "GPU '%s' is not in the generation table: factor 1 (as an A100), widened to %.1f-%.1f",
              gpuName,
              DataFiles.number(FILE, u, "low"),
              DataFiles.number(FILE, u, "high")),
          "data/models/gpu-operators.json gpuGenerations");
    }
    double bandwidth = model.get().memoryBandwidthGigabytesPerSecond().getAsDouble();
    String gen = model.get().family();
    double ratio = gen.equals("A100") ? 1 : bandwidth / reference;
    double low = Math.min(1, ratio);
    double high = Math.max(1, ratio);
    return new GpuGeneration(
        gen,
        low,
        Math.sqrt(ratio),
        high,
        String.format(
            Locale.ROOT,
            "%s: no published RAPIDS result compares it with the A100 the operator factors were"
                + " measured on, so the factor is bracketed by its memory bandwidth ratio"
                + " (%.0f / %.0f GB/s = %.2f): %.2f-%.2f, expected %.2f (the square root)",
            gen,
            gen.equals("A100") ? reference : bandwidth,
            reference,
            ratio,
            low,
            high,
            Math.sqrt(ratio)),
        model.get().source());
  }

  /** A packaged cost ({@code data/models/gpu-operators.json} fixedCosts) for a scenario. */
  static double cost(String what, Scenario s) {
    JsonNode c = COSTS.path(what);
    return DataFiles.number(
        FILE, c, s == Scenario.FAST ? "low" : s == Scenario.SLOW ? "high" : "expected");
  }

  static String costBasis(String what) {
    return DataFiles.text(FILE, COSTS.path(what), "basis");
  }

  /** A stage's CPU wall time and what runs on the GPU. */
  record StageTime(
      int id,
      Optional<Instant> start,
      long wallMs,
      long taskMs,
      Optional<Long> sqlId,
      double supportedFraction,
      double meanInverseScore) {}

  /** The measured structure of the application. */
  record Structure(
      long wallMs,
      long jobWallMs,
      long taskMs,
      List<StageTime> stages,
      Map<Long, GpuSuitability.SqlShare> sqls,
      Map<Long, String> sqlDescriptions,
      boolean onGpu) {

    long driverMs() {
      return Math.max(0, wallMs - jobWallMs);
    }

    long firstStageMs() {
      return stages.stream()
          .filter(s -> s.start().isPresent())
          .min(Comparator.comparing(s -> s.start().get()))
          .map(StageTime::wallMs)
          .orElse(0L);
    }
  }

  static Structure structure(ApplicationProfile p) {
    Map<Integer, Long> stageSql = new HashMap<>();
    for (ApplicationProfile.Job j : p.jobs()) {
      if (j.sqlExecutionId().isPresent()) {
        for (int s : j.stageIds()) {
          stageSql.putIfAbsent(s, j.sqlExecutionId().getAsLong());
        }
      }
    }
    Map<Long, GpuSuitability.SqlShare> sqls = new TreeMap<>();
    Map<Long, String> descriptions = new HashMap<>();
    boolean onGpu = false;
    for (ApplicationProfile.SqlExecution e : p.sqlExecutions()) {
      GpuSuitability.SqlShare share = GpuSuitability.sqlShare(e);
      sqls.put(e.id(), share);
      descriptions.put(e.id(), e.description());
      onGpu |= share.onGpu();
    }
    List<StageTime> stages = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    long taskMs = 0;
    for (ApplicationProfile.Stage s : p.stages()) {
      Optional<Instant> start = s.submitted().or(s::firstTaskLaunch);
      Optional<Instant> end = s.completed().or(s::lastTaskFinish);
      long wall =
          start.isPresent() && end.isPresent()
              ? Math.max(0, Duration.between(start.get(), end.get()).toMillis())
              : 0;
      if (start.isPresent() && end.isPresent()) {
        spans.add(new long[] {start.get().toEpochMilli(), end.get().toEpochMilli()});
      }
      Optional<Long> sql = Optional.ofNullable(stageSql.get(s.id()));
      GpuSuitability.SqlShare share = sql.map(sqls::get).orElse(null);
      boolean usable = share != null && share.allNodes() > 0;
      stages.add(
          new StageTime(
              s.id(),
              start,
              wall,
              s.runTimeMs().sum(),
              sql,
              usable ? share.supportedFraction() : 0,
              usable ? share.meanInverseScore() : 1));
      taskMs += s.runTimeMs().sum();
    }
    long union = union(spans);
    long wallMs =
        p.duration()
            .map(Duration::toMillis)
            .orElseGet(
                () ->
                    spans.isEmpty()
                        ? 0L
                        : spans.stream().mapToLong(x -> x[1]).max().getAsLong()
                            - spans.stream().mapToLong(x -> x[0]).min().getAsLong());
    if (wallMs <= 0) {
      throw new ModelsException(
          "the log has no application wall time (no application start and end, no timed stage);"
              + " expected a log of a finished application");
    }
    return new Structure(
        wallMs, Math.min(union, wallMs), taskMs, stages, sqls, descriptions, onGpu);
  }

  /** Total length of the union of intervals, ms. */
  static long union(List<long[]> spans) {
    List<long[]> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(x -> x[0]));
    long total = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (long[] s : sorted) {
      if (s[0] > curEnd) {
        if (curEnd > curStart) {
          total += curEnd - curStart;
        }
        curStart = s[0];
        curEnd = s[1];
      } else {
        curEnd = Math.max(curEnd, s[1]);
      }
    }
    if (curEnd > curStart) {
      total += curEnd - curStart;
    }
    return total;
  }

  /**
   * Row-columnar transitions charged to a stage that mixes supported and unsupported operators: one
   * into the CPU part (GpuColumnarToRow) and one out of it (GpuRowToColumnar).
   */
  static final int TRANSITIONS_PER_MIXED_STAGE = 2;

  /** Whether a stage mixes GPU and CPU operators, and so pays row-columnar transitions. */
  static boolean mixed(StageTime s) {
    return s.supportedFraction() > 0 && s.supportedFraction() < 1;
  }

  /** A cost's end for a scenario: low for the fastest GPU, high for the slowest. */
  static double at(QualificationReport.Range r, Scenario sc) {
    return sc == Scenario.FAST ? r.low() : sc == Scenario.SLOW ? r.high() : r.expected();
  }

  /** A stage's GPU wall time under a scenario, ms. */
  static double stageGpuMs(StageTime s, GpuGeneration g, GpuCosts costs, Scenario sc) {
    if (s.supportedFraction() == 0) {
      return s.wallMs();
    }
    double operatorSpeedup = 1 / s.meanInverseScore();
    // the factors are per-operator best cases: the expected end takes their square root, the slow
    // end their fourth root (as GpuSuitability's low end)
    double damped =
        sc == Scenario.FAST
            ? operatorSpeedup
            : sc == Scenario.EXPECTED
                ? Math.sqrt(operatorSpeedup)
                : Math.sqrt(Math.sqrt(operatorSpeedup));
    double gen = sc == Scenario.FAST ? g.high() : sc == Scenario.EXPECTED ? g.expected() : g.low();
    double speed = Math.max(1e-6, damped * gen);
    double amdahl = s.wallMs() * ((1 - s.supportedFraction()) + s.supportedFraction() / speed);
    double transitions =
        mixed(s) ? 1 + TRANSITIONS_PER_MIXED_STAGE * at(costs.transitionFraction(), sc) : 1;
    double floor = Math.min(s.wallMs(), at(costs.minStageMs(), sc));
    return Math.max(amdahl * transitions, floor);
  }

  /**
   * The application's GPU wall time under a scenario, ms, the warm-up it charged, what the stages
   * saved, and the row-columnar transitions it charged (in job wall time, included in the saving).
   */
  record Prediction(
      double wallMs, double warmupMs, double savedMs, double transitionMs, int mixedStages) {}

  static Prediction predict(Structure st, GpuGeneration g, GpuCosts costs, Scenario sc) {
    double cpuSum = 0;
    double saved = 0;
    double transitions = 0;
    int mixedStages = 0;
    for (StageTime s : st.stages()) {
      cpuSum += s.wallMs();
      double gpuMs = stageGpuMs(s, g, costs, sc);
      saved += s.wallMs() - gpuMs;
      if (mixed(s)) {
        mixedStages++;
        double share = TRANSITIONS_PER_MIXED_STAGE * at(costs.transitionFraction(), sc);
        transitions += gpuMs * share / (1 + share);
      }
    }
    // overlapping stages: the job wall time falls by the savings in the share the union keeps
    double overlap = cpuSum > 0 ? st.jobWallMs() / cpuSum : 0;
    double warmup = Math.max(0, at(costs.firstStageMs(), sc) - st.firstStageMs());
    double wall = st.wallMs() - saved * overlap + warmup;
    return new Prediction(
        Math.max(1, wall), warmup, saved * overlap, transitions * overlap, mixedStages);
  }
}
