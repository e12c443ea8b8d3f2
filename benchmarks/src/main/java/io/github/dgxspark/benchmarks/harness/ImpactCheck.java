package io.github.dgxspark.benchmarks.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dgxspark.benchmarks.harness.HarnessOptions.ImpactOptions;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.ScalingReport;
import io.github.dgxspark.models.recommendations.Change;
import io.github.dgxspark.models.recommendations.Impact;
import io.github.dgxspark.models.recommendations.Range;
import io.github.dgxspark.models.recommendations.Recommendation;
import io.github.dgxspark.models.recommendations.RecommendationReport;
import io.github.dgxspark.models.recommendations.Recommender;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The impact check: starts each workload from each mis-tuned config ({@link Mistake}) that applies
 * to it, feeds the mistaken run's own event log to the product's recommendation engine ({@link
 * Recommender}), measures each recommendation alone and all of them together, and writes the
 * predicted change beside the measured one; the scaling check runs a workload on 1 and 2 executors
 * and compares {@link PerformanceModels#predictScaling} from each log with the other run.
 *
 * <p>Changes are fractions of the mistaken config's median workload wall time (the harness's wall
 * time: first action to end, session start excluded), negative = faster; the spread is the
 * run-to-run range (max − min) of either config's repeats over the same median, the larger of the
 * two. The file's shape is a public contract: {@code {"checks":[{workload, scale, mistake,
 * recommendation, keys, predicted:{expected, low, high}, measured:{change, spread, runs}}],
 * "scaling":[{workload, fromExecutors, toExecutors, predictedMs, measuredMs}]}}.
 */
final class ImpactCheck {
  /** Where the checks go unless told, relative to the repository root. */
  static final Path DEFAULT_OUTPUT = Path.of("data", "impact-checks.json");

  /** The recommendation name of the run with every recommendation applied. */
  static final String ALL = "all";

  /** Worker memory of the scaling check's local-cluster workers: one 1 GiB executor each. */
  private static final int SCALING_WORKER_MIB = 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A predicted run-time change.
   *
   * @param expected the central prediction
   * @param low the interval's low end
   * @param high the interval's high end
   */
  record Predicted(double expected, double low, double high) {}

  /**
   * A measured run-time change.
   *
   * @param change median of the changed config ÷ median of the mistaken config − 1
   * @param spread the run-to-run range of either config over the mistaken median, the larger
   * @param runs runs of the changed config
   */
  record Measured(double change, double spread, int runs) {}

  /**
   * One impact check.
   *
   * @param workload the workload type id
   * @param scale the data scale factor
   * @param mistake the mistake it started from
   * @param recommendation the recommendation's title, or {@link #ALL}
   * @param keys the keys it changes
   * @param predicted the engine's prediction
   * @param measured what the runs gave
   */
  record Check(
      String workload,
      double scale,
      String mistake,
      String recommendation,
      List<String> keys,
      Predicted predicted,
      Measured measured) {
    // Copies the list.
    Check {
      keys = List.copyOf(keys);
    }
  }

  /**
   * One scaling check.
   *
   * @param workload the workload type id
   * @param fromExecutors executors of the run whose log was scaled
   * @param toExecutors executors it was scaled to
   * @param predictedMs the predicted application wall time at {@code toExecutors}
   * @param measuredMs the application wall time the run at {@code toExecutors} logged (median)
   */
  record Scaling(
      String workload, int fromExecutors, int toExecutors, long predictedMs, long measuredMs) {}

  /**
   * The file.
   *
   * @param checks the impact checks
   * @param scaling the scaling checks
   */
  record Checks(List<Check> checks, List<Scaling> scaling) {
    // Copies the lists.
    Checks {
      checks = List.copyOf(checks);
      scaling = List.copyOf(scaling);
    }
  }

  /**
   * What a scaling check adds for the report, beside the contract row.
   *
   * @param row the contract row
   * @param executorCores cores per executor of both runs
   * @param replayReproductionError the replay's error on the source log at its own count
   * @param ernestMs Ernest's prediction for the target, when the history has runs of the workload
   */
  record ScalingDetail(
      Scaling row, int executorCores, double replayReproductionError, OptionalDouble ernestMs) {}

