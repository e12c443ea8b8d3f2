/**
 * The hardware Spark runs on: the local machine ({@link
 * io.github.dgxspark.hardware.HardwareProbe}), a machine described by pasted {@code nvidia-smi}
 * output ({@link io.github.dgxspark.hardware.NvidiaSmi}), and the built-in DGX profiles ({@link
 * io.github.dgxspark.hardware.HardwareProfiles}). Each gives a {@link
 * io.github.dgxspark.hardware.HardwareReport} around core's {@link
 * io.github.dgxspark.core.NodeSpec}, and N nodes of it make a {@link
 * io.github.dgxspark.core.ClusterSpec}.
 *
 * <pre>{@code
 * NodeSpec here = HardwareProbe.local().node();
 * NodeSpec remote = NvidiaSmi.describe(pastedText).node();
 * ClusterSpec four = HardwareProfiles.cluster("dgx-h100", 4, ClusterManager.STANDALONE);
 * }</pre>
 *
 * <p>"Profile" here always means a hardware profile: a named DGX preset ({@code dgx-h100}, {@code
 * dgx-spark}, ...) from {@code data/hardware-profiles/}. The models module's {@code
 * ApplicationProfile} is something else: the summary of one application's event log.
 *
 * <p>The one exception type is {@link io.github.dgxspark.hardware.HardwareException}; a missing
 * {@code nvidia-smi} or GPU is a note in the report, not an exception.
 */
package io.github.dgxspark.hardware;
