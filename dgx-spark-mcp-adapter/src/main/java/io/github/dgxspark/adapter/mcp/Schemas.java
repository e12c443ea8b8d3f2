package io.github.dgxspark.adapter.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.Inputs;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.hardware.HardwareProfiles;
import java.util.Arrays;
import java.util.List;

/**
 * JSON Schema 2020-12 pieces for the tools: argument schemas with limits (every text has a maximum
 * length, every number a range) and the output shapes the CLI's JSON also has.
 */
final class Schemas {
  /** Longest pasted nvidia-smi output accepted: 1,000,000 characters. */
  static final int MAX_PASTE = 1_000_000;

  /** Longest description accepted: 20,000 characters. */
  static final int MAX_DESCRIPTION = 20_000;

  private Schemas() {}

  /** An object schema without properties yet; unknown properties are refused. */
  static ObjectNode object() {
    ObjectNode o = Json.object();
    o.put("type", "object");
    o.putObject("properties");
    o.put("additionalProperties", false);
    return o;
  }

  static ObjectNode prop(ObjectNode schema, String name, ObjectNode type, String description) {
    type.put("description", description);
    ((ObjectNode) schema.get("properties")).set(name, type);
    return schema;
  }

  static ObjectNode required(ObjectNode schema, String... names) {
    ArrayNode r = schema.withArrayProperty("required");
    Arrays.stream(names).forEach(r::add);
    return schema;
  }

  static ObjectNode string(int maxLength) {
    ObjectNode o = Json.object();
    o.put("type", "string");
    o.put("minLength", 1);
    o.put("maxLength", maxLength);
    return o;
  }

  static ObjectNode enumOf(List<String> values) {
    ObjectNode o = Json.object();
    o.put("type", "string");
    o.set("enum", Json.texts(values));
    return o;
  }

  static ObjectNode integer(int min, int max) {
    ObjectNode o = Json.object();
    o.put("type", "integer");
    o.put("minimum", min);
    o.put("maximum", max);
    return o;
  }

  static ObjectNode type(String type) {
    ObjectNode o = Json.object();
    o.put("type", type);
    return o;
  }

