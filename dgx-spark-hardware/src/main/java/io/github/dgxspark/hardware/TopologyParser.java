package io.github.dgxspark.hardware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nvidia-smi topo -m}. Handles the old layout (NIC columns named {@code mlx5_N}) and
 * the new one ({@code NIC0…} columns plus a "NIC Legend" block and a {@code GPU NUMA ID} column), a
 * header with or without a leading tab, ANSI escapes around the header, and empty trailing cells.
 *
 * <p>NVLink links per GPU: when a GPU reaches every other GPU over the same number of links ({@code
 * NV12} to all on a DGX A100, through NVSwitch) that number is its link count; otherwise (the DGX-1
 * cube mesh of NV1/NV2 and SYS) the links to its peers are added up.
 */
final class TopologyParser {
  static final String FORMAT = "nvidia-smi topo -m";

  private static final Pattern DEVICE =
      Pattern.compile("GPU\\d+|NIC\\d+|mlx\\d+_\\d+|[a-zA-Z]\\w*");
  private static final Pattern GPU = Pattern.compile("GPU(\\d{1,4})");
  private static final Pattern RELATION = Pattern.compile("X|NV(\\d+)|[A-Z]{2,4}");
  private static final Pattern LEGEND_NIC = Pattern.compile("^\\s*(NIC\\d+):\\s*(\\S+)\\s*$");
  private static final Pattern CPUS =
      Pattern.compile("\\d{1,6}(-\\d{1,6})?(,\\d{1,6}(-\\d{1,6})?)*");
  private static final List<String> TRAILING = List.of("CPU Affinity", "NUMA Affinity");

  private TopologyParser() {}

  /** Header cells, blanks dropped; device columns come first. */
  static List<String> headerCells(String line) {
    List<String> cells = new ArrayList<>();
    for (String c : Text.clean(line).split("\t")) {
      if (!c.isBlank()) {
        cells.add(c.trim());
      }
    }
    return cells;
  }

  /** True for a {@code topo -m} header line: tab-separated, first column {@code GPU0}. */
  static boolean isHeader(String line) {
    String clean = Text.clean(line);
    if (!clean.contains("\t")) {
      return false;
    }
    List<String> cells = headerCells(clean);
    return !cells.isEmpty()
        && cells.get(0).equals("GPU0")
        && (cells.contains("CPU Affinity") || cells.size() > 1 && cells.get(1).startsWith("GPU"));
  }

