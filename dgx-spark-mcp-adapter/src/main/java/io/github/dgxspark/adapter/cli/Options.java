package io.github.dgxspark.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.AdapterException;
import io.github.dgxspark.adapter.HardwareOptions;
import io.github.dgxspark.adapter.Inputs;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.adapter.PlanOptions;
import io.github.dgxspark.adapter.WorkloadOptions;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.hardware.HardwareReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The option groups several commands share, as picocli mixins. */
final class Options {
  private Options() {}

  /**
   * {@code --format}: text tables by default, or JSON (and conf/submit for recommend, markdown for
   * rules).
   */
  enum Format {
    text,
    json,
    conf,
    submit,
    markdown,
    csv
  }

  /** {@code --quiet}: no progress on standard error (it shows only on a terminal anyway). */
  static final class Quiet {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--quiet", description = "no progress on standard error")
    boolean quiet;

    /** Progress on the command's standard error, unless quiet or not a terminal. */
    Progress progress() {
      return Progress.on(spec.commandLine().getErr(), quiet);
    }
  }

  /**
   * {@code --history FILE}: the user's own measured runs, the file {@code history add} writes and
   * the commands that use them read; {@code ~/.dgx-spark/history.json} when not given.
   */
  static final class History {
    @Option(
        names = "--history",
        paramLabel = "FILE",
        description =
            "your measured runs: the file 'history add' writes, used before the built-in runs"
                + " (default ~/.dgx-spark/history.json; a missing file has no runs)")
    Path file;

    /** The file given, else the default one. */
    Path file() {
      return file == null ? Operations.defaultHistoryFile() : file;
    }
  }

  /** Hardware options: a profile, a hardware JSON file, pasted nvidia-smi output, or the probe. */
  static final class Hardware {
    @Option(
        names = "--profile",
        paramLabel = "NAME",
        description = "built-in DGX profile (see the profiles command), e.g. dgx-h100")
    String profile;

    @Option(
        names = "--nodes",
        paramLabel = "N",
        description = "number of identical nodes (default 1)")
    Integer nodes;

    @Option(
        names = "--hardware",
        paramLabel = "FILE.json",
        description =
            "hardware JSON: a report written by 'hardware --format json' or a node object")
    Path hardwareFile;

    @Option(
        names = "--nvidia-smi",
        paramLabel = "FILE",
        description =
            "pasted output of nvidia-smi (table, CSV query, topo -m or -q -x) from another machine")
    Path nvidiaSmiFile;

    @Option(
        names = "--cores",
        paramLabel = "N",
        description =
            "logical cores of the --nvidia-smi machine, when the paste does not show them")
    Integer cores;

    @Option(
        names = "--memory",
        paramLabel = "SIZE",
        description =
            "memory of the --nvidia-smi machine (e.g. 2t), when the paste does not show it")
    String memory;

    @Option(
        names = "--cluster-manager",
        paramLabel = "NAME",
        defaultValue = "standalone",
        description = "local, standalone, yarn or kubernetes (default ${DEFAULT-VALUE})")
    String clusterManager;

    boolean given() {
      return profile != null || hardwareFile != null || nvidiaSmiFile != null;
    }

    HardwareOptions toOptions() {
      return new HardwareOptions(
          Optional.ofNullable(profile),
          nodes == null ? OptionalInt.empty() : OptionalInt.of(nodes),
          Optional.ofNullable(hardwareFile).map(Options::readHardware),
          Optional.ofNullable(nvidiaSmiFile).map(f -> Inputs.readText(f, "nvidia-smi file")),
          cores == null ? OptionalInt.empty() : OptionalInt.of(cores),
          Optional.ofNullable(memory),
          ClusterManager.parse(clusterManager));
    }
  }

  /** Workload options: a type or a description, the input size and the mode. */
  static final class Workload {
    @Option(
        names = "--workload",
        paramLabel = "TYPE",
        description = "etl, sql-analytics, ml-training, ml-inference, streaming, graph or unknown")
    String workloadType;

    @Option(
        names = "--describe",
        paramLabel = "TEXT",
        description = "a description of the job, classified when --workload is absent")
    String description;

    @Option(
        names = "--data-size",
        paramLabel = "SIZE",
        description = "input size in Spark's units, e.g. 500g or 1t")
    String dataSize;

    @Option(names = "--mode", paramLabel = "MODE", description = "cpu, gpu or auto (default auto)")
    String mode;

    WorkloadOptions toOptions() {
      return new WorkloadOptions(
          Optional.ofNullable(workloadType),
          Optional.ofNullable(description),
          Optional.ofNullable(dataSize),
          Optional.ofNullable(mode));
    }
  }

  /** Plan options: the target Spark version, deploy mode, kept properties and constants. */
  static final class Plan {
    @Option(
        names = "--spark-version",
        paramLabel = "VERSION",
        description =
            "Spark version the config is for, e.g. 3.5.1 (default: the newest the RAPIDS"
                + " Accelerator supports); it names the RAPIDS shuffle manager class")
    String sparkVersion;

    @Option(
        names = "--deploy-mode",
        paramLabel = "MODE",
        description =
            "client (spark-submit's default: the driver runs on the submitting host) or cluster")
    String deployMode;

    @Option(
        names = "--keep",
        paramLabel = "KEY=VALUE",
        description =
            "keep this property as given and plan the rest around it (repeatable), e.g. --keep"
                + " spark.executor.cores=8")
    List<String> keep = new ArrayList<>();

    @Option(
        names = "--tuning",
        paramLabel = "FILE.json",
        description =
            "JSON object of optimizer constants to override, e.g. {\"gpuHeapPerCore\": \"1g\","
                + " \"maxConcurrentGpuTasks\": 2}")
    Path tuningFile;

    PlanOptions toOptions() {
      return new PlanOptions(
          Optional.ofNullable(sparkVersion),
          Optional.ofNullable(deployMode),
          PlanOptions.keepPairs(keep),
          tuningFile == null ? Map.of() : readTuning(tuningFile));
    }
  }

  /**
   * Reads a tuning file: a JSON object of constant name → string or number; errors name the file.
   */
  static Map<String, String> readTuning(Path file) {
    String text = Inputs.readText(file, "tuning file");
    JsonNode tree;
    try {
      tree = Json.parse(text);
    } catch (DgxSparkException e) {
      throw new AdapterException("tuning file " + file + ": " + e.getMessage(), e);
    }
    if (!tree.isObject()) {
      throw new AdapterException(
          "tuning file "
              + file
              + " holds "
              + tree.getNodeType()
              + "; expected a JSON object of constant name -> value");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : tree.properties()) {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new AdapterException(
            "tuning file "
                + file
                + ": "
                + e.getKey()
                + " is "
                + e.getValue().getNodeType()
                + "; expected a string or number");
      }
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  /** {@code --format text|json}, and printing the command's result in that format. */
  static final class Output {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    /** Prints the result as JSON or as text made by the given view. */
    <T> void print(T result, Function<T, String> text) {
      Cli.print(spec, format, result, Map.of(), text);
    }

    /** Prints the result, the secrets of the given config hidden, as JSON or as text. */
    <T> void print(T result, Map<String, String> config, Function<T, String> text) {
      Cli.print(spec, format, result, config, text);
    }
  }

  /** Reads a hardware JSON file; errors name the file. */
  static HardwareReport readHardware(Path file) {
    String text = Inputs.readText(file, "hardware file");
    try {
      return Operations.readHardware(text);
    } catch (DgxSparkException e) {
      throw new AdapterException("hardware file " + file + ": " + e.getMessage(), e);
    }
  }
}
