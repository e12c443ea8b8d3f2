package io.github.dgxspark.hardware;

import io.github.dgxspark.core.DgxSparkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Describes a machine you are not on from its pasted {@code nvidia-smi} output.
 *
 * <pre>{@code
 * HardwareReport remote = NvidiaSmi.describe(pasted, OptionalInt.of(224), OptionalLong.empty());
 * NodeSpec node = remote.node();
 * }</pre>
 *
 * <p>The paste may hold any mix of: the default {@code nvidia-smi} table, {@code --query-gpu=...
 * --format=csv} (with or without header and units), {@code nvidia-smi topo -m} (old {@code mlx5_N}
 * or new NIC-legend layout, ANSI escapes allowed), {@code nvidia-smi -q -x}, {@code nvidia-smi -L}
 * and {@code nvidia-smi nvlink -s}, plus {@code lscpu}, {@code free} or {@code /proc/meminfo}
 * output and shell prompts; each output is recognised by its own shape and readings of the same GPU
 * index are merged. GPU memory reported as {@code [N/A]} or {@code Not Supported} (GB10) makes a
 * unified-memory node whose GPU shares the host memory.
 *
 * <p>Host figures not given and not pasted come from the {@code topo -m} CPU affinity (cores) or,
 * when the GPUs are the model and count of a built-in profile (8 × {@code NVIDIA H100 80GB HBM3} is
 * {@code dgx-h100}), from that profile; the report's notes say which.
 */
public final class NvidiaSmi {
  private NvidiaSmi() {}

  /**
   * Builds a node from pasted output and optional host figures.
   *
   * @param pastedText the pasted output, lines separated by {@code \n} or {@code \r\n}
   * @param logicalCores the host's logical core count, if known (1 or more)
   * @param memoryBytes the host's memory in bytes, if known (1 or more)
   * @return the report, origin {@code nvidia-smi}
   * @throws HardwareException if the text holds no {@code nvidia-smi} output, a line inside a
   *     recognised output cannot be parsed (the message names it), or a figure the node needs (GPU
   *     model, GPU memory, host memory, cores) is neither given, pasted nor in a matching profile
   *     (the message says what the paste shows and what is missing; {@link #read} describes such a
   *     paste instead)
   */
  public static HardwareReport describe(
      String pastedText, OptionalInt logicalCores, OptionalLong memoryBytes) {
    PasteReport r = read(pastedText, logicalCores, memoryBytes);
    return r.report()
        .orElseThrow(() -> new HardwareException(Assembler.refusal(r.shows(), r.missing())));
  }

  /**
   * Reads pasted output and optional host figures as {@link #describe(String, OptionalInt,
   * OptionalLong)} does, but a paste that shows too little to size a node (a {@code topo -m} alone,
   * one GPU's capture without host memory) is described rather than refused: {@link
   * PasteReport#shows()} says what it shows and {@link PasteReport#missing()} what sizing lacks.
   *
   * @param pastedText the pasted output, lines separated by {@code \n} or {@code \r\n}
   * @param logicalCores the host's logical core count, if known (1 or more)
   * @param memoryBytes the host's memory in bytes, if known (1 or more)
   * @return what the paste shows, with the node when nothing is missing
   * @throws HardwareException if the text holds no {@code nvidia-smi} output, a line inside a
   *     recognised output cannot be parsed (the message names it), or a figure is not valid
   */
  public static PasteReport read(
      String pastedText, OptionalInt logicalCores, OptionalLong memoryBytes) {
    Objects.requireNonNull(pastedText, "pastedText");
    Objects.requireNonNull(logicalCores, "logicalCores");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    if (logicalCores.isPresent() && logicalCores.getAsInt() < 1) {
      throw new HardwareException(
          "logical cores " + logicalCores.getAsInt() + " is not valid; expected 1 or more");
    }
    if (memoryBytes.isPresent() && memoryBytes.getAsLong() < 1) {
      throw new HardwareException(
          "memory " + memoryBytes.getAsLong() + " bytes is not valid; expected 1 or more");
    }
    Facts facts = read(pastedText);
    String shows = Assembler.shows(facts, logicalCores, memoryBytes);
    List<PasteReport.Missing> missing =
        Assembler.missing(facts, logicalCores, memoryBytes, Assembler.profile(facts, true));
    if (!missing.isEmpty()) {
      return new PasteReport(facts.formats, shows, missing, Optional.empty());
    }
    try {
      HardwareReport r =
          Assembler.assemble(
              facts, logicalCores, memoryBytes, List.of(), List.of(), "nvidia-smi", true);
      List<String> notes = new ArrayList<>();
      notes.add("read from the pasted text: " + String.join(", ", facts.formats));
      notes.addAll(r.notes());
      return new PasteReport(
          facts.formats,
          shows,
          List.of(),
          Optional.of(
              new HardwareReport(
                  r.node(),
                  r.gpus(),
                  r.disks(),
                  r.driverVersion(),
                  r.cudaVersion(),
                  r.origin(),
                  notes)));
    } catch (HardwareException e) {
      throw e;
    } catch (DgxSparkException e) {
      throw new HardwareException(
          "pasted nvidia-smi output gives an invalid node: " + e.getMessage(), e);
    }
  }

  /**
   * Builds a node from pasted output alone (see {@link #describe(String, OptionalInt,
   * OptionalLong)}).
   *
   * @param pastedText the pasted output
   * @return the report
   * @throws HardwareException as {@link #describe(String, OptionalInt, OptionalLong)} does
   */
  public static HardwareReport describe(String pastedText) {
    return describe(pastedText, OptionalInt.empty(), OptionalLong.empty());
  }

  /**
   * Names the outputs recognised in pasted text, e.g. {@code [nvidia-smi table, nvidia-smi topo
   * -m]}, without building a node.
   *
   * @param pastedText the pasted output
   * @return the names of the outputs found, in the order first seen
   * @throws HardwareException if the text holds no {@code nvidia-smi} output or a line inside one
   *     cannot be parsed
   */
  public static List<String> detect(String pastedText) {
    Objects.requireNonNull(pastedText, "pastedText");
    return List.copyOf(read(pastedText).formats);
  }

  private static Facts read(String pastedText) {
    List<String> lines = Text.lines(pastedText);
    Facts facts = new Facts();
    Sections.read(lines, facts);
    boolean smi = facts.formats.stream().anyMatch(n -> !n.equals(HostParser.FORMAT));
    if (!smi) {
      String first =
          lines.stream().filter(l -> !l.isBlank()).findFirst().map(Text::shorten).orElse("");
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "the pasted text holds no nvidia-smi output (first line: '%s'); expected the default"
                  + " nvidia-smi table, --query-gpu CSV, topo -m, -q -x XML, -L or nvlink -s"
                  + " output",
              first));
    }
    return facts;
  }
}
