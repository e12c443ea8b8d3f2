package io.github.dgxspark.hardware;

import io.github.dgxspark.core.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads host figures that people paste next to {@code nvidia-smi}: {@code lscpu} (CPUs, sockets,
 * cores per socket summed over the core clusters of heterogeneous Arm parts such as GB10's
 * Cortex-X925 + Cortex-A725, NUMA nodes, model names), {@code free} (the {@code Mem:} total, KiB
 * unless the command line shows {@code -b}, {@code -m}, {@code -g} or the value has a unit), and
 * {@code /proc/meminfo} ({@code MemTotal}).
 */
final class HostParser {
  static final String FORMAT = "host (lscpu / free / meminfo)";

  static final Pattern CPUS = Pattern.compile("^\\s*CPU\\(s\\):\\s+(\\d+)\\s*$");
  private static final Pattern SOCKETS = Pattern.compile("^\\s*Socket\\(s\\):\\s+(\\d+)\\s*$");
  private static final Pattern CORES =
      Pattern.compile("^\\s*Core\\(s\\) per (?:socket|cluster):\\s+(\\d+)\\s*$");
  private static final Pattern NUMA = Pattern.compile("^\\s*NUMA node\\(s\\):\\s+(\\d+)\\s*$");
  private static final Pattern MODEL = Pattern.compile("^\\s*Model name:\\s+(.+?)\\s*$");
  static final Pattern FREE_MEM =
      Pattern.compile("^Mem:\\s+(\\d+(?:[.,]\\d+)?)([KMGTP]i?|B)?\\s+.*$");
  static final Pattern MEMINFO = Pattern.compile("^MemTotal:\\s+(\\d+) kB\\s*$");
  private static final Pattern FREE_FLAG = Pattern.compile("\\bfree\\s+(?:-\\w*?([bkmgt])\\w*)");

  private HostParser() {}

  static void read(List<String> lines, int firstLine, Facts facts) {
    Objects.requireNonNull(lines, "lines");
    List<String> models = new ArrayList<>();
    int physical = 0;
    int sockets = 0;
    int pendingCores = -1;
    long freeUnit = ByteSizes.KIB;
    for (int i = 0; i < lines.size(); i++) {
      String line = Text.clean(lines.get(i));
      int number = firstLine + i;
      Matcher m;
      if ((m = FREE_FLAG.matcher(line)).find()) {
        freeUnit = unit(m.group(1));
      }
      if ((m = CPUS.matcher(line)).matches() && facts.logicalCores == 0) {
        facts.logicalCores = Text.integer(m.group(1), "lscpu CPU(s)", number, line);
        facts.hostSources.put("cores", "lscpu");
        facts.format(FORMAT);
      } else if ((m = CORES.matcher(line)).matches()) {
        pendingCores = Text.integer(m.group(1), "lscpu cores per socket", number, line);
      } else if ((m = SOCKETS.matcher(line)).matches()) {
        int s = Text.integer(m.group(1), "lscpu sockets", number, line);
        sockets = Math.max(sockets, s);
        if (pendingCores > 0) {
          physical += pendingCores * s;
          pendingCores = -1;
        }
      } else if ((m = NUMA.matcher(line)).matches()) {
        facts.numaNodes = Text.integer(m.group(1), "lscpu NUMA nodes", number, line);
      } else if ((m = MODEL.matcher(line)).matches()) {
        if (!models.contains(m.group(1))) {
          models.add(m.group(1));
        }
      } else if ((m = FREE_MEM.matcher(line)).matches() && facts.memoryBytes == 0) {
        facts.memoryBytes = freeTotal(m.group(1), m.group(2), freeUnit, number, line);
        facts.hostSources.put("memory", "free");
        facts.format(FORMAT);
      } else if ((m = MEMINFO.matcher(line)).matches() && facts.memoryBytes == 0) {
        facts.memoryBytes = kibibytes(m.group(1), "MemTotal", number, line);
        facts.hostSources.put("memory", "/proc/meminfo");
        facts.format(FORMAT);
      }
    }
    if (physical > 0 && facts.physicalCores == 0) {
      facts.physicalCores = physical;
    }
    if (sockets > 0 && facts.sockets == 0) {
      facts.sockets = sockets;
    }
    if (!models.isEmpty() && facts.cpuModel.isEmpty()) {
      facts.cpuModel = String.join(" + ", models);
    }
  }

  private static long unit(String flag) {
    switch (flag) {
      case "b":
        return 1;
      case "m":
        return ByteSizes.MIB;
      case "g":
        return ByteSizes.GIB;
      case "t":
        return ByteSizes.TIB;
      default:
        return ByteSizes.KIB;
    }
  }

  private static long kibibytes(String digits, String what, int number, String line) {
    try {
      return ByteSizes.parseBytes(digits + "k");
    } catch (io.github.dgxspark.core.DgxSparkException e) {
      throw Text.bad(what, digits, "a whole number of KiB", number, line);
    }
  }

  private static long freeTotal(String value, String suffix, long unit, int number, String line) {
    if (suffix == null) {
      if (!value.matches("\\d{1,18}")) {
        throw Text.bad("free total", value, "a whole number", number, line);
      }
      try {
        return Math.multiplyExact(ByteSizes.parse(value, 1), unit);
      } catch (io.github.dgxspark.core.DgxSparkException | ArithmeticException e) {
        throw Text.bad("free total", value, "a whole number", number, line);
      }
    }
    // free -h prints e.g. 119Gi or 1.5Ti: binary units with one decimal
    double v = Text.decimal(value.replace(',', '.'), "free total", number, line);
    long u;
    switch (suffix.charAt(0)) {
      case 'K':
        u = ByteSizes.KIB;
        break;
      case 'M':
        u = ByteSizes.MIB;
        break;
      case 'G':
        u = ByteSizes.GIB;
        break;
      case 'T':
        u = ByteSizes.TIB;
        break;
      case 'P':
        u = ByteSizes.PIB;
        break;
      default:
        u = 1;
        break;
    }
    return Math.round(v * u);
  }

  /** True when the line is one this parser reads. */
  static boolean matches(String line) {
    String l = Text.clean(line);
    return CPUS.matcher(l).matches()
        || FREE_MEM.matcher(l).matches()
        || MEMINFO.matcher(l).matches();
  }
}
