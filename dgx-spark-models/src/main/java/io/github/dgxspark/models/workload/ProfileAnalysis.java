package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classification and intensity from an event log. Each signal that ran (an operator, a stage or job
 * name, a setting) adds weight to a class and is kept as evidence; the class with the most weight
 * wins, and its confidence is its weight over the total plus one, so that a single weak signal is
 * not a confident answer.
 */
final class ProfileAnalysis {
  /** Weight of a decisive signal (a streaming operator, a GraphX stage, an ML fit). */
  static final double STRONG = 3;

  /** Weight of a supporting signal. */
  static final double WEAK = 1;

  private static final Pattern STREAMING_OPERATOR =
      Pattern.compile(
          "MicroBatchScan|StateStoreSave|StateStoreRestore|EventTimeWatermark|WriteToDataSourceV2"
              + "|WriteToMicroBatchDataSource|StreamingSymmetricHashJoin|StreamingDeduplicate"
              + "|StreamingRelation|SessionWindowStateStore|FlatMapGroupsWithState|TransformWithState");
  private static final Pattern STREAMING_JOB =
      Pattern.compile("\\brunId\\s*=|\\bbatch\\s*=\\s*\\d+|\\bStreamingContext\\b|\\bDStream\\b");
  private static final Pattern TRAINING_STAGE =
      Pattern.compile(
          "treeAggregate|\\bfit\\b|\\btrain|RandomForest|GradientBoost|DecisionTree|KMeans"
              + "|LogisticRegression|LinearRegression|LBFGS|\\bALS\\b|xgboost|XGBoost|Rabit|barrier"
              + "|TorchDistributor|Word2Vec|\\bLDA\\b|NaiveBayes|GBT|MultilayerPerceptron",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INFERENCE_STAGE =
      Pattern.compile("\\bpredict|\\btransform\\b|\\bscore", Pattern.CASE_INSENSITIVE);
  private static final Pattern PYTHON_UDF_OPERATOR =
      Pattern.compile("ArrowEvalPython|BatchEvalPython|MapInPandas|MapInArrow|PythonMapInArrow");
  private static final Pattern GRAPH_STAGE =
      Pattern.compile(
          "GraphX|GraphImpl|Pregel|pageRank|PageRank|connectedComponents|aggregateMessages"
              + "|mapReduceTriplets|graphframes|GraphFrame|VertexRDD|EdgeRDD|GraphLoader"
              + "|triangleCount|shortestPaths|labelPropagation");
  private static final Pattern WRITE_OPERATOR =
      Pattern.compile(
          "InsertInto|WriteFiles|AppendData|OverwriteByExpression|CreateDataSourceTableAsSelect"
              + "|CreateTableAsSelect|ReplaceTableAsSelect|SaveIntoDataSource|MergeInto|WriteDelta");
  private static final Pattern ANALYTIC_OPERATOR =
      Pattern.compile(
          "HashAggregate|SortAggregate|ObjectHashAggregate|Join|TakeOrderedAndProject|Window");

  private ProfileAnalysis() {}

  static Classification classify(ApplicationProfile profile) {
    Map<WorkloadType, Double> score = new EnumMap<>(WorkloadType.class);
    Map<WorkloadType, List<String>> evidence = new EnumMap<>(WorkloadType.class);
    List<String> operators = profile.operatorNames();
    for (String op : operators) {
      if (STREAMING_OPERATOR.matcher(op).find()) {
        add(score, evidence, WorkloadType.STREAMING, STRONG, "streaming operator " + op);
      }
      if (PYTHON_UDF_OPERATOR.matcher(op).find()) {
        add(score, evidence, WorkloadType.ML_INFERENCE, WEAK, "Python/Pandas UDF operator " + op);
      }
    }
    ApplicationProfile.Streaming streaming = profile.streaming();
    if (streaming.microBatches() > 0) {
      add(
          score,
          evidence,
          WorkloadType.STREAMING,
          STRONG,
          String.format(
              Locale.ROOT,
              "%d micro-batches of %d Structured Streaming quer%s (query progress events)",
              streaming.microBatches(),
              streaming.queries(),
              streaming.queries() == 1 ? "y" : "ies"));
    }
    for (ApplicationProfile.Job j : profile.jobs()) {
      j.description()
          .filter(d -> STREAMING_JOB.matcher(d).find())
          .ifPresent(
              d ->
                  add(
                      score,
                      evidence,
                      WorkloadType.STREAMING,
                      STRONG,
                      "streaming micro-batch job '" + shorten(d) + "'"));
    }
    for (ApplicationProfile.Stage s : profile.stages()) {
      String name = s.name();
      if (GRAPH_STAGE.matcher(name).find()) {
        add(score, evidence, WorkloadType.GRAPH, STRONG, "graph stage '" + shorten(name) + "'");
      } else if (TRAINING_STAGE.matcher(name).find()) {
        add(
            score,
            evidence,
            WorkloadType.ML_TRAINING,
            STRONG,
            "ML training stage '" + shorten(name) + "'");
      } else if (INFERENCE_STAGE.matcher(name).find()) {
        add(
            score,
            evidence,
            WorkloadType.ML_INFERENCE,
            WEAK,
            "scoring stage '" + shorten(name) + "'");
      }
    }
    profile
        .sparkProperties()
        .entries()
        .forEach(
            (k, v) -> {
              String kv = k + "=" + v;
              if (kv.contains("graphframes")) {
                add(score, evidence, WorkloadType.GRAPH, WEAK, "setting " + shorten(kv));
              } else if (kv.toLowerCase(Locale.ROOT).contains("xgboost")
                  || kv.contains("spark-rapids-ml")) {
                add(score, evidence, WorkloadType.ML_TRAINING, WEAK, "setting " + shorten(kv));
              } else if (k.startsWith("spark.sql.streaming.") || k.contains("checkpointLocation")) {
                add(score, evidence, WorkloadType.STREAMING, WEAK, "setting " + shorten(kv));
              }
            });
    if (!profile.sqlExecutions().isEmpty()) {
      ApplicationProfile.Totals t = profile.totals();
      long writers = operators.stream().filter(o -> WRITE_OPERATOR.matcher(o).find()).count();
      long analytic = operators.stream().filter(o -> ANALYTIC_OPERATOR.matcher(o).find()).count();
      double outputShare = t.inputBytes() > 0 ? (double) t.outputBytes() / t.inputBytes() : 0;
      if (writers > 0) {
        add(
            score,
            evidence,
            WorkloadType.ETL,
            STRONG,
            String.format(Locale.ROOT, "SQL writes data (%d write operator(s))", writers));
      }
      if (outputShare >= 0.1) {
        add(
            score,
            evidence,
            WorkloadType.ETL,
            WEAK,
            String.format(
                Locale.ROOT, "write-heavy: output is %.0f %% of input", 100 * outputShare));
      } else if (t.inputBytes() > 0 && analytic > 0) {
        add(
            score,
            evidence,
            WorkloadType.SQL_ANALYTICS,
            STRONG,
            String.format(
                Locale.ROOT,
                "read-heavy SQL: output is %.1f %% of input, with %d aggregate/join/top-N operator(s)",
                100 * outputShare,
                analytic));
      } else if (analytic > 0) {
        add(
            score,
            evidence,
            WorkloadType.SQL_ANALYTICS,
            WEAK,
            String.format(Locale.ROOT, "SQL with %d aggregate/join/top-N operator(s)", analytic));
      }
    }
    double total = score.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total == 0) {
      return new Classification(
          WorkloadType.UNKNOWN,
          0,
          WorkloadType.UNKNOWN,
          0,
          List.of(
              "no SQL execution, no ML, graph or streaming stage name, operator or setting in the log"),
          Classification.Basis.EVENT_LOG,
          "the log gives no basis for a class");
    }
    List<Map.Entry<WorkloadType, Double>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    WorkloadType best = ranked.get(0).getKey();
    double bestScore = ranked.get(0).getValue();
    WorkloadType second = ranked.size() > 1 ? ranked.get(1).getKey() : WorkloadType.UNKNOWN;
    double secondScore = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
    List<String> ev = new ArrayList<>(evidence.get(best));
    if (ev.size() > 8) {
      int more = ev.size() - 8;
      ev = new ArrayList<>(ev.subList(0, 8));
      ev.add("and " + more + " more signal(s) of the same class");
    }
    return new Classification(
        best,
        bestScore / (total + 1),
        second,
        secondScore / (total + 1),
        ev,
        Classification.Basis.EVENT_LOG,
        String.format(
            Locale.ROOT,
            "signals in the log weigh %.0f for %s out of %.0f in all (strong signals 3, weak 1;"
                + " confidence = weight / (total + 1))",
            bestScore,
            best.id(),
            total));
  }

