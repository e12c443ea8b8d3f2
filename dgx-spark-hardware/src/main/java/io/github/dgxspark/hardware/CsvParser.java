package io.github.dgxspark.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nvidia-smi --query-gpu=... --format=csv} output, with or without the header and with
 * or without units. Columns are named by the header, else by the {@code --query-gpu=} command line
 * when the paste has it, else by the probe's own field order ({@link #PROBE_FIELDS}) when a row has
 * exactly that many values, else by their look: the first value that looks like a GPU model is the
 * name, the first MiB figure or bracketed value after it the total memory. Bracketed values ({@code
 * [N/A]}, {@code [Not Supported]}) are absent; an absent {@code memory.total} marks a
 * unified-memory GPU (GB10).
 */
final class CsvParser {
  static final String FORMAT = "nvidia-smi --query-gpu CSV";

  /** The fields the probe asks for, in this order. */
  static final List<String> PROBE_FIELDS =
      List.of(
          "index",
          "name",
          "pci.bus_id",
          "memory.total",
          "compute_cap",
          "power.limit",
          "pcie.link.gen.current",
          "pcie.link.width.current");

  static final Pattern FIELD = Pattern.compile("[a-z][a-z_]*(\\.[A-Za-z_]+)*");
  static final Pattern GPU_NAME =
      Pattern.compile(
          "(NVIDIA|Tesla|Quadro|GeForce|TITAN|GRID|RTX|A\\d{2,3}|H\\d{2,3}|B\\d{3}|GB\\d{2,3})\\b.*");
  private static final Pattern MIB = Pattern.compile("(\\d+)(\\s*MiB)?");
  private static final Pattern WATTS = Pattern.compile("(\\d+(?:\\.\\d+)?)(\\s*W)?");
  private static final Pattern CC = Pattern.compile("\\d{1,2}\\.\\d");
  private static final Pattern COMMAND = Pattern.compile("--query-gpu=([^\\s]+)");

  private CsvParser() {}

  /** True when the line is a header naming query fields, e.g. {@code name, memory.total [MiB]}. */
  static boolean isHeader(String line) {
    List<String> fields = headerFields(line);
    return fields.size() >= 2
        && fields.stream().filter(f -> f != null).count() >= 2
        && (fields.contains("name") || fields.contains("memory.total") || fields.contains("index"));
  }

  /** The field list of a {@code --query-gpu=a,b,c} command line, or empty. */
  static List<String> commandFields(String line) {
    Matcher m = COMMAND.matcher(line);
    if (!m.find()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String f : m.group(1).split(",")) {
      out.add(f.trim());
    }
    return out;
  }

  /** Header tokens as field names; null for a token that is not one (such as "..."). */
  private static List<String> headerFields(String line) {
    List<String> out = new ArrayList<>();
    for (String token : line.split(",", -1)) {
      String t = token.trim();
      int bracket = t.indexOf(" [");
      if (bracket > 0 && t.endsWith("]")) {
        t = t.substring(0, bracket);
      }
      out.add(FIELD.matcher(t).matches() ? t : null);
    }
    return out;
  }

