/**
 * Spark event-log ingestion: {@link io.github.dgxspark.models.eventlog.EventLogs#read} streams a
 * log (plain, zstd, lz4, snappy, gzip; single file, rolling folder or chunk folder; Spark 1.5 to
 * 4.x) into an {@link io.github.dgxspark.models.eventlog.ApplicationProfile} in one pass with
 * bounded memory.
 */
package io.github.dgxspark.models.eventlog;
