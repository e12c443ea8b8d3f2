package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The workload analyzer: classifies a workload from a description or from an event log, reads data
 * size, model size, GPU intent and operations out of a description, and reports compute intensity,
 * I/O pattern and GPU suitability.
 *
 * <p>Text is classified by a multinomial logistic-regression model over word, phrase and character
 * n-gram features, trained at first use (deterministically, in well under a second) on the training
 * split of the labelled corpus {@code data/models/workload-corpus.json}; its held-out split and
 * cross-validated accuracy are reported in the module README. An event log is the trustworthy path:
 * streaming query events, ML and graph stages, and read- versus write-heavy SQL decide there, and
 * the evidence says which.
 *
 * <pre>{@code
 * Classification c = WorkloadAnalyzer.classify("spark.readStream.format(\"kafka\").load()");
 * c.workloadType();   // STREAMING
 * }</pre>
 */
public final class WorkloadAnalyzer {
  private WorkloadAnalyzer() {}

  /** The trained text model, built on first use. */
  private static final class Model {
    static final List<TextClassifier.Example> TRAINING = Corpus.training(Corpus.load());
    static final TextClassifier INSTANCE = TextClassifier.train(TRAINING);
  }

  /**
   * Classifies a description: a sentence, a SQL statement or a code fragment.
   *
   * @param text the description
   * @return the class with its probability, the runner-up and the words that decided; {@link
   *     WorkloadType#UNKNOWN} with a low confidence when the text has no word the model knows
   * @throws ModelsException if the text is empty or blank
   */
  public static Classification classify(String text) {
    requireText(text);
    TextClassifier.Prediction p = Model.INSTANCE.predict(text);
    WorkloadType best = p.best();
    WorkloadType second = p.second();
    if (p.knownFeatures() == 0) {
      WorkloadType runnerUp = best == WorkloadType.UNKNOWN ? second : best;
      double top = p.probability(best);
      return new Classification(
          WorkloadType.UNKNOWN,
          top,
          runnerUp,
          p.probability(runnerUp),
          List.of("no word or phrase of the text occurs in the training corpus"),
          Classification.Basis.TEXT,
          "the text gives no basis for a class: none of its words is known to the model");
    }
    return new Classification(
        best,
        p.probability(best),
        second,
        p.probability(second),
        p.evidence(),
        Classification.Basis.TEXT,
        String.format(
            Locale.ROOT,
            "logistic-regression text model trained on %d labelled examples gives %s %.0f %%,"
                + " then %s %.0f %%",
            Model.TRAINING.size(),
            best.id(),
            100 * p.probability(best),
            second.id(),
            100 * p.probability(second)));
  }

  /**
   * Classifies an application from its event-log profile: streaming query events, MLlib, XGBoost or
   * deep-learning stages, GraphX or GraphFrames stages, and whether its SQL writes more than it
   * returns.
   *
   * @param profile the profile from {@code EventLogs.read}
   * @return the class, its confidence, the runner-up and the evidence that decided
   */
  public static Classification classify(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return ProfileAnalysis.classify(profile);
  }

  /**
   * Reads data size, model size, GPU intent and operations out of a description.
   *
   * @param text the description
   * @return the facts; absent fields when the text does not give them
   * @throws ModelsException if the text is blank, or a size in it is negative or has a unit that is
   *     not a size (e.g. {@code 10 XB})
   */
  public static ExtractionResult extract(String text) {
    requireText(text);
    return TextExtractor.extract(text);
  }

  /**
   * Parses a data size given on its own: {@code 1TB}, {@code 10 TB}, {@code 1.5 TiB}, {@code 512m},
   * {@code 300 million rows} (bytes per row assumed as {@value
   * TextExtractor#DEFAULT_ROW_WIDTH_BYTES} unless stated, e.g. {@code 300 million rows of 200
   * bytes}). Units are binary, as Spark reads them.
   *
   * @param text the size
   * @return the size in bytes with how it was read
   * @throws ModelsException if the text is empty, negative, has an unknown unit or is not a size
   */
  static DataSizeFinding parseDataSize(String text) {
    Objects.requireNonNull(text, "text");
    return TextExtractor.parseDataSize(text);
  }