  /**
   * A cell of the impact check: one workload at one scale from one mistake.
   *
   * @param workload the workload type id
   * @param scale the data scale factor
   * @param mistake the mistake's name
   */
  record Cell(String workload, double scale, String mistake) {}

  /**
   * What one invocation measured.
   *
   * @param checks the impact checks of this invocation
   * @param scaling the scaling checks of this invocation
   * @param skipped what could not be checked, one line each
   * @param analysed the cells whose mistaken run the engine analysed (whatever it then
   *     recommended): their earlier checks in the file are replaced by this invocation's, so that
   *     no prediction the engine no longer makes stays in the file
   */
  record Outcome(
      List<Check> checks, List<ScalingDetail> scaling, List<String> skipped, List<Cell> analysed) {
    // Copies the lists.
    Outcome {
      checks = List.copyOf(checks);
      scaling = List.copyOf(scaling);
      skipped = List.copyOf(skipped);
      analysed = List.copyOf(analysed);
    }
  }

  private final ImpactOptions impact;
  private final HarnessOptions options;
  private final Harness.ChildLauncher launcher;
  private final Machine machine;
  private final PrintStream log;
  private final String command;
  private int runNo;

  private ImpactCheck(HarnessOptions options, Machine machine, PrintStream log, String command) {
    this.options = options;
    this.impact = options.impact().orElseThrow();
    this.launcher = new Harness.ChildLauncher(options.out(), options.timeoutMinutes());
    this.machine = machine;
    this.log = log;
    this.command = command;
  }

  /**
   * Runs the impact and scaling checks and merges them into the output file (an earlier check of
   * the same workload, scale, mistake and recommendation, or scaling pair, is replaced).
   *
   * @param options the harness options with {@code --impact-check}
   * @param command the command line, recorded with each run in the history
   * @param log where progress goes
   * @return what was measured
   * @throws DgxSparkException if an option or the mistakes file is wrong
   */
  static Outcome run(HarnessOptions options, String command, PrintStream log) {
    Machine machine = Machine.local();
    log.println("machine: " + machine.description() + ", Spark " + SparkRun.sparkVersion());
    ImpactCheck c = new ImpactCheck(options, machine, log, command);
    Outcome o = c.runAll();
    merge(options.impact().orElseThrow().output(), o);
    return o;
  }

  private Outcome runAll() {
    List<Mistake> mistakes = Mistake.select(Mistake.load(impact.mistakesFile()), impact.mistakes());
    List<Check> checks = new ArrayList<>();
    List<ScalingDetail> scaling = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Cell> analysed = new ArrayList<>();
    for (SparkWorkload workload : options.workloads()) {
      for (double scale : options.scales()) {
        for (Mistake m : mistakes) {
          if (m.workloads().contains(workload.type().id())) {
            checkMistake(workload, scale, m, checks, skipped, analysed);
          }
        }
        for (int cores : impact.scalingCores()) {
          checkScaling(workload, scale, cores, scaling, skipped);
        }
      }
    }
    return new Outcome(checks, scaling, skipped, analysed);
  }

