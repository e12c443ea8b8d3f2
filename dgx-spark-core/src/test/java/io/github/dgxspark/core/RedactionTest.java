package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one redaction: by key name, by value pattern and by the secrets a config holds. */
class RedactionTest {
  private static final String AZURE_KEY =
      "spark.hadoop.fs.azure.account.key.mystorage.blob.core.windows.net";

  @Test
  void isSecretKey_sparkDefaultAndWidenedNames_areSecret() {
    assertTrue(Redaction.isSecretKey("spark.authenticate.secret"));
    assertTrue(Redaction.isSecretKey("spark.ssl.keyPassword"));
    assertTrue(Redaction.isSecretKey("spark.some.api.token"));
    assertTrue(Redaction.isSecretKey("spark.hadoop.fs.s3a.access.key"));
    assertTrue(Redaction.isSecretKey("spark.hadoop.fs.azure.account.key.credential"));
    assertTrue(Redaction.isSecretKey(AZURE_KEY));
    assertFalse(Redaction.isSecretKey("spark.executor.memory"));
    assertFalse(Redaction.isSecretKey("spark.sql.shuffle.partitions"));
  }

  @Test
  void isSecretKey_oneTypoFromSecretWord_isSecret() {
    assertTrue(Redaction.isSecretKey("spark.authenticate.secrt"));
    assertTrue(Redaction.isSecretKey("spark.ssl.keyPasword"));
    assertTrue(Redaction.isSecretKey("spark.my.tokken"));
    // two edits away, and words too short to judge by one edit
    assertFalse(Redaction.isSecretKey("spark.sql.select"));
    assertFalse(Redaction.isSecretKey("spark.sql.cbo.enabled"));
    assertFalse(Redaction.isSecretKey("spark.task.cpus"));
  }

  @Test
  void redact_passwordInsideJavaOptions_hidesOnlyThePassword() {
    String v = "-XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=changeit99 -Xss4m";
    String shown = Redaction.redact("spark.executor.extraJavaOptions", v);
    assertEquals(
        "-XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=" + Redaction.REDACTED + " -Xss4m", shown);
    assertTrue(Redaction.holdsSecret("spark.executor.extraJavaOptions", v));
  }

  @Test
  void redact_ofRedactedValue_isTheSame() {
    String once =
        Redaction.redact("spark.executor.extraJavaOptions", "-Dssl.trustStorePassword=x1y2z3");
    assertEquals(once, Redaction.redact("spark.executor.extraJavaOptions", once));
    assertEquals(once, Redaction.redactText(once));
  }

  @Test
  void redact_jdbcUrlPasswords_areHidden() {
    String query = "jdbc:mysql://db:3306/sales?user=etl&password=Tr0ub4dor&ssl=true";
    assertEquals(
        "jdbc:mysql://db:3306/sales?user=etl&password=" + Redaction.REDACTED + "&ssl=true",
        Redaction.redact("spark.myapp.jdbc.url", query));
    String userInfo = "jdbc:postgresql://etl:Tr0ub4dor@db:5432/sales";
    assertEquals(
        "jdbc:postgresql://etl:" + Redaction.REDACTED + "@db:5432/sales",
        Redaction.redact("spark.myapp.jdbc.url", userInfo));
  }

  @Test
  void redact_valueMatchingSparkRegexOutsideAssignments_isHiddenWhole() {
    assertEquals(Redaction.REDACTED, Redaction.redact("spark.myapp.note", "my secret is hunter2"));
  }

  @Test
  void redact_ordinaryValues_areKept() {
    assertEquals("4g", Redaction.redact("spark.executor.memory", "4g"));
    assertEquals(
        "-XX:+UseG1GC -Dfile.encoding=UTF-8",
        Redaction.redact("spark.driver.extraJavaOptions", "-XX:+UseG1GC -Dfile.encoding=UTF-8"));
    assertEquals(
        "hdfs://namenode:8020/logs",
        Redaction.redact("spark.eventLog.dir", "hdfs://namenode:8020/logs"));
  }

  @Test
  void redactText_freeTextWithoutAssignment_isKept() {
    String message = "spark.authenticate.secret holds a secret in plain text; use a file.";
    assertEquals(message, Redaction.redactText(message));
  }

  @Test
  void secrets_ofAConfig_areScrubbedFromAnyText() {
    Map<String, String> config =
        Map.of(
            "spark.authenticate.secrt",
            "hunter2-abcdef",
            AZURE_KEY,
            "U2VjcmV0S2V5T2ZBenVyZQ==",
            "spark.executor.extraJavaOptions",
            "-Dmy.db.Password=s3cr3tPW",
            "spark.executor.memory",
            "4g");
    Set<String> secrets = Redaction.secrets(config);
    assertEquals(Set.of("hunter2-abcdef", "U2VjcmV0S2V5T2ZBenVyZQ==", "s3cr3tPW"), secrets);
    String echoed = "was hunter2-abcdef, then U2VjcmV0S2V5T2ZBenVyZQ== and s3cr3tPW at 4g";
    String shown = Redaction.redactText(echoed, secrets);
    for (String s : secrets) {
      assertFalse(shown.contains(s), shown);
    }
    assertTrue(shown.endsWith("at 4g"), shown);
  }

  /** Any value behind "password=" is hidden, whatever it holds and whatever comes before. */
  @Test
  void anyPasswordAssignmentIsHidden() {
    qt().forAll(
            strings().basicLatinAlphabet().ofLengthBetween(0, 40),
            strings()
                .betweenCodePoints('!', '~')
                .ofLengthBetween(1, 40)
                .map(x -> x.replaceAll("[&;,\"'(){}\\[\\]]", "x")))
        .checkAssert(
            (prefix, secret) -> {
              String value = prefix + " -Ddb.password=" + secret;
              String shown = Redaction.redact("spark.driver.extraJavaOptions", value);
              assertTrue(shown.endsWith(Redaction.REDACTED), () -> value + " -> " + shown);
            });
  }

  /**
   * Redaction does not backtrack: a 3 MB hostile value of near-matches finishes (a backtracking
   * pattern would run for hours on it). A guard against a hang, not a speed target: its speed is
   * measured by the benchmarks (ValidatorBenchmark's redact baseline), and the bound is generous
   * because the test machine may be loaded (it took 15.6 s at a load average of 24 on 2 cores).
   */
  @Test
  void longValueOfNearMatches_isRedactedWithoutBacktracking() {
    String hostile = "a".repeat(2_000_000) + "passwor=" + "x.".repeat(500_000) + "password=1";
    String shown =
        assertTimeoutPreemptively(
            Duration.ofMinutes(2), () -> Redaction.redact("spark.myapp.opts", hostile));
    assertTrue(
        Pattern.compile("password=\\*").matcher(shown).find() || shown.equals(Redaction.REDACTED));
  }
}
