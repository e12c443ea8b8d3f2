package io.github.dgxspark.adapter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.AdapterException;
import io.github.dgxspark.adapter.AnalyzeResult;
import io.github.dgxspark.adapter.EstimateResult;
import io.github.dgxspark.adapter.HardwareOptions;
import io.github.dgxspark.adapter.HistoryResult;
import io.github.dgxspark.adapter.Inputs;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.adapter.PlanOptions;
import io.github.dgxspark.adapter.QualifyResult;
import io.github.dgxspark.adapter.RecommendResult;
import io.github.dgxspark.adapter.ScaleResult;
import io.github.dgxspark.adapter.SkippedLog;
import io.github.dgxspark.adapter.ValidateResult;
import io.github.dgxspark.adapter.Version;
import io.github.dgxspark.adapter.WorkloadOptions;
import io.github.dgxspark.adapter.mcp.McpServerApp;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.rules.RuleBook;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code recommend}, {@code validate}, {@code analyze}, {@code classify}, {@code
 * hardware}, {@code profiles}, {@code rules}, {@code estimate}, {@code predict}, {@code scale} and
 * {@code qualify} and {@code serve} (the MCP server). Exit codes: 0 success, 1 {@code validate}
 * found an {@code ERROR} or {@code qualify} skipped a log, 2 bad usage or input (one line on
 * standard error, never a stack trace).
 */
public final class Cli {
  /** Exit code of a successful run. */
  public static final int OK = 0;

  /**
   * Exit code of {@code validate} when a finding is an {@code ERROR}, of {@code qualify} when a log
   * was skipped.
   */
  public static final int FINDINGS = 1;

  /** Exit code of bad usage or input. */
  public static final int BAD_INPUT = 2;

  private Cli() {}

  /**
   * Runs one command.
   *
   * @param args the command line, e.g. {@code recommend --profile dgx-h100}
   * @param out where results go
   * @param err where the one-line error goes
   * @return the exit code: {@link #OK}, {@link #FINDINGS} or {@link #BAD_INPUT}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    // serve builds only its own command: an MCP client pays the start-up on every session
    boolean serve = args.length > 0 && args[0].equals("serve");
    CommandLine cl =
        serve
            ? new CommandLine(new Serve()).setCommandName("dgx-spark-mcp serve")
            : new CommandLine(new Root());
    String[] rest = serve ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    cl.setOut(o);
    cl.setErr(e);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          e.println("error: " + oneLine(ex.getMessage()) + " (see --help)");
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          if (ex instanceof DgxSparkException) {
            e.println("error: " + oneLine(ex.getMessage()));
          } else {
            e.println("error: unexpected failure: " + oneLine(String.valueOf(ex)));
          }
          return BAD_INPUT;
        });
    int code;
    try {
      code = cl.execute(rest);
    } catch (RuntimeException | Error ex) {
      // an Error (e.g. a module's data file missing) escapes picocli's handlers: still one line
      Throwable root = ex.getCause() instanceof DgxSparkException ? ex.getCause() : ex;
      e.println(
          "error: "
              + oneLine(String.valueOf(root.getMessage() == null ? root : root.getMessage())));
      code = BAD_INPUT;
    }
    o.flush();
    e.flush();
    return code;
  }

  private static String oneLine(String s) {
    return s == null
        ? ""
        : Operations.redacted(s.replaceAll("\\s*[\r\n]+\\s*", "; ").strip(), Map.of());
  }

  /**
   * Prints a result as it may be shown (redacted, the config's secrets hidden) as JSON or as text
   * made by the given view.
   */
  @SuppressWarnings("unchecked")
  static <T> void print(
      CommandSpec spec,
      Options.Format format,
      T result,
      Map<String, String> config,
      java.util.function.Function<T, String> text) {
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode tree = Operations.shownTree(result, config);
    switch (format) {
      case json:
        out.println(Json.pretty(tree));
        break;
      case text:
        out.print(text.apply(Json.read(tree, (Class<T>) result.getClass())));
        break;
      default:
        throw new AdapterException(
            "format "
                + format
                + (format == Options.Format.markdown
                    ? " is only for the rules command"
                    : format == Options.Format.csv
                        ? " is only for the qualify command"
                        : " is only for the recommend command")
                + "; expected text or json for "
                + spec.name());
    }
    out.flush();
  }

