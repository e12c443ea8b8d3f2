/**
 * Spark event-log ingestion: {@link io.github.dgxspark.models.eventlog.EventLogs#read} streams a
 * log (plain, zstd, lz4, snappy, gzip; single file, rolling folder or chunk folder; Spark 1.5 to
 * 4.x) into an {@link io.github.dgxspark.models.eventlog.ApplicationProfile} in one pass with
 * bounded memory.
 *
 * <p>"Profile" in this module means an {@link
 * io.github.dgxspark.models.eventlog.ApplicationProfile} (or a {@code profile} parameter holding
 * one): what one application did, summarised from its event log. A DGX preset such as {@code
 * dgx-h100} is a hardware profile, named through the hardware module's {@code HardwareProfiles};
 * the models take its {@code ClusterSpec}, never the name.
 */
package io.github.dgxspark.models.eventlog;
