package io.github.dgxspark.benchmarks.models;

import io.github.dgxspark.benchmarks.BenchmarkDefaults;
import io.github.dgxspark.models.workload.Classification;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one text classification ({@link WorkloadAnalyzer#classify(String)}: features, softmax
 * over 7 classes, evidence) for a sentence, a SQL statement and a code fragment; the model is
 * trained once before measuring. The baseline lower-cases and splits the same text into words, the
 * least any text classifier must do, so the classifier's cost reads as a ratio to it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClassifierBenchmark}
 */
@State(Scope.Benchmark)
public class ClassifierBenchmark extends BenchmarkDefaults {
  private static final Map<String, String> TEXTS =
      Map.of(
          "sentence",
          "Nightly pipeline that deduplicates 10 TB of clickstream events and writes Delta tables",
          "sql",
          "SELECT region, sum(revenue) FROM sales s JOIN stores t ON s.store = t.id"
              + " WHERE year = 2024 GROUP BY region ORDER BY 2 DESC",
          "code",
          "spark.readStream.format(\"kafka\").option(\"subscribe\", \"events\").load()"
              + ".withWatermark(\"ts\", \"10 minutes\").groupBy(window(\"ts\", \"1 minute\")).count()");

  /** Which kind of text. */
  @Param({"sentence", "sql", "code"})
  public String kind;

  private String text;

  /** Picks the text and trains the model (first use) outside the measurement. */
  @Setup
  public void setUp() {
    text = TEXTS.get(kind);
    WorkloadAnalyzer.classify(text);
  }

  /**
   * One classification.
   *
   * @return the classification
   */
  @Benchmark
  public Classification classify() {
    return WorkloadAnalyzer.classify(text);
  }

  /**
   * Baseline: lower-case and split into words.
   *
   * @return the words
   */
  @Benchmark
  public String[] baselineTokenize() {
    return text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
  }
}
