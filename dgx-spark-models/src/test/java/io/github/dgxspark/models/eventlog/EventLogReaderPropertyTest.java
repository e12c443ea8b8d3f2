package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventLogReaderPropertyTest {
  @Property(tries = 500)
  void indexOfNewlineEqualsAByteLoop(
      @ForAll @Size(max = 64) byte[] bytes,
      @ForAll @IntRange(min = 0, max = 64) int from,
      @ForAll @IntRange(min = 0, max = 64) int end) {
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
  }
}
