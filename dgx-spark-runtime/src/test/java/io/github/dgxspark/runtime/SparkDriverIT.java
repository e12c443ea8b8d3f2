package io.github.dgxspark.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.recommendations.RecommendationReport;
import io.github.dgxspark.models.recommendations.Recommender;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.io.ZStdCompressionCodec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library inside a real Spark driver of the version under test ({@code it.spark.version}): the
 * JVM's class path is that Spark with its own Jackson, this module's shaded jar and JUnit, nothing
 * else (see the failsafe executions in this module's pom). Before the relocation, Spark 3.5.8's
 * jackson-module-scala refused the library's Jackson at the first job.
 */
class SparkDriverIT {
  /** A real zstd log of Spark's own codec (attribution in the fixtures' README). */
  static final String LOG = "rapids_join_eventlog.zstd";

  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Path fixture(String name) {
    return Path.of(System.getProperty("dgxspark.fixtures.dir"), "eventlogs", name);
  }

  @Test
  void classPath_holdsTheSparkUnderTestWithItsOwnJackson() throws ClassNotFoundException {
    assertEquals(System.getProperty("it.spark.version"), spark.version());
    assertEquals(
        System.getProperty("it.jackson.version"),
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    // the library's Jackson is inside the runtime jar, under the library's own package
    assertEquals(
        "io.github.dgxspark.shaded.jackson.databind.cfg.PackageVersion",
        Class.forName("io.github.dgxspark.shaded.jackson.databind.cfg.PackageVersion").getName());
  }

  @Test
  void library_readsARealLogAsSparkItselfDoes() throws IOException {
    ApplicationProfile profile = EventLogs.read(fixture(LOG));
    // Spark's own codec and JSON reader on the same file: the independent answer
    List<String> lines = sparkDecoded(fixture(LOG));
    Dataset<Row> events =
        spark
            .read()
            .schema("Event STRING, `App ID` STRING, `Spark Properties` MAP<STRING, STRING>")
            .json(spark.createDataset(lines, Encoders.STRING()));
    long taskEnds = events.where("Event = 'SparkListenerTaskEnd'").count();
    String appId =
        events
            .where("Event = 'SparkListenerApplicationStart'")
            .select("`App ID`")
            .first()
            .getString(0);
    String master =
        events
            .where("Event = 'SparkListenerEnvironmentUpdate'")
            .selectExpr("`Spark Properties`['spark.master']")
            .first()
            .getString(0);

    assertEquals(taskEnds, profile.totals().tasks());
    assertEquals(appId, profile.applicationId().orElseThrow());
    RecommendationReport report = Recommender.generateRecommendations(profile);
    assertEquals(master, report.current().get("spark.master").orElseThrow());
  }

  @Test
  void sparkStillRunsJobsAfterTheLibraryLoaded() {
    EventLogs.read(fixture(LOG));
    // a shuffle job: Spark serialises its operation scopes with its own jackson-module-scala
    long groups =
        spark.range(100_000).selectExpr("id % 7 AS k").groupBy("k").count().collectAsList().size();
    assertEquals(7, groups);
  }

  private static List<String> sparkDecoded(Path zstd) throws IOException {
    try (InputStream in =
            new ZStdCompressionCodec(new SparkConf())
                .compressedInputStream(Files.newInputStream(zstd));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    }
  }
}
