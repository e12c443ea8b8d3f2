package io.github.dgxspark.hardware;

import io.github.dgxspark.core.NicSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads InfiniBand and RoCE ports from {@code /sys/class/infiniband/DEVICE/ports/N/}: {@code rate}
 * (e.g. {@code 400 Gb/sec (4X NDR)}), {@code link_layer} ({@code InfiniBand} or {@code Ethernet},
 * the latter being RoCE) and {@code state} (ports not {@code ACTIVE} get speed 0). A port is named
 * after its device ({@code mlx5_0}), with {@code :N} added for ports after the first.
 */
final class InfinibandReader {
  static final Path SYSFS = Path.of("/sys/class/infiniband");
  private static final Pattern RATE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?) Gb/sec.*");

  private InfinibandReader() {}

  /** The ports under the directory, or none when it does not exist or cannot be read. */
  static List<NicSpec> read(Path root, List<String> notes) {
    List<NicSpec> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (DirectoryStream<Path> devices = Files.newDirectoryStream(root)) {
      List<Path> sorted = new ArrayList<>();
      devices.forEach(sorted::add);
      sorted.sort(null);
      for (Path device : sorted) {
        Path ports = device.resolve("ports");
        if (!Files.isDirectory(ports)) {
          continue;
        }
        List<Path> portDirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(ports)) {
          ds.forEach(portDirs::add);
        }
        portDirs.sort(null);
        for (Path port : portDirs) {
          String p = port.getFileName().toString();
          String name = device.getFileName() + ("1".equals(p) ? "" : ":" + p);
          String layer = first(port.resolve("link_layer"));
          String state = first(port.resolve("state"));
          Matcher rate = RATE.matcher(first(port.resolve("rate")));
          long bytes = 0;
          if (rate.matches() && (state.isEmpty() || state.contains("ACTIVE"))) {
            bytes = Math.round(Double.parseDouble(rate.group(1)) * 1e9 / 8);
          }
          NicSpec.Kind kind =
              "Ethernet".equalsIgnoreCase(layer) ? NicSpec.Kind.ROCE : NicSpec.Kind.INFINIBAND;
          out.add(new NicSpec(name, kind, bytes));
        }
      }
    } catch (IOException e) {
      notes.add("InfiniBand ports under " + root + " could not be read: " + e);
    }
    return out;
  }

  private static String first(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "" : lines.get(0).trim();
  }
}
