package io.github.dgxspark.models.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Resource, time and cost estimates on a DGX H100 cluster and a CPU cluster. */
class EstimatorsTest {
  /** DGX H100 as NVIDIA's DGX H100/H200 User Guide lists it: 8 x H100 80 GB, 2 x 56 cores, 2 TB. */
  static final NodeSpec DGX_H100 = dgxH100();

  static final ClusterSpec TWO_DGX = ClusterSpec.of(DGX_H100, 2, ClusterManager.STANDALONE);
  static final ClusterSpec CPU =
      ClusterSpec.single(NodeSpec.cpuOnly(32, 256L << 30), ClusterManager.STANDALONE);

  private static NodeSpec dgxH100() {
    List<GpuSpec> gpus = new ArrayList<>();
    List<NicSpec> nics = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      gpus.add(new GpuSpec("NVIDIA H100 80GB HBM3", 81559L << 20, "9.0", 18));
      nics.add(new NicSpec("mlx5_" + i, NicSpec.Kind.INFINIBAND, 50_000_000_000L));
    }
    return new NodeSpec(
        "Intel(R) Xeon(R) Platinum 8480C",
        224,
        112,
        2,
        2,
        2048L << 30,
        gpus,
        false,
        900_000_000_000L,
        nics);
  }

  @Test
  void time_vagueDescription_fallbackAndWideInterval() {
    TimeEstimate t = Estimators.time(JobSpec.describe("run our nightly pipeline"), CPU);
    assertTrue(t.fallback());
    assertTrue(t.vague());
    assertEquals(0.8, t.level());
    assertTrue(t.high().toMillis() > 100 * Math.max(1, t.low().toMillis()), t.toString());
  }

  @Test
  void time_sizedDescription_narrowerThanVague() {
    TimeEstimate vague = Estimators.time(JobSpec.describe("dedupe events and write parquet"), CPU);
    TimeEstimate sized =
        Estimators.time(JobSpec.describe("dedupe 1 TB of events and write parquet"), CPU);
    assertFalse(sized.vague());
    double ratioVague = (double) vague.high().toMillis() / vague.low().toMillis();
    double ratioSized = (double) sized.high().toMillis() / sized.low().toMillis();
    assertTrue(ratioSized < ratioVague, ratioSized + " vs " + ratioVague);
  }

  @Test
  void time_moreInput_neverFaster() {
    Duration small = Estimators.time(job(WorkloadType.ETL, ByteSizes.TIB), CPU).expected();
    Duration large = Estimators.time(job(WorkloadType.ETL, 4 * ByteSizes.TIB), CPU).expected();
    assertTrue(large.compareTo(small) >= 0);
  }

  @Test
  void time_fromRealLog_measuredNotFallback() {
    Path log = RealLogs.of("gpu_oom_eventlog.zstd");
    JobSpec job = JobSpec.fromProfile(EventLogs.read(log));
    assertEquals(ExecutionMode.GPU, job.mode());
    TimeEstimate t = Estimators.time(job, TWO_DGX);
    assertFalse(t.fallback());
    assertTrue(t.low().compareTo(t.expected()) <= 0 && t.expected().compareTo(t.high()) <= 0);
  }

  @Test
  void resources_sevenBillionParameterTraining_twoH100sForWeightsAndOptimizer() {
    JobSpec job =
        new JobSpec(
            WorkloadType.ML_TRAINING,
            1,
            OptionalLong.of(100 * ByteSizes.GIB),
            OptionalLong.of(7_000_000_000L),
            ExecutionMode.GPU,
            Optional.empty(),
            "test");
    ResourceEstimate r = Estimators.resources(job, TWO_DGX);
    assertEquals(112_000_000_000L, r.gpuMemoryBytes());
    assertEquals(2, r.gpus());
    assertTrue(r.fitsCluster());
    assertFalse(r.reasoning().isEmpty());
  }

  @Test
  void resources_hugeJobOnOneCpuNode_doesNotFit() {
    ResourceEstimate r =
        Estimators.resources(job(WorkloadType.ML_TRAINING, 10 * ByteSizes.TIB), CPU);
    assertTrue(r.nodes() > 1);
    assertFalse(r.fitsCluster());
  }

  @Test
  void cost_dgxCluster_onPremEnergyAndComparableCloudInstances() {
    TimeEstimate t = Estimators.time(job(WorkloadType.SQL_ANALYTICS, 10 * ByteSizes.TIB), TWO_DGX);
    CostEstimate c = Estimators.cost(t, TWO_DGX, CostSpec.defaults());
    CostEstimate.OnPrem p = c.onPrem().orElseThrow();
    double hours = t.expected().toMillis() / 3_600_000.0;
    assertEquals(2 * 10.2 * hours, p.energyKwh(), 1e-9);
    assertTrue(p.lowUsd() <= p.expectedUsd() && p.expectedUsd() <= p.highUsd());
    assertTrue(c.cloud().size() >= 2, c.cloud().toString());
    assertTrue(c.cloud().stream().allMatch(x -> x.instances() == 2));
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("amortisation left out")));
  }

  @Test
  void cost_withNodePrice_addsAmortisation() {
    TimeEstimate t = Estimators.time(job(WorkloadType.ETL, ByteSizes.TIB), TWO_DGX);
    CostEstimate with =
        Estimators.cost(t, TWO_DGX, new CostSpec(0.12, OptionalDouble.of(300_000), 5));
    CostEstimate without =
        Estimators.cost(t, TWO_DGX, new CostSpec(0.12, OptionalDouble.empty(), 5));
    assertTrue(
        with.onPrem().orElseThrow().expectedUsd() > without.onPrem().orElseThrow().expectedUsd());
  }

  @Test
  void cost_cpuNode_noOnPremPowerAndNoCloudMatch_saysSo() {
    TimeEstimate t = Estimators.time(job(WorkloadType.ETL, ByteSizes.TIB), CPU);
    CostEstimate c = Estimators.cost(t, CPU, CostSpec.defaults());
    assertTrue(c.onPrem().isEmpty());
    assertTrue(c.cloud().isEmpty());
    assertEquals(2, c.notes().size());
  }

  @Test
  void badInput_negativeSizeGpuOnCpuClusterBadPrice_throw() {
    assertThrows(
        ModelsException.class,
        () ->
            new JobSpec(
                WorkloadType.ETL,
                1,
                OptionalLong.of(-1),
                OptionalLong.empty(),
                ExecutionMode.CPU,
                Optional.empty(),
                "x"));
    assertThrows(
        ModelsException.class,
        () -> Estimators.time(JobSpec.describe("join 1 TB on the GPUs"), CPU));
    assertThrows(ModelsException.class, () -> new CostSpec(-1, OptionalDouble.empty(), 5));
    assertThrows(ModelsException.class, () -> JobSpec.describe(""));
  }

  @Test
  void estimate_workloadSpec_reportHasAllParts() {
    EstimateReport r =
        Estimators.estimate(
            JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.TIB, ExecutionMode.AUTO)),
            TWO_DGX,
            CostSpec.defaults());
    assertTrue(r.time().fallback());
    assertTrue(r.cost().onPrem().isPresent());
    assertTrue(r.resources().gpus() > 0, "AUTO on a GPU cluster uses GPUs");
  }

  private static JobSpec job(WorkloadType type, long bytes) {
    return new JobSpec(
        type,
        1,
        OptionalLong.of(bytes),
        OptionalLong.empty(),
        ExecutionMode.CPU,
        Optional.empty(),
        "test");
  }
}
