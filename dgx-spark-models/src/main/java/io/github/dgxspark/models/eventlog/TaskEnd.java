package io.github.dgxspark.models.eventlog;

/**
 * The fields of one {@code SparkListenerTaskEnd} that the profile uses; one instance is reused for
 * every line and applied only once the whole line has parsed.
 */
final class TaskEnd {
  int stageId;
  int stageAttempt;
  String reason;
  String failureClass;
  String failureText;
  boolean hasMetrics;
  long launchMillis;
  long finishMillis;
  long runTimeMs;
  long cpuTimeNs;
  long gcTimeMs;
  long inputBytes;
  long outputBytes;
  long remoteReadBytes;
  long localReadBytes;
  long shuffleWriteBytes;
  long memoryBytesSpilled;
  long diskBytesSpilled;

  void clear() {
    stageId = -1;
    stageAttempt = 0;
    reason = null;
    failureClass = null;
    failureText = null;
    hasMetrics = false;
    launchMillis = -1;
    finishMillis = -1;
    runTimeMs = 0;
    cpuTimeNs = 0;
    gcTimeMs = 0;
    inputBytes = 0;
    outputBytes = 0;
    remoteReadBytes = 0;
    localReadBytes = 0;
    shuffleWriteBytes = 0;
    memoryBytesSpilled = 0;
    diskBytesSpilled = 0;
  }

  boolean succeeded() {
    return reason == null || reason.equals("Success");
  }
}
