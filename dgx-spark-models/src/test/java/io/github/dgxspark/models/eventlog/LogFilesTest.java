package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Codecs and folder layouts. Each codec's file is written the way Spark 4.1's {@code
 * org.apache.spark.io.CompressionCodec} writes it: zstd-jni's ZstdOutputStream, lz4-java's
 * LZ4BlockOutputStream (32 KiB blocks, xxhash32 seed 0x9747b28c, {@code
 * spark.io.compression.lz4.blockSize}), snappy-java's SnappyOutputStream (32 KiB blocks), and gzip;
 * the content is a real fixture's lines.
 */
class LogFilesTest {
  private static List<String> lines;
  private static ApplicationProfile plain;

  @TempDir static Path shared;

  @BeforeAll
  static void readPlain() throws IOException {
    lines = IndependentCount.lines(RealLogs.of("gds_ucx_eventlog.zstd"));
    plain = EventLogs.read(Files.write(shared.resolve("local-1"), lines, StandardCharsets.UTF_8));
  }

  private static void write(Path file, String codec, List<String> part) throws IOException {
    try (OutputStream out = compress(Files.newOutputStream(file), codec)) {
      for (String l : part) {
        out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static OutputStream compress(OutputStream raw, String codec) throws IOException {
    switch (codec) {
      case "zstd":
        return new ZstdOutputStream(raw, 1);
      case "lz4":
        return new LZ4BlockOutputStream(
            raw,
            32 * 1024,
            LZ4Factory.fastestInstance().fastCompressor(),
            XXHashFactory.fastestInstance().newStreamingHash32(0x9747b28c).asChecksum(),
            true);
      case "snappy":
        return new SnappyOutputStream(raw, 32 * 1024);
      case "gz":
        return new GZIPOutputStream(raw);
      default:
        return raw;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "lz4", "snappy", "gz", "plain"})
  void read_eachCodec_sameProfileAsPlain(String codec, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(codec.equals("plain") ? "local-1" : "local-1." + codec);
    write(file, codec, lines);

    ApplicationProfile p = EventLogs.read(file);
    assertEquals(plain.totals(), p.totals());
    assertEquals(plain.stages(), p.stages());
    assertTrue(p.complete());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "lz4"})
  void read_rollingFolder_partsInIndexOrderAndInProgressMarker(String codec, @TempDir Path dir)
      throws IOException {
    Path folder = Files.createDirectory(dir.resolve("eventlog_v2_local-1"));
    int third = lines.size() / 3;
    // parts 1 to 10 (3 to 9 empty): a name sort would put 10 before 2
    write(folder.resolve("events_1_local-1." + codec), codec, lines.subList(0, third));
    write(folder.resolve("events_2_local-1." + codec), codec, lines.subList(third, 2 * third));
    for (int i = 3; i < 10; i++) {
      write(folder.resolve("events_" + i + "_local-1." + codec), codec, List.of());
    }
    write(
        folder.resolve("events_10_local-1." + codec),
        codec,
        lines.subList(2 * third, lines.size()));
    Files.createFile(folder.resolve("appstatus_local-1.inprogress"));
    Files.createFile(folder.resolve(".events_1_local-1." + codec + ".crc"));

    ApplicationProfile running = EventLogs.read(folder);
    assertEquals(plain.totals(), running.totals());
    assertFalse(running.complete(), "appstatus .inprogress: not ended");
    assertEquals(10, running.parseStats().files().size());
    assertTrue(running.parseStats().files().get(9).contains("events_10_"));
    assertEquals(List.of(), running.parseStats().missingChunks());

    Files.move(folder.resolve("appstatus_local-1.inprogress"), folder.resolve("appstatus_local-1"));
    assertTrue(EventLogs.read(folder).complete());
  }

  @Test
  void read_inProgressFile_isNotComplete(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("local-1.zstd.inprogress");
    write(file, "zstd", lines);

    ApplicationProfile p = EventLogs.read(file);
    assertFalse(p.complete());
    assertEquals(plain.totals(), p.totals());
  }

  @Test
  void read_zstdCutMidFrame_keepsWhatWasDecoded(@TempDir Path dir) throws IOException {
    Path whole = dir.resolve("whole.zstd");
    write(whole, "zstd", lines);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut =
        Files.write(
            dir.resolve("cut.zstd.inprogress"),
            java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));

    ApplicationProfile p = EventLogs.read(cut);
    assertFalse(p.complete());
    assertTrue(p.totals().tasks() > 0 && p.totals().tasks() < plain.totals().tasks());
    assertTrue(p.parseStats().garbageLines() <= 1);
  }

  @Test
  void read_spark1LegacyFolder_usesCompleteMarker(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("local-1425081759268"));
    write(folder.resolve("EVENT_LOG_1"), "plain", lines);
    Files.createFile(folder.resolve("SPARK_VERSION_1.2.0"));

    assertFalse(EventLogs.read(folder).complete(), "no APPLICATION_COMPLETE yet");
    Files.createFile(folder.resolve("APPLICATION_COMPLETE"));
    ApplicationProfile p = EventLogs.read(folder);
    assertTrue(p.complete());
    assertEquals(1, p.parseStats().files().size());
  }

  @Test
  void read_emptyFolder_failsNamingIt(@TempDir Path dir) {
    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void read_binaryFile_failsAsNotAnEventLog(@TempDir Path dir) throws IOException {
    byte[] noise = new byte[200_000];
    new java.util.Random(7).nextBytes(noise);
    Path bin = Files.write(dir.resolve("blob.bin"), noise);

    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(bin));
    assertTrue(e.getMessage().contains("not a Spark event log"), e.getMessage());
  }
}
