package io.github.dgxspark.hardware;

import io.github.dgxspark.core.DgxSparkException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Every parser, fed arbitrary text or mangled real captures, returns a result or throws {@link
 * HardwareException}, nothing else (Caffeine's fuzzer shape).
 */
class NvidiaSmiPropertyTest {
  private static final List<String> REAL = realLines();

  @Property(tries = 300)
  void everyParserReturnsOrThrowsHardwareExceptionOnArbitraryLines(
      @ForAll @Size(max = 12) List<@StringLength(max = 60) String> lines) {
    parseAll(lines);
  }

  @Property(tries = 400)
  void everyParserReturnsOrThrowsHardwareExceptionOnMangledCaptures(
      @ForAll("mangled") List<String> lines) {
    parseAll(lines);
  }

  @Provide
  Arbitrary<List<String>> mangled() {
    Arbitrary<String> real = Arbitraries.of(REAL);
    Arbitrary<String> edited =
        Combinators.combine(
                real, Arbitraries.integers().between(0, 200), Arbitraries.strings().ofMaxLength(6))
            .as(
                (line, at, insert) -> {
                  int cut = Math.min(at, line.length());
                  return line.substring(0, cut) + insert + line.substring(cut);
                });
    Arbitrary<String> line = Arbitraries.oneOf(real, edited);
    return line.list().ofMaxSize(40);
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
