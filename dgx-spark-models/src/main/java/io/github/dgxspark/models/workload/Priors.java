package io.github.dgxspark.models.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The per-class priors of {@code data/models/workload-priors.json}. */
final class Priors {
  /** The data file. */
  static final String FILE = "models/workload-priors.json";

  /** A [low, high] range. */
  record Range(double low, double high) {
    /** The geometric middle, or the arithmetic one when the range starts at 0. */
    double middle() {
      return low > 0 ? Math.sqrt(low * high) : (low + high) / 2;
    }
  }

  /** The priors of one class. */
  record ClassPrior(
      WorkloadType type,
      Range cpuNanosPerInputByte,
      Range shuffleToInput,
      Range outputToInput,
      Range gpuSpeedup,
      String basis,
      String source) {}

  private static final Map<WorkloadType, ClassPrior> PRIORS = load();

  private Priors() {}

  /**
   * The priors of a class.
   *
   * @param type the class
   * @return its priors
   */
  static ClassPrior of(WorkloadType type) {
    return PRIORS.get(type);
  }

  private static Map<WorkloadType, ClassPrior> load() {
    JsonNode root = DataFiles.read(FILE);
    Map<WorkloadType, ClassPrior> out = new EnumMap<>(WorkloadType.class);
    for (JsonNode c : root.path("classes")) {
      WorkloadType t;
      try {
        t = WorkloadType.parse(DataFiles.text(FILE, c, "type"));
      } catch (DgxSparkException e) {
        throw new ModelsException(
            String.format(Locale.ROOT, "data file '%s': %s", FILE, e.getMessage()), e);
      }
      out.put(
          t,
          new ClassPrior(
              t,
              range(c, "cpuNanosPerInputByte"),
              range(c, "shuffleToInput"),
              range(c, "outputToInput"),
              range(c, "gpuSpeedup"),
              DataFiles.text(FILE, c, "basis"),
              DataFiles.text(FILE, c, "source")));
    }
    for (WorkloadType t : WorkloadType.values()) {
      if (!out.containsKey(t)) {
        throw new ModelsException(
            String.format(
                Locale.ROOT,
                "data file '%s' has no entry for workload type '%s'; expected one per type",
                FILE,
                t.id()));
      }
    }
    return out;
  }

  private static Range range(JsonNode c, String name) {
    double low = DataFiles.number(FILE, c, name + "Low");
    double high = DataFiles.number(FILE, c, name + "High");
    if (low < 0 || high < low) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file '%s' entry '%s' has %sLow %s and %sHigh %s; expected 0 <= low <= high",
              FILE,
              c.path("type").asText(),
              name,
              low,
              name,
              high));
    }
    return new Range(low, high);
  }
}
