package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.adapter.cli.Cli;
import io.github.dgxspark.core.SparkVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.internal.SQLConf$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --spark-version V} agrees with the real Spark V on class path about which values
 * Spark refuses: a config line gets an ERROR (exit 1) exactly when Spark's own checks refuse it
 * ({@code SQLConf.setConfString} for SQL keys, {@code SparkConf.validateSettings}, which {@code
 * SparkContext} runs at start, for the others). The failsafe execution {@code default} runs it on
 * Spark 4.1.3, {@code spark-3.5} on Spark 3.5.8 (benchmarks/pom.xml), so one class checks both
 * releases of issue 22's acceptance: 3.5 accepts {@code lz4raw}, 4.1 refuses {@code -Xmx} in
 * executor Java options (and so does 3.5).
 */
class ValidateForSparkVersionIT {
  private static final String CODEC = "spark.sql.parquet.compression.codec";
  private static final String JAVA_OPTIONS = "spark.executor.extraJavaOptions";

  /** key, value: each line is validated alone. */
  private static final List<Map.Entry<String, String>> LINES =
      List.of(
          Map.entry(CODEC, "lz4raw"),
          Map.entry(CODEC, "lz4_raw"),
          Map.entry(CODEC, "snappy"),
          Map.entry(CODEC, "ZSTD"),
          Map.entry(CODEC, "lz4"),
          Map.entry(CODEC, "lzma"),
          Map.entry(JAVA_OPTIONS, "-Xmx8g"),
          Map.entry(JAVA_OPTIONS, "-XX:+UseG1GC -Xms4g"),
          Map.entry(JAVA_OPTIONS, "-Dspark.executor.cores=4"),
          Map.entry("spark.memory.fraction", "0.95"),
          Map.entry("spark.memory.fraction", "1.5"));

  @TempDir Path tmp;

  // the Spark on the class path; the execution that names one (it.spark.version) must get it
  private static SparkVersion running() {
    String version = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    String expected = System.getProperty("it.spark.version");
    if (expected != null) {
      assertEquals(expected, version, "the Spark on this execution's class path");
    }
    return SparkVersion.parse(version);
  }

  /** Whether the Spark on the class path refuses the line, with its reason. */
  private static String sparkRefusal(String key, String value) {
    try {
      if (key.startsWith("spark.sql.")) {
        SQLConf sql = new SQLConf();
        sql.setConfString(key, value);
        ConfigEntry<?> entry = SQLConf$.MODULE$.getConfigEntry(key);
        sql.getConf(entry);
      } else {
        new SparkConf(false).set(key, value).validateSettings();
      }
      return "";
    } catch (Exception e) {
      // Spark 3.5.8's validateSettings throws a plain java.lang.Exception for -Xmx and -Dspark
      return String.valueOf(e.getMessage());
    }
  }

  private int validate(String key, String value, SparkVersion version) throws IOException {
    Path conf = Files.writeString(tmp.resolve("spark-defaults.conf"), key + " " + value + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return Cli.run(
        new String[] {"validate", conf.toString(), "--spark-version", version.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void validate_refusesExactlyWhatTheRunningSparkRefuses() throws IOException {
    SparkVersion spark = running();
    List<String> disagreements = new ArrayList<>();
    int refused = 0;
    for (Map.Entry<String, String> line : LINES) {
      String refusal = sparkRefusal(line.getKey(), line.getValue());
      boolean sparkRefuses = !refusal.isEmpty();
      refused += sparkRefuses ? 1 : 0;
      int code = validate(line.getKey(), line.getValue(), spark);
      if ((code == Cli.FINDINGS) != sparkRefuses || (code != Cli.FINDINGS && code != Cli.OK)) {
        disagreements.add(
            line.getKey()
                + " "
                + line.getValue()
                + ": Spark "
                + spark
                + (sparkRefuses ? " refuses (" + refusal + ")" : " accepts")
                + ", validate exits "
                + code);
      }
    }
    assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    // both outcomes occur, so the agreement is not vacuous
    assertTrue(refused > 0 && refused < LINES.size(), "refused " + refused);
  }

  @Test
  void issue22Acceptance_onTheRunningRelease() throws IOException {
    SparkVersion spark = running();
    if (spark.major() == 3) {
      assertEquals("", sparkRefusal(CODEC, "lz4raw"));
      assertEquals(Cli.OK, validate(CODEC, "lz4raw", SparkVersion.parse("3.5")));
    } else {
      assertTrue(sparkRefusal(CODEC, "lz4raw").contains("lz4raw"));
      assertEquals(Cli.FINDINGS, validate(CODEC, "lz4raw", SparkVersion.parse("4.1")));
    }
    assertTrue(sparkRefusal(JAVA_OPTIONS, "-Xmx8g").contains("-Xmx8g"));
    assertEquals(
        Cli.FINDINGS,
        validate(JAVA_OPTIONS, "-Xmx8g", new SparkVersion(spark.major(), spark.minor(), 0)));
  }
}
