package io.github.dgxspark.hardware;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.dgxspark.core.DgxSparkException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every parser, fed arbitrary text or mangled real captures, returns a result or throws {@link
 * HardwareException}, nothing else (Caffeine's fuzzer shape).
 */
class NvidiaSmiPropertyTest {
  private static final List<String> REAL = realLines();

  @Test
  void everyParserReturnsOrThrowsHardwareExceptionOnArbitraryLines() {
    qt().withExamples(300)
        .forAll(
            lists()
                .of(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 60))
                .ofSizeBetween(0, 12))
        .checkAssert(NvidiaSmiPropertyTest::parseAll);
  }

  @Test
  void everyParserReturnsOrThrowsHardwareExceptionOnMangledCaptures() {
    qt().withExamples(400).forAll(mangled()).checkAssert(NvidiaSmiPropertyTest::parseAll);
  }

  /** Up to 40 real lines, each kept or with up to 6 characters inserted at a random place. */
  private static Gen<List<String>> mangled() {
    Gen<String> real = arbitrary().pick(REAL);
    Gen<String> edited =
        real.zip(
            integers().between(0, 200),
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 6),
            (line, at, insert) -> {
              int cut = Math.min(at, line.length());
              return line.substring(0, cut) + insert + line.substring(cut);
            });
    Gen<String> line = Generate.oneOf(real, edited);
    return lists().of(line).ofSizeBetween(0, 40);
  }

  private static void parseAll(List<String> lines) {
    String text = String.join("\n", lines);
    List<Consumer<List<String>>> parsers = new ArrayList<>();
    parsers.add(l -> Fixtures.parse(TableParser::read, l));
    parsers.add(l -> Fixtures.parse(Fixtures::readCsv, l));
    parsers.add(l -> Fixtures.parse(TopologyParser::read, l));
    parsers.add(l -> Fixtures.parse(XmlParser::read, l));
    parsers.add(l -> Fixtures.parse(ListParser::read, l));
    parsers.add(l -> Fixtures.parse(HostParser::read, l));
    parsers.add(l -> NvidiaSmi.describe(text));
    parsers.add(l -> NvidiaSmi.detect(text));
    for (Consumer<List<String>> p : parsers) {
      try {
        p.accept(lines);
      } catch (HardwareException expected) {
        // the one allowed failure
      } catch (DgxSparkException e) {
        throw new AssertionError("a DgxSparkException that is not a HardwareException: " + e, e);
      }
    }
  }

  private static List<String> realLines() {
    List<String> out = new ArrayList<>();
    for (String f : Fixtures.ALL) {
      List<String> lines = Fixtures.lines(f);
      // the full capture is long: its first 60 lines are help text, the rest is output
      out.addAll(f.equals(Fixtures.H100_FULL) ? lines.subList(1180, 1240) : lines);
    }
    return List.copyOf(out);
  }
}
