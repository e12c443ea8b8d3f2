package io.github.dgxspark.models.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GPU suitability: from class priors without a log, and from the SQL operators and task times of an
 * event log with the RAPIDS supported-operator list {@code data/models/gpu-operators.json}.
 */
final class GpuSuitability {
  /** The data file. */
  static final String FILE = "models/gpu-operators.json";

  /** Model size from which ML work is deep learning, where GPUs are the norm. */
  static final long DEEP_LEARNING_PARAMETERS = 100_000_000L;

  /** Most unsupported time share for which the Qualification tool still recommends GPUs. */
  static final double MAX_UNSUPPORTED_FRACTION = 0.25;

  /** Speed-up factor the Qualification tool gives an operator it does not know. */
  static final double UNKNOWN_OPERATOR_SPEEDUP = 1.0;

  static final JsonNode ROOT = DataFiles.read(FILE);
  private static final Map<String, Double> SUPPORTED = new HashMap<>();
  private static final Map<String, String> ALIASES = new HashMap<>();
  private static final Set<String> WRAPPERS = new HashSet<>();
  private static final String SOURCE;

  static {
    for (JsonNode op : ROOT.path("operators")) {
      if (op.path("supported").asBoolean(false)) {
        SUPPORTED.put(
            DataFiles.text(FILE, op, "exec"),
            op.path("speedupA100").asDouble(UNKNOWN_OPERATOR_SPEEDUP));
      }
    }
    JsonNode aliases = ROOT.path("planNodeAliases");
    aliases.fieldNames().forEachRemaining(k -> ALIASES.put(k, aliases.get(k).asText()));
    ROOT.path("wrapperNodes").forEach(w -> WRAPPERS.add(w.asText()));
    StringBuilder s = new StringBuilder();
    ROOT.path("source").forEach(x -> s.append(s.length() == 0 ? "" : "; ").append(x.asText()));
    SOURCE = s.toString();
  }

  private GpuSuitability() {}

  /** How a plan node name maps onto the supported list. */
  enum Kind {
    WRAPPER,
    ON_GPU,
    SUPPORTED,
    UNSUPPORTED
  }

  /**
   * The exec class a plan node name stands for: {@code HashAggregate} → {@code HashAggregateExec},
   * {@code Scan parquet} → {@code FileSourceScanExec}, {@code Exchange} → {@code
   * ShuffleExchangeExec}.
   */
  static String execName(String node) {
    String alias = ALIASES.get(node);
    if (alias != null) {
      return alias;
    }
    for (Map.Entry<String, String> a : ALIASES.entrySet()) {
      if (node.startsWith(a.getKey() + " ")) {
        return a.getValue();
      }
    }
    return node.endsWith("Exec") ? node : node + "Exec";
  }

  static Kind kind(String node) {
    String bare = node.startsWith("*") ? node.substring(1).trim() : node;
    for (String w : WRAPPERS) {
      if (bare.equals(w) || bare.startsWith(w + " ")) {
        return Kind.WRAPPER;
      }
    }
    if (bare.startsWith("Gpu")) {
      return Kind.ON_GPU;
    }
    return SUPPORTED.containsKey(execName(bare)) ? Kind.SUPPORTED : Kind.UNSUPPORTED;
  }

  static double score(String node) {
    return SUPPORTED.getOrDefault(execName(node), UNKNOWN_OPERATOR_SPEEDUP);
  }

  static GpuSuitabilityReport prior(WorkloadType type, OptionalLong modelParameters) {
    Priors.ClassPrior p = Priors.of(type);
    double low = p.gpuSpeedup().low();
    double high = p.gpuSpeedup().high();
    String extra = "";
    boolean ml = type == WorkloadType.ML_TRAINING || type == WorkloadType.ML_INFERENCE;
    if (ml
        && modelParameters.isPresent()
        && modelParameters.getAsLong() >= DEEP_LEARNING_PARAMETERS) {
      low = p.gpuSpeedup().middle();
      extra =
          String.format(
              Locale.ROOT,
              "; a model of %,d parameters is deep learning (>= %,d), which runs on GPUs in"
                  + " practice, so the upper half of the range applies",
              modelParameters.getAsLong(),
              DEEP_LEARNING_PARAMETERS);
    }
    double mid = Math.sqrt(low * high);
    return new GpuSuitabilityReport(
        0,
        low,
        high,
        category(mid, 0),
        List.of(),
        false,
        false,
        String.format(
                Locale.ROOT,
                "no event log: the %s class prior of %.2fx-%.2fx applies%s; the share of time in"
                    + " GPU-supported operators needs a log",
                type.id(),
                low,
                high,
                extra)
            + "; "
            + p.basis(),
        p.source());
  }

