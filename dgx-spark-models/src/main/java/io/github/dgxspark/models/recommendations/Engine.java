package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ConfigValue;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.PlanSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.perf.BottleneckDetector;
import io.github.dgxspark.models.perf.BottleneckKind;
import io.github.dgxspark.models.perf.BottleneckReport;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import io.github.dgxspark.rules.Finding;
import io.github.dgxspark.rules.RuleBook;
import io.github.dgxspark.rules.Severity;
import io.github.dgxspark.rules.ValidationReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** One run of the engine: gathers candidates, resolves conflicts, fixes the applied set, ranks. */
final class Engine {
  /** Keys that size executors and the driver: only proposed when the real hardware is known. */
  static final Set<String> SIZING_KEYS =
      Set.of(
          "spark.master",
          "spark.executor.cores",
          "spark.executor.instances",
          "spark.executor.memory",
          "spark.executor.memoryOverhead",
          "spark.driver.memory",
          "spark.driver.memoryOverhead",
          "spark.driver.cores",
          "spark.driver.maxResultSize",
          "spark.dynamicAllocation.enabled",
          "spark.cores.max",
          "spark.executor.resource.gpu.amount",
          "spark.task.resource.gpu.amount",
          "spark.worker.resource.gpu.amount",
          "spark.rapids.sql.concurrentGpuTasks",
          "spark.rapids.memory.pinnedPool.size",
          "spark.rapids.memory.host.spillStorageSize",
          "spark.rapids.memory.gpu.allocFraction",
          "spark.rapids.memory.gpu.maxAllocFraction",
          "spark.rapids.sql.multiThreadedRead.numThreads",
          "spark.sql.shuffle.partitions",
          "spark.default.parallelism");

  /** Keys naming a file or a class list a person chose: proposed only when unset. */
  static final Set<String> CHOSEN_KEYS =
      Set.of(
          "spark.executor.resource.gpu.discoveryScript",
          "spark.worker.resource.gpu.discoveryScript",
          "spark.plugins");

  /** Optimizer themes in order: title, which keys, what to watch. */
  private static final List<Theme> THEMES =
      List.of(
          new Theme(
              "Size executors for the hardware",
              k ->
                  k.startsWith("spark.executor.") && !k.startsWith("spark.executor.resource.")
                      || k.equals("spark.master")
                      || k.equals("spark.cores.max")
                      || k.startsWith("spark.dynamicAllocation."),
              "executor count and memory in the Spark UI's Executors tab; no executor should be"
                  + " lost or wait for resources."),
          new Theme(
              "Size the driver",
              k -> k.startsWith("spark.driver."),
              "driver GC and memory in the Executors tab (driver row)."),
          new Theme(
              "Partition for the data and the task slots",
              k ->
                  k.equals("spark.sql.shuffle.partitions")
                      || k.equals("spark.default.parallelism")
                      || k.equals("spark.sql.files.maxPartitionBytes"),
              "task count and task duration per stage; tasks well above 100 ms each, no spill."),
          new Theme(
              "Enable adaptive query execution",
              k -> k.startsWith("spark.sql.adaptive."),
              "the final plans in the SQL tab show AQEShuffleRead coalesced and skew-split"
                  + " partitions."),
          new Theme(
              "Use Kryo serialization",
              k -> k.startsWith("spark.serializer") || k.startsWith("spark.kryoserializer."),
              "shuffle write size per stage should fall; a Kryo buffer overflow names"
                  + " spark.kryoserializer.buffer.max."),
          new Theme(
              "Tune shuffle I/O",
              k -> k.startsWith("spark.reducer.") || k.startsWith("spark.shuffle."),
              "shuffle read fetch wait time per stage."),
          new Theme(
              "Schedule GPUs and load the RAPIDS Accelerator",
              k ->
                  k.equals("spark.plugins")
                      || k.equals("spark.rapids.sql.enabled")
                      || k.contains(".resource.gpu."),
              "the SQL plans show Gpu operators; executors log their GPU address at start."),
          new Theme(
              "Tune GPU memory and concurrency",
              k -> k.startsWith("spark.rapids.") || k.equals("spark.locality.wait"),
              "GPU out-of-memory retries and spill in the executor logs; GPU utilisation in"
                  + " nvidia-smi."),
          new Theme("Other settings", k -> true, "the job's stage times against the baseline."));

