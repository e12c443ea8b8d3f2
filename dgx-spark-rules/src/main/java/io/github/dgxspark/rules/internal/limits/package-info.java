/**
 * What Spark itself rejects or forbids: values out of the range Spark checks, heartbeat not below
 * the network timeout, task CPUs or GPUs above the executor's, Kryo buffer limits, memory minimums,
 * non-positive counts.
 */
package io.github.dgxspark.rules.internal.limits;
