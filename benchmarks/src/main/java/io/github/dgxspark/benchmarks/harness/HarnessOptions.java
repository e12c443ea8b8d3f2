package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.DgxSparkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The harness's command line.
 *
 * @param workloads the workloads to run, in order
 * @param scales the data scale factors, each above 0
 * @param deployments where to run
 * @param repeats runs of each config per cell, 1 or more
 * @param out the work folder
 * @param history the performance history to append to, if any
 * @param ablate keys whose removal from the recommended config is also measured
 * @param trials key → value pairs, each also measured added to (or replacing its key in) the
 *     recommended config, to test a candidate change before the optimizer makes it
 * @param codecLogs where to write one small event log per codec, if anywhere
 * @param timeoutMinutes the longest one run may take
 * @param impact what the impact check runs, when {@code --impact-check} asked for it instead of the
 *     defaults-vs-recommended comparison
 * @param help whether only the usage was asked for
 */
record HarnessOptions(
    List<SparkWorkload> workloads,
    List<Double> scales,
    List<Deployment> deployments,
    int repeats,
    Path out,
    Optional<Path> history,
    List<String> ablate,
    Map<String, String> trials,
    Optional<Path> codecLogs,
    long timeoutMinutes,
    Optional<ImpactOptions> impact,
    boolean help) {

  /**
   * The impact check's own options.
   *
   * @param mistakesFile the mistakes file
   * @param mistakes the mistake names to start from; empty: all; {@code none} alone: no mistake
   *     (only the scaling check)
   * @param top how many of the ranked recommendations to measure alone (0: all)
   * @param scalingCores cores per executor at which the scaling check runs 1 and 2 executors;
   *     empty: no scaling check
   * @param output the impact-checks file to write
   */
  record ImpactOptions(
      Path mistakesFile, List<String> mistakes, int top, List<Integer> scalingCores, Path output) {
    // Checks the fields and copies the lists.
    ImpactOptions {
      Objects.requireNonNull(mistakesFile, "mistakesFile");
      mistakes = List.copyOf(mistakes);
      scalingCores = List.copyOf(scalingCores);
      Objects.requireNonNull(output, "output");
      if (top < 0) {
        throw new DgxSparkException(
            String.format(Locale.ROOT, "--top is %d; expected 0 (all) or more", top));
      }
      for (int c : scalingCores) {
        if (c < 1 || c > 4) {
          throw new DgxSparkException(
              String.format(Locale.ROOT, "--scaling-cores has %d; expected cores from 1 to 4", c));
        }
      }
    }
  }

  static final String USAGE =
      "Harness [--workloads etl,sql-analytics,ml-training,streaming,graph] [--scales 1]"
          + " [--deployments local,cluster-2] [--repeats 2] [--out target/harness]"
          + " [--history data/performance-history.json] [--ablate KEY,...] [--try KEY=VALUE,...]"
          + " [--codec-logs DIR]"
          + " [--timeout-minutes 15]"
          + " | --impact-check [--mistakes NAME,...|none] [--mistakes-file data/harness/mistakes.json]"
          + " [--workloads ...] [--scale 0.25] [--repeats 2] [--top 0] [--scaling-cores 1,2]"
          + " [--impact-out data/impact-checks.json]";

  private static final List<String> IMPACT_ONLY =
      List.of("--mistakes", "--mistakes-file", "--top", "--scaling-cores", "--impact-out");

  // Checks the fields and copies the lists.
  HarnessOptions {
    workloads = List.copyOf(workloads);
    scales = List.copyOf(scales);
    deployments = List.copyOf(deployments);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(history, "history");
    ablate = List.copyOf(ablate);
    trials = Collections.unmodifiableMap(new LinkedHashMap<>(trials));
    Objects.requireNonNull(codecLogs, "codecLogs");
    Objects.requireNonNull(impact, "impact");
    if (repeats < 1) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "--repeats is %d; expected 1 or more", repeats));
    }
    for (double s : scales) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new DgxSparkException(
            String.format(Locale.ROOT, "--scales has %s; expected numbers above 0", s));
      }
    }
    if (timeoutMinutes < 1) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT, "--timeout-minutes is %d; expected 1 or more", timeoutMinutes));
    }
  }

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the options, defaults filled in
   * @throws DgxSparkException if an option is unknown, lacks its value or has a bad value
   */
  static HarnessOptions parse(String[] args) {
    List<SparkWorkload> workloads = Workloads.all();
    List<Double> scales = List.of(1.0);
    List<Deployment> deployments = List.of(Deployment.parse("local"));
    int repeats = 2;
    Path out = Path.of("target", "harness");
    Optional<Path> history = Optional.empty();
    List<String> ablate = List.of();
    Map<String, String> trials = new LinkedHashMap<>();
    Optional<Path> codecLogs = Optional.empty();
    long timeout = 15;
    boolean impactCheck = false;
    Path mistakesFile = Mistake.DEFAULT_FILE;
    List<String> mistakes = List.of();
    int top = 0;
    List<Integer> scalingCores = List.of();
    Path impactOut = ImpactCheck.DEFAULT_OUTPUT;
    List<String> impactOnly = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        help = true;
        continue;
      }
      if (option.equals("--impact-check")) {
        impactCheck = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new DgxSparkException(
            String.format(Locale.ROOT, "option %s needs a value; usage: %s", option, USAGE));
      }
      String value = args[++i];
      if (IMPACT_ONLY.contains(option)) {
        impactOnly.add(option);
      }
      switch (option) {
        case "--workloads":
          workloads = list(value).stream().map(Workloads::byId).collect(Collectors.toList());
          break;
        case "--scales":
        case "--scale":
          scales = list(value).stream().map(v -> number(option, v)).collect(Collectors.toList());
          break;
        case "--deployments":
          deployments = list(value).stream().map(Deployment::parse).collect(Collectors.toList());
          break;
        case "--repeats":
          repeats = (int) number(option, value);
          break;
        case "--out":
          out = Path.of(value);
          break;
        case "--history":
          history = Optional.of(Path.of(value));
          break;
        case "--ablate":
          ablate = list(value);
          break;
        case "--try":
          for (String pair : list(value)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
              throw new DgxSparkException(
                  String.format(
                      Locale.ROOT, "option --try has '%s'; expected KEY=VALUE,...", pair));
            }
            trials.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
          }
          break;
        case "--codec-logs":
          codecLogs = Optional.of(Path.of(value));
          break;
        case "--timeout-minutes":
          timeout = (long) number(option, value);
          break;
        case "--mistakes":
          mistakes = list(value);
          break;
        case "--mistakes-file":
          mistakesFile = Path.of(value);
          break;
        case "--top":
          top = (int) number(option, value);
          break;
        case "--scaling-cores":
          scalingCores =
              list(value).stream().map(v -> (int) number(option, v)).collect(Collectors.toList());
          break;
        case "--impact-out":
          impactOut = Path.of(value);
          break;
        default:
          throw new DgxSparkException(
              String.format(Locale.ROOT, "option '%s' is not known; usage: %s", option, USAGE));
      }
    }
    if (!impactCheck && !impactOnly.isEmpty()) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "option %s applies only with --impact-check; usage: %s",
              impactOnly.get(0),
              USAGE));
    }
    return new HarnessOptions(
        workloads,
        scales,
        deployments,
        repeats,
        out,
        history,
        ablate,
        trials,
        codecLogs,
        timeout,
        impactCheck
            ? Optional.of(new ImpactOptions(mistakesFile, mistakes, top, scalingCores, impactOut))
            : Optional.empty(),
        help);
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  private static double number(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "option %s has '%s'; expected a number", option, value), e);
    }
  }
}