  static IntensityResult intensity(ApplicationProfile profile) {
    ApplicationProfile.Totals t = profile.totals();
    if (t.inputBytes() <= 0) {
      throw new ModelsException(
          "the event log read 0 input bytes, so CPU time per input byte is not defined; expected a"
              + " log of a job that reads input");
    }
    boolean cpu = t.executorCpuTimeNs() > 0;
    double nanos = cpu ? t.executorCpuTimeNs() : t.executorRunTimeMs() * 1e6;
    double perByte = nanos / t.inputBytes();
    return new IntensityResult(
        perByte,
        perByte,
        perByte,
        true,
        String.format(
            Locale.ROOT,
            "measured: %s %.1f s over %,d input bytes = %.2f ns per byte",
            cpu ? "executor CPU time" : "executor run time (the log has no CPU time)",
            nanos / 1e9,
            t.inputBytes(),
            perByte),
        "event log task metrics (Executor CPU Time, Input Metrics / Bytes Read)");
  }

  private static void add(
      Map<WorkloadType, Double> score,
      Map<WorkloadType, List<String>> evidence,
      WorkloadType type,
      double weight,
      String why) {
    score.merge(type, weight, Double::sum);
    evidence.computeIfAbsent(type, k -> new ArrayList<>()).add(why);
  }

  private static String shorten(String s) {
    String one = s.replace('\n', ' ').trim();
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