  /**
   * The class prior of compute intensity (CPU time per input byte), with its range and source.
   *
   * @param type the workload class
   * @return the prior, {@code measured} false
   */
  public static IntensityResult intensity(WorkloadType type) {
    Objects.requireNonNull(type, "type");
    Priors.ClassPrior p = Priors.of(type);
    Priors.Range r = p.cpuNanosPerInputByte();
    return new IntensityResult(
        r.middle(),
        r.low(),
        r.high(),
        false,
        String.format(
            Locale.ROOT,
            "class prior for %s: %.0f-%.0f ns of CPU per input byte (geometric middle %.0f); %s",
            type.id(),
            r.low(),
            r.high(),
            r.middle(),
            p.basis()),
        p.source());
  }

  /**
   * Compute intensity measured in an event log: executor CPU time over input bytes (run time where
   * the log has no CPU time, as Spark 1.x logs).
   *
   * @param profile the profile
   * @return the measured intensity
   * @throws ModelsException if the log read no input bytes
   */
  public static IntensityResult intensity(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return ProfileAnalysis.intensity(profile);
  }

  /**
   * The I/O pattern a job of the class would have on the cluster, from the class's shuffle and
   * output ratios.
   *
   * @param type the workload class
   * @param inputBytes bytes the job reads, 0 or more
   * @param cluster the cluster it runs on
   * @return bytes read, shuffled and written, which dominates, and the time on disks and network
   * @throws ModelsException if inputBytes is negative
   */
  public static IoPatternReport ioPattern(WorkloadType type, long inputBytes, ClusterSpec cluster) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(cluster, "cluster");
    requireNonNegative("input size", inputBytes);
    Priors.ClassPrior p = Priors.of(type);
    long shuffle = (long) (inputBytes * p.shuffleToInput().middle());
    long output = (long) (inputBytes * p.outputToInput().middle());
    return io(
        inputBytes,
        shuffle,
        output,
        cluster,
        false,
        String.format(
            Locale.ROOT,
            "%s of input with the %s priors: shuffle %.2f and output %.2f bytes per input byte",
            ByteSizes.human(inputBytes),
            type.id(),
            p.shuffleToInput().middle(),
            p.outputToInput().middle()),
        p.source());
  }

  /**
   * The I/O pattern an event log measured, timed on the given cluster.
   *
   * @param profile the profile
   * @param cluster the cluster to time the bytes on
   * @return bytes read, shuffled and written (measured), which dominates, time on disks and network
   */
  public static IoPatternReport ioPattern(ApplicationProfile profile, ClusterSpec cluster) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(cluster, "cluster");
    ApplicationProfile.Totals t = profile.totals();
    return io(
        t.inputBytes(),
        Math.max(t.shuffleWriteBytes(), t.shuffleReadBytes()),
        t.outputBytes(),
        cluster,
        true,
        "bytes measured in the event log (input, the larger of shuffle write and read, output)",
        "event log task metrics");
  }

  /**
   * GPU suitability of a class of job without a log: the class's GPU speed-up range; for ML
   * training or inference with a stated model size of 100 million parameters or more (deep
   * learning), the upper half of that range.
   *
   * @param type the workload class
   * @param modelParameters the model's parameter count, when known
   * @return the expected speed-up range and the Qualification category
   */
  public static GpuSuitabilityReport gpuSuitability(
      WorkloadType type, OptionalLong modelParameters) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(modelParameters, "modelParameters");
    return GpuSuitability.prior(type, modelParameters);
  }

  /**
   * GPU suitability measured from an event log: the share of task time in operators the RAPIDS
   * Accelerator supports ({@code data/models/gpu-operators.json}), combined with the operators'
   * speed-up factors by Amdahl's law, as NVIDIA's Qualification tool does.
   *
   * @param profile the profile
   * @return the supported share, speed-up range, category and the operators left on the CPU
   */
  public static GpuSuitabilityReport gpuSuitability(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return GpuSuitability.measured(profile);
  }

  /**
   * Everything about a description, on a cluster.
   *
   * @param text the description
   * @param cluster the cluster
   * @return classification, extraction, intensity prior, I/O pattern (for the size in the text, 0
   *     bytes when it gives none) and GPU suitability
   * @throws ModelsException if the text is blank or holds a bad size
   */
  public static WorkloadAnalysis analyze(String text, ClusterSpec cluster) {
    Objects.requireNonNull(cluster, "cluster");
    Classification c = classify(text);
    ExtractionResult e = extract(text);
    long input = e.dataSize().map(DataSizeFinding::bytes).orElse(0L);
    return new WorkloadAnalysis(
        c,
        e,
        intensity(c.workloadType()),
        ioPattern(c.workloadType(), input, cluster),
        gpuSuitability(c.workloadType(), e.modelParameters()));
  }

  /**
   * Everything about an event log, on a cluster: the trustworthy path.
   *
   * @param profile the profile
   * @param cluster the cluster to time the I/O on
   * @return classification, measured intensity (the class prior when the log read no input),
   *     measured I/O pattern and GPU suitability
   */
  public static WorkloadAnalysis analyze(ApplicationProfile profile, ClusterSpec cluster) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(cluster, "cluster");
    Classification c = classify(profile);
    IntensityResult intensity =
        profile.totals().inputBytes() > 0 ? intensity(profile) : intensity(c.workloadType());
    return new WorkloadAnalysis(
        c,
        new ExtractionResult(
            java.util.Optional.empty(), OptionalLong.empty(), GpuIntent.UNSTATED, List.of()),
        intensity,
        ioPattern(profile, cluster),
        gpuSuitability(profile));
  }

  static IoPatternReport io(
      long input,
      long shuffle,
      long output,
      ClusterSpec cluster,
      boolean measured,
      String basis,
      String source) {
    long total = input + shuffle + output;
    IoPatternReport.Phase dominant =
        input >= shuffle && input >= output
            ? IoPatternReport.Phase.SCAN
            : shuffle >= output ? IoPatternReport.Phase.SHUFFLE : IoPatternReport.Phase.WRITE;
    int n = cluster.nodeCount();
    Systems.Disk disk = Systems.disk(cluster.node());
    double diskBytes = (double) input + output + 2.0 * shuffle;
    double diskSeconds = diskBytes / ((double) disk.readBytesPerSecond() * n);
    double crossing = n > 1 ? shuffle * (n - 1.0) / n : 0;
    long net = cluster.interconnectBytesPerSecond();
    double netSeconds = crossing > 0 && net > 0 ? crossing / ((double) net * n) : 0;
    String netNote =
        n == 1
            ? "one node: shuffle stays local"
            : net == 0
                ? "interconnect bandwidth unknown: network time not computed"
                : String.format(
                    Locale.ROOT,
                    "%s crosses the %s/s per-node interconnect",
                    ByteSizes.human((long) crossing),
                    ByteSizes.human(net));
    String reason =
        String.format(
            Locale.ROOT,
            "%s; %s read, %s shuffled, %s written; disks: input, output and shuffle written and"
                + " read back over %d node(s) at %s/s each (%s); %s",
            basis,
            ByteSizes.human(input),
            ByteSizes.human(shuffle),
            ByteSizes.human(output),
            n,
            ByteSizes.human(disk.readBytesPerSecond()),
            disk.basis(),
            netNote);
    return new IoPatternReport(
        input,
        shuffle,
        output,
        dominant,
        total > 0 && input * 2 > total,
        total > 0 && shuffle * 2 > total,
        total > 0 && output * 2 > total,
        Duration.ofNanos((long) (diskSeconds * 1e9)),
        Duration.ofNanos((long) (netSeconds * 1e9)),
        measured,
        reason,
        source + "; disk bandwidth: data/models/dgx-systems.json");
  }

  private static void requireText(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new ModelsException(
          "workload description is empty; expected a sentence, a SQL statement or a code fragment");
    }
  }

  static void requireNonNegative(String what, long value) {
    if (value < 0) {
      throw new ModelsException(
          String.format(Locale.ROOT, "%s is %d bytes; expected 0 or more", what, value));
    }
  }
}
