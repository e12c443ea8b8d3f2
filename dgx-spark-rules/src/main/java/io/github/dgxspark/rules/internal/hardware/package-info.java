/**
 * Hardware fit: executors and drivers that cannot fit a node's memory, cores or GPUs, more
 * executors than the cluster holds, GPU settings without GPUs, GPUs or cores left idle, unified
 * memory oversubscribed. These rules run only when the hardware is given.
 */
package io.github.dgxspark.rules.internal.hardware;
