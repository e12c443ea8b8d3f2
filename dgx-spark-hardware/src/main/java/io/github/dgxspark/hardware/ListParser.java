package io.github.dgxspark.hardware;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nvidia-smi -L} ({@code GPU 0: NAME (UUID: ...)}) and {@code nvidia-smi nvlink -s},
 * which prints the same GPU line followed by one {@code Link N: 26.562 GB/s} line per link ({@code
 * <inactive>} links are not counted).
 */
final class ListParser {
  static final String FORMAT = "nvidia-smi -L / nvlink -s";

  static final Pattern GPU_LINE = Pattern.compile("^GPU (\\d+): (.+?)\\s+\\(UUID: .*\\)\\s*$");
  private static final Pattern LINK =
      Pattern.compile("^\\s*Link (\\d+): (\\d+(?:\\.\\d+)?) GB/s\\s*$");
  private static final Pattern LINK_INACTIVE = Pattern.compile("^\\s*Link (\\d+): .*$");

  private ListParser() {}

  static void read(List<String> lines, int firstLine, Facts facts) {
    Objects.requireNonNull(lines, "lines");
    facts.format(FORMAT);
    Facts.GpuFacts current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = Text.clean(lines.get(i));
      int number = firstLine + i;
      Matcher g = GPU_LINE.matcher(line);
      if (g.matches()) {
        current = facts.gpu(Text.integer(g.group(1), "GPU index", number, line));
        current.name(g.group(2));
        continue;
      }
      Matcher l = LINK.matcher(line);
      if (l.matches() || LINK_INACTIVE.matcher(line).matches()) {
        if (current == null) {
          throw new HardwareException(
              String.format(
                  Locale.ROOT,
                  "nvlink line %d ('%s') comes before any 'GPU N: NAME (UUID: ...)' line; expected"
                      + " the output of nvidia-smi nvlink -s",
                  number,
                  Text.shorten(line)));
        }
        current.linksListed = true;
        if (l.matches()) {
          double gbps = Text.decimal(l.group(2), "NVLink rate", number, line);
          current.linkBytesPerSecond.add(Math.round(gbps * 1e9));
        }
        continue;
      }
      if (!line.isBlank()) {
        throw new HardwareException(
            String.format(
                Locale.ROOT,
                "line %d ('%s') is neither a 'GPU N: NAME (UUID: ...)' line nor a 'Link N: RATE"
                    + " GB/s' line; expected nvidia-smi -L or nvlink -s output",
                number,
                Text.shorten(line)));
      }
    }
  }
}
