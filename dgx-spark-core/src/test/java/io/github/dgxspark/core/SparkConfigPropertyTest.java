package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SparkConfigPropertyTest {

  @Test
  void parseDefaultsOfRenderIsIdentity() {
    qt().withExamples(500)
        .withGenerateAttempts(100)
        .forAll(configs())
        .checkAssert(
            config -> {
              SparkConfig back =
                  SparkConfig.parseDefaults(config.toDefaultsConf(commentsFor(config)));
              assertEquals(config.entries(), back.entries());
              assertEquals(
                  List.copyOf(config.entries().keySet()), List.copyOf(back.entries().keySet()));
            });
  }

  @Test
  void parseConfArgsOfSubmitArgsIsIdentity() {
    qt().withExamples(500)
        .withGenerateAttempts(100)
        .forAll(configs())
        .checkAssert(
            config ->
                assertEquals(
                    config.entries(), SparkConfig.parseConfArgs(config.toSubmitArgs()).entries()));
  }

  @Test
  void parseDefaultsEitherReadsOrThrowsDgxSparkException() {
    qt().withExamples(500)
        .forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 255))
        .checkAssert(
            text -> {
              try {
                SparkConfig.parseDefaults(text);
              } catch (DgxSparkException expected) {
                // the only accepted failure
              }
            });
  }

  /**
   * Spark reads spark-defaults.conf with java.util.Properties and trims the values
   * (org.apache.spark.util.Utils#getPropertiesFromFile): whatever we accept, Properties reads the
   * same way.
   */
  @Test
  void parseDefaultsAgreesWithPropertiesWhereItAccepts() {
    qt().withExamples(1000)
        .forAll(defaultsTexts())
        .checkAssert(
            text -> {
              SparkConfig ours;
              try {
                ours = SparkConfig.parseDefaults(text);
              } catch (DgxSparkException rejected) {
                return;
              }
              Properties p = new Properties();
              try {
                p.load(new StringReader(text));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              Map<String, String> spark = new HashMap<>();
              p.stringPropertyNames().forEach(k -> spark.put(k, p.getProperty(k).trim()));
              assertEquals(spark, new HashMap<>(ours.entries()));
            });
  }

  /**
   * Up to six lines of up to 14 characters from {@code ab.=: \t#!} (backslash, t), newline, x, 1.
   */
  private static Gen<String> defaultsTexts() {
    Gen<String> line = AlphabetStrings.of("ab.=: \\t#!\nx1", 0, 14);
    return lists().of(line).ofSizeBetween(0, 6).map(l -> String.join("\n", l));
  }

  private static Map<String, String> commentsFor(SparkConfig c) {
    Map<String, String> m = new LinkedHashMap<>();
    c.entries().keySet().forEach(k -> m.put(k, "reason for " + k + "\nsecond line"));
    return m;
  }

  /**
   * Up to 8 entries: keys under {@code spark.} or any short trimmed key without {@code =} or
   * control characters, trimmed non-empty values. A key or value that fails the filter is drawn
   * again; at QuickTheories' start, which replays the range's lower ends, that can take dozens of
   * draws, so properties over these configs allow 100 (the default 10 gave up on one seed in nine).
   */
  private static Gen<SparkConfig> configs() {
    Gen<String> keys =
        Generate.oneOf(
            AlphabetStrings.of("abcdefghijklmnopqrstuvwxyz.", 1, 20).map(s -> "spark." + s),
            strings()
                .basicMultilingualPlaneAlphabet()
                .ofLengthBetween(1, 12)
                .assuming(
                    s ->
                        s.strip().equals(s)
                            && s.indexOf('=') < 0
                            && s.chars().noneMatch(Character::isISOControl)));
    Gen<String> values =
        Generate.oneOf(
                strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 30),
                AlphabetStrings.of("a=:# !\\\tb\u00e9\u4e2d", 1, 10))
            .map(String::trim)
            .assuming(s -> !s.isEmpty() && s.strip().equals(s));
    return maps()
        .of(keys, values)
        .ofSizeBetween(0, 8)
        .map(m -> new SparkConfig(new LinkedHashMap<>(m)));
  }
}
