package io.github.dgxspark.hardware;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the default {@code nvidia-smi} table: the banner (driver and CUDA versions) and, per GPU,
 * the row with index, name and bus id followed by the row with power cap and memory. The process
 * and MIG sections are skipped. A GPU row whose next line has no memory cell is an error naming
 * that line.
 */
final class TableParser {
  static final String FORMAT = "nvidia-smi table";

  private static final Pattern GPU_ROW =
      Pattern.compile(
          "^\\|\\s*(\\d+)\\s+(.+?)\\s+(On|Off|WDDM|TCC|N/A)\\s+\\|\\s*"
              + "([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-9A-Fa-f])\\s+\\S+\\s*\\|.*");
  private static final Pattern MEMORY = Pattern.compile("(\\d+)\\s*MiB\\s*/\\s*(\\d+)\\s*MiB");
  private static final Pattern NO_MEMORY = Pattern.compile("\\|\\s*(Not Supported|N/A)\\s");
  private static final Pattern POWER = Pattern.compile("(\\d+)W\\s*/\\s*(\\d+)W");
  private static final Pattern DRIVER = Pattern.compile("Driver Version:\\s*([0-9][\\w.]*)");
  private static final Pattern CUDA = Pattern.compile("CUDA Version:\\s*([0-9][\\w.]*)");

  private TableParser() {}

  static void read(List<String> lines, int firstLine, Facts facts) {
    Objects.requireNonNull(lines, "lines");
    facts.format(FORMAT);
    for (int i = 0; i < lines.size(); i++) {
      String line = Text.clean(lines.get(i));
      int number = firstLine + i;
      Matcher d = DRIVER.matcher(line);
      if (d.find()) {
        facts.driver(d.group(1));
      }
      Matcher c = CUDA.matcher(line);
      if (c.find()) {
        facts.cuda(c.group(1));
      }
      if (line.contains("No devices were found")) {
        facts.noDevices = true;
      }
      Matcher row = GPU_ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      int index = Text.integer(row.group(1), "GPU index", number, line);
      Facts.GpuFacts gpu = facts.gpu(index);
      String name = row.group(2).trim();
      gpu.name(name);
      if (name.endsWith("...")) {
        facts.notes.add("GPU " + index + " name '" + name + "' is cut short by the table");
      }
      gpu.busId(row.group(4));
      if (i + 1 >= lines.size()) {
        throw new HardwareException(
            String.format(
                Locale.ROOT,
                "nvidia-smi table ends after the GPU row on line %d ('%s'); expected a line with"
                    + " power and memory after it",
                number,
                Text.shorten(line)));
      }
      String next = Text.clean(lines.get(i + 1));
      Matcher m = MEMORY.matcher(next);
      if (m.find()) {
        gpu.memory(Text.mebibytes(m.group(2), "GPU memory total", number + 1, next));
      } else if (NO_MEMORY.matcher(next).find()) {
        gpu.memory(0);
      } else {
        throw new HardwareException(
            String.format(
                Locale.ROOT,
                "nvidia-smi table line %d ('%s') after GPU %d has no memory cell; expected"
                    + " 'USEDMiB / TOTALMiB' or 'Not Supported'",
                number + 1,
                Text.shorten(next),
                index));
      }
      Matcher p = POWER.matcher(next);
      if (p.find()) {
        gpu.powerLimit(Text.decimal(p.group(2), "GPU power cap", number + 1, next));
      }
      i++;
    }
  }
}
