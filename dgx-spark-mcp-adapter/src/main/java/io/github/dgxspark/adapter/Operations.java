package io.github.dgxspark.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.PlanSpec;
import io.github.dgxspark.core.Redaction;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.hardware.HardwareProfiles;
import io.github.dgxspark.hardware.HardwareReport;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.estimate.CombinedTimeReport;
import io.github.dgxspark.models.estimate.CostSpec;
import io.github.dgxspark.models.estimate.EstimateReport;
import io.github.dgxspark.models.estimate.Estimators;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.perf.BottleneckDetector;
import io.github.dgxspark.models.perf.BottleneckReport;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.PerformanceRun;
import io.github.dgxspark.models.perf.ReplaySpec;
import io.github.dgxspark.models.recommendations.RecommendationReport;
import io.github.dgxspark.models.recommendations.Recommender;
import io.github.dgxspark.models.workload.GpuCosts;
import io.github.dgxspark.models.workload.GpuGeneration;
import io.github.dgxspark.models.workload.Qualification;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import io.github.dgxspark.rules.RuleBook;
import io.github.dgxspark.rules.Severity;
import io.github.dgxspark.rules.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The adapter's operations, shared by the CLI and the MCP tools: each calls one facade of the other
 * modules and returns its answer as a record whose JSON names (written by {@link Json#MAPPER}) are
 * the public contract. The CLI prints its redacted tree ({@code --format json}) or text made from
 * the record; a tool returns the tree as structured content.
 */
public final class Operations {
  /**
   * GPUs per executor the RAPIDS Accelerator supports: "only supports a one-to-one mapping between
   * GPUs and executors" (RAPIDS Accelerator for Apache Spark Tuning Guide, Number of Executors,
   * docs.nvidia.com/spark-rapids/user-guide/25.08/tuning-guide.html).
   */
  public static final int MAX_GPUS_PER_EXECUTOR = 1;

  /** Fields of an object with a {@code key} that hold a value of that Spark key. */
  private static final Set<String> SPARK_VALUE_FIELDS =
      Set.of("current", "proposed", "value", "suggestedValue");

  /** Objects whose fields are Spark keys but whose values are sentences about them. */
  private static final Set<String> TEXT_MAPS = Set.of("reasons");

  private Operations() {}

  /**
   * A result as it may be shown, changed in place: every value under a Spark key (a field name with
   * a dot outside {@code reasons}, or the {@code current}, {@code proposed}, {@code value} and
   * {@code suggestedValue} of an object with a {@code key}) redacted by {@link Redaction#redact},
   * every other text by {@link Redaction#redactText}, and the secrets of the input config hidden
   * wherever they appear. The CLI and the MCP tools pass every result through here.
   *
   * @param tree an operation's result
   * @param config the config the user gave, whose secrets are hidden everywhere (may be empty)
   * @return the same tree
   */
  public static ObjectNode redacted(ObjectNode tree, Map<String, String> config) {
    Objects.requireNonNull(tree, "tree");
    redactNode(tree, Redaction.secrets(config));
    return tree;
  }

  /**
   * An operation's result as it may be shown, as a JSON tree: its fields named as the public
   * contract names them, {@linkplain #redacted(ObjectNode, Map) redacted}.
   *
   * @param result an operation's result (a record, or a tree)
   * @param config the config the user gave, whose secrets are hidden everywhere (may be empty)
   * @return the tree
   */
  public static ObjectNode shownTree(Object result, Map<String, String> config) {
    Objects.requireNonNull(result, "result");
    return redacted((ObjectNode) Json.tree(result), config);
  }

  /**
   * An operation's result as it may be shown: the result read back from its {@linkplain #shownTree
   * redacted tree}, so that text made from it hides what the JSON hides.
   *
   * @param <T> the result's type
   * @param result an operation's result
   * @param config the config the user gave, whose secrets are hidden everywhere (may be empty)
   * @return the redacted result
   */
  @SuppressWarnings("unchecked")
  public static <T> T shown(T result, Map<String, String> config) {
    return Json.read(shownTree(result, config), (Class<T>) result.getClass());
  }

  /**
   * A message as it may be shown: see {@link #redacted}.
   *
   * @param message an error message
   * @param config the config the user gave (may be empty)
   * @return the message with secrets hidden
   */
  public static String redacted(String message, Map<String, String> config) {
    return Redaction.redactText(message, Redaction.secrets(config));
  }

  private static void redactNode(JsonNode node, Set<String> secrets) {
    if (node instanceof ObjectNode o) {
      JsonNode key = o.get("key");
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        String name = e.getKey();
        JsonNode v = e.getValue();
        if (TEXT_MAPS.contains(name) && v instanceof ObjectNode texts) {
          // Spark key -> a sentence about it: texts, not the key's values
          for (Map.Entry<String, JsonNode> t : texts.properties()) {
            if (t.getValue().isTextual()) {
              t.setValue(TextNode.valueOf(Redaction.redactText(t.getValue().asText(), secrets)));
            }
          }
        } else if (v.isTextual()) {
          String text = v.asText();
          if (name.indexOf('.') > 0) {
            text = Redaction.redact(name, text);
          } else if (key != null && key.isTextual() && SPARK_VALUE_FIELDS.contains(name)) {
            text = Redaction.redact(key.asText(), text);
          }
          e.setValue(TextNode.valueOf(Redaction.redactText(text, secrets)));
        } else {
          redactNode(v, secrets);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(Redaction.redactText(a.get(i).asText(), secrets)));
        } else {
          redactNode(a.get(i), secrets);
        }
      }
    }
  }

  /**
   * The hardware: {@code {"nodes","clusterManager","interconnectBytesPerSecond","origin",
   * "node":{...,"gpus":[...],"nvlink":{...}},"notes":[...],"report":{...}}}, where {@code report}
   * is the hardware module's full report (per-GPU details, disks, driver), which {@link
   * #readHardware} reads back.
   *
   * @param hardware where the hardware comes from
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the hardware cannot be resolved
   */
  public static HardwareResult hardware(HardwareOptions hardware) {
    Objects.requireNonNull(hardware, "hardware");
    return HardwareResult.of(hardware.resolve());
  }

  /**
   * The built-in profiles: {@code {"profiles":[{"name","title","gpuCount","gpuName",...}]}}.
   *
   * @return the tree
   */
  public static ProfilesResult profiles() {
    return new ProfilesResult(
        HardwareProfiles.all().stream().map(ProfilesResult.Summary::of).toList());
  }

  /**
   * One built-in profile in full, with the sources of its figures.
   *
   * @param name the profile name
   * @return {@code {"name","title",...,"node":{...},"sources":{...},"notes":[...]}}
   * @throws io.github.dgxspark.core.DgxSparkException if the name is not known
   */
  public static ProfilesResult.Detail profile(String name) {
    return ProfilesResult.Detail.of(HardwareProfiles.named(name));
  }

  /**
   * A complete Spark config for the workload on the hardware: {@code {"config":{key:value},
   * "reasons":{key:why},"mode","layout":{...},"notes":[...],"hardware":{...},"workload":{...},
   * "plan":{...}}}, for the newest Spark the RAPIDS Accelerator supports in client deploy mode.
   *
   * @param hardware where the hardware comes from
   * @param workload what the job is
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the hardware or workload cannot be
   *     resolved, or the optimizer cannot meet the request
   */
  public static RecommendResult recommend(HardwareOptions hardware, WorkloadOptions workload) {
    return recommend(hardware, workload, PlanOptions.none());
  }

  /**
   * A complete Spark config as {@link #recommend(HardwareOptions, WorkloadOptions)}, for a given
   * Spark version and deploy mode, with properties kept as given and constants overridden; {@code
   * "plan"} echoes the version, deploy mode, kept properties and constants used.
   *
   * @param hardware where the hardware comes from
   * @param workload what the job is
   * @param plan the Spark version, deploy mode, kept properties and constants
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the hardware, workload or plan cannot be
   *     resolved, or the optimizer cannot meet the request
   */
  public static RecommendResult recommend(
      HardwareOptions hardware, WorkloadOptions workload, PlanOptions plan) {
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(plan, "plan");
    PlanSpec planSpec = plan.resolve();
    HardwareOptions.Resolved hw = hardware.resolve();
    WorkloadSpec spec = workload.resolve();
    OptimizationResult r = SparkConfigOptimizer.optimize(hw.cluster(), spec, planSpec);
    return new RecommendResult(
        r.config().entries(),
        r.reasons(),
        r.mode().id(),
        r.layout(),
        r.notes(),
        ClusterSummary.of(hw),
        RecommendResult.Workload.of(spec),
        new RecommendResult.Plan(
            planSpec.sparkVersion().toString(),
            planSpec.deployMode().id(),
            planSpec.keep(),
            planSpec.tuning().asMap()));
  }

  /**
   * Validates a config, alone or against the hardware it will run on: {@code
   * {"findings":[{"ruleId",
   * "severity","category","keys":[...],"message","suggestedValue"?,"source"?}],"rulesChecked",
   * "errors","warnings","infos","hardware"?}}, most severe first; severities are {@code ERROR},
   * {@code WARNING} and {@code INFO}. Secret values never appear.
   *
   * @param config key → value
   * @param hardware the hardware it will run on, or empty to check the config alone
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the hardware cannot be resolved
   */
  public static ValidateResult validate(
      Map<String, String> config, Optional<HardwareOptions> hardware) {
    return validate(config, hardware, Optional.empty(), Optional.empty());
  }

  /**
   * Validates a config for a Spark release (and RAPIDS Accelerator release), as {@link
   * #validate(Map, Optional)}; the tree adds {@code "sparkVersion"} (and {@code "rapidsVersion"}).
   *
   * @param config key → value
   * @param hardware the hardware it will run on, or empty to check the config alone
   * @param sparkVersion the Spark release, e.g. {@code 3.5}; the newest the RAPIDS Accelerator
   *     supports when empty (as {@code recommend})
   * @param rapidsVersion the RAPIDS Accelerator release, e.g. {@code 25.02.1}; the newest when
   *     empty
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if a version is not a version or the hardware
   *     cannot be resolved
   */
  public static ValidateResult validate(
      Map<String, String> config,
      Optional<HardwareOptions> hardware,
      Optional<String> sparkVersion,
      Optional<String> rapidsVersion) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hardware, "hardware");
    SparkVersion spark = PlanOptions.targetSpark(sparkVersion);
    Optional<HardwareOptions.Resolved> hw = hardware.map(HardwareOptions::resolve);
    ValidationReport report =
        RuleBook.builtIn()
            .validate(config, hw.map(HardwareOptions.Resolved::cluster), spark, rapidsVersion);
    return new ValidateResult(
        spark.toString(),
        rapidsVersion.map(String::trim),
        report.findings(),
        report.rulesChecked(),
        report.findings(Severity.ERROR).size(),
        report.findings(Severity.WARNING).size(),
        report.findings(Severity.INFO).size(),
        hw.map(ClusterSummary::of));
  }

  /**
   * The rule catalog: {@code {"rules":[{"name","category","severity","appliesTo","message",
   * "rationale","source","parameters","since","enabled"}]}}.
   *
   * @return the tree
   */
  public static RulesResult rules() {
    return new RulesResult(
        RuleBook.builtIn().listRules().stream().map(RulesResult.Rule::of).toList());
  }

  /**
   * What a Spark application did, from its event log, what holds it back and what to change: {@code
   * {"application":{"id","name","sparkVersion","durationMs",...},"totals":{...},"failures":
   * {...},"streaming":{...},"parseStats":{...},"bottlenecks":[...],"recommendations":[...]}}
   * ({@code streaming} only when the log has Structured Streaming queries; bottlenecks as in {@link
   * #bottlenecks}, recommendations as in {@link #recommendations}). A log without a timed task (a
   * cut or partial log) has no bottlenecks and no recommendations; {@code bottlenecksUnavailable}
   * and {@code recommendationsUnavailable} then say why. {@code logWarnings}, present when parts of
   * the log are missing or lines were skipped, says so; every result read from a log carries it.
   *
   * @param log an event log file or folder
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the log cannot be read or is not an event
   *     log
   */
  public static AnalyzeResult analyze(Path log) {
    return analyze(log, Optional.empty(), Optional.empty());
  }

  /**
   * As {@link #analyze(Path)}, with a plan for a target when hardware is given: {@code "target":
   * {"hardware","mode","values":[{"key","value","basis","measured"}],"notes"}}, the config for that
   * hardware sized from the log's measurements. The recommendations stay the log's evidence-backed
   * fixes either way.
   *
   * @param log an event log file or folder
   * @param target the hardware to plan for ({@code --profile NAME [--nodes N]}), or empty
   * @param mode {@code cpu} or {@code gpu} to plan the target in that mode (default: the log's)
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the log cannot be read, the hardware
   *     cannot be resolved, a mode is given without a target or is not cpu or gpu, or the optimizer
   *     cannot size the workload on the target
   */
  public static AnalyzeResult analyze(
      Path log, Optional<HardwareOptions> target, Optional<String> mode) {
    return analyze(log, target, mode, (read, total) -> {});
  }

  /**
   * As {@link #analyze(Path, Optional, Optional)}, telling a listener the bytes read as the log is
   * read (about every 4 MiB), for progress on multi-GB logs.
   *
   * @param log an event log file or folder
   * @param target the hardware to plan for, or empty
   * @param mode {@code cpu} or {@code gpu} to plan the target in that mode (default: the log's)
   * @param progress told the file bytes read so far and the total
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #analyze(Path, Optional, Optional)}
   *     does
   */
  public static AnalyzeResult analyze(
      Path log,
      Optional<HardwareOptions> target,
      Optional<String> mode,
      EventLogs.ProgressListener progress) {
    return analyze(log, target, mode, Optional.empty(), progress);
  }

  /**
   * As {@link #analyze(Path, Optional, Optional, EventLogs.ProgressListener)}, with the user's own
   * measured runs first: each A/B plan's run-to-run variation comes from the user's repeated runs
   * of this application in the history file when it holds 2 or more, and its {@code varianceSource}
   * says so (otherwise the published figure, and how to replace it); the impact's Ernest
   * cross-check rests on the user's runs of the workload type when there are any.
   *
   * @param log an event log file or folder
   * @param target the hardware to plan for, or empty
   * @param mode {@code cpu} or {@code gpu} to plan the target in that mode (default: the log's)
   * @param history the user's history file ({@code history add}; a missing file has no runs), or
   *     empty for the built-in runs alone
   * @param progress told the file bytes read so far and the total
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #analyze(Path, Optional, Optional)}
   *     does, or if the history file exists but is not a history
   */
  public static AnalyzeResult analyze(
      Path log,
      Optional<HardwareOptions> target,
      Optional<String> mode,
      Optional<Path> history,
      EventLogs.ProgressListener progress) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(progress, "progress");
    Optional<ExecutionMode> m = targetMode(mode, target.isPresent());
    // a file that is not a history is bad input, not a reason the recommendations are unavailable
    history.filter(java.nio.file.Files::exists).ifPresent(PerformanceHistory::load);
    ApplicationProfile p = EventLogs.read(log, progress);
    Optional<RecommendationReport> report;
    Optional<String> recommendationsUnavailable;
    try {
      report = Optional.of(report(p, target, m, history));
      recommendationsUnavailable = Optional.empty();
    } catch (ModelsException e) {
      // a cut or partial log: the profile above still stands
      report = Optional.empty();
      recommendationsUnavailable = Optional.of(e.getMessage());
    }
    // the recommender's own detection, run once; detected here only when it has none to say why
    List<BottlenecksResult.Item> bottlenecks = List.of();
    Optional<String> bottlenecksUnavailable = Optional.empty();
    Optional<BottleneckReport> detected = report.flatMap(RecommendationReport::bottlenecks);
    try {
      bottlenecks =
          BottlenecksResult.Item.all(
              detected.isPresent() ? detected.get() : BottleneckDetector.detect(p));
    } catch (ModelsException e) {
      bottlenecksUnavailable = Optional.of(e.getMessage());
    }
    return new AnalyzeResult(
        AnalyzeResult.Application.of(p),
        p.totals(),
        AnalyzeResult.Failures.of(p.failures()),
        p.streaming().equals(ApplicationProfile.Streaming.NONE)
            ? Optional.empty()
            : Optional.of(p.streaming()),
        p.parseStats(),
        bottlenecks,
        bottlenecksUnavailable,
        report.map(RecommendationsResult.Item::all).orElse(List.of()),
        report.map(RecommendationReport::diagnoses),
        report.map(RecommendationReport::filtered),
        report.flatMap(RecommendationReport::target),
        report.map(RecommendationReport::assumptions),
        report.map(RecommendationReport::conflicts),
        report.map(RecommendationReport::unresolved),
        recommendationsUnavailable,
        logWarnings(p));
  }

  /** The log's warnings (missing rolling parts, skipped lines), when there are any. */
  private static Optional<List<String>> logWarnings(ApplicationProfile p) {
    List<String> w = p.parseStats().warnings();
    return w.isEmpty() ? Optional.empty() : Optional.of(w);
  }

  /** A target's execution mode: cpu or gpu, only beside a target. */
  private static Optional<ExecutionMode> targetMode(Optional<String> mode, boolean target) {
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    if (!target) {
      throw new AdapterException(
          "mode '"
              + mode.get()
              + "' given without a target; expected it only with a profile, hardware or"
              + " nvidia-smi target to plan for");
    }
    ExecutionMode m = ExecutionMode.parse(mode.get());
    if (m == ExecutionMode.AUTO) {
      throw new AdapterException(
          "target mode 'auto' is not a mode to plan for; expected cpu or gpu");
    }
    return Optional.of(m);
  }

  private static RecommendationReport report(
      ApplicationProfile p,
      Optional<HardwareOptions> target,
      Optional<ExecutionMode> mode,
      Optional<Path> history) {
    if (history.isPresent()) {
      return Recommender.generateRecommendations(
          p, target.map(t -> t.resolve().cluster()), mode, history.get());
    }
    if (target.isEmpty()) {
      return Recommender.generateRecommendations(p);
    }
    ClusterSpec cluster = target.get().resolve().cluster();
    return mode.isPresent()
        ? Recommender.generateRecommendations(p, cluster, mode.get())
        : Recommender.generateRecommendations(p, cluster);
  }

  /**
   * Ranked recommendations, from an event log (its config, hardware and workload; the hardware
   * options, when given, size the executors for that cluster) or for a config on the hardware:
   * {@code {"recommendations":[{"title","changes":[{"key","current","proposed"}],"reason",
   * "source","impact":{...},"priority":{...},"guidance","abTest":{...}}],"current":{...},
   * "proposed":{...},"assumptions","conflicts","unresolved"}}.
   *
   * @param log an event log, or empty
   * @param config the config as it is now when there is no log (may be empty)
   * @param hardware the hardware, or empty (with a log: derived from its executors; without: this
   *     machine, probed)
   * @param workload the workload when there is no log
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if an input cannot be read or resolved, or
   *     the workload cannot be sized on the hardware
   */
  public static RecommendationsResult recommendations(
      Optional<Path> log,
      Map<String, String> config,
      Optional<HardwareOptions> hardware,
      WorkloadOptions workload) {
    return recommendations(log, config, hardware, workload, Optional.empty());
  }

  /**
   * As {@link #recommendations(Optional, Map, Optional, WorkloadOptions)}, with the user's own
   * measured runs first, as {@link #analyze(Path, Optional, Optional, Optional,
   * EventLogs.ProgressListener)} takes them (without a log, only the impact's Ernest model uses
   * them: there is no application to find repeats of).
   *
   * @param log an event log, or empty
   * @param config the config as it is now when there is no log (may be empty)
   * @param hardware the hardware, or empty
   * @param workload the workload when there is no log
   * @param history the user's history file ({@code history add}; a missing file has no runs), or
   *     empty for the built-in runs alone
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #recommendations(Optional, Map,
   *     Optional, WorkloadOptions)} does, or if the history file exists but is not a history
   */
  public static RecommendationsResult recommendations(
      Optional<Path> log,
      Map<String, String> config,
      Optional<HardwareOptions> hardware,
      WorkloadOptions workload,
      Optional<Path> history) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(history, "history");
    RecommendationReport r;
    Optional<ApplicationProfile> read = log.map(EventLogs::read);
    if (read.isPresent()) {
      Optional<String> mode =
          hardware.isPresent()
              ? workload.mode().filter(x -> !x.equalsIgnoreCase("auto"))
              : Optional.empty();
      r = report(read.get(), hardware, targetMode(mode, hardware.isPresent()), history);
    } else {
      SparkConfig conf = new SparkConfig(config);
      ClusterSpec cluster = hardware.orElseGet(HardwareOptions::local).resolve().cluster();
      r =
          history.isPresent()
              ? Recommender.generateRecommendations(
                  conf, cluster, workload.resolve(), history.get())
              : Recommender.generateRecommendations(conf, cluster, workload.resolve());
    }
    return RecommendationsResult.of(r, read.flatMap(Operations::logWarnings));
  }

  /**
   * Qualification of CPU event logs for the target's GPUs, one log at a time (bounded memory):
   * {@code {"target":{...,"gpuGeneration":{...}},"applications":[{"appId","name","logPath",
   * "cpuWallTimeMs","predictedGpuWallTimeMs":{"expected","low","high"},"speedup":{"expected",
   * "low","high"},"recommended","category","supportedTimeFraction","unsupportedOperators":
   * [{"name","timeShare"}],"reasons":[...],"sqls":[...],"config":{...}}],"skipped":[{"logPath",
   * "error"}]}}, applications ranked by expected saving (CPU minus expected GPU wall time), largest
   * first. A log that cannot be read or qualified is listed in {@code skipped}; the rest go on.
   *
   * @param paths log files, log folders or folders of logs ({@code EventLogs.list})
   * @param hardware the GPU target
   * @param progress told each log's path before it is read, with its 1-based number and the count
   * @return the result
   * @throws io.github.dgxspark.core.DgxSparkException if a given path does not exist, the hardware
   *     cannot be resolved or has no GPU
   */
  public static QualifyResult qualify(
      java.util.List<Path> paths, HardwareOptions hardware, QualifyProgress progress) {
    return qualify(paths, hardware, Optional.empty(), progress);
  }

  /**
   * As {@link #qualify(java.util.List, HardwareOptions, QualifyProgress)}, with the GPU's fixed
   * costs (first-stage warm-up, the least a GPU stage takes) measured on the user's own GPU runs
   * first ({@code PerformanceModels.gpuCosts}: the runs' logs are read again once): each
   * application's reasons say which costs were used, from the user's history or packaged.
   *
   * @param paths log files, log folders or folders of logs ({@code EventLogs.list})
   * @param hardware the GPU target
   * @param history the user's history file ({@code history add}; a missing file has no runs), or
   *     empty for the packaged costs alone
   * @param progress told each log's path before it is read, with its 1-based number and the count
   * @return the result
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #qualify(java.util.List,
   *     HardwareOptions, QualifyProgress)} does, or if the history file exists but is not a history
   */
  public static QualifyResult qualify(
      java.util.List<Path> paths,
      HardwareOptions hardware,
      Optional<Path> history,
      QualifyProgress progress) {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(progress, "progress");
    HardwareOptions.Resolved hw = hardware.resolve();
    if (hw.cluster().node().gpuCount() == 0) {
      throw new AdapterException(
          "the target "
              + hw.report().origin()
              + " has no GPU; expected a GPU target such as --profile dgx-h100");
    }
    java.util.List<Path> logs = new java.util.ArrayList<>();
    for (Path p : paths) {
      logs.addAll(EventLogs.list(p));
    }
    GpuGeneration gen = Qualification.generation(hw.cluster().node().gpus().get(0).name());
    GpuCosts costs =
        history.isPresent()
            ? PerformanceModels.gpuCosts(history.get(), hw.cluster())
            : GpuCosts.packaged();
    java.util.List<QualifyResult.Application> apps = new java.util.ArrayList<>();
    java.util.List<SkippedLog> skipped = new java.util.ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      Path log = logs.get(i);
      progress.reading(i + 1, logs.size(), log);
      try {
        apps.add(
            QualifyResult.Application.of(
                Qualification.qualify(EventLogs.read(log), hw.cluster(), costs), log));
      } catch (RuntimeException e) {
        // one bad log is reported and the rest go on, whatever broke on it
        skipped.add(SkippedLog.of(log, e));
      }
    }
    apps.sort(
        java.util.Comparator.comparingLong(QualifyResult.Application::expectedSavingMs).reversed());
    return new QualifyResult(QualifyResult.Target.of(ClusterSummary.of(hw), gen), apps, skipped);
  }

  /**
   * Told which log {@link #qualify} or {@link #historyAdd(java.util.List, Path, QualifyProgress)}
   * reads next.
   */
  @FunctionalInterface
  public interface QualifyProgress {
    /**
     * Called before each log is read.
     *
     * @param number the log's 1-based number
     * @param count how many logs there are
     * @param log the log's path
     */
    void reading(int number, int count, Path log);
  }

  /**
   * The local history file used when none is chosen: {@code ~/.dgx-spark/history.json}.
   *
   * @return its path
   */
  public static Path defaultHistoryFile() {
    return PerformanceHistory.defaultFile();
  }

  /**
   * Adds the applications of event logs to a local history file as measured runs, with provenance
   * (log path, app id, cluster, Spark version): {@code {"history","added":[{"appId","source",
   * "workload","logPath","wallTimeMs","executors","executorCores","gpusPerExecutor","inputBytes",
   * "sparkVersion"}],"skipped":[{"logPath","error"}],"runs"}}. Nothing is sent anywhere.
   *
   * @param paths log files, log folders or folders of logs
   * @param file the history file (created with its folder when missing)
   * @return the result
   * @throws io.github.dgxspark.core.DgxSparkException if a path does not exist, or the file exists
   *     but is not a history, or cannot be written
   */
  public static HistoryResult.Added historyAdd(java.util.List<Path> paths, Path file) {
    return historyAdd(paths, file, (n, count, log) -> {});
  }

  /**
   * As {@link #historyAdd(java.util.List, Path)}, telling a listener each log before it is read.
   *
   * @param paths log files, log folders or folders of logs
   * @param file the history file
   * @param progress told each log's path before it is read, with its 1-based number and the count
   * @return the result
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #historyAdd(java.util.List, Path)}
   *     does
   */
  public static HistoryResult.Added historyAdd(
      java.util.List<Path> paths, Path file, QualifyProgress progress) {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(progress, "progress");
    java.util.List<Path> logs = new java.util.ArrayList<>();
    for (Path p : paths) {
      logs.addAll(EventLogs.list(p));
    }
    java.util.List<PerformanceRun> runs = new java.util.ArrayList<>();
    java.util.List<SkippedLog> skipped = new java.util.ArrayList<>();
    java.time.Instant now = java.time.Instant.now();
    for (int i = 0; i < logs.size(); i++) {
      Path log = logs.get(i);
      progress.reading(i + 1, logs.size(), log);
      try {
        // the same run the Spark listener of dgx-spark-runtime records at application end
        runs.add(
            PerformanceRun.fromEventLog(EventLogs.read(log), log.toAbsolutePath().toString(), now));
      } catch (RuntimeException e) {
        skipped.add(SkippedLog.of(log, e));
      }
    }
    PerformanceHistory h;
    if (runs.isEmpty()) {
      h = java.nio.file.Files.exists(file) ? PerformanceHistory.load(file) : null;
    } else {
      try {
        java.nio.file.Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          java.nio.file.Files.createDirectories(parent);
        }
      } catch (java.io.IOException e) {
        throw new AdapterException(
            "history folder of " + file + " cannot be created: " + e.getMessage(), e);
      }
      java.util.List<Map<String, Object>> provenance = new java.util.ArrayList<>();
      runs.forEach(r -> provenance.add(Map.of()));
      h = PerformanceHistory.append(file, runs, provenance);
    }
    return new HistoryResult.Added(
        file.toString(),
        runs.stream().map(HistoryResult.Run::of).toList(),
        skipped,
        h == null ? 0 : h.runs().size());
  }

  /**
   * The runs of a local history file: {@code {"history","exists","runs":[{"appId","source",
   * "workload","logPath","wallTimeMs",...}]}}; a missing file has no runs.
   *
   * @param file the history file
   * @return the result
   * @throws io.github.dgxspark.core.DgxSparkException if the file exists but is not a history
   */
  public static HistoryResult historyList(Path file) {
    Objects.requireNonNull(file, "file");
    boolean exists = java.nio.file.Files.exists(file);
    return new HistoryResult(
        file.toString(),
        exists,
        exists
            ? PerformanceHistory.load(file).runs().stream().map(HistoryResult.Run::of).toList()
            : List.of());
  }

  /**
   * Classifies a description: {@code {"workloadType","confidence","runnerUp","runnerUpConfidence",
   * "evidence":[...],"basis","reason","extraction":{"dataSizeBytes"?,"modelParameters"?,
   * "gpuIntent","operations":[...]}}}.
   *
   * @param text a sentence, SQL statement or code fragment
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if the text is blank or holds a bad size
   */
  public static ClassifyResult classify(String text) {
    Objects.requireNonNull(text, "text");
    return ClassifyResult.of(WorkloadAnalyzer.classify(text), WorkloadAnalyzer.extract(text));
  }

  /**
   * The I/O pattern of a job on the hardware: measured from an event log when one is given, else
   * from the workload's class and input size: {@code {"inputBytes","shuffleBytes","outputBytes",
   * "dominant","scanHeavy","shuffleHeavy","writeHeavy","diskTimeMs","networkTimeMs","measured",
   * "reason","source","workloadType","hardware":{...},"logWarnings"?}}.
   *
   * @param log an event log, or empty
   * @param workload the workload when there is no log
   * @param hardware the hardware to time the bytes on
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if an input cannot be read or resolved
   */
  public static IoPatternResult ioPattern(
      Optional<Path> log, WorkloadOptions workload, HardwareOptions hardware) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(workload, "workload");
    HardwareOptions.Resolved hw = hardware.resolve();
    Optional<ApplicationProfile> read = log.map(EventLogs::read);
    if (read.isPresent()) {
      ApplicationProfile p = read.get();
      return IoPatternResult.of(
          WorkloadAnalyzer.ioPattern(p, hw.cluster()),
          WorkloadAnalyzer.classify(p).workloadType().id(),
          ClusterSummary.of(hw),
          logWarnings(p));
    }
    WorkloadSpec spec = workload.resolve();
    return IoPatternResult.of(
        WorkloadAnalyzer.ioPattern(spec.type(), spec.inputBytes().orElse(0), hw.cluster()),
        spec.type().id(),
        ClusterSummary.of(hw),
        Optional.empty());
  }

  /**
   * Memory, cores, GPUs and nodes a job needs on the hardware, with the reasoning for each figure.
   *
   * @param workload the workload
   * @param hardware the hardware
   * @return the answer
   * @throws io.github.dgxspark.core.DgxSparkException if an input cannot be resolved
   */
  public static ResourcesResult resources(WorkloadOptions workload, HardwareOptions hardware) {
    Objects.requireNonNull(workload, "workload");
    HardwareOptions.Resolved hw = hardware.resolve();
    EstimateReport r = Estimators.estimate(workload.job(), hw.cluster(), CostSpec.defaults());
    return new ResourcesResult(
        EstimateResult.Job.of(r.job()), r.resources(), ClusterSummary.of(hw));
  }

  /**
   * The run time of a job on the hardware: the one combined answer ({@code answer}) of the
   * estimators' time with its interval ({@code time}) and the Ernest model fitted on the
   * performance history's measured runs of the workload type ({@code performance}), with cost; an
   * {@link EstimateResult} without {@code resources}. Without a config, Ernest is evaluated at one
   * executor per node with all its cores.
   *
   * @param workload the workload
   * @param hardware the hardware
   * @param config the Spark config the job runs with ({@code spark.executor.instances}, {@code
   *     spark.executor.cores}), or empty
   * @return the answer
   * @throws io.github.dgxspark.core.DgxSparkException if an input cannot be resolved, or the
   *     config's executor count or cores are not whole numbers of 1 or more
   */
  public static EstimateResult predict(
      WorkloadOptions workload, HardwareOptions hardware, Map<String, String> config) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(config, "config");
    boundCount(config, "spark.executor.instances", Inputs.MAX_EXECUTORS);
    boundCount(config, "spark.executor.cores", Inputs.MAX_NODE_CORES);
    HardwareOptions.Resolved hw = hardware.resolve();
    return estimate(workload, hw, Optional.empty(), config, false);
  }

  /** Bounds a whole-number count of the config; other values are left to the models to judge. */
  private static void boundCount(Map<String, String> config, String key, int max) {
    String v = config.get(key);
    if (v != null && v.strip().matches("[+-]?[0-9]{1,30}")) {
      long n;
      try {
        n = Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        n = Long.MAX_VALUE;
      }
      Inputs.count(key, n, max);
    }
  }

  /**
   * The application's wall time on another executor count (and, for a GPU job, GPUs per executor),
   * the rest of its layout kept, by replaying its own event log and, when the performance history
   * has runs of its workload type, by the Ernest model: {@code
   * {"observedExecutors","observedDurationMs","predictedDurationMs","interval":{"low","high",
   * "level"},"targetExecutors","replaySpeedup"?,"ernestSpeedup"?,"disagree","replay":{...}?,
   * "ernest":{...}?,"reason","source","complete","missingChunks":[...],"logWarnings"?:[...]}}; the
   * first four are the CLI's {@code scale} contract; {@code complete} false or {@code logWarnings}
   * say the log (and so the prediction) covers part of the application.
   *
   * @param log an event log file or folder
   * @param executors executors on the target, 1 or more
   * @param gpusPerExecutor GPUs per executor on the target (GPU logs only; the RAPIDS Accelerator
   *     supports only 1), or empty to keep the observed count
   * @return the answer
   * @throws io.github.dgxspark.core.DgxSparkException if the log cannot be read or has no timed
   *     task, a count is out of range, or GPUs are given for a CPU log
   */
  public static ScaleResult scale(Path log, int executors, OptionalInt gpusPerExecutor) {
    return scale(log, executors, gpusPerExecutor, OptionalInt.empty());
  }

  /**
   * As {@link #scale(Path, int, OptionalInt)}, on a host of {@code hostCores} logical cores that
   * the log's executors shared (e.g. {@code local-cluster}) and the target's executors share too:
   * then an added executor brings no cores, and the prediction counts the cores per running task,
   * the JVM warm-up of each task slot and each executor's start-up, as measured in the log.
   *
   * @param log an event log file or folder
   * @param executors executors on the target, 1 or more
   * @param gpusPerExecutor GPUs per executor on the target, or empty to keep the observed count
   * @param hostCores the logical cores of the host the executors share, or empty when each executor
   *     brings its own cores
   * @return the answer
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #scale(Path, int, OptionalInt)}, or
   *     if hostCores is out of range
   */
  public static ScaleResult scale(
      Path log, int executors, OptionalInt gpusPerExecutor, OptionalInt hostCores) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(gpusPerExecutor, "gpusPerExecutor");
    Objects.requireNonNull(hostCores, "hostCores");
    Inputs.count("executors", executors, Inputs.MAX_EXECUTORS);
    if (hostCores.isPresent()) {
      Inputs.count("host cores", hostCores.getAsInt(), Inputs.MAX_NODE_CORES);
    }
    ApplicationProfile p = EventLogs.read(log);
    ReplaySpec observed = PerformanceModels.observedLayout(p);
    ReplaySpec target = observed.withExecutors(executors);
    if (gpusPerExecutor.isPresent()) {
      if (gpusPerExecutor.getAsInt() < 1 || gpusPerExecutor.getAsInt() > MAX_GPUS_PER_EXECUTOR) {
        throw new AdapterException(
            "GPUs per executor is "
                + gpusPerExecutor.getAsInt()
                + "; expected "
                + MAX_GPUS_PER_EXECUTOR
                + ": the RAPIDS Accelerator supports one GPU per executor (RAPIDS tuning guide,"
                + " Number of Executors); scale the executor count instead, or leave it out to"
                + " keep the observed count");
      }
      if (observed.gpusPerExecutor() == 0) {
        throw new AdapterException(
            "GPUs per executor given, but "
                + log
                + " is a CPU application (no GPU operator ran); expected GPUs only for the log of"
                + " a RAPIDS Accelerator (GPU) application");
      }
      target =
          new ReplaySpec(
              executors,
              observed.executorCores(),
              gpusPerExecutor.getAsInt(),
              observed.concurrentGpuTasks());
    }
    return ScaleResult.of(
        PerformanceModels.predictScaling(p, target, PerformanceHistory.builtIn(), hostCores),
        p,
        logWarnings(p));
  }

  /**
   * What holds an application back, from its event log (with the hardware it ran on, network
   * saturation is checked too), or, without a log, what a config on the hardware will likely run
   * into: {@code {"applicationId"?,"wallTimeMs"?,"basis","bottlenecks":[{"kind","severity",
   * "evidence":{...},"wallTimeFraction"?,"estimatedSavingMs"?,"reason","source"}]}}, most severe
   * first; kinds are e.g. {@code gc}, {@code task-skew}, {@code spill}, severities {@code
   * critical}, {@code severe}, {@code moderate}, {@code low}.
   *
   * @param log an event log, or empty
   * @param config the config when there is no log
   * @param hardware the hardware (with a log: optional; without: this machine, probed, when empty)
   * @return the tree
   * @throws io.github.dgxspark.core.DgxSparkException if neither a log nor a config is given, an
   *     input cannot be read or resolved, or the log has no timed task
   */
  public static BottlenecksResult bottlenecks(
      Optional<Path> log, Map<String, String> config, Optional<HardwareOptions> hardware) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hardware, "hardware");
    BottleneckReport r;
    Optional<ApplicationProfile> read = log.map(EventLogs::read);
    if (read.isPresent()) {
      ApplicationProfile p = read.get();
      r =
          hardware.isPresent()
              ? BottleneckDetector.detect(p, hardware.get().resolve().cluster())
              : BottleneckDetector.detect(p);
    } else if (!config.isEmpty()) {
      r =
          BottleneckDetector.detect(
              new SparkConfig(config),
              hardware.orElseGet(HardwareOptions::local).resolve().cluster());
    } else {
      throw new AdapterException(
          "neither an event log nor a config given; expected the path of an event log, or a"
              + " Spark config (key -> value) to check on the hardware");
    }
    return BottlenecksResult.of(r, read.flatMap(Operations::logWarnings));
  }

  /**
   * Resources, execution time with an interval, and cost of a job on the hardware, the time from
   * the user's own runs in a local history file first ({@code history add}), and saying so: an
   * {@link EstimateResult} with {@code resources}.
   *
   * @param workload the workload
   * @param hardware the hardware
   * @param history the user's history file; a missing file has no runs
   * @return the answer
   * @throws io.github.dgxspark.core.DgxSparkException if an input cannot be resolved or the file
   *     exists but is not a history
   */
  public static EstimateResult estimate(
      WorkloadOptions workload, HardwareOptions hardware, Path history) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(history, "history");
    return estimate(workload, hardware.resolve(), Optional.of(history), Map.of(), true);
  }

  /**
   * As {@link #predict(WorkloadOptions, HardwareOptions, Map)}, the estimators' time from the
   * user's own runs in a local history file first ({@code history add}), and saying so.
   *
   * @param workload the workload
   * @param hardware the hardware
   * @param config the Spark config the job runs with, or empty
   * @param history the user's history file; a missing file has no runs
   * @return the answer
   * @throws io.github.dgxspark.core.DgxSparkException as {@link #predict(WorkloadOptions,
   *     HardwareOptions, Map)}, or if the file exists but is not a history
   */
  public static EstimateResult predict(
      WorkloadOptions workload,
      HardwareOptions hardware,
      Map<String, String> config,
      Path history) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(history, "history");
    boundCount(config, "spark.executor.instances", Inputs.MAX_EXECUTORS);
    boundCount(config, "spark.executor.cores", Inputs.MAX_NODE_CORES);
    HardwareOptions.Resolved hw = hardware.resolve();
    return estimate(workload, hw, Optional.of(history), config, false);
  }

  /**
   * The estimate with the combined time answer and the Ernest prediction behind it, both from the
   * user's history first when one is given; with the resources when asked.
   */
  private static EstimateResult estimate(
      WorkloadOptions workload,
      HardwareOptions.Resolved hw,
      Optional<Path> history,
      Map<String, String> config,
      boolean withResources) {
    EstimateReport r =
        history.isPresent()
            ? Estimators.estimate(workload.job(), hw.cluster(), CostSpec.defaults(), history.get())
            : Estimators.estimate(workload.job(), hw.cluster(), CostSpec.defaults());
    SparkConfig conf = new SparkConfig(config);
    CombinedTimeReport a =
        history.isPresent()
            ? Estimators.timeAnswer(workload.job(), hw.cluster(), conf, history.get())
            : Estimators.timeAnswer(
                workload.job(), hw.cluster(), conf, PerformanceHistory.builtIn());
    return new EstimateResult(
        EstimateResult.Job.of(r.job()),
        withResources ? Optional.of(r.resources()) : Optional.empty(),
        EstimateResult.Time.of(r.time()),
        EstimateResult.Answer.of(a),
        r.cost(),
        ClusterSummary.of(hw),
        ErnestPrediction.of(a.ernest()));
  }

  /**
   * Reads hardware JSON: a {@link #hardware} result (its {@code report}, or without it its {@code
   * node}), a hardware report, a bare node object, or the {@code node} object of a {@link
   * #hardware} result on its own.
   *
   * @param json the JSON text
   * @return the report
   * @throws io.github.dgxspark.core.DgxSparkException if the text is none of these
   */
  public static HardwareReport readHardware(String json) {
    JsonNode tree = Json.parse(json);
    if (tree.has("report")) {
      return HardwareReport.fromJson(Json.compact(tree.get("report")));
    }
    if (tree instanceof ObjectNode o && o.has("node") && o.get("node") instanceof ObjectNode node) {
      // the summary's node (HardwareResult.Node) with its report cut away
      o.set("node", nodeSpecTree(node));
      return HardwareReport.fromJson(Json.compact(o));
    }
    if (tree instanceof ObjectNode node) {
      return HardwareReport.fromJson(Json.compact(nodeSpecTree(node)));
    }
    return HardwareReport.fromJson(json);
  }

  /**
   * A node object as {@link HardwareResult.Node} is written ({@code "nvlink":{"present",
   * "bytesPerSecondPerGpu"}}) in the node spec's own shape ({@code "nvlinkBytesPerSecond"}); a node
   * spec passes unchanged.
   */
  private static ObjectNode nodeSpecTree(ObjectNode node) {
    JsonNode nvlink = node.get("nvlink");
    if (nvlink instanceof ObjectNode n && !node.has("nvlinkBytesPerSecond")) {
      ObjectNode copy = node.deepCopy();
      copy.remove("nvlink");
      copy.set("nvlinkBytesPerSecond", n.path("bytesPerSecondPerGpu"));
      return copy;
    }
    return node;
  }
}
