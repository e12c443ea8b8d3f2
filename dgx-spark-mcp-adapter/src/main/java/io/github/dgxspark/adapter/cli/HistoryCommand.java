package io.github.dgxspark.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.AdapterException;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history add LOG...} and {@code history list}: the user's own measured runs in a local file
 * ({@link PerformanceHistory#defaultFile()} unless {@code --history FILE}), the same file the Spark
 * listener of {@code dgx-spark-runtime} appends to. Nothing is sent anywhere.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "Your own measured runs, kept in a local file (default ~/.dgx-spark/history.json):"
            + " 'history add LOG...' records real event logs, 'history list' shows them.",
    subcommands = {HistoryCommand.Add.class, HistoryCommand.ListRuns.class})
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a history command is required: add LOG... or list");
  }

  /** {@code --history FILE}. */
  static final class HistoryFile {
    @Option(
        names = "--history",
        paramLabel = "FILE",
        description = "the history file (default ~/.dgx-spark/history.json)")
    Path file;

    Path path() {
      return file == null ? PerformanceHistory.defaultFile() : file;
    }
  }

  /** The JSON of one run as the history file holds it, {@code appId} always present. */
  static ArrayNode runsJson(PerformanceHistory h) {
    ArrayNode runs = (ArrayNode) Json.parse(h.toJson()).path("runs");
    for (JsonNode r : runs) {
      if (!r.has("appId")) {
        ((ObjectNode) r).putNull("appId");
      }
    }
    return runs;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Records the measured run of each event log (file or folder, any Spark codec) with its"
              + " provenance: log path, application id, cluster, Spark version. An application"
              + " already in the history is not added twice. Exit 1 when a log could not be read"
              + " (the others are still added).")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin Options.Output output;
    @CommandLine.Mixin HistoryFile history;

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "event log files or folders")
    List<Path> logs;

    @Override
    public Integer call() {
      Instant now = Instant.now();
      List<PerformanceRun> runs = new ArrayList<>();
      ArrayNode skipped = Json.array();
      for (Path log : logs) {
        try {
          runs.add(PerformanceRun.fromEventLog(EventLogs.read(log), log.toString(), now));
        } catch (DgxSparkException e) {
          skipped.addObject().put("logPath", log.toString()).put("error", e.getMessage());
        }
      }
      List<PerformanceRun> added = PerformanceHistory.appendNew(history.path(), runs);
      ObjectNode r = Json.object();
      r.put("history", history.path().toString());
      ArrayNode addedJson = r.putArray("added");
      runsJson(new PerformanceHistory("added", added)).forEach(addedJson::add);
      ArrayNode present = r.putArray("alreadyPresent");
      runs.stream()
          .filter(x -> !added.contains(x))
          .forEach(
              x ->
                  present
                      .addObject()
                      .put("logPath", x.eventLog().orElse(""))
                      .put("appId", x.applicationId().orElse("")));
      r.set("skipped", skipped);
      output.print(r, HistoryCommand::addText);
      return skipped.isEmpty() ? Cli.OK : Cli.FINDINGS;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "The runs of the history, oldest first (--format json: a list of runs, each with"
              + " appId and source).")
  static final class ListRuns implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin HistoryFile history;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Options.Format format;

    @Override
    public Integer call() {
      Path file = history.path();
      PerformanceHistory h =
          Files.exists(file)
              ? PerformanceHistory.load(file)
              : new PerformanceHistory("no history file yet", List.of());
      ArrayNode runs = runsJson(h);
      PrintWriter out = spec.commandLine().getOut();
      switch (format) {
        case json:
          out.println(Json.pretty(runs));
          break;
        case text:
          out.print(listText(file, runs));
          break;
        default:
          throw new AdapterException(
              "format " + format + " is not for history list; expected text or json");
      }
      out.flush();
      return Cli.OK;
    }
  }

  private static void runRow(TextTable t, JsonNode r) {
    t.row(
        r.path("appId").asText("-"),
        r.path("workload").asText(),
        String.format(
            Locale.ROOT,
            "%d × %d cores%s",
            r.path("executors").asInt(),
            r.path("executorCores").asInt(),
            r.path("gpusPerExecutor").asInt() > 0
                ? String.format(Locale.ROOT, ", %d GPU", r.path("gpusPerExecutor").asInt())
                : ""),
        TextViews.readable(r.path("wallTimeMillis").asLong()),
        r.path("sparkVersion").asText(),
        r.path("machine").path("description").asText(),
        r.path("eventLogPath").asText(r.path("source").asText()));
  }

  private static TextTable runTable() {
    return new TextTable("APP", "WORKLOAD", "EXECUTORS", "WALL TIME", "SPARK", "CLUSTER", "SOURCE");
  }

  static String addText(ObjectNode r) {
    StringBuilder sb = new StringBuilder();
    if (!r.path("added").isEmpty()) {
      TextTable t = runTable();
      r.path("added").forEach(x -> runRow(t, x));
      sb.append("added to ").append(r.path("history").asText()).append(":\n").append(t.render());
    }
    for (JsonNode p : r.path("alreadyPresent")) {
      sb.append(
          String.format(
              Locale.ROOT,
              "already in the history: %s (%s)%n",
              p.path("appId").asText(),
              p.path("logPath").asText()));
    }
    for (JsonNode s : r.path("skipped")) {
      sb.append(
          String.format(
              Locale.ROOT,
              "skipped %s: %s%n",
              s.path("logPath").asText(),
              s.path("error").asText()));
    }
    return sb.toString();
  }

  static String listText(Path file, ArrayNode runs) {
    if (runs.isEmpty()) {
      return "no runs in " + file + " yet; 'history add LOG...' records event logs\n";
    }
    TextTable t = runTable();
    runs.forEach(x -> runRow(t, x));
    return file + ": " + runs.size() + " runs\n" + t.render();
  }
}