  static void read(List<String> lines, int firstLine, Facts facts) {
    Objects.requireNonNull(lines, "lines");
    facts.format(FORMAT);
    List<String> devices = null;
    List<String> trailing = List.of();
    List<List<String>> gpuRows = new ArrayList<>();
    List<Integer> gpuRowNumbers = new ArrayList<>();
    Map<String, String> legend = new HashMap<>();
    boolean inLegend = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = Text.clean(lines.get(i));
      int number = firstLine + i;
      if (line.isBlank()) {
        continue;
      }
      if (devices == null) {
        if (!isHeader(line)) {
          throw new HardwareException(
              String.format(
                  Locale.ROOT,
                  "topo -m line %d ('%s') is not the header; expected tab-separated columns"
                      + " starting with GPU0",
                  number,
                  Text.shorten(line)));
        }
        List<String> cells = headerCells(line);
        int split = cells.size();
        for (int c = 0; c < cells.size(); c++) {
          if (!DEVICE.matcher(cells.get(c)).matches() || cells.get(c).contains(" ")) {
            split = c;
            break;
          }
        }
        devices = cells.subList(0, split);
        trailing = cells.subList(split, cells.size());
        continue;
      }
      String trimmed = line.trim();
      if (trimmed.equals("Legend:") || trimmed.equals("NIC Legend:")) {
        inLegend = true;
        continue;
      }
      if (inLegend) {
        Matcher nic = LEGEND_NIC.matcher(line);
        if (nic.matches()) {
          legend.put(nic.group(1), nic.group(2));
        }
        continue;
      }
      String[] raw = line.split("\t", -1);
      String label = raw[0].trim();
      if (!devices.contains(label)) {
        throw new HardwareException(
            String.format(
                Locale.ROOT,
                "topo -m line %d ('%s') starts with '%s', which is not a column of the header;"
                    + " expected one of %s",
                number,
                Text.shorten(line),
                label,
                devices));
      }
      if (raw.length < devices.size() + 1) {
        throw new HardwareException(
            String.format(
                Locale.ROOT,
                "topo -m line %d ('%s') has %d cells for %d devices; expected one per device",
                number,
                Text.shorten(line),
                raw.length - 1,
                devices.size()));
      }
      List<String> cells = new ArrayList<>();
      for (int c = 1; c <= devices.size(); c++) {
        String cell = raw[c].trim();
        if (!RELATION.matcher(cell).matches()) {
          throw Text.bad(
              "topo -m cell for " + label + "/" + devices.get(c - 1),
              cell,
              "X, NV#, SYS, NODE, PHB, PXB or PIX",
              number,
              line);
        }
        cells.add(cell);
      }
      if (GPU.matcher(label).matches()) {
        List<String> extra = new ArrayList<>();
        for (int c = devices.size() + 1; c < raw.length; c++) {
          if (!raw[c].isBlank()) {
            extra.add(raw[c].trim());
          }
        }
        cells.add(extra.isEmpty() ? "" : extra.get(0));
        cells.add(extra.size() < 2 ? "" : extra.get(1));
        cells.add(0, label);
        gpuRows.add(cells);
        gpuRowNumbers.add(number);
      }
    }
    if (devices == null) {
      throw new HardwareException("topo -m output is empty; expected a header starting with GPU0");
    }
    readRows(devices, trailing, gpuRows, gpuRowNumbers, legend, facts);
  }

  private static void readRows(
      List<String> devices,
      List<String> trailing,
      List<List<String>> gpuRows,
      List<Integer> rowNumbers,
      Map<String, String> legend,
      Facts facts) {
    for (String d : devices) {
      if (!GPU.matcher(d).matches()) {
        facts.topologyNics.add(legend.getOrDefault(d, d));
      }
    }
    boolean hasAffinity = trailing.contains(TRAILING.get(0));
    for (int r = 0; r < gpuRows.size(); r++) {
      List<String> row = gpuRows.get(r);
      Matcher g = GPU.matcher(row.get(0));
      g.matches();
      Facts.GpuFacts gpu = facts.gpu(Integer.parseInt(g.group(1)));
      List<Integer> peerLinks = new ArrayList<>();
      int gpuPeers = 0;
      for (int c = 0; c < devices.size(); c++) {
        String device = devices.get(c);
        String cell = row.get(c + 1);
        if (GPU.matcher(device).matches()) {
          if (!cell.equals("X")) {
            gpuPeers++;
            Matcher nv = RELATION.matcher(cell);
            nv.matches();
            if (nv.group(1) != null) {
              peerLinks.add(Text.integer(nv.group(1), "NVLink count", rowNumbers.get(r), cell));
            }
          }
        } else if (cell.equals("PIX") || cell.equals("PXB")) {
          gpu.nearestNics.add(legend.getOrDefault(device, device));
        }
      }
      boolean allSame =
          gpuPeers > 0
              && peerLinks.size() == gpuPeers
              && peerLinks.stream().distinct().count() == 1;
      gpu.topologyLinks =
          allSame ? peerLinks.get(0) : peerLinks.stream().mapToInt(Integer::intValue).sum();
      if (hasAffinity) {
        String cpus = row.get(devices.size() + 1);
        String numa = row.get(devices.size() + 2);
        if (CPUS.matcher(cpus).matches()) {
          gpu.cpuAffinity = cpus;
          for (String part : cpus.split("[,-]")) {
            facts.maxAffinityCpu = Math.max(facts.maxAffinityCpu, Integer.parseInt(part));
          }
        }
        if (numa.matches("\\d{1,4}")) {
          gpu.numaAffinity = numa;
          facts.maxAffinityNuma = Math.max(facts.maxAffinityNuma, Integer.parseInt(numa));
        }
      }
    }
  }
}
