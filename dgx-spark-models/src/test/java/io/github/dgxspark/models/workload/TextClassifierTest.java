package io.github.dgxspark.models.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.WorkloadType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the text classifier on the labelled corpus: stratified 5-fold cross-validation on the
 * training split, and accuracy on the held-out split, which the shipped classifier never sees. The
 * figures printed here are the ones in the module README.
 */
class TextClassifierTest {
  private static final int FOLDS = 5;

  @Test
  void crossValidation_fiveFoldsOnTrainingSplit_accuracyAtLeast85Percent() {
    List<Corpus.Entry> corpus = Corpus.load();
    List<TextClassifier.Example> train = Corpus.training(corpus);
    Map<WorkloadType, Integer> seen = new EnumMap<>(WorkloadType.class);
    int[] fold = new int[train.size()];
    for (int i = 0; i < train.size(); i++) {
      int n = seen.merge(train.get(i).label(), 1, Integer::sum);
      fold[i] = n % FOLDS;
    }
    int correct = 0;
    for (int f = 0; f < FOLDS; f++) {
      List<TextClassifier.Example> in = new ArrayList<>();
      List<TextClassifier.Example> out = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        (fold[i] == f ? out : in).add(train.get(i));
      }
      TextClassifier model = TextClassifier.train(in);
      for (TextClassifier.Example e : out) {
        if (model.predict(e.text()).best() == e.label()) {
          correct++;
        }
      }
    }
    double accuracy = (double) correct / train.size();
    System.out.printf(
        Locale.ROOT,
        "classifier 5-fold cross-validated accuracy: %.3f (%d/%d)%n",
        accuracy,
        correct,
        train.size());
    assertTrue(accuracy >= 0.85, "cross-validated accuracy " + accuracy);
  }

  @Test
  void heldOutSplit_classifierTrainedOnTrainingSplit_accuracyAtLeast85Percent() {
    List<Corpus.Entry> corpus = Corpus.load();
    TextClassifier model = TextClassifier.train(Corpus.training(corpus));
    List<Corpus.Entry> test = corpus.stream().filter(Corpus.Entry::heldOut).toList();
    Map<WorkloadType, int[]> perClass = new EnumMap<>(WorkloadType.class);
    int correct = 0;
    for (Corpus.Entry e : test) {
      boolean ok = model.predict(e.text()).best() == e.label();
      correct += ok ? 1 : 0;
      int[] c = perClass.computeIfAbsent(e.label(), k -> new int[2]);
      c[0] += ok ? 1 : 0;
      c[1]++;
      if (!ok) {
        System.out.println("held-out miss: " + e.label().id() + " <- " + e.text());
      }
    }
    double accuracy = (double) correct / test.size();
    System.out.printf(
        Locale.ROOT,
        "classifier held-out accuracy: %.3f (%d/%d); per class %s%n",
        accuracy,
        correct,
        test.size(),
        perClass.entrySet().stream()
            .map(x -> x.getKey().id() + " " + x.getValue()[0] + "/" + x.getValue()[1])
            .toList());
    assertTrue(accuracy >= 0.85, "held-out accuracy " + accuracy);
  }

  @Test
  void train_sameExamplesTwice_sameProbabilities() {
    List<TextClassifier.Example> train = Corpus.training(Corpus.load());
    String text = "spark.readStream.format(\"kafka\") then join and write to delta";
    assertArrayEquals(
        TextClassifier.train(train).predict(text).probabilities(),
        TextClassifier.train(train).predict(text).probabilities(),
        0.0);
  }

  @Test
  void corpus_everyLabelOfTheTaxonomy_hasAtLeastFortyExamplesAndHeldOutOnes() {
    List<Corpus.Entry> corpus = Corpus.load();
    for (WorkloadType t : WorkloadType.values()) {
      long all = corpus.stream().filter(e -> e.label() == t).count();
      long held = corpus.stream().filter(e -> e.label() == t && e.heldOut()).count();
      assertTrue(all >= 40, t.id() + " has " + all + " examples");
      assertEquals(all / 5, held, t.id() + " held-out count follows the every-fifth rule");
    }
  }
}
