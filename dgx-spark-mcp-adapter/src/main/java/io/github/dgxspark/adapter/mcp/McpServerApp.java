package io.github.dgxspark.adapter.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.adapter.AdapterException;
import io.github.dgxspark.adapter.HardwareOptions;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.adapter.Version;
import io.github.dgxspark.hardware.HardwareProfiles;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The MCP server over stdio, built on the official MCP Java SDK (2.1, Jackson 2 binding): protocol
 * versions up to 2025-11-25, the tools of {@link Tools}, and resources: the local hardware, the
 * built-in profiles, the rule catalog and the optimizer's strategies. Standard output carries only
 * the protocol; logs go to standard error.
 */
public final class McpServerApp {
  /** The server name clients see. */
  public static final String NAME = "dgx-spark";

  /** The server version clients see: the build's. */
  public static final String VERSION = Version.CURRENT;

  /** The resource with the documentation of the optimizer's strategies. */
  static final String STRATEGIES_URI = "dgx://docs/optimization-strategies";

  /**
   * Class-path location of that documentation: dgx-spark-core's README, copied into the jar at
   * build time (see the module's pom), so that the text is written once.
   */
  static final String STRATEGIES_RESOURCE = "/io/github/dgxspark/adapter/docs/core/README.md";

  private McpServerApp() {}

  /**
   * Serves on this process's standard input and output until the input ends. {@code System.out} is
   * pointed at standard error first, so that nothing but the protocol reaches standard output.
   *
   * @param allowDirs the directories whose files the tools may read; none means the working
   *     directory
   * @throws io.github.dgxspark.adapter.AdapterException if an allowed directory does not exist
   */
  public static void serveStdio(List<Path> allowDirs) {
    AllowedFiles files = new AllowedFiles(allowDirs.isEmpty() ? List.of(Path.of("")) : allowDirs);
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    InputStream stdin = new FileInputStream(FileDescriptor.in);
    System.setOut(System.err);
    serve(files, stdin, stdout);
  }

  /**
   * Serves on the given streams until the input ends, then closes the server.
   *
   * @param allowDirs the directories whose files the tools may read
   * @param in the client's messages, one JSON-RPC message per line
   * @param out where the server's messages go
   * @throws io.github.dgxspark.adapter.AdapterException if an allowed directory does not exist
   */
  public static void serve(List<Path> allowDirs, InputStream in, OutputStream out) {
    serve(new AllowedFiles(allowDirs), in, out);
  }

  private static void serve(AllowedFiles files, InputStream in, OutputStream out) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    StdioGuard guard = new StdioGuard(in, out);
    // a plain mapper: the SDK's records carry their own inclusion rules, and the tools' nulls
    // (e.g. a change's "current": null) must reach the client as they are in the text content
    JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    McpSyncServer server =
        McpServer.sync(new StdioServerTransportProvider(json, guard.toSdk(), guard.fromSdk()))
            .serverInfo(NAME, VERSION)
            .jsonMapper(json)
            .instructions(
                "Spark on NVIDIA DGX: detect or pick hardware (detect_hardware, list_profiles),"
                    + " generate and validate a Spark config (generate_spark_config,"
                    + " validate_spark_config), size a job (estimate_resources) and predict its"
                    + " run time (predict_performance: one answer), advise on a config without a"
                    + " log (generate_recommendations, detect_bottlenecks), and analyze Spark"
                    + " event logs under the allowed directories "
                    + files.roots()
                    + " (analyze_event_log: bottlenecks and recommendations of a log;"
                    + " predict_scaling: another executor count; qualify_event_logs: GPU"
                    + " migration). How configs are sized: resource "
                    + STRATEGIES_URI
                    + ".")
            .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).build())
            .tools(Tools.all(files))
            .resources(resources())
            .build();
    guard.pump();
    server.closeGracefully();
  }

  private static List<SyncResourceSpecification> resources() {
    List<SyncResourceSpecification> list = new ArrayList<>();
    list.add(
        json(
            "dgx://hardware/local",
            "hardware-local",
            "The machine this server runs on, probed (CPU, memory, GPUs, NICs) with notes",
            () -> Json.pretty(Operations.hardware(HardwareOptions.local()))));
    list.add(
        json(
            "dgx://rules/catalog",
            "rule-catalog",
            "Every validation rule: category, severity, message, rationale, source, thresholds",
            () -> Json.pretty(Operations.rules())));
    list.add(
        new SyncResourceSpecification(
            Resource.builder(STRATEGIES_URI, "optimization-strategies")
                .title("How the optimizer sizes a cluster")
                .description(
                    "The optimization strategies behind generate_spark_config: OS and driver"
                        + " reserve, CPU and GPU (RAPIDS) executor layouts, memory, partitions,"
                        + " with their sources (dgx-spark-core README)")
                .mimeType("text/markdown")
                .build(),
            (exchange, request) ->
                ReadResourceResult.builder(
                        List.of(
                            TextResourceContents.builder(STRATEGIES_URI, strategies())
                                .mimeType("text/markdown")
                                .build()))
                    .build()));
    for (String name : HardwareProfiles.names()) {
      list.add(
          json(
              "dgx://profiles/" + name,
              "profile-" + name,
              "Built-in hardware profile " + name + " with the sources of its figures",
              () -> Json.pretty(Operations.profile(name))));
    }
    return list;
  }

  /**
   * The documentation of the optimizer's strategies, as packaged.
   *
   * @return the markdown text
   * @throws AdapterException if the jar was built without it
   */
  static String strategies() {
    try (InputStream in = McpServerApp.class.getResourceAsStream(STRATEGIES_RESOURCE)) {
      if (in == null) {
        throw new AdapterException(
            "the optimization strategies "
                + STRATEGIES_RESOURCE
                + " are not in this build; build the adapter with Maven, which copies"
                + " dgx-spark-core/README.md into the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AdapterException(
          "the optimization strategies " + STRATEGIES_RESOURCE + " cannot be read: " + e, e);
    }
  }

  private static SyncResourceSpecification json(
      String uri, String name, String description, Supplier<String> text) {
    return new SyncResourceSpecification(
        Resource.builder(uri, name).description(description).mimeType("application/json").build(),
        (exchange, request) ->
            ReadResourceResult.builder(
                    List.of(
                        TextResourceContents.builder(uri, text.get())
                            .mimeType("application/json")
                            .build()))
                .build());
  }
}
