package io.github.dgxspark.adapter.mcp;

import static io.github.dgxspark.adapter.mcp.Schemas.hardwareArgs;
import static io.github.dgxspark.adapter.mcp.Schemas.object;
import static io.github.dgxspark.adapter.mcp.Schemas.output;
import static io.github.dgxspark.adapter.mcp.Schemas.pathArg;
import static io.github.dgxspark.adapter.mcp.Schemas.prop;
import static io.github.dgxspark.adapter.mcp.Schemas.required;
import static io.github.dgxspark.adapter.mcp.Schemas.type;
import static io.github.dgxspark.adapter.mcp.Schemas.workloadArgs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.core.DgxSparkException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      Function<Args, ObjectNode> handler) {}

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
            hardwareOutput(),
            a -> Operations.hardware(a.hardware())));
    defs.add(
        new Def(
            "list_profiles",
            "List DGX profiles",
            "The built-in DGX system profiles (dgx-1 ... dgx-station) with GPUs, cores and memory.",
            object(),
            withProp(output("profiles"), "profiles", type("array")),
            a -> Operations.profiles()));
    defs.add(
        new Def(
            "generate_spark_config",
            "Generate a Spark config",
            "A complete Spark config (CPU or GPU with the RAPIDS Accelerator) for a workload on the"
                + " hardware: config (key -> value), reasons (key -> why, with sources), the"
                + " executor layout and notes.",
            workloadArgs(hardwareArgs(object())),
            withProp(
                withProp(
                    withProp(output("config", "reasons", "mode"), "config", type("object")),
                    "reasons",
                    type("object")),
                "mode",
                type("string")),
            a -> Operations.recommend(a.hardware(), a.workload())));
    defs.add(
        new Def(
            "analyze_event_log",
            "Analyze a Spark event log",
            "Reads a Spark event log (file or folder, any Spark codec) under the allowed"
                + " directories: application, totals (jobs, stages, tasks, failedTasks, run and CPU"
                + " time, GC, input/output/shuffle bytes, spill) and failures.",
            required(pathArg(object()), "path"),
            withProp(
                withProp(output("application", "totals"), "application", type("object")),
                "totals",
                type("object")),
            a -> Operations.analyze(files.resolve(a.requiredText("path")))));
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (Def d : defs) {
      specs.add(spec(d, files));
    }
    return specs;
  }

  private static ObjectNode hardwareOutput() {
    ObjectNode o = output("nodes", "node", "notes");
    prop(o, "nodes", type("integer"), "number of nodes");
    prop(o, "node", type("object"), "one node: cores, memory, GPUs, NVLink, NICs");
    prop(o, "notes", arrayOf("string"), "what could not be read or was assumed");
    return o;
  }

  private static ObjectNode arrayOf(String itemType) {
    return Schemas.arrayOf(type(itemType));
  }

  private static ObjectNode withProp(ObjectNode schema, String name, ObjectNode type) {
    ((ObjectNode) schema.get("properties")).set(name, type);
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
          try {
            ObjectNode result = d.handler().apply(new Args(request.arguments(), files));
            return CallToolResult.builder()
                .addTextContent(Json.compact(result))
                .structuredContent(Json.MAPPER.convertValue(result, Map.class))
                .isError(false)
                .build();
          } catch (DgxSparkException e) {
            return failure(d.name() + ": " + e.getMessage());
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("tool {} failed unexpectedly", d.name(), e);
            return failure(
                d.name()
                    + ": unexpected failure ("
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check the arguments against the tool's input schema");
          }
        });
  }

  private static CallToolResult failure(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
