/**
 * Anti-patterns and common mistakes: lopsided driver and executors, 1-core executors, heaps that
 * hurt GC or lose compressed oops, the Java serializer, unlimited result size, dynamic allocation
 * without a shuffle service, partitions out of proportion to the cores, AQE switched off.
 */
package io.github.dgxspark.rules.internal.antipattern;
