/**
 * The recommendation engine: ranked recommendations with exact config changes, predicted impact,
 * implementation guidance and an A/B test plan, from a config with its hardware and workload or
 * from an event log. The facade is {@link io.github.dgxspark.models.recommendations.Recommender}.
 */
package io.github.dgxspark.models.recommendations;