  private void checkMistake(
      SparkWorkload workload,
      double scale,
      Mistake m,
      List<Check> checks,
      List<String> skipped,
      List<Cell> analysed) {
    Deployment deployment = Deployment.parse(m.deployment());
    OptimizationResult layout = optimizerLayout(deployment, workload, scale);
    String cell = workload.type().id() + " s" + Harness.scaleText(scale) + " " + m.name();
    String mistakeKind = "mistake:" + m.name();
    // the probe gives the event log the engine reads; it is not timed with the others, so that
    // the first run of a cell (cold page cache, data generation classes) biases no config
    RunAttempt probe =
        launch(workload, scale, deployment, layout, mistakeKind + "+probe", m.config());
    if (!(probe instanceof RunResult probed)) {
      skipped.add(cell + ": the mistaken config failed");
      return;
    }
    RecommendationReport report;
    ApplicationProfile profile;
    try {
      profile = EventLogs.read(Path.of(probed.eventLogPath()));
      // what `analyze LOG` gives: the log's own evidence-backed recommendations
      report = Recommender.generateRecommendations(profile);
    } catch (ModelsException e) {
      skipped.add(cell + ": analyze failed: " + e.getMessage());
      return;
    }
    analysed.add(new Cell(workload.type().id(), scale, m.name()));
    // the variants: each ranked recommendation with a predicted impact alone (the top N when
    // asked), then all of them together
    Map<String, List<Change>> variants = new LinkedHashMap<>();
    Map<String, Impact> predicted = new LinkedHashMap<>();
    for (Recommendation r : report.recommendations()) {
      if (impact.top() > 0 && variants.size() >= impact.top()) {
        break;
      }
      if (!r.impact().known()) {
        skipped.add(
            cell + ": '" + r.title() + "' has no predicted impact (" + r.impact().basis() + ")");
        continue;
      }
      variants.put(r.title(), r.changes());
      predicted.put(r.title(), r.impact());
    }
    List<Change> all =
        report.recommendations().stream().flatMap(r -> r.changes().stream()).toList();
    if (all.isEmpty()) {
      skipped.add(cell + ": the engine recommended nothing");
      return;
    }
    Impact allImpact = Recommender.estimateImpact(all, profile);
    if (allImpact.known()) {
      variants.put(ALL, all);
      predicted.put(ALL, allImpact);
    } else {
      skipped.add(cell + ": all recommendations together have no predicted impact");
    }
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    configs.put(mistakeKind, m.config());
    kinds.put(mistakeKind, mistakeKind);
    for (Map.Entry<String, List<Change>> v : variants.entrySet()) {
      Map<String, String> config = new LinkedHashMap<>(m.config());
      v.getValue().forEach(ch -> config.put(ch.key(), ch.proposed()));
      configs.put(v.getKey(), config);
      kinds.put(
          v.getKey(),
          mistakeKind + "+" + (v.getKey().equals(ALL) ? ALL : "rec:" + keys(v.getValue())));
    }
    Map<String, List<RunResult>> runs = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(configs.keySet());
    Set<String> failed = new HashSet<>();
    for (int rep = 0; rep < options.repeats(); rep++) {
      // rotate the order so that no config always runs first
      for (int k = 0; k < order.size(); k++) {
        String name = order.get((k + rep) % order.size());
        if (failed.contains(name)) {
          continue;
        }
        RunAttempt a =
            launch(workload, scale, deployment, layout, kinds.get(name), configs.get(name));
        if (a instanceof RunResult r) {
          runs.computeIfAbsent(name, x -> new ArrayList<>()).add(r);
        } else {
          failed.add(name);
          runs.remove(name);
          skipped.add(cell + ": '" + name + "' failed to run");
        }
      }
    }
    runs.values().forEach(rs -> appendHistory(workload, scale, rs));
    if (!runs.containsKey(mistakeKind)) {
      return;
    }
    List<Long> base = runs.get(mistakeKind).stream().map(RunResult::wallTimeMillis).toList();
    for (Map.Entry<String, List<Change>> v : variants.entrySet()) {
      if (!runs.containsKey(v.getKey())) {
        continue;
      }
      List<Long> changed = runs.get(v.getKey()).stream().map(RunResult::wallTimeMillis).toList();
      Range range = predicted.get(v.getKey()).runTimeChange().orElseThrow();
      Check check =
          new Check(
              workload.type().id(),
              scale,
              m.name(),
              v.getKey(),
              v.getValue().stream().map(Change::key).sorted().toList(),
              new Predicted(range.expected(), range.low(), range.high()),
              measured(base, changed));
      log.printf(
          Locale.ROOT,
          "%s / %s: predicted %+.3f [%+.3f, %+.3f], measured %+.3f (spread %.3f, %d runs)%n",
          cell,
          check.recommendation(),
          check.predicted().expected(),
          check.predicted().low(),
          check.predicted().high(),
          check.measured().change(),
          check.measured().spread(),
          check.measured().runs());
      checks.add(check);
    }
  }