  private final SparkConfig current;
  private final ClusterSpec cluster;
  private final WorkloadSpec workload;
  private final Optional<ApplicationProfile> profile;
  private final boolean hardwareKnown;
  private final Optional<Filters> filters;
  private final SparkVersion version;
  private final Optional<RunVariance.UserHistory> userHistory;
  private final List<String> assumptions = new ArrayList<>();
  private boolean bottlenecksAnalysed = true;
  private final List<String> filtered = new ArrayList<>();
  private final Map<String, String> filteredWhy = new TreeMap<>();
  private final List<String> conflicts = new ArrayList<>();
  private final List<String> unresolved = new ArrayList<>();
  private final RuleBook rules = RuleBook.builtIn();

  private Engine(
      SparkConfig current,
      ClusterSpec cluster,
      WorkloadSpec workload,
      Optional<ApplicationProfile> profile,
      boolean hardwareKnown,
      List<String> assumptions,
      Optional<Path> userHistory) {
    this.current = current;
    this.cluster = cluster;
    this.workload = workload;
    this.profile = profile;
    this.hardwareKnown = hardwareKnown;
    this.filters = profile.map(p -> Filters.of(p, current));
    this.version = filters.map(Filters::version).orElse(SparkVersion.NEWEST);
    this.assumptions.addAll(assumptions);
    this.userHistory = userHistory.map(RunVariance.UserHistory::of);
    if (profile.isPresent() && profile.get().sparkVersion().isEmpty()) {
      this.assumptions.add(
          "Spark version: not in the log, so Spark "
              + SparkVersion.NEWEST
              + "'s keys and defaults are assumed");
    }
  }

  /**
   * The engine for a config on known hardware.
   *
   * @param userHistory the user's history file ({@code history add}), used before the packaged
   *     runs; empty for the packaged runs alone
   */
  static Engine forConfig(
      SparkConfig config, ClusterSpec cluster, WorkloadSpec workload, Optional<Path> userHistory) {
    return new Engine(config, cluster, workload, Optional.empty(), true, List.of(), userHistory);
  }

  /**
   * The engine for a logged application.
   *
   * @param userHistory the user's history file ({@code history add}), used before the packaged
   *     runs; empty for the packaged runs alone
   */
  static Engine forProfile(
      ApplicationProfile profile,
      Optional<ClusterSpec> cluster,
      Optional<ExecutionMode> mode,
      Optional<Path> userHistory) {
    ProfileInputs in = ProfileInputs.of(profile, mode);
    List<String> assumptions = new ArrayList<>(in.assumptions);
    if (cluster.isPresent()) {
      assumptions.removeIf(a -> a.startsWith("hardware derived"));
      assumptions.add(
          "target: the hardware as given; the recommendations fix what the log shows, and the plan"
              + " for the target sizes the config for that hardware from the log's measurements");
    }
    return new Engine(
        in.config,
        cluster.orElse(in.cluster),
        in.workload,
        Optional.of(profile),
        cluster.isPresent(),
        assumptions,
        userHistory);
  }

