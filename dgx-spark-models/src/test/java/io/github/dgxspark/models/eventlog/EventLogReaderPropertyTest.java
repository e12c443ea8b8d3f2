package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EventLogReaderPropertyTest {
  @Test
  void indexOfNewlineEqualsAByteLoop() {
    qt().withExamples(500)
        .forAll(bytes(), integers().between(0, 64), integers().between(0, 64))
        .checkAssert(
            (list, from, end) -> {
              byte[] bytes = new byte[list.size()];
              for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i);
              }
              int f = Math.min(from, bytes.length);
              int e = Math.max(f, Math.min(end, bytes.length));
              int expected = -1;
              for (int i = f; i < e; i++) {
                if (bytes[i] == '\n') {
                  expected = i;
                  break;
                }
              }
              assertEquals(expected, EventLogReader.indexOfNewline(bytes, f, e));
            });
  }

  /** Up to 64 bytes of any value, one in ten a newline (a uniform byte is one only 1 in 256). */
  private static Gen<List<Byte>> bytes() {
    Gen<Byte> any = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
    return lists().of(any.mix(Generate.constant((byte) '\n'), 10)).ofSizeBetween(0, 64);
  }
}
