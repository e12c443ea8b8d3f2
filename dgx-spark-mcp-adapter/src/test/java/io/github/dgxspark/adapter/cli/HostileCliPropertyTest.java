package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.HostileInputs;
import io.github.dgxspark.adapter.Inputs;
import io.github.dgxspark.adapter.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated variants of issue 21's hostile CLI inputs, run in-process: counts past a real
 * cluster's, zero sizes, bytes that are not a config, secrets in every form the issue found
 * leaking, the hardware command's own output read back, partial logs. Each gives exit 2 with one
 * clear line, or an answer that hides every secret and says what is missing.
 */
class HostileCliPropertyTest {
  private static final Pattern JAVA_NOISE =
      Pattern.compile("(?:[a-z]+\\.){2,}[A-Z]\\w*(?:Exception|Error)|\\tat |Input length");

  @TempDir Path tmp;

  private static void clearOneLine(CliTest.Run r) {
    r.badInput();
    assertFalse(JAVA_NOISE.matcher(r.err()).find(), "no Java names: " + r.err());
  }

  private Path write(String name, byte[] bytes) {
    try {
      return Files.write(tmp.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every node count past {@link Inputs#MAX_NODES} is refused, naming the bound. */
  @Test
  void nodesPastTheBoundAreRefusedNamingIt() {
    qt().withExamples(20)
        .forAll(integers().between(Inputs.MAX_NODES + 1, Integer.MAX_VALUE))
        .checkAssert(
            n -> {
              for (String cmd : List.of("estimate", "recommend")) {
                CliTest.Run r =
                    CliTest.run(
                        cmd, "--profile", "dgx-h100", "--nodes", "" + n, "--workload", "etl");
                clearOneLine(r);
                assertTrue(r.err().contains("expected 1 to 10,000"), r.err());
              }
            });
  }

  /** Executor counts and cores past a real cluster's are refused before any arithmetic. */
  @Test
  void configCountsPastTheBoundsAreRefused() {
    qt().withExamples(15)
        .forAll(
            integers().between(Inputs.MAX_EXECUTORS + 1, Integer.MAX_VALUE),
            integers().between(Inputs.MAX_NODE_CORES + 1, Integer.MAX_VALUE))
        .checkAssert(
            (instances, cores) -> {
              Path conf =
                  write(
                      "big.conf",
                      ("spark.executor.instances " + instances + "\nspark.executor.cores " + cores)
                          .getBytes(StandardCharsets.UTF_8));
              CliTest.Run r =
                  CliTest.run(
                      "predict",
                      "--profile",
                      "dgx-h100",
                      "--workload",
                      "etl",
                      "--data-size",
                      "1t",
                      "--config",
                      conf.toString());
              clearOneLine(r);
              assertTrue(r.err().contains("expected 1 to 100,000"), r.err());
            });
  }

  @Test
  void dataSizeZero_inAnyUnit_refused() {
    for (String size : List.of("0", "0b", "0k", "0g", "0t")) {
      CliTest.Run r =
          CliTest.run(
              "estimate", "--profile", "dgx-h100", "--workload", "etl", "--data-size", size);
      clearOneLine(r);
      assertTrue(r.err().contains("is zero"), r.err());
    }
  }

  /** Any bytes as a config: findings, or one clear line (never a Java message). */
  @Test
  void arbitraryBytesAsConfig_findingsOrOneClearLine() {
    qt().withExamples(60)
        .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 120))
        .checkAssert(
            list -> {
              byte[] bytes = new byte[list.size()];
              for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (int) list.get(i);
              }
              CliTest.Run r = CliTest.run("validate", write("fuzz.conf", bytes).toString());
              assertTrue(r.code() >= 0 && r.code() <= 2, r.toString());
              if (r.code() == 2) {
                clearOneLine(r);
              }
            });
  }

  @Test
  void notUtf8MissingAndFolder_sayWhich() throws IOException {
    CliTest.Run latin1 =
        CliTest.run(
            "validate", write("l1.conf", new byte[] {'a', ' ', (byte) 0xE9, '\n'}).toString());
    clearOneLine(latin1);
    assertTrue(latin1.err().contains("is not UTF-8 text (byte 0xE9 at offset 2"), latin1.err());
    CliTest.Run missing = CliTest.run("validate", tmp.resolve("nope.conf").toString());
    clearOneLine(missing);
    assertTrue(missing.err().contains("does not exist"), missing.err());
    CliTest.Run folder = CliTest.run("hardware", "--hardware", tmp.toString());
    clearOneLine(folder);
    assertTrue(folder.err().contains("is a folder"), folder.err());
  }

  /** Generated secrets in the issue's four forms never appear in validate's JSON or text. */
  @Test
  void secretsNeverAppearInValidateOutput() {
    qt().withExamples(25)
        .forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(12, 30))
        .checkAssert(
            secret -> {
              Map<String, String> config =
                  Map.of(
                      "spark.hadoop.fs.azure.account.key.acct.blob.core.windows.net",
                      secret,
                      "spark.executor.extraJavaOptions",
                      "-Dssl.trustStorePassword=" + secret,
                      "spark.myapp.url",
                      "jdbc:mysql://db/x?password=" + secret,
                      "spark.authenticate.secrt",
                      secret);
              Path conf =
                  write(
                      "secrets.conf",
                      config.entrySet().stream()
                          .map(e -> e.getKey() + " " + e.getValue())
                          .collect(Collectors.joining("\n"))
                          .getBytes(StandardCharsets.UTF_8));
              for (String format : List.of("json", "text")) {
                CliTest.Run r = CliTest.run("validate", conf.toString(), "--format", format);
                assertFalse(r.out().contains(secret) || r.err().contains(secret), r.out());
              }
            });
  }

