/**
 * Prediction: the versioned model registry, the unified prediction ledger and model evaluations.
 *
 * <p>Owns tables: ai_models, predictions, model_performance.
 */
package org.coinpilot.prediction;