  private static String keys(List<Change> changes) {
    return changes.stream().map(Change::key).sorted().collect(Collectors.joining("+"));
  }

  /**
   * The measured change of one config against the mistaken one.
   *
   * @param mistakenMillis the mistaken config's wall times
   * @param changedMillis the changed config's wall times
   * @return change, spread and runs
   */
  static Measured measured(List<Long> mistakenMillis, List<Long> changedMillis) {
    double base = median(mistakenMillis);
    double spread = Math.max(range(mistakenMillis), range(changedMillis)) / base;
    return new Measured(median(changedMillis) / base - 1, spread, changedMillis.size());
  }

  private static double range(List<Long> xs) {
    return Collections.max(xs) - Collections.min(xs);
  }

  private static double median(List<? extends Number> xs) {
    return Report.medianOf(xs.stream().map(Number::doubleValue).toList());
  }

  private void checkScaling(
      SparkWorkload workload,
      double scale,
      int cores,
      List<ScalingDetail> scaling,
      List<String> skipped) {
    Map<Integer, List<ApplicationProfile>> logs = new TreeMap<>();
    Map<String, String> config =
        Map.of("spark.executor.cores", "" + cores, "spark.executor.memory", "1g");
    Map<Integer, List<RunResult>> runs = new TreeMap<>();
    for (int rep = 0; rep < options.repeats(); rep++) {
      // alternate which count runs first, so that neither always gets the cold start
      for (int k = 0; k < 2; k++) {
        int executors = 1 + (k + rep) % 2;
        String master =
            String.format(
                Locale.ROOT, "local-cluster[%d,%d,%d]", executors, cores, SCALING_WORKER_MIB);
        String kind = "scaling:" + executors + "x" + cores;
        RunAttempt a =
            launch(workload, scale, "cluster-" + executors, master, executors, kind, config);
        if (!(a instanceof RunResult r)) {
          skipped.add(
              workload.type().id() + " scaling " + executors + "x" + cores + ": a run failed");
          return;
        }
        runs.computeIfAbsent(executors, x -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<Integer, List<RunResult>> e : runs.entrySet()) {
      appendHistory(workload, scale, e.getValue());
      logs.put(
          e.getKey(),
          e.getValue().stream().map(r -> EventLogs.read(Path.of(r.eventLogPath()))).toList());
    }
    for (int from = 1; from <= 2; from++) {
      int to = 3 - from;
      List<ApplicationProfile> source = logs.get(from);
      List<Double> predicted = new ArrayList<>();
      List<Double> replayErrors = new ArrayList<>();
      List<Double> ernest = new ArrayList<>();
      for (ApplicationProfile p : source) {
        // local-cluster runs every executor on this machine: they share its cores
        ScalingReport s =
            PerformanceModels.predictScaling(
                p,
                PerformanceModels.observedLayout(p).withExecutors(to),
                PerformanceHistory.builtIn(),
                OptionalInt.of(machine.node().logicalCores()));
        predicted.add((double) s.result().predictedDurationMs());
        replayErrors.add(
            PerformanceModels.replay(p, PerformanceModels.observedLayout(p))
                .reproductionErrorFraction());
        s.ernest().flatMap(e -> e.expected()).ifPresent(d -> ernest.add((double) d.toMillis()));
      }
      List<Double> measured =
          logs.get(to).stream()
              .map(
                  p ->
                      (double)
                          p.duration()
                              .map(Duration::toMillis)
                              .orElseThrow(
                                  () ->
                                      new DgxSparkException(
                                          "event log of "
                                              + p.applicationId().orElse("?")
                                              + " has no application end; expected a finished"
                                              + " run")))
              .toList();
      Scaling row =
          new Scaling(
              workload.type().id(),
              from,
              to,
              Math.round(median(predicted)),
              Math.round(median(measured)));
      log.printf(
          Locale.ROOT,
          "scaling %s %d -> %d executors x %d cores: predicted %d ms, measured %d ms%n",
          row.workload(),
          from,
          to,
          cores,
          row.predictedMs(),
          row.measuredMs());
      scaling.add(
          new ScalingDetail(
              row,
              cores,
              median(replayErrors),
              ernest.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(median(ernest))));
    }
  }

  private OptimizationResult optimizerLayout(
      Deployment deployment, SparkWorkload workload, double scale) {
    return SparkConfigOptimizer.optimize(
        deployment.cluster(machine.node()),
        WorkloadSpec.of(workload.type(), workload.inputBytes(scale), ExecutionMode.CPU));
  }

  private RunAttempt launch(
      SparkWorkload workload,
      double scale,
      Deployment deployment,
      OptimizationResult layout,
      String kind,
      Map<String, String> config) {
    return launch(
        workload,
        scale,
        deployment.id(),
        deployment.master(layout, config),
        deployment.expectedExecutors(layout, config),
        kind,
        config);
  }

  private RunAttempt launch(
      SparkWorkload workload,
      double scale,
      String deploymentId,
      String master,
      int expectedExecutors,
      String kind,
      Map<String, String> config) {
    String id =
        String.format(
            Locale.ROOT,
            "ic%03d-%s-%s-s%s-%s",
            ++runNo,
            deploymentId,
            workload.type().id(),
            Harness.scaleText(scale),
            kind.replaceAll("[^A-Za-z0-9._-]", "-"));
    if (id.length() > 120) {
      id = id.substring(0, 120);
    }
    RunSpec spec =
        new RunSpec(
            workload.type().id(),
            scale,
            deploymentId,
            master,
            expectedExecutors,
            kind,
            config,
            launcher.plumbing(),
            config.getOrDefault("spark.driver.memory", Deployment.SPARK_DEFAULT_DRIVER_MEMORY),
            options.out().resolve("work").resolve(id).toString(),
            options.out().resolve("eventlogs").toString());
    RunAttempt attempt = launcher.run(id, spec);
    Harness.deleteTree(Path.of(spec.workDir()));
    if (attempt instanceof FailedRun f) {
      log.printf(Locale.ROOT, "%s: FAILED (%s); log %s%n", id, f.reason(), f.logPath());
    } else if (attempt instanceof RunResult r) {
      log.printf(Locale.ROOT, "%s: %d ms%n", id, r.wallTimeMillis());
    }
    return attempt;
  }

  private void appendHistory(SparkWorkload workload, double scale, List<RunResult> runs) {
    if (options.history().isPresent() && !runs.isEmpty()) {
      long bytes = workload.inputBytes(scale);
      PerformanceHistoryFile.append(
          options.history().get(),
          runs,
          machine,
          runs.stream().map(r -> bytes).toList(),
          Instant.now(),
          command);
    }
  }

  /**
   * Merges an invocation's checks into the file: the earlier checks of every cell the invocation
   * analysed, and any with the same identity as a new one, are replaced; the others kept.
   *
   * @param file the impact-checks file (created if missing)
   * @param o what was measured
   * @throws UncheckedIOException if the file cannot be read or written
   */
  static void merge(Path file, Outcome o) {
    try {
      List<Check> checks = new ArrayList<>();
      List<Scaling> scaling = new ArrayList<>();
      if (Files.exists(file)) {
        Checks old = JSON.readValue(file.toFile(), Checks.class);
        checks.addAll(old.checks());
        scaling.addAll(old.scaling());
      }
      checks.removeIf(x -> o.analysed().contains(new Cell(x.workload(), x.scale(), x.mistake())));
      for (Check c : o.checks()) {
        checks.removeIf(x -> identity(x).equals(identity(c)));
        checks.add(c);
      }
      // the check runs each executor-count pair at every --scaling-cores value, so one invocation
      // may write several rows of the same pair (the contract's row has no cores field): replace
      // the earlier rows of every pair this invocation measured, then add all of its rows
      for (ScalingDetail d : o.scaling()) {
        Scaling s = d.row();
        scaling.removeIf(
            x ->
                x.workload().equals(s.workload())
                    && x.fromExecutors() == s.fromExecutors()
                    && x.toExecutors() == s.toExecutors());
      }
      o.scaling().forEach(d -> scaling.add(d.row()));
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), new Checks(checks, scaling));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    }
  }

