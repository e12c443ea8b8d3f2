package io.github.dgxspark.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code nvidia-smi} outputs in pasted text and hands each to its parser. A paste may
 * hold several outputs, shell prompts, headings and {@code lscpu}/{@code free} output; lines
 * outside any recognised output are only searched for host figures and version lines. Inside a
 * recognised output, a line that does not fit is an error naming it.
 *
 * <ul>
 *   <li>{@code -q -x}: from a line starting {@code <?xml} or {@code <nvidia_smi_log} to {@code
 *       </nvidia_smi_log>}.
 *   <li>default table: a {@code +---+} border or {@code | NVIDIA-SMI} banner, then every line
 *       starting with {@code |} or {@code +}.
 *   <li>{@code topo -m}: a tab-separated header starting with {@code GPU0}, its rows and legends.
 *   <li>{@code --query-gpu} CSV: a header naming query fields ({@code name}, {@code memory.total}
 *       or {@code index}), or a comma-separated row with a GPU model in it; other CSV headers
 *       (compute apps, retired pages) and their rows are skipped.
 *   <li>{@code -L} and {@code nvlink -s}: {@code GPU N: NAME (UUID: ...)} lines and their {@code
 *       Link N:} lines.
 * </ul>
 */
final class Sections {
  private static final Pattern BORDER = Pattern.compile("^\\s*\\+[-=+]{10,}\\+?\\s*$");
  private static final Pattern BANNER = Pattern.compile("^\\s*\\|\\s*NVIDIA-SMI\\s.*");
  private static final Pattern TABLE_LINE = Pattern.compile("^\\s*[|+].*");
  private static final Pattern LINK = Pattern.compile("^\\s*Link \\d+: .*");
  private static final Pattern DRIVER =
      Pattern.compile("(?i)^\\s*driver version\\s*:\\s*([0-9][\\w.]*)\\s*$");
  private static final Pattern CUDA =
      Pattern.compile("(?i)^\\s*cuda version\\s*:\\s*([0-9][\\w.]*)\\s*$");
  private static final Pattern LEGEND = Pattern.compile("^(\\s+\\S.*|Legend:|NIC Legend:)\\s*$");
  private static final Pattern IDENTIFIERS =
      Pattern.compile(
          "^\\s*[a-z][\\w.]*( \\[[^\\]]*\\])?(\\s*,\\s*[a-z][\\w.]*( \\[[^\\]]*\\])?)+\\s*$");

  private static final Pattern VALUE =
      Pattern.compile("\\[[^\\]]*\\]|\\d+(\\.\\d+)?(\\s*(MiB|W))?");

  private Sections() {}

  /** Reads every recognised output in the lines into the facts. */
  static void read(List<String> raw, Facts facts) {
    List<String> lines = new ArrayList<>(raw.size());
    for (String l : raw) {
      lines.add(Text.clean(l));
    }
    List<String> rest = new ArrayList<>();
    List<String> commandFields = List.of();
    int n = lines.size();
    int i = 0;
    while (i < n) {
      String line = lines.get(i);
      String trimmed = line.trim();
      int j;
      if (trimmed.startsWith("<?xml") || trimmed.startsWith("<nvidia_smi_log")) {
        j = i;
        while (j < n && !lines.get(j).contains("</nvidia_smi_log>")) {
          j++;
        }
        j = Math.min(j + 1, n);
        XmlParser.read(lines.subList(i, j), i + 1, facts);
      } else if (BORDER.matcher(line).matches() || BANNER.matcher(line).matches()) {
        j = i;
        while (j < n && TABLE_LINE.matcher(lines.get(j)).matches()) {
          j++;
        }
        TableParser.read(lines.subList(i, j), i + 1, facts);
      } else if (TopologyParser.isHeader(line)) {
        j = i + 1;
        boolean legend = false;
        while (j < n) {
          String l = lines.get(j);
          boolean row = l.contains("\t") && !l.startsWith("\t") && !l.startsWith(" ");
          legend |= l.trim().equals("Legend:");
          if (!(l.isBlank() || row || legend && LEGEND.matcher(l).matches())) {
            break;
          }
          j++;
        }
        TopologyParser.read(lines.subList(i, j), i + 1, facts);
      } else if (ListParser.GPU_LINE.matcher(line).matches()) {
        j = i;
        while (j < n
            && (ListParser.GPU_LINE.matcher(lines.get(j)).matches()
                || LINK.matcher(lines.get(j)).matches())) {
          j++;
        }
        ListParser.read(lines.subList(i, j), i + 1, facts);
      } else if (CsvParser.isHeader(line) || isGpuRow(line)) {
        j = i + 1;
        while (j < n && lines.get(j).contains(",") && !CsvParser.isHeader(lines.get(j))) {
          j++;
        }
        CsvParser.read(lines.subList(i, j), i + 1, commandFields, facts);
        commandFields = List.of();
      } else if (IDENTIFIERS.matcher(line).matches()) {
        // another query's CSV header (compute apps, retired pages): skip it and its rows
        j = i + 1;
        while (j < n && lines.get(j).contains(",")) {
          j++;
        }
      } else {
        List<String> fields = CsvParser.commandFields(line);
        if (!fields.isEmpty()) {
          commandFields = fields;
        }
        Matcher d = DRIVER.matcher(line);
        if (d.matches()) {
          facts.driver(d.group(1));
        }
        Matcher c = CUDA.matcher(line);
        if (c.matches()) {
          facts.cuda(c.group(1));
        }
        rest.add(line);
        j = i + 1;
      }
      i = j;
    }
    HostParser.read(rest, 1, facts);
  }

  /**
   * A header-less CSV row: one value looks like a GPU model (at most 40 characters) and another is
   * a number, a MiB figure or a bracketed missing value.
   */
  private static boolean isGpuRow(String line) {
    if (!line.contains(",")) {
      return false;
    }
    boolean name = false;
    boolean value = false;
    for (String v : line.split(",")) {
      String t = v.trim();
      if (t.length() <= 40 && CsvParser.GPU_NAME.matcher(t).matches()) {
        name = true;
      } else if (VALUE.matcher(t).matches()) {
        value = true;
      }
    }
    return name && value;
  }
}
