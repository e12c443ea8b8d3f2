/**
 * DGX and RAPIDS Accelerator best practice: the plugin present when RAPIDS keys are set, GPU
 * discovery and scheduling, concurrent GPU tasks for the GPU's memory, the pinned pool covered by
 * the overhead, unified-memory pool sizing, shuffle transport.
 */
package io.github.dgxspark.rules.internal.rapids;
