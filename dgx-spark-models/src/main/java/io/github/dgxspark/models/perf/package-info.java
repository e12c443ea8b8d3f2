/**
 * Performance history, models and bottlenecks: measured runs ({@link
 * io.github.dgxspark.models.perf.PerformanceHistory}), the Ernest regression, the replay simulator
 * and scaling predictions ({@link io.github.dgxspark.models.perf.PerformanceModels}), and
 * bottleneck detection ({@link io.github.dgxspark.models.perf.BottleneckDetector}).
 */
package io.github.dgxspark.models.perf;
