package io.github.dgxspark.adapter.mcp;

import static io.github.dgxspark.adapter.mcp.Schemas.hardwareArgs;
import static io.github.dgxspark.adapter.mcp.Schemas.object;
import static io.github.dgxspark.adapter.mcp.Schemas.pathArg;
import static io.github.dgxspark.adapter.mcp.Schemas.prop;
import static io.github.dgxspark.adapter.mcp.Schemas.required;
import static io.github.dgxspark.adapter.mcp.Schemas.workloadArgs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.AnalyzeResult;
import io.github.dgxspark.adapter.BottlenecksResult;
import io.github.dgxspark.adapter.ClassifyResult;
import io.github.dgxspark.adapter.EstimateResult;
import io.github.dgxspark.adapter.HardwareResult;
import io.github.dgxspark.adapter.Inputs;
import io.github.dgxspark.adapter.IoPatternResult;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.adapter.ProfilesResult;
import io.github.dgxspark.adapter.QualifyResult;
import io.github.dgxspark.adapter.RecommendResult;
import io.github.dgxspark.adapter.RecommendationsResult;
import io.github.dgxspark.adapter.ResourcesResult;
import io.github.dgxspark.adapter.RulesResult;
import io.github.dgxspark.adapter.ScaleResult;
import io.github.dgxspark.adapter.ValidateResult;
import io.github.dgxspark.core.DgxSparkException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools: each reads its arguments, calls one operation of {@link Operations} and returns
 * the same JSON tree the CLI prints with {@code --format json}, as structured content and as text.
 * Every failure becomes a result with {@code isError} and a message saying what to fix.
 */
final class Tools {
  private static final Logger LOG = LoggerFactory.getLogger(Tools.class);

  private Tools() {}

  /** One tool: its description, schemas and handler. */
  private record Def(
      String name,
      String title,
      String description,
      ObjectNode input,
      ObjectNode output,
      Function<Args, Object> handler) {}

