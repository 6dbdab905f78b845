/**
 * Recommendation: recommendations on a user's entities, with lifecycle, feedback and outcome.
 *
 * <p>Tables owned (docs/schema.md): {@code ai_recommendations}.
 */
package org.coinpilot.recommendation;
