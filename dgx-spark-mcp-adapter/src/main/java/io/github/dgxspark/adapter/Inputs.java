package io.github.dgxspark.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The adapter's limits on what a user gives it, each in one place: the size of an input file (a
 * config, a hardware JSON, pasted {@code nvidia-smi} output) and the counts of a cluster. Input
 * files are read here for the CLI and the MCP tools alike: only regular files, at most {@link
 * #MAX_FILE_BYTES}, strictly UTF-8, with one clear line when one is not.
 */
public final class Inputs {
  /**
   * Largest input file read: 16 MiB. A spark-defaults.conf, a hardware JSON or an {@code nvidia-smi
   * -q -x} dump of a 16-GPU node is tens to hundreds of KiB.
   */
  public static final int MAX_FILE_BYTES = 16 << 20;

  /**
   * Most nodes a cluster may have: 10,000, above the largest Spark cluster the Spark project knows
   * ("The largest cluster we know has 8000 of them", Apache Spark FAQ, spark.apache.org/faq.html).
   */
  public static final int MAX_NODES = 10_000;

  /** Most executors an application may have: 100,000 (10 per node of {@link #MAX_NODES}). */
  public static final int MAX_EXECUTORS = 100_000;

  /**
   * Most logical cores of one node, and so of one executor: 1,024, above any one server (two
   * 192-core sockets with SMT give 768).
   */
  public static final int MAX_NODE_CORES = 1_024;

  private Inputs() {}

  /**
   * Checks a count against its bound.
   *
   * @param what what is counted, e.g. "nodes"
   * @param value the count given
   * @param max the largest count accepted, one of this class's bounds
   * @return the value
   * @throws AdapterException if the value is below 1 or above max
   */
  public static int count(String what, long value, int max) {
    if (value < 1 || value > max) {
      throw new AdapterException(
          String.format(
              Locale.ROOT,
              "%s is %d; expected 1 to %,d (the most a real cluster has)",
              what,
              value,
              max));
    }
    return (int) value;
  }

  /**
   * Reads a text file, or standard input for {@code -}.
   *
   * @param file the file
   * @param what what it is, for messages, e.g. "hardware file"
   * @return its text
   * @throws AdapterException naming the file if it does not exist, is not a regular file, cannot be
   *     read, is larger than {@link #MAX_FILE_BYTES} or is not UTF-8
   */
  public static String readText(Path file, String what) {
    Objects.requireNonNull(file, "file");
    if (file.toString().equals("-")) {
      return read(System.in, what + " on standard input");
    }
    String name = what + " " + file;
    if (!Files.exists(file)) {
      throw new AdapterException(name + " does not exist; expected a UTF-8 text file");
    }
    if (Files.isDirectory(file)) {
      throw new AdapterException(name + " is a folder; expected a UTF-8 text file");
    }
    if (!Files.isRegularFile(file)) {
      // a device, pipe or socket: it may never end (/dev/zero) or block (a FIFO)
      throw new AdapterException(
          name + " is not a regular file (a device, pipe or socket); expected a UTF-8 text file");
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw tooLarge(name);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, name);
      }
    } catch (NoSuchFileException e) {
      throw new AdapterException(name + " does not exist; expected a UTF-8 text file", e);
    } catch (AccessDeniedException e) {
      throw new AdapterException(name + " could not be read: permission denied", e);
    } catch (IOException e) {
      throw new AdapterException(name + " could not be read: " + e.getMessage(), e);
    }
  }

  private static String read(InputStream in, String name) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new AdapterException(name + " could not be read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw tooLarge(name);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buf)
          .toString();
    } catch (CharacterCodingException e) {
      throw new AdapterException(
          String.format(
              Locale.ROOT,
              "%s is not UTF-8 text (byte 0x%02X at offset %d is not valid UTF-8); expected a UTF-8"
                  + " text file",
              name,
              bytes[buf.position()] & 0xFF,
              buf.position()),
          e);
    }
  }

  private static AdapterException tooLarge(String name) {
    return new AdapterException(
        String.format(
            Locale.ROOT,
            "%s is larger than %d MiB, the most read (Inputs.MAX_FILE_BYTES); expected a config,"
                + " hardware JSON or nvidia-smi output of a few KiB",
            name,
            MAX_FILE_BYTES >> 20));
  }
}
