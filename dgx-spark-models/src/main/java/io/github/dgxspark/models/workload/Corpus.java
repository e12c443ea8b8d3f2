package io.github.dgxspark.models.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled corpus {@code data/models/workload-corpus.json}: each example has a label, a split
 * ({@code train} or {@code test}, the held-out part) and a text.
 */
final class Corpus {
  /** The data file. */
  static final String FILE = "models/workload-corpus.json";

  private Corpus() {}

  /** One example of the corpus. */
  record Entry(WorkloadType label, boolean heldOut, String text) {
    TextClassifier.Example example() {
      return new TextClassifier.Example(label, text);
    }
  }

  /**
   * Reads every example, in file order.
   *
   * @return the examples
   * @throws ModelsException if the file is missing or an entry is malformed
   */
  static List<Entry> load() {
    JsonNode root = DataFiles.read(FILE);
    JsonNode examples = root.get("examples");
    if (examples == null || !examples.isArray() || examples.isEmpty()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file '%s' has no 'examples' array; expected labelled texts",
              FILE));
    }
    List<Entry> out = new ArrayList<>();
    for (JsonNode e : examples) {
      String label = DataFiles.text(FILE, e, "label");
      String split = DataFiles.text(FILE, e, "split");
      String text = DataFiles.text(FILE, e, "text");
      WorkloadType type;
      try {
        type = WorkloadType.parse(label);
      } catch (DgxSparkException ex) {
        throw new ModelsException(
            String.format(Locale.ROOT, "data file '%s': %s", FILE, ex.getMessage()), ex);
      }
      if (!split.equals("train") && !split.equals("test")) {
        throw new ModelsException(
            String.format(
                Locale.ROOT,
                "data file '%s' example '%s' has split '%s'; expected train or test",
                FILE,
                text,
                split));
      }
      out.add(new Entry(type, split.equals("test"), text));
    }
    return List.copyOf(out);
  }

  /**
   * The training part.
   *
   * @param entries the corpus
   * @return the examples not held out, as training examples
   */
  static List<TextClassifier.Example> training(List<Entry> entries) {
    return entries.stream().filter(e -> !e.heldOut()).map(Entry::example).toList();
  }
}