  static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode o = type("array");
    o.set("items", items);
    return o;
  }

  /**
   * Adds profile, nodes, hardware, hardwareFile, nvidiaSmi, logicalCores, memory and
   * clusterManager.
   */
  static ObjectNode hardwareArgs(ObjectNode schema) {
    prop(
        schema,
        "profile",
        enumOf(HardwareProfiles.names()),
        "built-in DGX profile; give at most one of profile, hardware and nvidiaSmi (none: this"
            + " machine is probed)");
    prop(schema, "nodes", integer(1, Inputs.MAX_NODES), "number of identical nodes (default 1)");
    // one type per property: clients that map schemas to function declarations refuse type
    // arrays (the MCP Inspector's --strict portability check warns on them)
    prop(
        schema,
        "hardware",
        type("object"),
        "hardware JSON: a detect_hardware result's report or a node object (a file of it:"
            + " hardwareFile)");
    prop(
        schema,
        "hardwareFile",
        string(4096),
        "the path of a hardware JSON file under the allowed directories, instead of hardware");
    prop(
        schema,
        "nvidiaSmi",
        string(MAX_PASTE),
        "pasted output of nvidia-smi (table, --query-gpu CSV, topo -m or -q -x) from the machine"
            + " to plan for");
    prop(
        schema,
        "logicalCores",
        integer(1, Inputs.MAX_NODE_CORES),
        "logical cores of the nvidiaSmi machine, when the paste does not show them");
    prop(
        schema,
        "memory",
        string(32),
        "memory of the nvidiaSmi machine in Spark's units (e.g. 2t), when the paste does not show"
            + " it");
    prop(
        schema,
        "clusterManager",
        enumOf(List.of("local", "standalone", "yarn", "kubernetes", "k8s")),
        "cluster manager (default standalone)");
    return schema;
  }

  /** Adds mode: the execution mode to plan a target for. */
  static ObjectNode targetModeArg(ObjectNode schema) {
    prop(
        schema,
        "mode",
        enumOf(List.of("cpu", "gpu")),
        "with a target: plan it in this mode (default the log's); needs profile, hardware or"
            + " nvidiaSmi");
    return schema;
  }

  /** Adds history: the user's history file, under the allowed directories. */
  static ObjectNode historyArg(ObjectNode schema) {
    prop(
        schema,
        "history",
        string(4096),
        "your history file (written by the CLI's history add), absolute or relative to the first"
            + " allowed directory: your measured runs, used before the built-in ones (default: the"
            + " built-in runs alone)");
    return schema;
  }

  /** Adds workloadType, description, dataSize and mode. */
  static ObjectNode workloadArgs(ObjectNode schema) {
    prop(
        schema,
        "workloadType",
        enumOf(Arrays.stream(WorkloadType.values()).map(WorkloadType::id).toList()),
        "the workload class; give this or description");
    prop(
        schema,
        "description",
        string(MAX_DESCRIPTION),
        "a description of the job (a sentence, SQL or code), classified when workloadType is"
            + " absent");
    prop(schema, "dataSize", string(32), "input size in Spark's units, e.g. 500g or 1t");
    prop(schema, "mode", enumOf(List.of("cpu", "gpu", "auto")), "cpu, gpu or auto (default)");
    return schema;
  }

  /** Adds sparkVersion, deployMode, keep and tuning. */
  static ObjectNode planArgs(ObjectNode schema) {
    prop(
        schema,
        "sparkVersion",
        string(32),
        "Spark version the config is for, e.g. 3.5.1 (default: the newest the RAPIDS Accelerator"
            + " supports); it names the RAPIDS shuffle manager class");
    prop(
        schema,
        "deployMode",
        enumOf(List.of("client", "cluster")),
        "client (default, spark-submit's: the driver runs on the submitting host) or cluster");
    prop(
        schema,
        "keep",
        textMap(200),
        "properties to keep as given, key -> value; the rest is planned around them, e.g."
            + " {\"spark.executor.cores\": \"8\"}");
    prop(
        schema,
        "tuning",
        textMap(20),
        "optimizer constants to override, name -> value as text (e.g. {\"maxHeap\": \"64g\"}):"
            + " cpuCoresPerExecutor, gpuHeapPerCore,"
            + " maxHeap, maxPinnedPool, unifiedMaxPinnedPool, maxConcurrentGpuTasks,"
            + " gpuMemoryPerTask, reservedCoresFraction, reservedMemoryFraction, minReservedMemory,"
            + " unifiedGpuAllocFraction");
    return schema;
  }

  /** An object of name -> string (one type per value: a type array is not portable). */
  private static ObjectNode textMap(int maxProperties) {
    ObjectNode map = type("object");
    ObjectNode value = type("string");
    value.put("maxLength", 10_000);
    map.set("additionalProperties", value);
    map.put("maxProperties", maxProperties);
    return map;
  }

  /** Adds config (required) and probe. */
  static ObjectNode configArgs(ObjectNode schema) {
    configArg(schema);
    prop(
        schema,
        "probe",
        type("boolean"),
        "check against this machine, probed (without profile, hardware or nvidiaSmi the config is"
            + " checked alone)");
    return required(schema, "config");
  }

  /** Adds sparkVersion and rapidsVersion, the releases a config is validated for. */
  static ObjectNode versionArgs(ObjectNode schema) {
    prop(
        schema,
        "sparkVersion",
        string(32),
        "Spark version the config is for, e.g. 3.5 or 4.1.3 (default: the newest the RAPIDS"
            + " Accelerator supports); keys, accepted values and defaults are that release's");
    prop(
        schema,
        "rapidsVersion",
        string(32),
        "RAPIDS Accelerator version, e.g. 25.02.1 (default: the newest); its defaults apply to"
            + " unset spark.rapids.* keys");
    return schema;
  }

  /** Adds config, optional. */
  static ObjectNode configArg(ObjectNode schema) {
    ObjectNode config = type("object");
    ObjectNode value = type("string");
    value.put("maxLength", 100_000);
    config.set("additionalProperties", value);
    config.put("maxProperties", 5_000);
    prop(
        schema,
        "config",
        config,
        "the Spark properties, key -> value, every value a string as in spark-defaults.conf,"
            + " e.g. {\"spark.executor.memory\": \"16g\", \"spark.executor.cores\": \"8\"}");
    return schema;
  }

  /** Adds path (an event log file or folder under the allowed directories). */
  static ObjectNode pathArg(ObjectNode schema) {
    prop(
        schema,
        "path",
        string(4096),
        "an event log file or folder, absolute or relative to the first allowed directory");
    return schema;
  }
}
