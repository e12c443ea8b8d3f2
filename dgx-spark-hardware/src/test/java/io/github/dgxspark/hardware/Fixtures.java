package io.github.dgxspark.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the real nvidia-smi captures in src/test/resources (attribution in FIXTURES.md there). */
final class Fixtures {
  static final String GB10_TABLE = "gb10-dgx-spark_nvidia-smi_table.txt";
  static final String GB10_FREE_LSCPU = "gb10-dgx-spark_nvidia-smi_free_lscpu.txt";
  static final String GB10_CSV_ROW = "gb10-dgx-spark_query-gpu_row.csv";
  static final String A100_MIG_XML = "a100-sxm4-80gb_mig_nvidia-smi-q-x.xml";
  static final String DGX_A100_TOPO = "dgx-a100_nvidia-smi_topo-m.txt";
  static final String H100_TABLE = "h100-sxm5-x8_nvidia-smi_table_under-load.txt";
  static final String H100_TOPO = "h100-sxm5-x8_nvidia-smi_topo-m.txt";
  static final String H100_FULL = "h100-80gb-hbm3_1gpu-slice_full-capture.txt";

  static final List<String> ALL =
      List.of(
          GB10_TABLE,
          GB10_FREE_LSCPU,
          GB10_CSV_ROW,
          A100_MIG_XML,
          DGX_A100_TOPO,
          H100_TABLE,
          H100_TOPO,
          H100_FULL);

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("nvidia-smi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String name) {
    return Text.lines(text(name));
  }

  /** One parser's {@code read(lines, firstLine, facts)}. */
  interface Reader {
    void read(List<String> lines, int firstLine, Facts facts);
  }

  /** Reads lines with one parser on its own (line numbers from 1) into fresh facts. */
  static Facts parse(Reader reader, List<String> lines) {
    Facts facts = new Facts();
    reader.read(lines, 1, facts);
    return facts;
  }

  /** The CSV parser's reader for lines without a {@code --query-gpu} command line. */
  static void readCsv(List<String> lines, int firstLine, Facts facts) {
    CsvParser.read(lines, firstLine, List.of(), facts);
  }
}