  static List<SyncToolSpecification> all(AllowedFiles files) {
    List<Def> defs = new ArrayList<>();
    defs.add(
        new Def(
            "detect_hardware",
            "Detect hardware",
            "The hardware the advice is for: this machine probed, a built-in DGX profile (with"
                + " nodes), a hardware JSON, or pasted nvidia-smi output of another machine. Returns"
                + " nodes, the node (cores, memory, GPUs, NVLink, NICs) and notes on what could not"
                + " be read.",
            hardwareArgs(object()),
            RecordSchemas.of(HardwareResult.class),
            a -> Operations.hardware(a.hardware())));
    defs.add(
        new Def(
            "list_profiles",
            "List DGX profiles",
            "The built-in DGX system profiles (dgx-1 ... dgx-station) with GPUs, cores and memory.",
            object(),
            RecordSchemas.of(ProfilesResult.class),
            a -> Operations.profiles()));
    defs.add(
        new Def(
            "generate_spark_config",
            "Generate a Spark config",
            "A complete Spark config (CPU or GPU with the RAPIDS Accelerator) for a workload on the"
                + " hardware: config (key -> value), reasons (key -> why, with sources), the"
                + " executor layout and notes.",
            Schemas.planArgs(workloadArgs(hardwareArgs(object()))),
            RecordSchemas.of(RecommendResult.class),
            a -> Operations.recommend(a.hardware(), a.workload(), a.plan())));
    defs.add(
        new Def(
            "validate_spark_config",
            "Validate a Spark config",
            "Checks a Spark config (key -> value) against the rule catalog: syntax and types, what"
                + " Spark rejects, DGX/RAPIDS best practice, anti-patterns, security; with hardware"
                + " (profile, hardware, nvidiaSmi or probe) also whether it fits. Findings carry"
                + " ruleId, severity (ERROR, WARNING, INFO), keys, message, suggestedValue, source.",
            Schemas.versionArgs(Schemas.configArgs(hardwareArgs(object()))),
            RecordSchemas.of(ValidateResult.class),
            a ->
                Operations.validate(
                    a.config(),
                    a.optionalHardware(),
                    a.text("sparkVersion"),
                    a.text("rapidsVersion"))));
    defs.add(
        new Def(
            "list_rules",
            "List validation rules",
            "The rule catalog: name, category, severity, modes, message, rationale and source of"
                + " every rule.",
            object(),
            RecordSchemas.of(RulesResult.class),
            a -> Operations.rules()));
    defs.add(
        new Def(
            "classify_workload",
            "Classify a workload",
            "Classifies a description (a sentence, SQL or code) into etl, sql-analytics,"
                + " ml-training, ml-inference, streaming, graph or unknown, with confidence, the"
                + " runner-up, the evidence, and the data size, model size, GPU intent and"
                + " operations read from it.",
            required(
                prop(
                    object(),
                    "description",
                    Schemas.string(Schemas.MAX_DESCRIPTION),
                    "the description to classify"),
                "description"),
            RecordSchemas.of(ClassifyResult.class),
            a -> Operations.classify(a.requiredText("description"))));
    defs.add(
        new Def(
            "analyze_io_pattern",
            "Analyze the I/O pattern",
            "Bytes read, shuffled and written, which dominates (scan-, shuffle- or write-heavy) and"
                + " the time on the hardware's disks and network: measured from an event log"
                + " (path) or from the workload's class and data size.",
            pathArg(workloadArgs(hardwareArgs(object()))),
            RecordSchemas.of(IoPatternResult.class),
            a ->
                Operations.ioPattern(
                    a.text("path").map(files::resolve), a.workload(), a.hardware())));
    defs.add(
        new Def(
            "estimate_resources",
            "Estimate resources",
            "Memory, cores, GPUs and nodes a described job needs on the hardware, with the"
                + " reasoning for each figure. Resources only: for how long the job runs use"
                + " predict_performance.",
            workloadArgs(hardwareArgs(object())),
            RecordSchemas.of(ResourcesResult.class),
            a -> Operations.resources(a.workload(), a.hardware())));
    defs.add(
        new Def(
            "analyze_event_log",
            "Analyze a Spark event log",
            "Reads a Spark event log (file or folder, any Spark codec) under the allowed"
                + " directories: application, totals (jobs, stages, tasks, failedTasks, run and CPU"
                + " time, GC, input/output/shuffle bytes, spill), failures, diagnoses (GPU"
                + " out-of-memory causes, CPU fallbacks, inactive RAPIDS shuffle manager) and"
                + " ranked recommendations, each backed by a measurement of the log. With a target"
                + " (profile [nodes] or hardware, optional mode cpu|gpu) also target: the config"
                + " for that hardware sized from the log's measurements. The one tool for an event"
                + " log's findings and advice: its bottlenecks and recommendations are those that"
                + " detect_bottlenecks and generate_recommendations give for a config without a"
                + " log; predict_scaling replays the log at another executor count.",
            Schemas.historyArg(
                Schemas.targetModeArg(hardwareArgs(required(pathArg(object()), "path")))),
            RecordSchemas.of(AnalyzeResult.class),
            a ->
                Operations.analyze(
                    files.resolve(a.requiredText("path")),
                    a.optionalHardware(),
                    a.text("mode"),
                    a.text("history").map(files::resolve),
                    (read, total) -> {})));
    defs.add(
        new Def(
            "generate_recommendations",
            "Generate recommendations",
            "For a config (key -> value) on the hardware and workload, without an event log:"
                + " ranked recommendations with exact config changes (key: current -> proposed),"
                + " reason and source, impact on run time and cost with an interval, priority,"
                + " implementation guidance and an A/B test plan. For an event log use"
                + " analyze_event_log, whose recommendations are backed by the log's measurements.",
            Schemas.historyArg(optionalConfig(workloadArgs(hardwareArgs(object())))),
            RecordSchemas.of(RecommendationsResult.class),
            a ->
                Operations.recommendations(
                    Optional.empty(),
                    a.node("config").isPresent() ? a.config() : Map.of(),
                    a.optionalHardware(),
                    a.workload(),
                    a.text("history").map(files::resolve))));
    defs.add(
        new Def(
            "detect_bottlenecks",
            "Detect bottlenecks",
            "What a config (key -> value) will likely run into on the hardware, without an event"
                + " log: GC, spill, partitions, idle executors and the rest, each with severity,"
                + " evidence, reason and source. For a run's event log use analyze_event_log, whose"
                + " bottlenecks are measured from the log (share of wall time, estimated saving).",
            required(Schemas.configArg(hardwareArgs(object())), "config"),
            RecordSchemas.of(BottlenecksResult.class),
            a -> Operations.bottlenecks(Optional.empty(), a.config(), a.optionalHardware())));
    defs.add(
        new Def(
            "predict_performance",
            "Predict performance",
            "The run time of a described job on the hardware: one answer (answer: expected,"
                + " interval, the model used and why) combining the per-byte estimators and the"
                + " Ernest model (NSDI 2016) of the measured runs, each judged against the sizes,"
                + " cores and mode of the runs it rests on (its validity range), with cost. config"
                + " (key -> value) gives the executors and cores (default one executor per node"
                + " with all its cores). For an event log at another executor count use"
                + " predict_scaling.",
            Schemas.configArg(workloadArgs(hardwareArgs(object()))),
            RecordSchemas.of(EstimateResult.class),
            a ->
                Operations.predict(
                    a.workload(),
                    a.hardware(),
                    a.node("config").isPresent() ? a.config() : Map.of())));
    defs.add(
        new Def(
            "predict_scaling",
            "Predict scaling",
            "An application's wall time on another executor count (and, for a GPU log, GPUs per"
                + " executor) by replaying its event log (path, under the allowed directories)"
                + " and by the Ernest model of the history, with an interval and where the two"
                + " disagree: observedExecutors, observedDurationMs, predictedDurationMs,"
                + " interval {low, high, level}.",
            scalingInput(),
            RecordSchemas.of(ScaleResult.class),
            a ->
                Operations.scale(
                    files.resolve(a.requiredText("path")),
                    a.requiredInteger("executors"),
                    a.integer("gpus"),
                    a.integer("hostCores"))));
    defs.add(
        new Def(
            "qualify_event_logs",
            "Qualify event logs for GPUs",
            "Which applications of CPU Spark event logs (files, log folders or folders of logs under"
                + " the allowed directories, read one at a time) should move to the target's GPUs"
                + " with the RAPIDS Accelerator (default target 1 x dgx-h100): per application"
                + " appId, name, logPath, cpuWallTimeMs, predictedGpuWallTimeMs and speedup"
                + " {expected, low, high}, recommended, category, supportedTimeFraction,"
                + " unsupportedOperators [{name, timeShare}], reasons, per-SQL breakdown and the"
                + " config to run it with; ranked by expected saving; unreadable logs in skipped.",
            qualifyInput(),
            RecordSchemas.of(QualifyResult.class),
            a -> {
              List<java.nio.file.Path> paths = new ArrayList<>();
              for (com.fasterxml.jackson.databind.JsonNode p :
                  a.node("paths")
                      .orElseThrow(
                          () ->
                              new io.github.dgxspark.adapter.AdapterException(
                                  "argument paths is missing; expected an array of event log"
                                      + " paths"))) {
                paths.add(files.resolve(p.asText()));
              }
              io.github.dgxspark.adapter.HardwareOptions target =
                  a.optionalHardware()
                      .orElseGet(
                          () ->
                              io.github.dgxspark.adapter.HardwareOptions.profile(
                                  "dgx-h100",
                                  a.integer("nodes").orElse(1),
                                  io.github.dgxspark.core.ClusterManager.parse(
                                      a.text("clusterManager").orElse("standalone"))));
              return Operations.qualify(
                  paths, target, a.text("history").map(files::resolve), (n, count, log) -> {});
            }));
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (Def d : defs) {
      specs.add(spec(d, files));
    }
    return specs;
  }

