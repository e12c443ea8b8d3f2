package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkConfigTest {

  @Test
  void parseDefaults_whitespaceEqualsCommentsAndBlankLines_readsEveryForm() {
    SparkConfig c =
        SparkConfig.parseDefaults(
            "# a comment\n"
                + "\n"
                + "spark.executor.memory   8g\n"
                + "spark.executor.cores=4\n"
                + "  ! another comment\n"
                + "spark.sql.shuffle.partitions = 400  \n"
                + "spark.driver.extraJavaOptions -XX:+UseG1GC -Dx=y\n"
                + "spark.app.name my\\\n"
                + "    app\n");
    assertEquals(
        List.of(
            "spark.executor.memory",
            "spark.executor.cores",
            "spark.sql.shuffle.partitions",
            "spark.driver.extraJavaOptions",
            "spark.app.name"),
        List.copyOf(c.entries().keySet()));
    assertEquals("8g", c.get("spark.executor.memory").orElseThrow());
    assertEquals("4", c.get("spark.executor.cores").orElseThrow());
    assertEquals("400", c.get("spark.sql.shuffle.partitions").orElseThrow());
    assertEquals("-XX:+UseG1GC -Dx=y", c.get("spark.driver.extraJavaOptions").orElseThrow());
    assertEquals("myapp", c.get("spark.app.name").orElseThrow());
  }

  @Test
  void parseDefaults_keyWithoutValue_namesTheLine() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> SparkConfig.parseDefaults("spark.a 1\n\n# c\nspark.executor.memory\n"));
    assertTrue(e.getMessage().startsWith("line 4 "), e.getMessage());
  }

  @Test
  void parseDefaults_lineWithOnlySeparator_isRejectedWithLineNumber() {
    DgxSparkException e =
        assertThrows(DgxSparkException.class, () -> SparkConfig.parseDefaults("=4g"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertTrue(e.getMessage().contains("no key"), e.getMessage());
  }

  @Test
  void parseConfArgs_pairsEqualsFormAndBareItems_allRead() {
    SparkConfig c =
        SparkConfig.parseConfArgs(
            List.of("--conf", "spark.a=1", "--conf=spark.b=x=y", "spark.c=3", "-c", "spark.d= 4 "));
    assertEquals(
        Map.of("spark.a", "1", "spark.b", "x=y", "spark.c", "3", "spark.d", "4"), c.entries());
  }

  @Test
  void parseConfArgs_danglingConf_isRejected() {
    DgxSparkException e =
        assertThrows(DgxSparkException.class, () -> SparkConfig.parseConfArgs(List.of("--conf")));
    assertTrue(e.getMessage().contains("argument 1"), e.getMessage());
  }

  @Test
  void parseConfArgs_itemWithoutEquals_namesIt() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class, () -> SparkConfig.parseConfArgs(List.of("--conf", "spark.x")));
    assertTrue(e.getMessage().contains("'spark.x'"), e.getMessage());
  }

  @Test
  void toDefaultsConf_withComments_writesCommentAboveKey() {
    SparkConfig c = SparkConfig.empty().with("spark.executor.memory", "8g");
    assertEquals(
        "# why\nspark.executor.memory 8g\n",
        c.toDefaultsConf(Map.of("spark.executor.memory", "why")));
  }

  @Test
  void toSubmitArgs_everyProperty_isConfPair() {
    SparkConfig c = SparkConfig.empty().with("spark.a", "1").with("spark.b", "x y");
    assertEquals(List.of("--conf", "spark.a=1", "--conf", "spark.b=x y"), c.toSubmitArgs());
    assertEquals("--conf spark.a=1 \\\n--conf 'spark.b=x y'\n", c.toSubmitCommandLine());
  }

  @Test
  void toSubmitCommandLine_workerSettings_areWorkerOptsCommentsNotConf() {
    SparkConfig c =
        SparkConfig.empty()
            .with("spark.a", "1")
            .with("spark.worker.resource.gpu.amount", "8")
            .with("spark.b", "2");
    String line = c.toSubmitCommandLine();
    assertTrue(line.startsWith("--conf spark.a=1 \\\n--conf spark.b=2\n# "), line);
    assertFalse(line.contains("--conf spark.worker"), line);
    assertTrue(
        line.endsWith("# SPARK_WORKER_OPTS=\"-Dspark.worker.resource.gpu.amount=8\"\n"), line);
    // the list form still carries every property
    assertEquals(6, c.toSubmitArgs().size());
  }

  @Test
  void toJson_keepsOrder() {
    SparkConfig c = SparkConfig.empty().with("spark.z", "1").with("spark.a", "2");
    assertEquals("{\n  \"spark.z\" : \"1\",\n  \"spark.a\" : \"2\"\n}", c.toJson());
  }

  @Test
  void redacted_secretKeys_hideValues() {
    SparkConfig c =
        SparkConfig.empty()
            .with("spark.hadoop.fs.s3a.secret.key", "abc")
            .with("spark.hadoop.fs.s3a.access.key", "AKIA")
            .with("spark.ssl.keyPassword", "pw")
            .with("spark.executor.memory", "4g");
    SparkConfig r = c.redacted();
    assertFalse(
        r.toJson().contains("abc") || r.toJson().contains("AKIA") || r.toJson().contains("pw\""));
    assertEquals("4g", r.get("spark.executor.memory").orElseThrow());
  }
}