  static GpuSuitabilityReport measured(ApplicationProfile profile) {
    Map<Integer, Long> stageRunMs = new HashMap<>();
    long totalMs = 0;
    for (ApplicationProfile.Stage s : profile.stages()) {
      stageRunMs.merge(s.id(), s.runTimeMs().sum(), Long::sum);
      totalMs += s.runTimeMs().sum();
    }
    Map<Integer, List<Integer>> jobStages = new HashMap<>();
    for (ApplicationProfile.Job j : profile.jobs()) {
      jobStages.put(j.id(), j.stageIds());
    }
    double supportedMs = 0;
    double weightedInverse = 0;
    Set<Integer> counted = new HashSet<>();
    Set<String> unsupported = new TreeSet<>();
    boolean onGpu = false;
    for (ApplicationProfile.SqlExecution e : profile.sqlExecutions()) {
      long execMs = 0;
      for (int jobId : e.jobIds()) {
        for (int stageId : jobStages.getOrDefault(jobId, List.of())) {
          if (counted.add(stageId)) {
            execMs += stageRunMs.getOrDefault(stageId, 0L);
          }
        }
      }
      SqlShare share = sqlShare(e);
      unsupported.addAll(share.unsupported().keySet());
      onGpu |= share.onGpu();
      if (share.allNodes() == 0 || execMs == 0) {
        continue;
      }
      supportedMs += execMs * share.supportedFraction();
      weightedInverse += execMs * share.supportedFraction() * share.meanInverseScore();
    }
    double fraction = totalMs > 0 ? Math.min(1, supportedMs / totalMs) : 0;
    double supportedAfterMs = weightedInverse;
    double predictedMs = (totalMs - supportedMs) + supportedAfterMs;
    double high = totalMs > 0 && predictedMs > 0 ? totalMs / predictedMs : 1;
    high = Math.max(1, high);
    double low = Math.max(1, Math.sqrt(high));
    String category = onGpu ? "Already on GPU" : category(Math.sqrt(low * high), 1 - fraction);
    String reason =
        totalMs == 0
            ? "the log has no task time, so no share can be measured"
            : String.format(
                Locale.ROOT,
                "%.0f %% of %,d ms of task time ran in SQL operators the RAPIDS Accelerator"
                    + " supports (per SQL execution: its stages' task time x supported operators /"
                    + " all operators, wrappers left out; time outside SQL counts as unsupported);"
                    + " Amdahl with the on-prem A100 operator factors gives at most %.2fx, and the"
                    + " square root of that, %.2fx, is the low end because the factors are"
                    + " per-operator best cases%s",
                100 * fraction,
                totalMs,
                high,
                low,
                onGpu ? "; the plans already hold Gpu* operators: the job ran on GPUs" : "");
    return new GpuSuitabilityReport(
        fraction, low, high, category, List.copyOf(unsupported), onGpu, true, reason, SOURCE);
  }

  /**
   * What one SQL execution's final plan holds, wrappers left out.
   *
   * @param allNodes plan nodes counted
   * @param supportedFraction supported (or already GPU) nodes / all nodes, 0 without nodes
   * @param meanInverseScore mean of 1 / operator factor over the supported nodes (1 for a node
   *     already on the GPU), 1 without supported nodes
   * @param unsupported unsupported node name -> count
   * @param onGpu true when a node is already a {@code Gpu*} operator
   */
  record SqlShare(
      int allNodes,
      double supportedFraction,
      double meanInverseScore,
      Map<String, Integer> unsupported,
      boolean onGpu) {}

  static SqlShare sqlShare(ApplicationProfile.SqlExecution e) {
    int supportedNodes = 0;
    int allNodes = 0;
    double inverseScores = 0;
    Map<String, Integer> unsupported = new TreeMap<>();
    boolean onGpu = false;
    for (Map.Entry<String, Integer> op : e.operatorCounts().entrySet()) {
      Kind k = kind(op.getKey());
      if (k == Kind.WRAPPER) {
        continue;
      }
      int n = op.getValue();
      allNodes += n;
      if (k == Kind.UNSUPPORTED) {
        unsupported.merge(op.getKey(), n, Integer::sum);
        continue;
      }
      supportedNodes += n;
      if (k == Kind.ON_GPU) {
        onGpu = true;
        inverseScores += n;
      } else {
        inverseScores += n / score(op.getKey());
      }
    }
    return new SqlShare(
        allNodes,
        allNodes == 0 ? 0 : (double) supportedNodes / allNodes,
        supportedNodes == 0 ? 1 : inverseScores / supportedNodes,
        unsupported,
        onGpu);
  }

  /** The Qualification tool's category for a speed-up and an unsupported time share. */
  static String category(double speedup, double unsupportedFraction) {
    if (speedup < 1.3 || unsupportedFraction > MAX_UNSUPPORTED_FRACTION) {
      return "Not recommended";
    }
    if (speedup < 2) {
      return "Small";
    }
    return speedup < 3 ? "Medium" : "Large";
  }
}
