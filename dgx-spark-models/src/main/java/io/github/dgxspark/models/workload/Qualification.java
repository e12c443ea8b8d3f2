package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Qualification: should an application of a CPU event log move to the GPUs of a target cluster with
 * the RAPIDS Accelerator, by how much, and with what config. The wall-time model extends {@link
 * WorkloadAnalyzer#gpuSuitability(ApplicationProfile)}'s Amdahl over supported task time with the
 * GPU's fixed costs (first-stage warm-up, the least a GPU stage takes), driver time that no GPU
 * shortens, and the GPU generation's factor.
 *
 * <pre>{@code
 * ClusterSpec target = HardwareProfiles.named("dgx-h100").cluster(2, ClusterManager.STANDALONE);
 * QualificationReport r = Qualification.qualify(EventLogs.read(log), target);
 * System.out.println(r.category() + " " + r.speedup().expected());
 * }</pre>
 */
public final class Qualification {
  /** Most SQL executions a report lists. */
  public static final int MAX_SQLS = 10;

  /** Speed-up below which the Qualification tool does not recommend GPUs. */
  static final double MIN_RECOMMENDED_SPEEDUP = 1.3;

  private static final int MAX_DESCRIPTION = 120;

  private Qualification() {}

  /**
   * The generation factor of a GPU relative to the A100 the operator factors were measured on.
   *
   * @param gpuName the GPU's name as {@code nvidia-smi} or a profile gives it, e.g. {@code NVIDIA
   *     H100 80GB HBM3}
   * @return the factor with its interval and source; an unknown GPU gets 1 with a wide interval
   */
  public static GpuGeneration generation(String gpuName) {
    Objects.requireNonNull(gpuName, "gpuName");
    return GpuWallTime.generation(gpuName);
  }

  /**
   * Qualifies one application for the target's GPUs.
   *
   * @param profile the application's event log, read by {@code EventLogs.read}
   * @param target the GPU cluster it would run on
   * @return the report
   * @throws ModelsException if the target has no GPU, or the log has no wall time (no application
   *     start and end and no timed stage)
   */
  public static QualificationReport qualify(ApplicationProfile profile, ClusterSpec target) {
    return qualify(profile, target, GpuCosts.packaged());
  }

  /**
   * Qualifies one application for the target's GPUs with the given GPU fixed costs, e.g. those
   * measured on the user's own GPU runs ({@code PerformanceModels.gpuCosts}); the reasons say which
   * costs were used.
   *
   * @param profile the application's event log, read by {@code EventLogs.read}
   * @param target the GPU cluster it would run on
   * @param costs the GPU's fixed costs
   * @return the report
   * @throws ModelsException as {@link #qualify(ApplicationProfile, ClusterSpec)} does
   */
  public static QualificationReport qualify(
      ApplicationProfile profile, ClusterSpec target, GpuCosts costs) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(costs, "costs");
    if (target.node().gpuCount() == 0) {
      throw new ModelsException(
          "the target has no GPU; expected a GPU node (a DGX profile, or hardware with GPUs)");
    }
    GpuGeneration gen = GpuWallTime.generation(target.node().gpus().get(0).name());
    GpuWallTime.Structure st = GpuWallTime.structure(profile);
    GpuSuitabilityReport suitability = GpuSuitability.measured(profile);
    List<String> reasons = new ArrayList<>();
    long cpuMs = st.wallMs();
    GpuWallTime.Prediction exp = GpuWallTime.predict(st, gen, costs, GpuWallTime.Scenario.EXPECTED);
    GpuWallTime.Prediction fast = GpuWallTime.predict(st, gen, costs, GpuWallTime.Scenario.FAST);
    GpuWallTime.Prediction slow = GpuWallTime.predict(st, gen, costs, GpuWallTime.Scenario.SLOW);
    QualificationReport.Range time;
    QualificationReport.Range speedup;
    String category;
    if (st.onGpu()) {
      time = new QualificationReport.Range(cpuMs, cpuMs, cpuMs);
      speedup = new QualificationReport.Range(1, 1, 1);
      category = "Already on GPU";
      reasons.add(
          "the plans already hold Gpu* operators: the application ran with the RAPIDS"
              + " Accelerator, so its measured time is the GPU time");
    } else {
      double lowMs = Math.min(fast.wallMs(), exp.wallMs());
      double highMs = Math.max(slow.wallMs(), exp.wallMs());
      time = new QualificationReport.Range(exp.wallMs(), lowMs, highMs);
      speedup = new QualificationReport.Range(cpuMs / exp.wallMs(), cpuMs / highMs, cpuMs / lowMs);
      category =
          GpuSuitability.category(speedup.expected(), 1 - suitability.supportedTimeFraction());
      reasons.addAll(explain(st, gen, costs, exp, suitability, speedup.expected()));
    }
    return new QualificationReport(
        profile.applicationId(),
        profile.applicationName(),
        cpuMs,
        time,
        speedup,
        !st.onGpu() && !category.equals("Not recommended"),
        category,
        suitability.supportedTimeFraction(),
        unsupportedShares(st),
        sqlBreakdown(st, gen, costs),
        gen,
        config(profile, target),
        reasons);
  }

  private static List<String> explain(
      GpuWallTime.Structure st,
      GpuGeneration gen,
      GpuCosts costs,
      GpuWallTime.Prediction exp,
      GpuSuitabilityReport suitability,
      double speedup) {
    List<String> r = new ArrayList<>();
    double driverShare = (double) st.driverMs() / st.wallMs();
    r.add(
        String.format(
            Locale.ROOT,
            "%.0f %% of %,d ms of task time runs in operators the RAPIDS Accelerator supports;"
                + " %,d ms of the %,d ms wall time is driver time with no job running (%.0f %%),"
                + " which no GPU shortens",
            100 * suitability.supportedTimeFraction(),
            st.taskMs(),
            st.driverMs(),
            st.wallMs(),
            100 * driverShare));
    r.add(
        String.format(
            Locale.ROOT,
            "Amdahl per stage over the supported share of its SQL plan, on-prem A100 operator"
                + " factors (square root for the expected time, since they are per-operator best"
                + " cases) x the %s factor %.2f, a stage taking at least %.0f ms on the GPU,"
                + " overlapping stages counted once: the job time falls by %,.0f ms",
            gen.gpu(),
            gen.expected(),
            costs.minStageMs().expected(),
            exp.savedMs()));
    r.add(
        String.format(
            Locale.ROOT,
            "GPU warm-up: a first stage of %,.0f ms on a GPU cluster against %,d ms in this log"
                + " adds %,.0f ms (%s)",
            costs.firstStageMs().expected(),
            st.firstStageMs(),
            exp.warmupMs(),
            costs.firstStageBasis()));
    if (exp.mixedStages() > 0) {
      r.add(
          String.format(
              Locale.ROOT,
              "row-columnar transitions: %d stage(s) mix supported and unsupported operators, each"
                  + " charged %d transitions (into and out of the CPU part) of %.2f %% of its GPU"
                  + " time each (%.2f-%.2f %%): %,.0f ms, in the saving above (%s)",
              exp.mixedStages(),
              GpuWallTime.TRANSITIONS_PER_MIXED_STAGE,
              100 * costs.transitionFraction().expected(),
              100 * costs.transitionFraction().low(),
              100 * costs.transitionFraction().high(),
              exp.transitionMs(),
              costs.transitionBasis()));
    }
    r.add("GPU fixed costs: " + costs.source());
    r.add(gen.basis());
    if (speedup < 1) {
      r.add(
          String.format(
              Locale.ROOT,
              "no speedup: the GPU's fixed costs (%,.0f ms) exceed what it saves (%,.0f ms)",
              exp.warmupMs(),
              exp.savedMs()));
    } else if (speedup < MIN_RECOMMENDED_SPEEDUP) {
      r.add(
          String.format(
              Locale.ROOT,
              "%.2fx is below the %.1fx the Qualification tool asks before recommending GPUs",
              speedup,
              MIN_RECOMMENDED_SPEEDUP));
    }
    if (driverShare > GpuWallTime.DRIVER_DOMINATED_FRACTION) {
      r.add(
          String.format(
              Locale.ROOT,
              "driver-dominated: %.0f %% of the wall time ran no job, so the GPUs cannot shorten"
                  + " it by much",
              100 * driverShare));
    }
    if (1 - suitability.supportedTimeFraction() > GpuSuitability.MAX_UNSUPPORTED_FRACTION) {
      r.add(
          String.format(
              Locale.ROOT,
              "%.0f %% of task time is in unsupported operators or outside SQL, above the 25 %%"
                  + " the Qualification tool accepts",
              100 * (1 - suitability.supportedTimeFraction())));
    }
    r.add(
        "the prediction keeps the log's parallelism (as NVIDIA's Qualification tool does): use"
            + " scale for another executor count; one-task stages such as broadcasts are charged"
            + " only the least a GPU stage takes (minStageMs): a slow GPU broadcast, as reported"
            + " for spark-rapids-tools' nds_q66 CPU/GPU pair, is not modelled, no GPU broadcast"
            + " being timed in the logs the costs were measured on");
    return r;
  }

  private static List<QualificationReport.OperatorShare> unsupportedShares(
      GpuWallTime.Structure st) {
    Map<Long, Long> sqlTaskMs = new HashMap<>();
    for (GpuWallTime.StageTime s : st.stages()) {
      s.sqlId().ifPresent(id -> sqlTaskMs.merge(id, s.taskMs(), Long::sum));
    }
    Map<String, Double> opMs = new HashMap<>();
    for (Map.Entry<Long, GpuSuitability.SqlShare> e : st.sqls().entrySet()) {
      GpuSuitability.SqlShare share = e.getValue();
      long ms = sqlTaskMs.getOrDefault(e.getKey(), 0L);
      if (share.allNodes() == 0 || ms == 0) {
        continue;
      }
      for (Map.Entry<String, Integer> op : share.unsupported().entrySet()) {
        opMs.merge(op.getKey(), ms * (double) op.getValue() / share.allNodes(), Double::sum);
      }
    }
    List<QualificationReport.OperatorShare> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : opMs.entrySet()) {
      out.add(
          new QualificationReport.OperatorShare(
              e.getKey(), st.taskMs() > 0 ? Math.min(1, e.getValue() / st.taskMs()) : 0));
    }
    out.sort(
        Comparator.comparingDouble(QualificationReport.OperatorShare::timeShare)
            .reversed()
            .thenComparing(QualificationReport.OperatorShare::name));
    return out;
  }

  private static List<QualificationReport.SqlBreakdown> sqlBreakdown(
      GpuWallTime.Structure st, GpuGeneration gen, GpuCosts costs) {
    Map<Long, long[]> perSql = new HashMap<>();
    Map<Long, Double> gpuMs = new HashMap<>();
    for (GpuWallTime.StageTime s : st.stages()) {
      if (s.sqlId().isEmpty()) {
        continue;
      }
      long[] a = perSql.computeIfAbsent(s.sqlId().get(), k -> new long[2]);
      a[0] += s.taskMs();
      a[1] += s.wallMs();
      gpuMs.merge(
          s.sqlId().get(),
          GpuWallTime.stageGpuMs(s, gen, costs, GpuWallTime.Scenario.EXPECTED),
          Double::sum);
    }
    List<QualificationReport.SqlBreakdown> out = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : perSql.entrySet()) {
      GpuSuitability.SqlShare share = st.sqls().get(e.getKey());
      String d = st.sqlDescriptions().getOrDefault(e.getKey(), "");
      out.add(
          new QualificationReport.SqlBreakdown(
              e.getKey(),
              d.length() > MAX_DESCRIPTION ? d.substring(0, MAX_DESCRIPTION) : d,
              e.getValue()[0],
              e.getValue()[1],
              Math.round(gpuMs.get(e.getKey())),
              share == null ? 0 : share.supportedFraction(),
              share == null ? Map.of() : share.unsupported()));
    }
    out.sort(
        Comparator.comparingLong(QualificationReport.SqlBreakdown::taskTimeMs)
            .reversed()
            .thenComparingLong(QualificationReport.SqlBreakdown::id));
    return out.size() > MAX_SQLS ? out.subList(0, MAX_SQLS) : out;
  }

  private static io.github.dgxspark.core.SparkConfig config(
      ApplicationProfile profile, ClusterSpec target) {
    Classification c = WorkloadAnalyzer.classify(profile);
    long input = profile.totals().inputBytes();
    WorkloadSpec spec =
        new WorkloadSpec(
            c.workloadType(),
            input > 0 ? OptionalLong.of(input) : OptionalLong.empty(),
            List.of(),
            ExecutionMode.GPU,
            Language.JVM);
    return SparkConfigOptimizer.optimize(target, spec).config();
  }
}