  @Test
  void validate_issueSecrets_flaggedAsPlainTextSecrets() {
    Path conf =
        write(
            "issue.conf",
            HostileInputs.secretConfig().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n"))
                .getBytes(StandardCharsets.UTF_8));
    CliTest.Run r = CliTest.run("validate", conf.toString(), "--format", "json");
    long secretFindings = 0;
    for (JsonNode f : r.json().path("findings")) {
      String id = f.path("ruleId").asText();
      if (id.equals("PlainTextSecret") || id.equals("SecretInValue")) {
        secretFindings++;
      }
    }
    assertEquals(5, secretFindings, r.out());
    for (String s : HostileInputs.SECRETS) {
      assertFalse(r.out().contains(s), s);
    }
  }

  @Test
  void hardwareJsonOfTheHardwareCommand_itsNodeObjectReadsBack() throws IOException {
    CliTest.Run full = CliTest.run("hardware", "--profile", "dgx-h100", "--format", "json");
    JsonNode node = full.json().path("node");
    Path file = write("node.json", Json.compact(node).getBytes(StandardCharsets.UTF_8));
    CliTest.Run back = CliTest.run("hardware", "--hardware", file.toString(), "--format", "json");
    assertEquals(0, back.code(), back.err());
    assertEquals(node, back.json().path("node"));
  }

  @Test
  void partialLogs_sayWhatIsMissingInTextAndJson() throws IOException {
    List<String> lines = HostileInputs.lines(Fixtures.file("rapids_join_eventlog.zstd"));
    Path rolling = HostileInputs.rollingWithoutPart2(tmp, lines);
    CliTest.Run analyze = CliTest.run("analyze", rolling.toString());
    assertEquals(0, analyze.code(), analyze.err());
    assertTrue(
        analyze.out().startsWith("warning: rolling event log part(s) 2 are missing"),
        analyze.out());
    CliTest.Run scale = CliTest.run("scale", rolling.toString(), "--executors", "4");
    assertTrue(
        scale.out().startsWith("warning: rolling event log part(s) 2 are missing"), scale.out());
    CliTest.Run json = CliTest.run("analyze", rolling.toString(), "--format", "json");
    assertFalse(json.json().path("application").path("complete").asBoolean(true));
    assertEquals("[2]", json.json().path("parseStats").path("missingChunks").toString());
    CliTest.Run cut =
        CliTest.run(
            "analyze",
            HostileInputs.cutLog(tmp.resolve("cut.json"), lines).toString(),
            "--format",
            "json");
    assertEquals(0, cut.code(), cut.err());
    assertTrue(cut.json().has("bottlenecksUnavailable"), cut.out());
  }
}
