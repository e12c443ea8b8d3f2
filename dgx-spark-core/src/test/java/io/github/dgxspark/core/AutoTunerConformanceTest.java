package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The optimizer beside the AutoTuner's published rules ({@link AutoTunerRules}) on the AutoTuner's
 * own kinds of targets, key by key: every key either has the same value from both or is listed in
 * {@code autotuner-conformance.json} with the reason and the source of the difference; the table in
 * {@code dgx-spark-core/README.md} is rendered from the same comparison.
 */
class AutoTunerConformanceTest {
  static final List<AutoTunerRules.Target> TARGETS =
      List.of(
          new AutoTunerRules.Target(
              "16 cores, 64 GB, L4, Kubernetes",
              16,
              64,
              "l4",
              ClusterManager.KUBERNETES,
              2,
              "3.5.1",
              "26.06.0"),
          new AutoTunerRules.Target(
              "16 cores, 64 GB, L4, YARN",
              16,
              64,
              "l4",
              ClusterManager.YARN,
              2,
              "3.5.1",
              "26.06.0"),
          new AutoTunerRules.Target(
              "16 cores, 64 GB, L20, Kubernetes",
              16,
              64,
              "l20",
              ClusterManager.KUBERNETES,
              2,
              "3.5.1",
              "26.06.0"),
          new AutoTunerRules.Target(
              "16 cores, 64 GB, L20, YARN",
              16,
              64,
              "l20",
              ClusterManager.YARN,
              2,
              "3.5.1",
              "26.06.0"),
          new AutoTunerRules.Target(
              "20 cores, 120 GB, L20, YARN",
              20,
              120,
              "l20",
              ClusterManager.YARN,
              2,
              "3.5.1",
              "26.06.0"));

  /** The targets the README table shows (all are checked). */
  static final List<Integer> SHOWN = List.of(0, 3, 4);

  private static final Set<String> SIZE_KEYS =
      Set.of(
          "spark.executor.memory",
          "spark.executor.memoryOverhead",
          "spark.rapids.memory.pinnedPool.size",
          "spark.rapids.memory.host.spillStorageSize",
          "spark.rapids.sql.batchSizeBytes",
          "spark.sql.files.maxPartitionBytes",
          "spark.sql.adaptive.advisoryPartitionSizeInBytes",
          "spark.sql.adaptive.coalescePartitions.minPartitionSize",
          "spark.kryoserializer.buffer.max");
  private static final Set<String> TIME_KEYS = Set.of("spark.locality.wait");
  private static final String BEGIN = "<!-- autotuner-conformance:begin -->";
  private static final String END = "<!-- autotuner-conformance:end -->";