  RecommendationReport run() {
    // from a log, advice is evidence first: the optimizer's reference config is a plan for a
    // target, never a list of differences presented as fixes
    Optional<OptimizationResult> reference =
        profile.isEmpty() || hardwareKnown ? optimize() : Optional.empty();
    Map<String, ConfigValue> ref = new LinkedHashMap<>();
    if (profile.isEmpty()) {
      reference.ifPresent(r -> r.values().forEach(v -> ref.put(v.key(), v)));
    }
    List<Candidate> candidates = new ArrayList<>();
    Optional<BottleneckReport> bottlenecks = profile.map(this::detect);
    List<String> diagnoses = new ArrayList<>();
    profile.ifPresent(
        p -> {
          Evidence evidence = new Evidence(p, bottlenecks.get(), current, filters.get());
          candidates.addAll(evidence.candidates());
          diagnoses.addAll(evidence.diagnoses());
        });
    candidates.addAll(ruleCandidates(validate(current), current, ref, bottlenecks));
    if (profile.isEmpty()) {
      candidates.addAll(optimizerCandidates(ref));
    }
    List<Candidate> resolved = resolve(candidates);
    filters.ifPresent(f -> resolved.forEach(c -> c.values.putAll(f.completed(c.values))));
    SparkConfig proposed = fixApplied(resolved, ref, bottlenecks);
    PerformanceHistory builtIn = PerformanceHistory.builtIn();
    // the user's runs first, as the time estimators take them: Ernest on their runs of this
    // workload type when they hold any
    boolean yours =
        userHistory.filter(u -> !u.history().runsOf(workload.type().id()).isEmpty()).isPresent();
    PerformanceHistory history = yours ? userHistory.get().history() : builtIn;
    String historyName =
        yours
            ? "your history " + userHistory.get().file() + " (used before the built-in runs)"
            : ImpactModel.BUILT_IN;
    ImpactModel impacts =
        profile.isPresent()
            ? ImpactModel.forProfile(profile.get(), bottlenecks.get(), history, historyName)
            : ImpactModel.forConfig(current, cluster, workload, history, historyName);
    RunVariance variance =
        RunVariance.forApplication(builtIn, workload.type().id(), thisRun(), userHistory);
    List<Recommendation> recs = new ArrayList<>();
    for (Candidate c : resolved) {
      recs.add(build(c, impacts, variance));
    }
    Optional<TargetPlan> plan =
        profile.isPresent() && hardwareKnown
            ? reference.map(r -> TargetPlan.of(profile.get(), cluster, r, filters.get()))
            : Optional.empty();
    return new RecommendationReport(
        Ranking.rank(recs),
        current,
        proposed,
        assumptions,
        conflicts,
        unresolved,
        filtered,
        diagnoses,
        plan,
        bottlenecks.filter(b -> bottlenecksAnalysed));
  }

