/**
 * What runs inside a Spark application: {@link io.github.dgxspark.runtime.HistoryListener}, which
 * records every run in the user's local performance history and logs the advice for the next run.
 * The library's own API is that of the modules this jar holds (core, hardware, rules, models).
 */
package io.github.dgxspark.runtime;