  /**
   * Reads a CSV block.
   *
   * @param commandFields the fields of a preceding {@code --query-gpu=} command line, or empty
   */
  static void read(List<String> lines, int firstLine, List<String> commandFields, Facts facts) {
    Objects.requireNonNull(lines, "lines");
    facts.format(FORMAT);
    List<String> header = null;
    int row = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = Text.clean(lines.get(i));
      int number = firstLine + i;
      if (line.isBlank()) {
        continue;
      }
      if (isHeader(line)) {
        header = headerFields(line);
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String v : line.split(",", -1)) {
        values.add(v.trim());
      }
      List<String> fields = header;
      if (fields == null && !commandFields.isEmpty()) {
        fields = commandFields;
      }
      if (fields == null
          && values.size() == PROBE_FIELDS.size()
          && values.get(0).matches("\\d{1,4}")) {
        fields = PROBE_FIELDS;
      }
      if (fields == null) {
        readByLook(values, row, number, line, facts);
      } else {
        if (values.size() < fields.size()) {
          throw new HardwareException(
              String.format(
                  Locale.ROOT,
                  "nvidia-smi CSV line %d ('%s') has %d values but the header names %d fields;"
                      + " expected one value per field",
                  number,
                  Text.shorten(line),
                  values.size(),
                  fields.size()));
        }
        readByName(fields, values, row, number, line, facts);
      }
      row++;
    }
  }

  private static void readByName(
      List<String> fields, List<String> values, int row, int number, String line, Facts facts) {
    int index = row;
    int at = fields.indexOf("index");
    if (at >= 0 && !Text.absent(values.get(at))) {
      index = Text.integer(values.get(at), "GPU index", number, line);
    }
    Facts.GpuFacts gpu = facts.gpu(index);
    for (int c = 0; c < fields.size(); c++) {
      String f = fields.get(c);
      String v = values.get(c);
      if (f == null || Text.absent(v)) {
        if ("memory.total".equals(f)) {
          gpu.memory(0);
        }
        continue;
      }
      switch (f) {
        case "name":
          gpu.name(v);
          break;
        case "pci.bus_id":
          gpu.busId(v);
          break;
        case "memory.total":
          gpu.memory(mib(v, number, line));
          break;
        case "compute_cap":
          if (!CC.matcher(v).matches()) {
            throw Text.bad("compute capability", v, "MAJOR.MINOR such as 9.0", number, line);
          }
          gpu.computeCapability(v);
          break;
        case "power.limit":
        case "enforced.power.limit":
          gpu.powerLimit(watts(v, number, line));
          break;
        case "pcie.link.gen.current":
          if (gpu.pcieGeneration == 0) {
            gpu.pcieGeneration = Text.integer(v, "PCIe generation", number, line);
          }
          break;
        case "pcie.link.width.current":
          if (gpu.pcieLinkWidth == 0) {
            gpu.pcieLinkWidth = Text.integer(v, "PCIe link width", number, line);
          }
          break;
        case "driver_version":
          facts.driver(v);
          break;
        default:
          break;
      }
    }
  }

  private static void readByLook(
      List<String> values, int row, int number, String line, Facts facts) {
    int nameAt = -1;
    for (int c = 0; c < values.size(); c++) {
      if (GPU_NAME.matcher(values.get(c)).matches()) {
        nameAt = c;
        break;
      }
    }
    if (nameAt < 0) {
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "nvidia-smi CSV line %d ('%s') has no header and no value that looks like a GPU"
                  + " model; expected a header line or a row such as 'NVIDIA H100 80GB HBM3, 81559"
                  + " MiB'",
              number,
              Text.shorten(line)));
    }
    int index = row;
    if (nameAt > 0 && values.get(nameAt - 1).matches("\\d{1,4}")) {
      index = Text.integer(values.get(nameAt - 1), "GPU index", number, line);
    }
    Facts.GpuFacts gpu = facts.gpu(index);
    gpu.name(values.get(nameAt));
    for (int c = nameAt + 1; c < values.size(); c++) {
      String v = values.get(c);
      if (CC.matcher(v).matches() && gpu.computeCapability.isEmpty()) {
        gpu.computeCapability(v);
      } else if (v.startsWith("[")) {
        gpu.memory(0);
        break;
      } else if (v.matches("\\d+(\\s*MiB)?") && !v.matches("\\d{1,3}")) {
        gpu.memory(mib(v, number, line));
        break;
      }
    }
  }

  private static long mib(String v, int number, String line) {
    Matcher m = MIB.matcher(v);
    if (!m.matches()) {
      throw Text.bad("GPU memory", v, "a MiB figure such as 81559 or 81559 MiB", number, line);
    }
    return Text.mebibytes(m.group(1), "GPU memory", number, line);
  }

  private static double watts(String v, int number, String line) {
    Matcher m = WATTS.matcher(v);
    if (!m.matches()) {
      throw Text.bad("GPU power limit", v, "watts such as 700.00 or 700.00 W", number, line);
    }
    return Text.decimal(m.group(1), "GPU power limit", number, line);
  }
}
