package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.WorkloadType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multinomial logistic regression (softmax) over {@link TextFeatures}, with L2 regularisation,
 * trained by full-batch gradient descent with Nesterov momentum from zero weights: the same
 * examples in the same order always give the same weights.
 */
final class TextClassifier {
  /** L2 penalty per weight. */
  static final double L2 = 1e-3;

  /** Gradient-descent steps. */
  static final int ITERATIONS = 250;

  /** Step size. */
  static final double LEARNING_RATE = 2.0;

  /** Momentum of the Nesterov update. */
  static final double MOMENTUM = 0.9;

  private static final WorkloadType[] CLASSES = WorkloadType.values();

  private final Map<String, Integer> vocabulary;
  private final String[] featureNames;
  private final double[][] weights;
  private final double[] bias;

  private TextClassifier(Map<String, Integer> vocabulary, double[][] weights, double[] bias) {
    this.vocabulary = vocabulary;
    this.weights = weights;
    this.bias = bias;
    this.featureNames = new String[vocabulary.size()];
    vocabulary.forEach((k, v) -> featureNames[v] = k);
  }

  /** One labelled text. */
  record Example(WorkloadType label, String text) {}

  /** The probabilities of every class for one text, and the features that pushed the winner. */
  record Prediction(double[] probabilities, int knownFeatures, List<String> evidence) {
    WorkloadType best() {
      return CLASSES[rank(0)];
    }

    WorkloadType second() {
      return CLASSES[rank(1)];
    }

    double probability(WorkloadType t) {
      return probabilities[t.ordinal()];
    }

    private int rank(int r) {
      Integer[] order = new Integer[probabilities.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i]));
      return order[r];
    }
  }

  /**
   * Trains on the examples.
   *
   * @param examples labelled texts, at least one
   * @return the trained classifier
   */
  static TextClassifier train(List<Example> examples) {
    Map<String, Integer> vocabulary = new HashMap<>();
    List<int[]> docIdx = new ArrayList<>();
    List<double[]> docVal = new ArrayList<>();
    int[] labels = new int[examples.size()];
    for (int d = 0; d < examples.size(); d++) {
      Map<String, Double> f = TextFeatures.of(examples.get(d).text());
      int[] idx = new int[f.size()];
      double[] val = new double[f.size()];
      int j = 0;
      for (Map.Entry<String, Double> e : f.entrySet()) {
        Integer id = vocabulary.get(e.getKey());
        if (id == null) {
          id = vocabulary.size();
          vocabulary.put(e.getKey(), id);
        }
        idx[j] = id;
        val[j] = e.getValue();
        j++;
      }
      docIdx.add(idx);
      docVal.add(val);
      labels[d] = examples.get(d).label().ordinal();
    }
    int k = CLASSES.length;
    int m = vocabulary.size();
    int n = examples.size();
    double[][] w = new double[k][m];
    double[] b = new double[k];
    double[][] vw = new double[k][m];
    double[] vb = new double[k];
    double[][] look = new double[k][m];
    double[] lookB = new double[k];
    double[][] gw = new double[k][m];
    double[] gb = new double[k];
    double[] p = new double[k];
    for (int it = 0; it < ITERATIONS; it++) {
      for (int c = 0; c < k; c++) {
        for (int f = 0; f < m; f++) {
          look[c][f] = w[c][f] + MOMENTUM * vw[c][f];
          gw[c][f] = L2 * look[c][f];
        }
        lookB[c] = b[c] + MOMENTUM * vb[c];
        gb[c] = 0;
      }
      for (int d = 0; d < n; d++) {
        softmax(look, lookB, docIdx.get(d), docVal.get(d), p);
        p[labels[d]] -= 1.0;
        int[] idx = docIdx.get(d);
        double[] val = docVal.get(d);
        for (int c = 0; c < k; c++) {
          double g = p[c] / n;
          gb[c] += g;
          for (int j = 0; j < idx.length; j++) {
            gw[c][idx[j]] += g * val[j];
          }
        }
      }
      for (int c = 0; c < k; c++) {
        for (int f = 0; f < m; f++) {
          vw[c][f] = MOMENTUM * vw[c][f] - LEARNING_RATE * gw[c][f];
          w[c][f] += vw[c][f];
        }
        vb[c] = MOMENTUM * vb[c] - LEARNING_RATE * gb[c];
        b[c] += vb[c];
      }
    }
    return new TextClassifier(Map.copyOf(vocabulary), w, b);
  }

  private static void softmax(double[][] w, double[] b, int[] idx, double[] val, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < out.length; c++) {
      double s = b[c];
      for (int j = 0; j < idx.length; j++) {
        s += w[c][idx[j]] * val[j];
      }
      out[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.exp(out[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < out.length; c++) {
      out[c] /= sum;
    }
  }

  /**
   * Classifies a text.
   *
   * @param text any text
   * @return the class probabilities, how many of the text's word and phrase features the model
   *     knows, and the five known content words and phrases that raised the winning class most
   */
  Prediction predict(String text) {
    Map<String, Double> f = TextFeatures.of(text);
    List<Integer> idxList = new ArrayList<>();
    List<Double> valList = new ArrayList<>();
    int knownWords = 0;
    for (Map.Entry<String, Double> e : f.entrySet()) {
      Integer id = vocabulary.get(e.getKey());
      if (id != null) {
        idxList.add(id);
        valList.add(e.getValue());
        if (!e.getKey().startsWith(TextFeatures.CHARS)) {
          knownWords++;
        }
      }
    }
    int[] idx = idxList.stream().mapToInt(Integer::intValue).toArray();
    double[] val = valList.stream().mapToDouble(Double::doubleValue).toArray();
    double[] p = new double[CLASSES.length];
    softmax(weights, bias, idx, val, p);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    double[] bestWeights = weights[best];
    Integer[] order = new Integer[idx.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -bestWeights[idx[j]]));
    List<String> evidence = new ArrayList<>();
    for (int j = 0; j < order.length && evidence.size() < 5; j++) {
      int id = idx[order[j]];
      if (bestWeights[id] <= 0 || !TextFeatures.informative(featureNames[id])) {
        continue;
      }
      evidence.add(
          String.format(
              Locale.ROOT,
              "%s points to %s (weight %.2f)",
              TextFeatures.describe(featureNames[id]),
              CLASSES[best].id(),
              bestWeights[id]));
    }
    return new Prediction(p, knownWords, List.copyOf(evidence));
  }
}