  private static ObjectNode qualifyInput() {
    ObjectNode o = Schemas.historyArg(hardwareArgs(object()));
    ObjectNode paths = Schemas.arrayOf(Schemas.string(4096));
    paths.put("minItems", 1);
    paths.put("maxItems", 10_000);
    prop(
        o,
        "paths",
        paths,
        "event log files, log folders or folders of logs, absolute or relative to the first"
            + " allowed directory");
    return required(o, "paths");
  }

  private static ObjectNode scalingInput() {
    ObjectNode o = pathArg(object());
    prop(o, "executors", Schemas.integer(1, Inputs.MAX_EXECUTORS), "executors on the target");
    prop(
        o,
        "gpus",
        Schemas.integer(1, Operations.MAX_GPUS_PER_EXECUTOR),
        "GPUs per executor on the target, for the log of a GPU (RAPIDS) application: 1, the only"
            + " count the RAPIDS Accelerator supports (default as observed)");
    prop(
        o,
        "hostCores",
        Schemas.integer(1, Inputs.MAX_NODE_CORES),
        "logical cores of the one host the executors share (e.g. local-cluster): an added"
            + " executor then brings no cores (default: each executor brings its own)");
    return required(o, "path", "executors");
  }

  private static ObjectNode optionalConfig(ObjectNode schema) {
    Schemas.configArgs(schema);
    schema.remove("required");
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static SyncToolSpecification spec(Def d, AllowedFiles files) {
    Tool tool =
        Tool.builder(d.name(), Json.MAPPER.convertValue(d.input(), Map.class))
            .title(d.title())
            .description(d.description())
            .outputSchema(Json.MAPPER.convertValue(d.output(), Map.class))
            .annotations(
                new ToolAnnotations.Builder()
                    .title(d.title())
                    .readOnlyHint(true)
                    .destructiveHint(false)
                    .idempotentHint(true)
                    .openWorldHint(false)
                    .build())
            .build();
    return new SyncToolSpecification(
        tool,
        (exchange, request) -> {
          Args args = new Args(request.arguments(), files);
          Map<String, String> secrets = args.configToRedact();
          try {
            ObjectNode result = Operations.shownTree(d.handler().apply(args), secrets);
            return CallToolResult.builder()
                .addTextContent(Json.compact(result))
                .structuredContent(Json.MAPPER.convertValue(result, Map.class))
                .isError(false)
                .build();
          } catch (DgxSparkException e) {
            return failure(Operations.redacted(d.name() + ": " + e.getMessage(), secrets));
          } catch (RuntimeException | Error e) {
            // nothing may escape: an uncaught throwable would become a JSON-RPC error
            LOG.warn("tool {} failed unexpectedly", d.name(), e);
            Throwable why = e.getCause() != null ? e.getCause() : e;
            return failure(
                Operations.redacted(
                    d.name()
                        + ": unexpected failure ("
                        + why.getClass().getSimpleName()
                        + (why.getMessage() == null ? "" : ": " + why.getMessage())
                        + "); check the arguments, and report it to dgx-spark if they are right",
                    secrets));
          }
        });
  }

  private static CallToolResult failure(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
