package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.models.ModelsException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's limits and its partial logs (issue 21): rolling parts missing, lines over {@link
 * EventLogs#MAX_LINE_BYTES}, compression bombs past {@link EventLogs#MAX_COMPRESSION_RATIO}, a cut
 * or corrupt log, a path that is not a regular file; made at test time from a real log.
 */
class EventLogLimitsTest {
  @TempDir static Path tmp;
  static List<String> lines;

  @BeforeAll
  static void readRealLog() throws IOException {
    Path log = RealLogs.of("rapids_join_eventlog.zstd");
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new ZstdInputStream(Files.newInputStream(log)), StandardCharsets.UTF_8))) {
      lines = r.lines().toList();
    }
  }

  private static Path rolling(String name, int... present) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("eventlog_v2_" + name));
    int quarter = lines.size() / 4;
    for (int part : present) {
      int from = (part - 1) * quarter;
      int to = part == 4 ? lines.size() : part * quarter;
      Files.write(dir.resolve("events_" + part + "_" + name), lines.subList(from, to));
    }
    return dir;
  }

  @Test
  void read_rollingWithoutItsMiddleParts_incompleteWithTheMissingIndices() throws IOException {
    ApplicationProfile whole = EventLogs.read(rolling("whole", 1, 2, 3, 4));
    ApplicationProfile gaps = EventLogs.read(rolling("gaps", 1, 4));
    assertTrue(whole.complete());
    assertEquals(List.of(), whole.parseStats().missingChunks());
    assertFalse(gaps.complete(), "a log missing parts is not complete");
    assertEquals(List.of(2L, 3L), gaps.parseStats().missingChunks());
    assertTrue(gaps.totals().tasks() < whole.totals().tasks());
    assertTrue(gaps.parseStats().warnings().get(0).contains("part(s) 2, 3 are missing"));
  }

  @Test
  void read_rollingWithoutItsFirstPart_missingOne() throws IOException {
    assertEquals(
        List.of(1L), EventLogs.read(rolling("nofirst", 2, 3, 4)).parseStats().missingChunks());
  }

  @Test
  void read_lineOverTheCap_skippedCountedAndNamed() throws IOException {
    Path log = tmp.resolve("long-line.json");
    try (OutputStream out = Files.newOutputStream(log)) {
      byte[] pad = new byte[1 << 20];
      Arrays.fill(pad, (byte) 'x');
      for (int i = 0; i < lines.size(); i++) {
        if (i == 5) {
          for (int m = 0; m <= EventLogs.MAX_LINE_BYTES >> 20; m++) {
            out.write(pad);
          }
          out.write('\n');
        }
        out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    ApplicationProfile p = EventLogs.read(log);
    ApplicationProfile plain = EventLogs.read(RealLogs.of("rapids_join_eventlog.zstd"));
    Files.delete(log);
    assertEquals(1, p.parseStats().overlongLines());
    assertEquals(EventLogs.MAX_LINE_BYTES, p.parseStats().maxLineBytes());
    assertEquals(plain.totals(), p.totals(), "the lines after it are read as before");
    assertEquals(plain.parseStats().lines() + 1, p.parseStats().lines());
    assertTrue(p.parseStats().warnings().get(0).contains("longer than the 64 MiB line limit"));
  }

  @Test
  void read_gzipBomb_refusedQuicklyNamingTheLimit() throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(member) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(new byte[64 << 20]);
    }
    Path bomb = tmp.resolve("bomb.gz");
    try (OutputStream out = Files.newOutputStream(bomb)) {
      for (int i = 0; i < 32; i++) {
        out.write(member.toByteArray());
      }
    }
    long start = System.nanoTime();
    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(bomb));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(e.getMessage().contains("likely compression bomb"), e.getMessage());
    assertTrue(e.getMessage().contains("EventLogs.MAX_COMPRESSION_RATIO"), e.getMessage());
    assertTrue(ms < 20_000, ms + " ms for 2 GiB of zeros");
  }

  @Test
  void read_corruptZstd_oneLineWithoutJavaNames() throws IOException {
    Path bad =
        Files.write(
            tmp.resolve("bad.zstd"),
            new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 1, 2, 3, 4, 5, 6});
    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(bad));
    assertFalse(e.getMessage().contains("com.github"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot be decompressed"), e.getMessage());
  }

  @Test
  void read_cutBeforeAnyTask_partialProfile() throws IOException {
    Path cut = Files.write(tmp.resolve("cut.json"), lines.subList(0, 8));
    ApplicationProfile p = EventLogs.read(cut);
    assertEquals("local-1622814619968", p.applicationId().orElseThrow());
    assertFalse(p.complete());
    assertEquals(0, p.totals().tasks());
  }

  @Test
  void read_deviceFile_notARegularFileRatherThanMissing() {
    ModelsException e =
        assertThrows(ModelsException.class, () -> EventLogs.read(Path.of("/dev/zero")));
    assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
  }
}
