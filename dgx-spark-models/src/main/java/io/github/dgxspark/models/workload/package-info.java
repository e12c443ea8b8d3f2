/**
 * The workload analyzer: classification of a description (trained text model) or of an event log
 * (the operators, stages and settings that ran), extraction of data size, model size, GPU intent
 * and operations, compute intensity, I/O pattern and GPU suitability. The facade is {@link
 * io.github.dgxspark.models.workload.WorkloadAnalyzer}; data files live in {@code data/models/}.
 */
package io.github.dgxspark.models.workload;