  @Command(
      name = "dgx-spark-mcp",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Spark on NVIDIA DGX: configs, validation, analysis and an MCP server.",
      subcommands = {
        Recommend.class,
        Validate.class,
        Analyze.class,
        Classify.class,
        HardwareCmd.class,
        Profiles.class,
        Rules.class,
        Estimate.class,
        Predict.class,
        Scale.class,
        Qualify.class,
        History.class,
        Serve.class,
      })
  static final class Root implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "a command is required, e.g. recommend, hardware or serve");
    }
  }

  @Command(
      name = "recommend",
      mixinStandardHelpOptions = true,
      description =
          "A complete Spark config for a workload on the hardware, every value with its"
              + " reason.")
  static final class Recommend implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Options.Hardware hardware;
    @Mixin Options.Workload workload;
    @Mixin Options.Plan plan;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text, json, conf (spark-defaults.conf) or submit (spark-submit flags)")
    Options.Format format;

    @Override
    public Integer call() {
      RecommendResult r =
          recommendOrSayLocalFits(hardware.toOptions(), workload.toOptions(), plan.toOptions());
      PrintWriter out = spec.commandLine().getOut();
      switch (format) {
        case conf:
          out.print(Operations.shown(r, Map.of()).defaultsConf());
          break;
        case submit:
          out.print(Operations.shown(r, Map.of()).submitCommandLine());
          break;
        default:
          print(spec, format, r, Map.of(), TextViews::recommend);
      }
      out.flush();
      return OK;
    }
  }

  /**
   * Recommends; when a cluster layout does not fit the machine but one local-mode JVM does, the
   * error says so (a laptop or a small VM is the usual case).
   */
  static RecommendResult recommendOrSayLocalFits(
      HardwareOptions hw, WorkloadOptions workload, PlanOptions plan) {
    try {
      return Operations.recommend(hw, workload, plan);
    } catch (DgxSparkException e) {
      if (hw.manager() == ClusterManager.LOCAL) {
        throw e;
      }
      HardwareOptions local =
          new HardwareOptions(
              hw.profile(),
              hw.nodes(),
              hw.hardware(),
              hw.nvidiaSmi(),
              hw.logicalCores(),
              hw.memory(),
              ClusterManager.LOCAL);
      try {
        Operations.recommend(local, workload, plan);
      } catch (DgxSparkException stillTooSmall) {
        throw e;
      }
      throw new AdapterException(
          e.getMessage()
              + "; --cluster-manager local fits: one local-mode JVM (driver and executor in one)"
              + " on this machine",
          e);
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Checks a spark-defaults.conf against the rule catalog, alone or against the hardware"
              + " (exit 1 when a finding is an ERROR).")
  static final class Validate implements Callable<Integer> {
    @Mixin Options.Output output;
    @Mixin Options.Hardware hardware;

    @Parameters(paramLabel = "FILE", description = "spark-defaults.conf, or - for standard input")
    Path file;

    @Option(
        names = "--probe",
        description =
            "check against this machine, probed (without hardware options the config"
                + " is checked alone)")
    boolean probe;

    @Option(
        names = "--spark-version",
        paramLabel = "VERSION",
        description =
            "Spark version the config is for, e.g. 3.5 or 4.1.3 (default: the newest the RAPIDS"
                + " Accelerator supports); keys, accepted values and defaults are that release's")
    String sparkVersion;

    @Option(
        names = "--rapids-version",
        paramLabel = "VERSION",
        description =
            "RAPIDS Accelerator version, e.g. 25.02.1 (default: the newest); its defaults apply to"
                + " unset spark.rapids.* keys")
    String rapidsVersion;

    @Override
    public Integer call() {
      SparkConfig config = SparkConfig.parseDefaults(Inputs.readText(file, "config file"));
      Optional<HardwareOptions> hw =
          probe || hardware.given() ? Optional.of(hardware.toOptions()) : Optional.empty();
      ValidateResult r =
          Operations.validate(
              config.entries(),
              hw,
              Optional.ofNullable(sparkVersion),
              Optional.ofNullable(rapidsVersion));
      output.print(r, config.entries(), TextViews::validate);
      return r.errors() > 0 ? FINDINGS : OK;
    }
  }

  @Command(
      name = "analyze",
      mixinStandardHelpOptions = true,
      description =
          "Reads a Spark event log (file or folder, any Spark codec): application, totals,"
              + " failures, bottlenecks, diagnoses and ranked recommendations backed by the log's"
              + " measurements; with --profile NAME [--nodes N] [--mode cpu|gpu] also a plan for"
              + " that target sized from the log.")
  static final class Analyze implements Callable<Integer> {
    @Mixin Options.Output output;
    @Mixin Options.Hardware hardware;

    @Parameters(paramLabel = "LOG", description = "event log file or folder")
    Path log;

    @Option(
        names = "--mode",
        paramLabel = "MODE",
        description = "with a target: plan it for cpu or gpu (default the log's mode)")
    String mode;

    @Mixin Options.History history;
    @Mixin Options.Quiet quiet;

    @Override
    public Integer call() {
      Progress progress = quiet.progress();
      AnalyzeResult r;
      try {
        r =
            Operations.analyze(
                log,
                hardware.given() ? Optional.of(hardware.toOptions()) : Optional.empty(),
                Optional.ofNullable(mode),
                Optional.of(history.file()),
                progress);
      } finally {
        progress.done();
      }
      output.print(r, TextViews::analyze);
      return OK;
    }
  }

  @Command(
      name = "classify",
      mixinStandardHelpOptions = true,
      description =
          "Classifies a workload description (a sentence, SQL or code) into etl,"
              + " sql-analytics, ml-training, ml-inference, streaming, graph or unknown.")
  static final class Classify implements Callable<Integer> {
    @Mixin Options.Output output;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "the description")
    List<String> words;

    @Override
    public Integer call() {
      output.print(Operations.classify(String.join(" ", words)), TextViews::classify);
      return OK;
    }
  }

  @Command(
      name = "estimate",
      mixinStandardHelpOptions = true,
      description =
          "Memory, cores, GPUs and nodes a job needs, its run time with an interval, and"
              + " its cost on-prem and in the cloud.")
  static final class Estimate implements Callable<Integer> {
    @Mixin Options.Output output;
    @Mixin Options.Hardware hardware;
    @Mixin Options.Workload workload;

    @Mixin Options.History history;

    @Override
    public Integer call() {
      EstimateResult r =
          Operations.estimate(workload.toOptions(), hardware.toOptions(), history.file());
      output.print(r, TextViews::estimate);
      return OK;
    }
  }

  @Command(
      name = "predict",
      mixinStandardHelpOptions = true,
      description =
          "The execution time of a job on the hardware, with an interval, and its cost; and the"
              + " Ernest model of the performance history's measured runs.")
  static final class Predict implements Callable<Integer> {
    @Mixin Options.Output output;
    @Mixin Options.Hardware hardware;
    @Mixin Options.Workload workload;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "spark-defaults.conf the job runs with (- for standard input): its executors and"
                + " cores place the Ernest prediction; default one executor per node with all"
                + " its cores")
    Path config;

    @Mixin Options.History history;

    @Override
    public Integer call() {
      Map<String, String> conf =
          config == null
              ? Map.of()
              : SparkConfig.parseDefaults(Inputs.readText(config, "config file")).entries();
      EstimateResult r =
          Operations.predict(workload.toOptions(), hardware.toOptions(), conf, history.file());
      output.print(r, conf, TextViews::estimate);
      return OK;
    }
  }

  @Command(
      name = "scale",
      mixinStandardHelpOptions = true,
      description =
          "Predicts an application's wall time on another executor count (and GPUs per executor),"
              + " by replaying its event log and by the Ernest model, with an interval.")
  static final class Scale implements Callable<Integer> {
    @Mixin Options.Output output;

    @Parameters(paramLabel = "LOG", description = "event log file or folder")
    Path log;

    @Option(
        names = "--executors",
        paramLabel = "N",
        required = true,
        description = "executors on the target, 1 or more")
    int executors;

    @Option(
        names = "--gpus",
        paramLabel = "G",
        description =
            "GPUs per executor on the target, for the log of a GPU (RAPIDS) application"
                + " (default as observed)")
    Integer gpus;

    @Option(
        names = "--host-cores",
        paramLabel = "N",
        description =
            "logical cores of the one host the executors share (e.g. local-cluster): an added"
                + " executor then brings no cores (default: each executor brings its own)")
    Integer hostCores;

    @Override
    public Integer call() {
      ScaleResult r =
          Operations.scale(
              log,
              executors,
              gpus == null ? OptionalInt.empty() : OptionalInt.of(gpus),
              hostCores == null ? OptionalInt.empty() : OptionalInt.of(hostCores));
      output.print(r, TextViews::scale);
      return OK;
    }
  }

  @Command(
      name = "qualify",
      mixinStandardHelpOptions = true,
      description =
          "Which applications of CPU event logs should move to the target's GPUs (RAPIDS"
              + " Accelerator): predicted GPU wall time and speed-up with intervals, category,"
              + " unsupported operators, config and reasons, ranked by expected saving. Exit 0"
              + " when every log was read, 1 when some were skipped, 2 on bad arguments.")
  static final class Qualify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Options.Hardware hardware;

    @Parameters(
        paramLabel = "LOG|DIR",
        arity = "1..*",
        description = "event log files, log folders, or folders of logs (read one at a time)")
    List<Path> logs;

    @Option(names = "--format", defaultValue = "text", description = "text (a table), json or csv")
    Options.Format format;

    @Mixin Options.History history;
    @Mixin Options.Quiet quiet;

    @Override
    public Integer call() {
      HardwareOptions target =
          hardware.given()
              ? hardware.toOptions()
              : HardwareOptions.profile(
                  "dgx-h100",
                  hardware.nodes == null ? 1 : hardware.nodes,
                  io.github.dgxspark.core.ClusterManager.parse(hardware.clusterManager));
      for (Path p : logs) {
        if (!java.nio.file.Files.exists(p)) {
          throw new AdapterException(
              "log "
                  + p
                  + " does not exist; expected an event log file, log folder or folder of logs");
        }
      }
      PrintWriter err = spec.commandLine().getErr();
      Progress progress = quiet.progress();
      QualifyResult r = Operations.qualify(logs, target, Optional.of(history.file()), progress);
      progress.done();
      PrintWriter out = spec.commandLine().getOut();
      if (format == Options.Format.csv) {
        out.print(TextViews.qualifyCsv(r));
        for (SkippedLog s : r.skipped()) {
          err.println("skipped " + s.logPath() + ": " + s.error());
        }
        out.flush();
      } else {
        print(spec, format, r, Map.of(), TextViews::qualify);
      }
      return r.skipped().isEmpty() ? OK : FINDINGS;
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description =
          "Your own measured runs, in a local file (default ~/.dgx-spark/history.json; nothing is"
              + " sent anywhere): 'history add LOG...' reads event logs into it, 'history list'"
              + " shows it.",
      subcommands = {HistoryAdd.class, HistoryList.class})
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "a history command is required: add or list");
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Adds the applications of event logs to the history as measured runs (log path, app id,"
              + " cluster, Spark version); exit 1 when a log was skipped.")
  static final class HistoryAdd implements Callable<Integer> {
    @Mixin Options.Output output;

    @Parameters(
        paramLabel = "LOG|DIR",
        arity = "1..*",
        description = "event log files, log folders, or folders of logs")
    List<Path> logs;

    @Mixin Options.History history;

    @Mixin Options.Quiet quiet;

    @Override
    public Integer call() {
      for (Path p : logs) {
        if (!java.nio.file.Files.exists(p)) {
          throw new AdapterException(
              "log "
                  + p
                  + " does not exist; expected an event log file, log folder or folder of"
                  + " logs");
        }
      }
      Progress progress = quiet.progress();
      HistoryResult.Added r;
      try {
        r = Operations.historyAdd(logs, history.file(), progress);
      } finally {
        progress.done();
      }
      output.print(r, TextViews::historyAdded);
      return r.skipped().isEmpty() ? OK : FINDINGS;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The history's runs.")
  static final class HistoryList implements Callable<Integer> {
    @Mixin Options.Output output;

    @Mixin Options.History history;

    @Override
    public Integer call() {
      output.print(Operations.historyList(history.file()), TextViews::history);
      return OK;
    }
  }

  @Command(
      name = "rules",
      mixinStandardHelpOptions = true,
      description = "The rule catalog (--format markdown: the catalog as documentation).")
  static final class Rules implements Callable<Integer> {
    @Mixin Options.Output output;

    @Override
    public Integer call() {
      if (output.format == Options.Format.markdown) {
        PrintWriter out = output.spec.commandLine().getOut();
        out.print(RuleBook.builtIn().catalogMarkdown());
        out.flush();
        return OK;
      }
      output.print(Operations.rules(), TextViews::rules);
      return OK;
    }
  }

  @Command(
      name = "hardware",
      mixinStandardHelpOptions = true,
      description = "The hardware: probed, a built-in profile, a JSON file or pasted nvidia-smi.")
  static final class HardwareCmd implements Callable<Integer> {
    @Mixin Options.Output output;
    @Mixin Options.Hardware hardware;

    @Override
    public Integer call() {
      output.print(Operations.hardware(hardware.toOptions()), TextViews::hardware);
      return OK;
    }
  }

  @Command(
      name = "profiles",
      mixinStandardHelpOptions = true,
      description = "The built-in DGX profiles.")
  static final class Profiles implements Callable<Integer> {
    @Mixin Options.Output output;

    @Override
    public Integer call() {
      output.print(Operations.profiles(), TextViews::profiles);
      return OK;
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description =
          "Run the MCP server on stdin/stdout (protocol up to 2025-11-25); logs go to stderr.")
  static final class Serve implements Callable<Integer> {
    @Option(
        names = "--allow-dir",
        paramLabel = "DIR",
        description =
            "a directory whose files the tools may read (repeatable; default the working"
                + " directory)")
    List<Path> allowDirs = new ArrayList<>();

    @Override
    public Integer call() {
      McpServerApp.serveStdio(allowDirs);
      return OK;
    }
  }
}
