package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.DgxSparkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mis-tuned starting point for the impact check: a named config users arrive with, the source
 * that calls it a common mistake, where it runs and the workloads it applies to.
 *
 * @param name e.g. {@code shuffle-partitions-too-few}
 * @param description what is wrong and why it costs time
 * @param deployment {@code local} or {@code cluster-N}
 * @param config the mistaken keys
 * @param workloads workload type ids it applies to
 * @param source the public document (URL, section) that names it a mistake
 */
record Mistake(
    String name,
    String description,
    String deployment,
    Map<String, String> config,
    List<String> workloads,
    String source) {

  /** Where the harness looks for mistakes unless told, relative to the repository root. */
  static final Path DEFAULT_FILE = Path.of("data", "harness", "mistakes.json");

  /**
   * The name that, given alone, picks no mistake: the impact check then runs only its scaling
   * check.
   */
  static final String NONE = "none";

  // Checks the fields and copies the collections.
  Mistake {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(deployment, "deployment");
    config = new LinkedHashMap<>(config);
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(source, "source");
    if (config.isEmpty() || workloads.isEmpty() || !source.startsWith("https://")) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "mistake '%s' has %d keys, %d workloads and source '%s'; expected at least one key"
                  + " and one workload and an https:// source",
              name,
              config.size(),
              workloads.size(),
              source));
    }
    Deployment.parse(deployment);
    workloads.forEach(Workloads::byId);
  }

  /** The file's shape: a description and the mistakes. */
  private record MistakesFile(String description, List<Mistake> mistakes) {}

  /**
   * Reads a mistakes file.
   *
   * @param file the JSON file ({@code {"description", "mistakes":[...]}})
   * @return the mistakes in file order, names distinct
   * @throws DgxSparkException if the file cannot be read, is not of that shape or repeats a name
   */
  static List<Mistake> load(Path file) {
    MistakesFile parsed = DataFiles.readFile(file, MistakesFile.class);
    if (parsed.mistakes() == null || parsed.mistakes().isEmpty()) {
      throw new DgxSparkException(
          "mistakes file " + file + " has no mistakes; expected {\"mistakes\":[...]}");
    }
    Set<String> names = new HashSet<>();
    for (Mistake m : parsed.mistakes()) {
      if (!names.add(m.name())) {
        throw new DgxSparkException(
            "mistakes file " + file + " has '" + m.name() + "' twice; expected distinct names");
      }
    }
    return List.copyOf(parsed.mistakes());
  }

  /**
   * The named mistakes, in the order asked for.
   *
   * @param all every mistake
   * @param names the names to pick; empty picks all, {@link #NONE} alone picks none
   * @return the picked mistakes
   * @throws DgxSparkException if a name is not among them
   */
  static List<Mistake> select(List<Mistake> all, List<String> names) {
    if (names.isEmpty()) {
      return all;
    }
    if (names.equals(List.of(NONE))) {
      return List.of();
    }
    List<Mistake> picked = new ArrayList<>();
    for (String n : names) {
      picked.add(
          all.stream()
              .filter(m -> m.name().equals(n))
              .findFirst()
              .orElseThrow(
                  () ->
                      new DgxSparkException(
                          String.format(
                              Locale.ROOT,
                              "mistake '%s' is not known; expected one of %s",
                              n,
                              all.stream().map(Mistake::name).toList()))));
    }
    return picked;
  }
}
