package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Leave-one-out error of the Ernest model on the packaged history's measured runs: per workload,
 * each run is predicted by a model fitted on the others (the figure in the module README).
 */
class ErnestHeldOutTest {
  @Test
  void leaveOneOut_packagedHistory_errorsAreReported() {
    PerformanceHistory h = PerformanceHistory.builtIn();
    TreeSet<String> workloads = new TreeSet<>();
    h.runs().forEach(r -> workloads.add(r.workload()));
    int predicted = 0;
    for (String source : List.of(PerformanceRun.HARNESS, PerformanceRun.EVENT_LOG)) {
      for (String w : workloads) {
        List<PerformanceRun> runs =
            h.runsOf(w).stream().filter(r -> r.source().equals(source)).toList();
        if (runs.size() < 2) {
          continue;
        }
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
          List<PerformanceRun> train = new ArrayList<>(runs);
          PerformanceRun held = train.remove(i);
          ErnestModel m = Ernest.fit(w, train);
          double p = m.predictMillis(Ernest.size(held, m.sizeBasis()), Ernest.machines(held));
          double e = Math.abs(p - held.wallTime().toMillis()) / held.wallTime().toMillis();
          assertTrue(Double.isFinite(e) && e >= 0, "error " + e);
          errors.add(e);
          predicted++;
        }
        double[] v = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
            Locale.ROOT,
            "Ernest leave-one-out %-18s %-14s runs %2d: median |error| %.0f %%, max %.0f %%%n",
            source,
            w,
            runs.size(),
            100 * ReplayTest.median(errors),
            100 * v[v.length - 1]);
      }
    }
    assertTrue(predicted >= 2, "the packaged history has runs to hold out");
  }
}
