package io.github.dgxspark.models.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Measured Spark runs: the packaged {@code data/performance-history.json} ({@link #builtIn()}) or a
 * local file the user chooses ({@link #load(Path)}, {@link #append(Path, PerformanceRun)}). Nothing
 * is written unless asked, and nothing leaves the machine.
 *
 * <p>File format: {@code {"description": "...", "runs": [run, ...]}}, each run an object with
 * {@code source}, {@code workload}, {@code scale}, {@code inputBytes}, {@code executors}, {@code
 * executorCores}, {@code executorMemoryBytes}, {@code gpusPerExecutor}, {@code config} (key →
 * value), {@code wallTimeMillis}, {@code machine} ({@code {"description": ..., "logicalCores": n}},
 * the cores when one machine held every executor, or a string), {@code sparkVersion}, {@code
 * eventLogPath}, {@code appId}, {@code appName}, {@code recordedAt} (ISO-8601), the names the
 * benchmarks harness writes; other fields are kept in the file and ignored here.
 *
 * @param description what the history holds
 * @param runs the runs, in file order
 */
public record PerformanceHistory(String description, List<PerformanceRun> runs) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  // Checks the fields and copies the list.
  public PerformanceHistory {
    Objects.requireNonNull(description, "description");
    runs = List.copyOf(runs);
  }

  /**
   * The packaged history of measured runs ({@code data/performance-history.json}).
   *
   * @return the history
   * @throws ModelsException if the packaged file is malformed
   */
  public static PerformanceHistory builtIn() {
    return parse(DataFiles.read("performance-history.json"), "data/performance-history.json");
  }

  /**
   * Reads a history file.
   *
   * @param file the file
   * @return its runs
   * @throws ModelsException naming the file when it is missing, unreadable, not JSON, or an entry
   *     is malformed (the entry's index is named)
   */
  public static PerformanceHistory load(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return parse(JSON.readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "performance history %s cannot be read: %s; expected a JSON object with a 'runs'"
                  + " array",
              file,
              e.getMessage()),
          e);
    }
  }

  /**
   * The user's own history file when none is chosen: {@code ~/.dgx-spark/history.json} (the {@code
   * user.home} system property). Nothing is written there unless asked.
   *
   * @return the path
   */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".dgx-spark", "history.json");
  }

  /**
   * Appends a run to a local history file, creating the file when missing. The file is replaced
   * atomically (a temporary file in the same folder, then a move), so a reader never sees a partial
   * file; existing entries and their unknown fields are kept as they were.
   *
   * @param file the history file the user chose
   * @param run the measured run
   * @return the history now in the file
   * @throws ModelsException naming the file when it exists but is not a history, or it cannot be
   *     written
   */
  public static PerformanceHistory append(Path file, PerformanceRun run) {
    Objects.requireNonNull(run, "run");
    return append(file, List.of(run), List.of(Map.of()));
  }

  /**
   * Appends runs to a local history file in one atomic replacement, as {@link #append(Path,
   * PerformanceRun)} does, each with provenance fields the run record does not model (e.g. the
   * harness's {@code inputRows}, {@code configKind} or {@code command}). They are written next to
   * the run's own fields, kept in the file and ignored when it is read; a map given for {@code
   * machine} adds its fields to the run's machine object.
   *
   * @param file the history file the user chose
   * @param runs the measured runs, in order
   * @param provenance per run, in the same order: field name → a string, number, boolean, or a map
   *     or list of them
   * @return the history now in the file
   * @throws ModelsException naming the file when it exists but is not a history or it cannot be
   *     written; if the lists differ in size or a provenance field repeats one of the run's own
   */
  public static PerformanceHistory append(
      Path file, List<PerformanceRun> runs, List<? extends Map<String, ?>> provenance) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(provenance, "provenance");
    if (runs.size() != provenance.size()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "performance history %s: %d runs but %d provenance maps; expected one map per run",
              file,
              runs.size(),
              provenance.size()));
    }
    List<ObjectNode> entries = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      entries.add(withProvenance(toJson(runs.get(i)), provenance.get(i)));
    }
    ObjectNode root;
    Path tmp = null;
    try {
      if (Files.exists(file)) {
        JsonNode existing = JSON.readTree(file.toFile());
        parse(existing, file.toString());
        root = (ObjectNode) existing;
      } else {
        root = JSON.createObjectNode();
        root.put(
            "description",
            "Measured Spark runs only, each with its provenance (machine, Spark version, config,"
                + " workload, scale, source).");
        root.putArray("runs");
      }
      ((ArrayNode) root.get("runs")).addAll(entries);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, ".performance-history", ".json.tmp");
      Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return parse(root, file.toString());
    } catch (IOException e) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "performance history %s cannot be written: %s", file, e.getMessage()),
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is left behind; the history itself is untouched
        }
      }
    }
  }

  /**
   * The runs of one workload type.
   *
   * @param workload a workload type id, e.g. {@code sql-analytics}
   * @return its runs, in file order
   */
  public List<PerformanceRun> runsOf(String workload) {
    Objects.requireNonNull(workload, "workload");
    return runs.stream().filter(r -> r.workload().equals(workload)).toList();
  }

  /**
   * The history as the JSON object the file holds.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("description", description);
    ArrayNode array = root.putArray("runs");
    runs.forEach(r -> array.add(toJson(r)));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new ModelsException("performance history cannot be written as JSON", e);
    }
  }

  static PerformanceHistory parse(JsonNode root, String file) {
    if (root == null || !root.isObject() || !root.path("runs").isArray()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "performance history %s is not an object with a 'runs' array; expected"
                  + " {\"runs\": [...]}",
              file));
    }
    List<PerformanceRun> runs = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root.get("runs")) {
      try {
        runs.add(fromJson(n));
      } catch (ModelsException e) {
        throw new ModelsException(
            String.format(
                Locale.ROOT, "performance history %s, run %d: %s", file, i, e.getMessage()),
            e);
      }
      i++;
    }
    return new PerformanceHistory(root.path("description").asText(""), runs);
  }

  private static PerformanceRun fromJson(JsonNode n) {
    if (!n.isObject()) {
      throw new ModelsException("entry is not an object; expected a run object");
    }
    SparkConfig config = SparkConfig.empty();
    JsonNode c = n.path("config");
    for (Map.Entry<String, JsonNode> e : c.properties()) {
      config = config.with(e.getKey(), e.getValue().asText());
    }
    JsonNode machine = n.path("machine");
    String machineText =
        machine.isObject() ? machine.path("description").asText("") : machine.asText("");
    return new PerformanceRun(
        required(n, "source").asText(),
        required(n, "workload").asText(),
        n.path("scale").asDouble(1),
        n.path("inputBytes").asLong(0),
        wholeNumber(n, "executors"),
        wholeNumber(n, "executorCores"),
        n.path("executorMemoryBytes").asLong(0),
        n.path("gpusPerExecutor").asInt(0),
        config,
        Duration.ofMillis(longNumber(n, "wallTimeMillis")),
        machineText.isEmpty() ? "unknown" : machineText,
        machine.isObject() ? machineCores(machine.path("logicalCores")) : 0,
        n.path("sparkVersion").asText("unknown"),
        text(n, "eventLogPath"),
        text(n, "appId"),
        instant(n),
        text(n, "appName"));
  }

  private static int machineCores(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "field 'machine.logicalCores' is %s; expected a whole number of cores",
              v.toString()));
    }
    return v.asInt();
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new ModelsException("field '" + field + "' is missing; every run needs it");
    }
    return v;
  }

  private static int wholeNumber(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "field '%s' is %s; expected a whole number", field, v.toString()));
    }
    return v.asInt();
  }

  private static long longNumber(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "field '%s' is %s; expected a whole number", field, v.toString()));
    }
    return v.asLong();
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(v.asText());
  }

  private static Optional<Instant> instant(JsonNode n) {
    Optional<String> t = text(n, "recordedAt");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(t.get()));
    } catch (DateTimeParseException e) {
      throw new ModelsException(
          "field 'recordedAt' is '" + t.get() + "'; expected an ISO-8601 instant", e);
    }
  }

  private static ObjectNode withProvenance(ObjectNode run, Map<String, ?> provenance) {
    for (Map.Entry<String, ?> e : provenance.entrySet()) {
      JsonNode value = JSON.valueToTree(e.getValue());
      JsonNode own = run.get(e.getKey());
      if (own == null) {
        run.set(e.getKey(), value);
        continue;
      }
      if (!(own instanceof ObjectNode ownObject) || !value.isObject()) {
        throw repeated(e.getKey());
      }
      for (Map.Entry<String, JsonNode> f : value.properties()) {
        if (ownObject.has(f.getKey())) {
          throw repeated(e.getKey() + "." + f.getKey());
        }
        ownObject.set(f.getKey(), f.getValue());
      }
    }
    return run;
  }

  private static ModelsException repeated(String field) {
    return new ModelsException(
        "provenance field '"
            + field
            + "' repeats a field of the run itself; expected only fields the run does not hold");
  }

  static ObjectNode toJson(PerformanceRun r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("source", r.source());
    r.recordedAt().ifPresent(t -> n.put("recordedAt", t.toString()));
    n.put("workload", r.workload());
    n.put("scale", r.scale());
    n.put("inputBytes", r.inputBytes());
    n.put("executors", r.executors());
    n.put("executorCores", r.executorCores());
    n.put("executorMemoryBytes", r.executorMemoryBytes());
    n.put("gpusPerExecutor", r.gpusPerExecutor());
    ObjectNode config = n.putObject("config");
    r.config().entries().forEach(config::put);
    n.put("wallTimeMillis", r.wallTime().toMillis());
    ObjectNode machine = n.putObject("machine").put("description", r.machine());
    if (r.machineCores() > 0) {
      machine.put("logicalCores", r.machineCores());
    }
    n.put("sparkVersion", r.sparkVersion());
    r.eventLog().ifPresent(v -> n.put("eventLogPath", v));
    r.applicationId().ifPresent(v -> n.put("appId", v));
    r.applicationName().ifPresent(v -> n.put("appName", v));
    return n;
  }
}
