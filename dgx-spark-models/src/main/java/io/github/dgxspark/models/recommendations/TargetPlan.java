package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ConfigValue;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan for a target the user named ({@code analyze LOG --profile NAME}): the config for that
 * hardware, with the values the log measured sized from the measurement (shuffle partitions from
 * the largest shuffle, input split from the largest scan task, GPU concurrency from GPU memory and
 * the log's GPU out-of-memory failures) and the rest from the optimizer for the hardware. Keys the
 * application's Spark version lacks or its features do not use are left out.
 *
 * @param hardware the target, in words
 * @param mode the execution mode planned for
 * @param values the planned values, keys sorted
 * @param notes what was left out and why
 */
public record TargetPlan(
    String hardware, ExecutionMode mode, List<PlannedValue> values, List<String> notes) {

  // Checks the fields and copies the lists.
  public TargetPlan {
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(mode, "mode");
    values = List.copyOf(values);
    notes = List.copyOf(notes);
  }

  /**
   * One value of the plan.
   *
   * @param key the property
   * @param value the value for the target
   * @param basis why this value: the measurement behind it, or the optimizer's reason for the
   *     hardware
   * @param measured true when the value is sized from a measurement of the log
   */
  public record PlannedValue(String key, String value, String basis, boolean measured) {
    // Checks the fields.
    public PlannedValue {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(basis, "basis");
    }
  }

  static TargetPlan of(
      ApplicationProfile p, ClusterSpec cluster, OptimizationResult reference, Filters filters) {
    List<PlannedValue> values = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean gpu = reference.mode() == ExecutionMode.GPU;
    int slots = reference.layout().taskSlots();
    long target =
        reference.values().stream()
            .filter(v -> v.key().equals(Filters.MAX_PARTITION_BYTES))
            .findFirst()
            .map(v -> ByteSizes.parseBytes(v.value()))
            .orElse(128 * ByteSizes.MIB);
    for (ConfigValue v : reference.values()) {
      // RAPIDS keys belong to a GPU plan whether or not the log ran on the GPU
      Optional<String> why = filters.inapplicable(v.key(), gpu);
      if (v.key().equals("spark.rapids.shuffle.mode")
          && reference.values().stream().noneMatch(x -> x.key().equals("spark.shuffle.manager"))) {
        why = Optional.of("the RAPIDS shuffle mode acts only with the RAPIDS shuffle manager");
      }
      if (why.isPresent()) {
        notes.add(v.key() + " left out: " + why.get());
        continue;
      }
      values.add(
          switch (v.key()) {
            case "spark.sql.shuffle.partitions" -> shufflePartitions(p, v, target, slots, gpu);
            case Filters.MAX_PARTITION_BYTES -> splitSize(p, v, target);
            case Evidence.CONCURRENT_GPU_TASKS -> concurrency(p, v, filters);
            default -> new PlannedValue(v.key(), v.value(), v.reason(), false);
          });
    }
    values.sort(Comparator.comparing(PlannedValue::key));
    String hardware =
        String.format(
            Locale.ROOT,
            "%d node(s) x %d cores%s, %s",
            cluster.nodeCount(),
            cluster.node().logicalCores(),
            cluster.node().gpuCount() > 0
                ? String.format(
                    Locale.ROOT,
                    ", %d GPU(s) of %s",
                    cluster.node().gpuCount(),
                    ByteSizes.human(cluster.node().minGpuMemoryBytes()))
                : "",
            cluster.manager().name().toLowerCase(Locale.ROOT));
    return new TargetPlan(hardware, reference.mode(), values, notes);
  }

  /** The largest shuffle any stage wrote, in partitions of the target split size. */
  private static PlannedValue shufflePartitions(
      ApplicationProfile p, ConfigValue v, long target, int slots, boolean gpu) {
    Optional<ApplicationProfile.Stage> largest =
        p.stages().stream()
            .filter(s -> s.shuffleWriteBytes().sum() > 0)
            .max(Comparator.comparingLong(s -> s.shuffleWriteBytes().sum()));
    if (largest.isEmpty()) {
      return new PlannedValue(
          v.key(), v.value(), "The log shuffled nothing; for the hardware: " + v.reason(), false);
    }
    long bytes = largest.get().shuffleWriteBytes().sum();
    long floor = gpu ? slots : 2L * slots;
    long partitions = Math.max(floor, (bytes + target - 1) / target);
    partitions = (partitions + slots - 1) / slots * slots;
    return new PlannedValue(
        v.key(),
        Long.toString(partitions),
        String.format(
            Locale.ROOT,
            "The largest shuffle measured: stage %d wrote %s; partitions of about %s, at least %s"
                + " per task slot, rounded up to whole waves of the target's %d task slots.",
            largest.get().id(),
            ByteSizes.human(bytes),
            ByteSizes.human(target),
            gpu ? "one" : "two",
            slots),
        true);
  }

  /**
   * The optimizer's split size for the hardware, halved below the largest scan task when the log
   * shows scan tasks failing or spilling at that size.
   */
  private static PlannedValue splitSize(ApplicationProfile p, ConfigValue v, long target) {
    long largest = p.stages().stream().mapToLong(s -> s.inputBytes().max()).max().orElse(0);
    if (largest == 0) {
      return new PlannedValue(
          v.key(), v.value(), "The log read no file input; for the hardware: " + v.reason(), false);
    }
    boolean trouble =
        p.stages().stream()
            .anyMatch(
                s ->
                    s.inputBytes().max() > 0
                        && (s.failedTasks() > 0 || s.memoryBytesSpilled().sum() > 0));
    long size = target;
    String basis;
    if (trouble) {
      size =
          Math.min(
              target, Math.max(ByteSizes.floorTo(largest / 2, ByteSizes.MIB), 16 * ByteSizes.MIB));
      basis =
          String.format(
              Locale.ROOT,
              "Stages that read input failed or spilled with scan tasks reading up to %s: at most"
                  + " half that, and no more than the hardware's %s.",
              ByteSizes.human(largest),
              ByteSizes.human(target));
    } else {
      basis =
          String.format(
              Locale.ROOT,
              "Scan tasks read up to %s without failing or spilling; %s",
              ByteSizes.human(largest),
              v.reason());
    }
    return new PlannedValue(v.key(), ByteSizes.format(size), basis, true);
  }

  /** The optimizer's concurrency for the target's GPU memory, halved after GPU OOM in the log. */
  private static PlannedValue concurrency(ApplicationProfile p, ConfigValue v, Filters filters) {
    int oom = p.failures().gpuOutOfMemoryTasks();
    int planned;
    try {
      planned = Integer.parseInt(v.value().trim());
    } catch (NumberFormatException e) {
      throw new DgxSparkException(
          "optimizer's concurrentGpuTasks '" + v.value() + "' is not a whole number");
    }
    if (oom == 0) {
      return new PlannedValue(
          v.key(),
          v.value(),
          "No GPU out-of-memory in the log; for the target's GPU memory: " + v.reason(),
          true);
    }
    Optional<Integer> logged =
        filters.effective(v.key()).value().map(x -> Evidence.intOr(x, 0)).filter(n -> n > 0);
    int value = Math.max(1, Math.min(planned, logged.map(n -> Math.max(1, n / 2)).orElse(planned)));
    return new PlannedValue(
        v.key(),
        Integer.toString(value),
        String.format(
            Locale.ROOT,
            "%d task(s) failed with GPU out-of-memory in the log at %s concurrent GPU tasks: at most"
                + " half that, and no more than the target's GPU memory allows (%s).",
            oom,
            logged.map(String::valueOf).orElse("the plugin's default"),
            v.reason()),
        true);
  }
}
