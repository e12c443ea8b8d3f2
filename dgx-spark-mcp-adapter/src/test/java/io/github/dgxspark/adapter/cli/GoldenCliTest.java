package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's output on fixed inputs (the copied real event logs and nvidia-smi captures, the
 * built-in profiles, a fixed config) against the output pinned in {@code
 * src/test/resources/golden/cli}: JSON compared field by field (names and values; the names are the
 * public contract), text line by line. Run with {@code -Ddgxspark.golden.update=true} to rewrite
 * the files after an intended change, and say in the commit why it changed.
 */
class GoldenCliTest {
  @TempDir static Path tmp;

  static Stream<Arguments> cases() {
    String h100Smi = Fixtures.file("h100-sxm5-x8_nvidia-smi_table_under-load.txt").toString();
    String gb10 = Fixtures.file("gb10-dgx-spark_nvidia-smi_free_lscpu.txt").toString();
    String conf = Golden.input("spark-defaults.conf").toString();
    String elephant = Fixtures.file("dr-elephant_event_log_1").toString();
    String rapids = Fixtures.file("rapids_join_eventlog.zstd").toString();
    String shuffle = Fixtures.file("customshuffle_eventlog.zstd").toString();
    String udf = Fixtures.file("python_udf_eventlog").toString();
    String noHistory = tmp.resolve("no-history.json").toString();
    List<Arguments> c = new ArrayList<>();
    for (String f : List.of("json", "text")) {
      c.add(of("hardware-profile", f, "hardware", "--profile", "dgx-h100", "--nodes", "2"));
      c.add(of("hardware-smi", f, "hardware", "--nvidia-smi", h100Smi, "--cores", "224"));
      c.add(of("hardware-gb10", f, "hardware", "--nvidia-smi", gb10));
      c.add(of("profiles", f, "profiles"));
      c.add(of("rules", f, "rules"));
      c.add(
          of(
              "recommend-gpu",
              f,
              "recommend",
              "--profile",
              "dgx-h100",
              "--nodes",
              "4",
              "--workload",
              "etl",
              "--data-size",
              "1t",
              "--mode",
              "gpu"));
      c.add(
          of(
              "recommend-cpu-keep",
              f,
              "recommend",
              "--profile",
              "dgx-a100",
              "--workload",
              "sql-analytics",
              "--mode",
              "cpu",
              "--keep",
              "spark.executor.cores=8",
              "--spark-version",
              "3.5.1"));
      c.add(of("validate", f, "validate", conf, "--spark-version", "3.5"));
      c.add(of("validate-hardware", f, "validate", conf, "--profile", "dgx-h100"));
      c.add(of("analyze-elephant", f, "analyze", elephant, "--history", noHistory));
      c.add(of("analyze-rapids", f, "analyze", rapids, "--history", noHistory));
      c.add(of("analyze-shuffle", f, "analyze", shuffle, "--history", noHistory));
      c.add(of("analyze-udf", f, "analyze", udf, "--history", noHistory));
      c.add(
          of(
              "analyze-target",
              f,
              "analyze",
              shuffle,
              "--profile",
              "dgx-h100",
              "--mode",
              "gpu",
              "--history",
              noHistory));
      c.add(of("scale-elephant", f, "scale", elephant, "--executors", "4"));
      c.add(of("scale-rapids", f, "scale", rapids, "--executors", "2", "--gpus", "1"));
      c.add(of("classify", f, "classify", "join orders and customers nightly, 2 TB of parquet"));
      c.add(
          of(
              "estimate",
              f,
              "estimate",
              "--profile",
              "dgx-spark",
              "--describe",
              "train XGBoost on 500 GB on the GPU",
              "--history",
              noHistory));
      c.add(
          of(
              "predict",
              f,
              "predict",
              "--profile",
              "dgx-h100",
              "--workload",
              "sql-analytics",
              "--config",
              conf,
              "--history",
              noHistory));
      c.add(of("qualify", f, "qualify", shuffle, udf, elephant, "--quiet", "--history", noHistory));
      c.add(
          of(
              "history-add",
              f,
              "history",
              "add",
              elephant,
              udf,
              "--history",
              tmp.resolve("history-" + f + ".json").toString()));
    }
    String history = tmp.resolve("history-json.json").toString();
    c.add(of("history-list", "json", "history", "list", "--history", history));
    c.add(of("history-list", "text", "history", "list", "--history", history));
    c.add(of("qualify", "csv", "qualify", shuffle, udf, "--quiet", "--history", noHistory));
    for (String f : List.of("conf", "submit")) {
      c.add(
          of(
              "recommend-gpu",
              f,
              "recommend",
              "--profile",
              "dgx-h100",
              "--nodes",
              "4",
              "--workload",
              "etl",
              "--data-size",
              "1t",
              "--mode",
              "gpu"));
    }
    return c.stream();
  }

  private static Arguments of(String name, String format, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--format");
    all.add(format);
    return Arguments.of(name + "." + format, all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void output_isThePinnedOne(String name, List<String> args) {
    CliTest.Run r = CliTest.run(args.toArray(String[]::new));
    assertTrue(r.code() == Cli.OK || r.code() == Cli.FINDINGS, name + ": " + r.err());
    String out = Golden.normalize(r.out(), tmp);
    if (name.endsWith(".json")) {
      JsonNode actual = Golden.json(out);
      assertEquals(Golden.json(Golden.pinned("cli", name, out)), actual, name);
    } else {
      assertEquals(Golden.pinned("cli", name, out), out, name);
    }
  }
}
