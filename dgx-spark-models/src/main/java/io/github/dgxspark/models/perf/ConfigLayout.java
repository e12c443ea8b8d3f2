package io.github.dgxspark.models.perf;

/**
 * What a config gives an application on a cluster, for the checks made without an event log.
 *
 * @param executors executor count
 * @param executorCores cores per executor
 * @param taskSlots tasks that run at once
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}
 * @param clusterCores the cores the executors could use
 */
record ConfigLayout(
    int executors, int executorCores, int taskSlots, int shufflePartitions, int clusterCores) {}
