package io.github.dgxspark.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run the parent hands to a child JVM.
 *
 * @param workload the workload type id
 * @param scale the data scale factor
 * @param deployment the deployment id
 * @param master the master URL
 * @param expectedExecutors executors to wait for before the clock starts (0 in local mode)
 * @param configKind {@code default}, {@code recommended} or {@code recommended-without:KEY}
 * @param config the measured config (what differs between default and recommended runs)
 * @param plumbing settings every run gets (event log, loopback addresses, executor class path)
 * @param driverMemory the driver heap the child JVM runs with, as a Spark size
 * @param workDir where the workload writes
 * @param eventLogDir where Spark writes the event log
 */
record RunSpec(
    String workload,
    double scale,
    String deployment,
    String master,
    int expectedExecutors,
    String configKind,
    Map<String, String> config,
    Map<String, String> plumbing,
    String driverMemory,
    String workDir,
    String eventLogDir) {
  // Checks the fields and copies the maps in order.
  RunSpec {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(configKind, "configKind");
    config = new LinkedHashMap<>(config);
    plumbing = new LinkedHashMap<>(plumbing);
    Objects.requireNonNull(driverMemory, "driverMemory");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(eventLogDir, "eventLogDir");
  }
}
