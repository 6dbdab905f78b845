/**
 * Recommendation: recommendations on a user's entities, with lifecycle, feedback and outcome.
 *
 * <p>Owns tables: ai_recommendations.
 */
package org.coinpilot.recommendation;
