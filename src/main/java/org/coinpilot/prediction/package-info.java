/**
 * Prediction: the versioned model registry, the unified prediction ledger and model evaluations.
 *
 * <p>Tables owned (docs/schema.md): {@code ai_models}, {@code predictions}, {@code model_performance}.
 */
package org.coinpilot.prediction;