  /** Our config for an AutoTuner target: the same node, two of them, the job's size unknown. */
  static Map<String, String> ours(AutoTunerRules.Target t) {
    NodeSpec node =
        new NodeSpec(
            "",
            t.cores(),
            t.cores(),
            1,
            1,
            t.memoryGb() * ByteSizes.GIB,
            List.of(
                new GpuSpec(
                    t.gpu().toUpperCase(java.util.Locale.ROOT),
                    AutoTunerRules.GPU_MEMORY_MIB.get(t.gpu()) * ByteSizes.MIB,
                    "",
                    0)),
            false,
            0,
            List.of());
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            ClusterSpec.of(node, t.sourceExecutors(), t.manager()),
            new WorkloadSpec(
                WorkloadType.ETL, OptionalLong.empty(), List.of(), ExecutionMode.GPU, Language.JVM),
            PlanSpec.defaults().withSparkVersion(SparkVersion.parse(t.sparkVersion())));
    return r.config().entries();
  }

  /** A key's entry in the data file. */
  record Entry(String key, String verdict, String reason, String source) {}

  static Map<String, Entry> entries() throws IOException {
    try (InputStream in =
        AutoTunerConformanceTest.class.getResourceAsStream("autotuner-conformance.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Entry> m = new LinkedHashMap<>();
      for (JsonNode e : root.get("keys")) {
        Entry entry =
            new Entry(
                e.get("key").asText(),
                e.get("verdict").asText(),
                e.path("reason").asText(""),
                e.path("source").asText(""));
        assertTrue(m.put(entry.key(), entry) == null, "listed twice: " + entry.key());
      }
      return m;
    }
  }

  static boolean same(String key, Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    if (SIZE_KEYS.contains(key)) {
      return ByteSizes.parseBytes(a.get()) == ByteSizes.parseBytes(b.get());
    }
    if (TIME_KEYS.contains(key)) {
      return SparkDurations.parse(a.get(), TimeUnit.MILLISECONDS)
          == SparkDurations.parse(b.get(), TimeUnit.MILLISECONDS);
    }
    return a.get().equals(b.get());
  }

  /** The verdict the comparison itself gives for a key over all targets. */
  static String verdict(String key) {
    boolean allSame = true;
    boolean anyTheirs = false;
    boolean anyOurs = false;
    for (AutoTunerRules.Target t : TARGETS) {
      Optional<String> theirs = Optional.ofNullable(AutoTunerRules.recommend(t).get(key));
      Optional<String> mine = Optional.ofNullable(ours(t).get(key));
      allSame &= same(key, theirs, mine);
      anyTheirs |= theirs.isPresent();
      anyOurs |= mine.isPresent();
    }
    if (allSame) {
      return "same";
    }
    return !anyOurs ? "autotuner-only" : !anyTheirs ? "ours-only" : "differs";
  }

  static Set<String> allKeys() {
    Set<String> keys = new TreeSet<>();
    for (AutoTunerRules.Target t : TARGETS) {
      keys.addAll(AutoTunerRules.recommend(t).keySet());
      keys.addAll(ours(t).keySet());
    }
    return keys;
  }

  @Test
  void everyKey_isTheSameOrItsDifferenceIsListedWithReasonAndSource() throws IOException {
    Map<String, Entry> listed = entries();
    List<String> problems = new ArrayList<>();
    for (String key : allKeys()) {
      Entry e = listed.get(key);
      String v = verdict(key);
      if (e == null) {
        problems.add(key + ": not listed (comparison says " + v + ")");
      } else if (!e.verdict().equals(v)) {
        problems.add(key + ": listed as " + e.verdict() + " but the comparison says " + v);
      } else if (!v.equals("same") && (e.reason().isBlank() || e.source().isBlank())) {
        problems.add(key + ": " + v + " without a reason and a source");
      }
    }
    for (String key : listed.keySet()) {
      if (!allKeys().contains(key)) {
        problems.add(key + ": listed but neither sets it");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void readmeTable_isRenderedFromTheComparison() throws IOException {
    String table = table(entries());
    Path out = Path.of("target", "autotuner-conformance.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table, StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int b = readme.indexOf(BEGIN);
    int e = readme.indexOf(END);
    assertTrue(b >= 0 && e > b, "README.md has no " + BEGIN + " ... " + END + " section");
    assertEquals(
        table,
        readme.substring(b + BEGIN.length(), e).strip() + "\n",
        "README.md's table is stale; the current one is in " + out.toAbsolutePath());
  }

  @Test
  void agreement_countsKeysWithTheSameValue() throws IOException {
    long same = entries().values().stream().filter(x -> x.verdict().equals("same")).count();
    // the summary line of the table states the count the comparison gives
    assertTrue(table(entries()).contains(same + " of " + allKeys().size() + " keys"));
  }

  static String table(Map<String, Entry> entries) {
    Set<String> keys = allKeys();
    long same = keys.stream().filter(k -> verdict(k).equals("same")).count();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            java.util.Locale.ROOT,
            "Both set the same value for %d of %d keys over %d targets (AutoTuner value → ours; — = not"
                + " set).\n\n",
            same,
            keys.size(),
            TARGETS.size()));
    b.append("| Key |");
    for (int i : SHOWN) {
      b.append(' ').append(TARGETS.get(i).name()).append(" |");
    }
    b.append(" Why they differ |\n|---|");
    for (int i = 0; i < SHOWN.size(); i++) {
      b.append("---|");
    }
    b.append("---|\n");
    for (String key : keys) {
      Entry e = entries.get(key);
      b.append("| `").append(key).append("` |");
      for (int i : SHOWN) {
        AutoTunerRules.Target t = TARGETS.get(i);
        String theirs = AutoTunerRules.recommend(t).getOrDefault(key, "—");
        String mine = ours(t).getOrDefault(key, "—");
        b.append(' ')
            .append(
                same(
                        key,
                        Optional.ofNullable(AutoTunerRules.recommend(t).get(key)),
                        Optional.ofNullable(ours(t).get(key)))
                    ? "= " + cell(mine)
                    : cell(theirs) + " → " + cell(mine))
            .append(" |");
      }
      b.append(' ')
          .append(
              e == null || e.verdict().equals("same")
                  ? "same"
                  : e.reason() + " (" + e.source() + ")")
          .append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String value) {
    String v = value.startsWith("com.nvidia.spark.rapids.") ? "…" + value.substring(23) : value;
    return v.equals("—") ? v : "`" + v.replace("|", "\\|") + "`";
  }
}