  /**
   * The analysed log as a measured run, recorded as {@code history add} records it, to find its
   * repeats in the user's history; empty without a log, or for a log without a duration.
   */
  private Optional<PerformanceRun> thisRun() {
    if (profile.isEmpty() || userHistory.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PerformanceRun.fromEventLog(profile.get(), "analysed log", Instant.EPOCH));
    } catch (ModelsException e) {
      return Optional.empty(); // no duration: no wall time to compare with its repeats
    }
  }

  /**
   * The log's bottlenecks; none, with the reason among the assumptions, when the log has no timed
   * task to analyse.
   */
  private BottleneckReport detect(ApplicationProfile p) {
    try {
      return BottleneckDetector.detect(p);
    } catch (ModelsException e) {
      assumptions.add("bottlenecks: none analysed, " + e.getMessage());
      bottlenecksAnalysed = false;
      return new BottleneckReport(
          p.applicationId(), Optional.empty(), List.of(), "not analysed: " + e.getMessage());
    }
  }

  /**
   * The optimizer's config: for a config, on its hardware; from a log, the plan for the target, for
   * the log's Spark version (which names, e.g., the RAPIDS shuffle manager). A target the optimizer
   * cannot plan leaves the log's fixes standing, with the reason among the assumptions.
   */
  private Optional<OptimizationResult> optimize() {
    try {
      PlanSpec plan =
          profile.isPresent() ? PlanSpec.defaults().withSparkVersion(version) : PlanSpec.defaults();
      return Optional.of(SparkConfigOptimizer.optimize(cluster, workload, plan));
    } catch (DgxSparkException e) {
      if (profile.isEmpty()) {
        throw new ModelsException(
            "the optimizer cannot size this workload on the cluster: " + e.getMessage(), e);
      }
      assumptions.add("target: no plan, the optimizer cannot size it: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The rule book's findings; from a log, without the target hardware, whose sizing belongs to the
   * plan for the target, not to the fixes of what the log shows.
   */
  private ValidationReport validate(SparkConfig config) {
    return rules.validate(
        config, hardwareKnown && profile.isEmpty() ? Optional.of(cluster) : Optional.empty());
  }

  private List<Candidate> ruleCandidates(
      ValidationReport report,
      SparkConfig config,
      Map<String, ConfigValue> ref,
      Optional<BottleneckReport> bottlenecks) {
    List<Candidate> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.INFO || disproved(f).isPresent()) {
        continue;
      }
      Optional<String> value = fixFor(f, config, ref);
      if (value.isEmpty()) {
        continue;
      }
      Optional<String> refuted = bottlenecks.flatMap(b -> refutedByLog(f, b));
      if (refuted.isPresent()) {
        String line =
            String.format(
                Locale.ROOT,
                "%s=%s ('Fix: %s') left out: %s",
                f.keys().get(0),
                value.get(),
                words(f.ruleId()),
                refuted.get());
        if (!filtered.contains(line)) {
          filtered.add(line);
        }
        continue;
      }
      out.add(
          new Candidate(
              "Fix: " + words(f.ruleId()),
              Map.of(f.keys().get(0), value.get()),
              "Rule " + f.ruleId() + " (" + f.severity().id() + "): " + f.message(),
              f.source().orElse("dgx-spark rule catalog, rule " + f.ruleId()),
              Candidate.Origin.RULE,
              f.severity(),
              "the rule book reports no " + f.ruleId() + " finding on the new config."));
    }
    return out;
  }

  /**
   * The finding's suggested value, else the optimizer's value for its key, if either changes it.
   */
  private Optional<String> fixFor(Finding f, SparkConfig config, Map<String, ConfigValue> ref) {
    String key = f.keys().get(0);
    Optional<String> now = config.get(key);
    Optional<String> value = f.suggestedValue();
    if (ref.containsKey(key)
        && (value.isEmpty() || clears(f, config.with(key, ref.get(key).value())))) {
      value = Optional.of(ref.get(key).value()); // the optimizer is the reference for sizing
    }
    if (value.isEmpty()
        || value.get().contains("*")
        || (now.isPresent() && SparkSemantics.sameValue(key, now.get(), value.get()))) {
      return Optional.empty();
    }
    if (key.equals("spark.plugins") && ranOnCpu()) {
      return Optional.empty(); // loading the GPU plugin would turn a CPU job into a GPU job
    }
    return value;
  }

  /** Whether the config no longer has a finding of this rule on this key. */
  private boolean clears(Finding f, SparkConfig config) {
    return validate(config).findings().stream()
        .noneMatch(x -> x.ruleId().equals(f.ruleId()) && x.keys().equals(f.keys()));
  }

  /**
   * Whether the job runs on the CPU: from a log, no operator ran on the GPU (whatever mode a target
   * is planned in); for a config, the workload's mode.
   */
  private boolean ranOnCpu() {
    return filters.map(f -> !f.rapids()).orElse(workload.mode() == ExecutionMode.CPU);
  }

  /** Whether the log shows executors that received GPU addresses. */
  private boolean gpusDiscovered() {
    return profile.map(p -> p.executors().stream().anyMatch(e -> e.gpuCount() > 0)).orElse(false);
  }

  /**
   * Why the log contradicts a finding, if it does: executors that received GPU addresses show that
   * GPU discovery works outside this config (e.g. in the worker's own config).
   */
  /**
   * Why the log refutes a rule's concern for this application: a giant heap's long GC pauses
   * measured at less wall time than run-to-run noise (the rule warns of a cost the log shows this
   * application did not pay; shrinking the heap would then risk spill for no measured gain).
   */
  private static Optional<String> refutedByLog(Finding f, BottleneckReport report) {
    if (!f.ruleId().equals("GiantExecutorHeap")) {
      return Optional.empty();
    }
    double gc =
        report.bottlenecks().stream()
            .filter(b -> b.kind() == BottleneckKind.GC)
            .mapToDouble(b -> b.wallTimeFraction().orElse(0))
            .max()
            .orElse(0);
    if (gc >= Evidence.immaterialShare()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the log measured JVM GC at %.1f %% of wall time, under the %.1f %% a 30-run A/B test"
                + " can detect: the long pauses the rule warns of cost this application nothing"
                + " measurable",
            100 * gc,
            100 * Evidence.immaterialShare()));
  }

  private Optional<String> disproved(Finding f) {
    if (gpusDiscovered()
        && (f.ruleId().equals("GpuDiscoveryScriptMissing")
            || f.ruleId().equals("StandaloneWorkerGpusMissing"))) {
      return Optional.of(
          "the event log shows executors that received GPU addresses, so GPU discovery is"
              + " configured outside the application (e.g. in the worker's config); a guessed"
              + " script path could stop executors from starting");
    }
    return Optional.empty();
  }

  private List<Candidate> optimizerCandidates(Map<String, ConfigValue> ref) {
    Map<Theme, TreeMap<String, ConfigValue>> grouped = new LinkedHashMap<>();
    for (ConfigValue v : ref.values()) {
      String key = v.key();
      Optional<String> now = current.get(key);
      if (rejection(key, v.value()).isPresent()) {
        continue;
      }
      if (!hardwareKnown && SIZING_KEYS.contains(key)) {
        continue;
      }
      if (CHOSEN_KEYS.contains(key) && now.isPresent()) {
        continue;
      }
      if (key.endsWith(".discoveryScript") && gpusDiscovered()) {
        continue;
      }
      Theme t = THEMES.stream().filter(th -> th.keys().test(key)).findFirst().orElseThrow();
      grouped.computeIfAbsent(t, x -> new TreeMap<>()).put(key, v);
    }
    List<Candidate> out = new ArrayList<>();
    grouped.forEach(
        (theme, values) -> {
          Map<String, String> m = new TreeMap<>();
          Set<String> sources = new TreeSet<>();
          StringBuilder reason = new StringBuilder("The optimizer's reference config for ");
          reason
              .append(workload.type().id())
              .append(" on ")
              .append(cluster.nodeCount())
              .append(" node(s) differs: ");
          List<String> parts = new ArrayList<>();
          values.forEach(
              (k, v) -> {
                m.put(k, v.value());
                v.source().ifPresent(sources::add);
                parts.add(k + " " + v.value() + ": " + v.reason());
              });
          reason.append(String.join(" ", parts));
          out.add(
              new Candidate(
                  theme.title(),
                  m,
                  reason.toString(),
                  sources.isEmpty()
                      ? "dgx-spark optimizer (SparkConfigOptimizer)"
                      : String.join("; ", sources),
                  Candidate.Origin.OPTIMIZER,
                  Severity.INFO,
                  theme.watch()));
        });
    return out;
  }

  /**
   * Drops no-op changes; gives each key to the candidate of highest precedence; notes conflicts.
   */
  private List<Candidate> resolve(List<Candidate> candidates) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparingInt(Candidate::precedence)
            .thenComparing(c -> c.title)
            .thenComparing(c -> c.values.toString()));
    Map<String, Candidate> owner = new TreeMap<>();
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : sorted) {
      for (String key : new ArrayList<>(c.values.keySet())) {
        String value = c.values.get(key);
        Optional<String> why = rejection(key, value);
        if (why.isPresent()) {
          c.values.remove(key);
          filtered.add(
              String.format(
                  Locale.ROOT, "%s=%s ('%s') left out: %s", key, value, c.title, why.get()));
          filteredWhy.putIfAbsent(key, why.get());
          continue;
        }
        Candidate first = owner.get(key);
        if (first == null) {
          owner.put(key, c);
        } else {
          c.values.remove(key);
          if (!SparkSemantics.sameValue(key, first.values.get(key), value)) {
            conflicts.add(
                String.format(
                    Locale.ROOT,
                    "%s: kept %s from '%s' (%s) over %s from '%s' (%s); precedence is log evidence,"
                        + " then rule findings, then the optimizer's reference, then severity",
                    key,
                    first.values.get(key),
                    first.title,
                    first.origin.name().toLowerCase(Locale.ROOT),
                    value,
                    c.title,
                    c.origin.name().toLowerCase(Locale.ROOT)));
          }
        }
      }
      if (!c.values.isEmpty()) {
        kept.add(c);
      }
    }
    return kept;
  }

  /**
   * Applies every candidate and validates; an error or warning left on the applied config is fixed
   * by its rule's suggestion (overriding a candidate that set the key, noted as a conflict), up to
   * three rounds; what cannot be fixed is listed as unresolved.
   */
  private SparkConfig fixApplied(
      List<Candidate> candidates,
      Map<String, ConfigValue> ref,
      Optional<BottleneckReport> bottlenecks) {
    SparkConfig applied = apply(candidates);
    for (int round = 0; round < 3; round++) {
      ValidationReport report = validate(applied);
      boolean changed = false;
      for (Candidate fix : ruleCandidates(report, applied, ref, bottlenecks)) {
        String key = fix.values.firstKey();
        String value = fix.values.get(key);
        Optional<Candidate> owner =
            candidates.stream().filter(c -> c.values.containsKey(key)).findFirst();
        if (owner.isPresent()) {
          conflicts.add(
              String.format(
                  Locale.ROOT,
                  "%s: %s from '%s' replaced by %s because the applied config still had '%s'",
                  key,
                  owner.get().values.get(key),
                  owner.get().title,
                  value,
                  fix.reason));
          owner.get().values.put(key, value);
          changed = true;
        } else if (rejection(key, value).isEmpty()) {
          candidates.add(fix);
          changed = true;
        }
      }
      applied = apply(candidates);
      if (!changed) {
        break;
      }
    }
    for (Finding f : validate(applied).findings()) {
      if (f.severity() != Severity.INFO) {
        String why =
            disproved(f)
                .or(() -> Optional.ofNullable(filteredWhy.get(f.keys().get(0))))
                .orElse(
                    f.keys().get(0).equals("spark.plugins") && ranOnCpu()
                        ? "the job ran on the CPU: remove the GPU settings rather than load the"
                            + " RAPIDS plugin"
                        : "no value can be chosen for it without a person's decision");
        unresolved.add(
            f.ruleId()
                + " ("
                + f.severity().id()
                + "): "
                + f.message()
                + " Not changed: "
                + why
                + ".");
      }
    }
    return applied;
  }

  private SparkConfig apply(List<Candidate> candidates) {
    SparkConfig applied = current;
    for (Candidate c : candidates) {
      for (Map.Entry<String, String> e : c.values.entrySet()) {
        applied = applied.with(e.getKey(), e.getValue());
      }
    }
    return applied;
  }

  private Recommendation build(Candidate c, ImpactModel impacts, RunVariance variance) {
    List<Change> changes = new ArrayList<>();
    c.values.forEach(
        (k, v) -> {
          EffectiveValue now = effective(k);
          changes.add(new Change(k, now.value(), now.source(), v));
        });
    Impact impact = impacts.estimate(changes);
    int effort = effort(changes);
    boolean blocking = c.severity == Severity.ERROR;
    double score = impact.expectedSavingFraction() * impact.confidence() / effort;
    String basis =
        impact.known()
            ? String.format(
                Locale.ROOT,
                "expected saving %.3f x confidence %.2f / effort %d",
                impact.expectedSavingFraction(),
                impact.confidence(),
                effort)
            : "impact unknown, so the score is 0; ranked by severity among such recommendations";
    if (blocking) {
      basis =
          "fixes an error (the job cannot run or fails as configured), so it comes first; " + basis;
    }
    return new Recommendation(
        c.title,
        changes,
        c.reason,
        c.source,
        impact,
        new Priority(0, blocking, score, c.severity, effort, basis),
        Guidance.of(changes, c.watch),
        AbTests.plan(changes, impact, variance));
  }

  /** 1 = SQL settings a session can change, 2 = a new submit, 3 = a change on the cluster. */
  static int effort(List<Change> changes) {
    int effort = 1;
    for (Change c : changes) {
      String k = c.key();
      if (k.equals("spark.plugins")
          || k.startsWith("spark.worker.")
          || k.endsWith(".discoveryScript")
          || k.equals("spark.shuffle.service.enabled")
          || k.equals("spark.shuffle.manager")) {
        effort = 3;
      } else if (!k.startsWith("spark.sql.")) {
        effort = Math.max(effort, 2);
      }
    }
    return effort;
  }

  /**
   * The value in effect: the config's, else the version's default; the executor overhead, which has
   * no fixed default, as Spark derives it from the heap.
   */
  private EffectiveValue effective(String key) {
    EffectiveValue now = SparkSemantics.effective(key, current, version);
    if (now.source() == EffectiveValue.Source.UNSET
        && key.equals("spark.executor.memoryOverhead")
        && SparkSemantics.exists(key, version)) {
      long heap =
          SparkSemantics.effective("spark.executor.memory", current, version)
              .value()
              .flatMap(
                  v ->
                      Evidence.bytes(
                          new SparkConfig(Map.of("spark.executor.memory", v)),
                          "spark.executor.memory"))
              .orElse(ByteSizes.GIB);
      long overhead = Evidence.overheadBytes(current, heap, version);
      return new EffectiveValue(
          key, Optional.of(ByteSizes.format(overhead)), EffectiveValue.Source.DEFAULT);
    }
    return now;
  }

  /**
   * Why a change must not be proposed: from a log, the {@link Filters}; for a config, a value Spark
   * already runs with (the config's, else the default of the newest Spark).
   */
  private Optional<String> rejection(String key, String value) {
    if (filters.isPresent()) {
      return filters.get().rejection(key, value);
    }
    EffectiveValue now = SparkSemantics.effective(key, current, version);
    return now.value()
        .filter(v -> SparkSemantics.sameValue(key, v, value))
        .map(v -> key + " is already " + v + " (" + now.source().id() + ")");
  }

  /**
   * {@code JavaSerializer} → {@code Java serializer}; a size in the name stays a size: {@code
   * HeapJustAbove32Gb} → {@code Heap just above 32 GB} (and {@code ParquetLz4RawCodec} keeps its
   * {@code lz4}).
   */
  static String words(String ruleId) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ruleId.length(); i++) {
      char ch = ruleId.charAt(i);
      if (i > 0 && Character.isUpperCase(ch) && !Character.isUpperCase(ruleId.charAt(i - 1))) {
        sb.append(' ').append(Character.toLowerCase(ch));
      } else {
        sb.append(i == 0 ? ch : Character.toLowerCase(ch));
      }
    }
    return SIZE_IN_NAME
        .matcher(sb)
        .replaceAll(m -> m.group(1) + " " + m.group(2) + " " + m.group(3).toUpperCase(Locale.ROOT));
  }

  /** A word glued to a number that a size unit follows: {@code above32 gb}. */
  private static final java.util.regex.Pattern SIZE_IN_NAME =
      java.util.regex.Pattern.compile("([a-z])(\\d+) ([kmgt]i?b)\\b");

  private record Theme(String title, Predicate<String> keys, String watch) {}
}