  private static List<Object> identity(Check c) {
    return List.of(c.workload(), c.scale(), c.mistake(), c.recommendation());
  }

  /**
   * The report per recommendation kind (the keys it changes; {@link #ALL} for all together):
   * coverage, sign agreement where the measured change exceeds the spread, median absolute error of
   * the expected change, and for {@link #ALL} the median ratio to the mistaken config; then the
   * scaling errors beside the replay's reproduction error and Ernest's.
   *
   * @param o what was measured
   * @return a Markdown section
   */
  static String report(Outcome o) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| kind (keys) | checks | coverage (measured in interval) | sign right (|measured| >"
            + " spread) | median abs. error | median ratio to mistaken |\n");
    sb.append("|---|---|---|---|---|---|\n");
    Map<String, List<Check>> byKind = new TreeMap<>();
    for (Check c : o.checks()) {
      String kind = c.recommendation().equals(ALL) ? ALL : String.join("+", c.keys());
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<String, List<Check>> e : byKind.entrySet()) {
      List<Check> cs = e.getValue();
      long inside =
          cs.stream()
              .filter(
                  c ->
                      c.measured().change() >= c.predicted().low()
                          && c.measured().change() <= c.predicted().high())
              .count();
      List<Check> beyond =
          cs.stream().filter(c -> Math.abs(c.measured().change()) > c.measured().spread()).toList();
      long signRight =
          beyond.stream()
              .filter(
                  c -> Math.signum(c.measured().change()) == Math.signum(c.predicted().expected()))
              .count();
      double mae =
          median(
              cs.stream()
                  .map(c -> Math.abs(c.measured().change() - c.predicted().expected()))
                  .toList());
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d/%d | %s | %.3f | %s |%n",
              e.getKey(),
              cs.size(),
              inside,
              cs.size(),
              beyond.isEmpty() ? "n/a (none beyond spread)" : signRight + "/" + beyond.size(),
              mae,
              e.getKey().equals(ALL)
                  ? String.format(
                      Locale.ROOT,
                      "%.2f",
                      median(cs.stream().map(c -> 1 + c.measured().change()).toList()))
                  : ""));
    }
    if (!o.scaling().isEmpty()) {
      sb.append(
          "\n| workload | cores | from → to executors | predicted ms | measured ms | error |"
              + " replay error at observed count | Ernest error |\n");
      sb.append("|---|---|---|---|---|---|---|---|\n");
      List<Double> errors = new ArrayList<>();
      for (ScalingDetail d : o.scaling()) {
        Scaling s = d.row();
        double err = (double) (s.predictedMs() - s.measuredMs()) / s.measuredMs();
        errors.add(Math.abs(err));
        sb.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d → %d | %d | %d | %+.1f %% | %+.1f %% | %s |%n",
                s.workload(),
                d.executorCores(),
                s.fromExecutors(),
                s.toExecutors(),
                s.predictedMs(),
                s.measuredMs(),
                100 * err,
                100 * d.replayReproductionError(),
                d.ernestMs().isPresent()
                    ? String.format(
                        Locale.ROOT,
                        "%+.1f %%",
                        100 * (d.ernestMs().getAsDouble() - s.measuredMs()) / s.measuredMs())
                    : "no history runs"));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%nScaling error: median %.1f %%, max %.1f %% over %d predictions.%n",
              100 * median(errors),
              100 * Collections.max(errors),
              errors.size()));
    }
    for (String s : o.skipped()) {
      sb.append("\n- not checked: ").append(s);
    }
    return sb.toString();
  }
}
