/**
 * Resource, execution-time and cost estimators for a described or logged job on a given cluster,
 * with intervals and a fallback flag when only generic priors apply. The facade is {@link
 * io.github.dgxspark.models.estimate.Estimators}.
 */
package io.github.dgxspark.models.estimate;
