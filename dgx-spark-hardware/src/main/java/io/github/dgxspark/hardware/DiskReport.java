package io.github.dgxspark.hardware;

import java.util.Objects;

/**
 * One local disk as the OS reports it.
 *
 * @param name the device name, e.g. {@code /dev/nvme0n1}
 * @param model the model, or empty when the OS does not say
 * @param sizeBytes the capacity in bytes, 0 when unknown
 */
public record DiskReport(String name, String model, long sizeBytes) {
  // Checks the fields.
  public DiskReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    if (sizeBytes < 0) {
      throw new HardwareException(
          "disk '" + name + "' size is " + sizeBytes + " bytes; expected 0 or more");
    }
  }
}
