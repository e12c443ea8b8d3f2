package io.github.dgxspark.adapter;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The hostile inputs of issue 21, made at test time (nothing large is stored): compression bombs,
 * an over-long line, a rolling log with a missing part, a cut log, and a config full of secrets.
 */
public final class HostileInputs {
  /** What every bomb decompresses to: 2 GB of zeros, as in the issue. */
  public static final long BOMB_BYTES = 2_000_000_000L;

  private static final int CHUNK = 64 << 20;

  /** Secret values that must never appear in any output. */
  public static final List<String> SECRETS =
      List.of(
          "U2VjcmV0S2V5T2ZBenVyZQ0123==",
          "tRuStP4ss-93871",
          "appDbPw-55120",
          "Tr0ub4dor-jdbc",
          "hunter2-typo-secret");

  private HostileInputs() {}

  /**
   * A config holding each of {@link #SECRETS} the way the issue found them leaking.
   *
   * @return key → value
   */
  public static Map<String, String> secretConfig() {
    return Map.of(
        "spark.hadoop.fs.azure.account.key.mystorage.blob.core.windows.net",
        SECRETS.get(0),
        "spark.executor.extraJavaOptions",
        "-XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=" + SECRETS.get(1),
        "spark.driver.extraJavaOptions",
        "-Dapp.db.Password=" + SECRETS.get(2),
        "spark.myapp.jdbc.url",
        "jdbc:mysql://db:3306/sales?user=etl&password=" + SECRETS.get(3) + "&ssl=true",
        "spark.authenticate.secrt",
        SECRETS.get(4),
        "spark.executor.memory",
        "8g",
        "spark.executor.cores",
        "4");
  }

  /**
   * {@link #BOMB_BYTES} of zeros as concatenated gzip members (one 64 MiB member compressed once).
   *
   * @param file where to write it
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path gzipBomb(Path file) throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(member) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      writeZeros(gz, CHUNK);
    }
    return repeat(file, member.toByteArray());
  }

  /**
   * {@link #BOMB_BYTES} of zeros as concatenated zstd frames (one 64 MiB frame compressed once).
   *
   * @param file where to write it
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path zstdBomb(Path file) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(frame, 3)) {
      writeZeros(z, CHUNK);
    }
    return repeat(file, frame.toByteArray());
  }

  private static Path repeat(Path file, byte[] part) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long n = 0; n < BOMB_BYTES; n += CHUNK) {
        out.write(part);
      }
    }
    return file;
  }

  private static void writeZeros(OutputStream out, long bytes) throws IOException {
    byte[] zeros = new byte[1 << 20];
    for (long n = 0; n < bytes; n += zeros.length) {
      out.write(zeros);
    }
  }

  /**
   * The lines of a real event log.
   *
   * @param zstdLog a zstd event log
   * @return its lines
   * @throws IOException if it cannot be read
   */
  public static List<String> lines(Path zstdLog) throws IOException {
    try (InputStream in = new ZstdInputStream(Files.newInputStream(zstdLog));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  /**
   * A real log with one line of {@code lineBytes} bytes put after its first lines.
   *
   * @param file where to write it
   * @param lines the real log's lines
   * @param lineBytes the long line's length
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path longLineLog(Path file, List<String> lines, int lineBytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < lines.size(); i++) {
        if (i == 3) {
          byte[] pad = new byte[1 << 20];
          java.util.Arrays.fill(pad, (byte) 'a');
          out.write("{\"Event\":\"Pad\",\"x\":\"".getBytes(StandardCharsets.US_ASCII));
          for (int n = 0; n < lineBytes; n += pad.length) {
            out.write(pad, 0, Math.min(pad.length, lineBytes - n));
          }
          out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  /**
   * A Spark 3+ rolling log folder of the real log in three parts, the second one missing.
   *
   * @param dir the parent folder
   * @param lines the real log's lines
   * @return the {@code eventlog_v2_*} folder
   * @throws IOException if it cannot be written
   */
  public static Path rollingWithoutPart2(Path dir, List<String> lines) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("eventlog_v2_app-hostile"));
    int third = lines.size() / 3;
    Files.write(folder.resolve("events_1_app-hostile"), lines.subList(0, third));
    Files.write(folder.resolve("events_3_app-hostile"), lines.subList(2 * third, lines.size()));
    return folder;
  }

  /**
   * A log cut after its first lines, before any task ended.
   *
   * @param file where to write it
   * @param lines the real log's lines
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path cutLog(Path file, List<String> lines) throws IOException {
    return Files.write(file, lines.subList(0, 8));
  }
}
