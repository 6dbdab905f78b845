package org.coinpilot.recommendation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Times;
import org.coinpilot.recommendation.api.FeedbackRequest;
import org.coinpilot.recommendation.api.RecommendationMapper;
import org.coinpilot.recommendation.api.RecommendationQuery;
import org.coinpilot.recommendation.api.RecommendationResponse;
import org.coinpilot.recommendation.api.TransitionRequest;
import org.coinpilot.recommendation.domain.AiRecommendation;
import org.coinpilot.recommendation.domain.RecommendationStatus;
import org.coinpilot.recommendation.persistence.AiRecommendationRepository;

/**
 * A user's recommendations (docs/recommendations.md): reads, the lifecycle and feedback. Ownership is part of every
 * query: another user's recommendation is a 404, exactly like one that does not exist.
 */
@ApplicationScoped
public class RecommendationService {

    private final AiRecommendationRepository recommendations;
    private final Clock clock;
    private final Transactions tx;

    public RecommendationService(AiRecommendationRepository recommendations, Clock clock, Transactions tx) {
        this.recommendations = recommendations;
        this.clock = clock;
        this.tx = tx;
    }

    /** One page of the owner's recommendations, newest first, filtered by status, type and priority. */
    public Uni<PageResponse<RecommendationResponse>> list(long ownerId, RecommendationQuery query, PageQuery page) {
        AiRecommendationRepository.Filter filter =
                new AiRecommendationRepository.Filter(query.status, query.type, query.priority);
        return tx.read(() -> recommendations
                .page(ownerId, filter, page.page, page.size)
                .map(rows ->
                        rows.stream().map(RecommendationMapper::recommendation).toList())
                .chain(items -> page.includeTotal
                        ? recommendations.count(ownerId, filter).map(total -> PageResponse.of(items, page, total))
                        : Uni.createFrom().item(PageResponse.of(items, page, null))));
    }

    /** The owner's recommendation {@code id}; 404 when there is none or it is someone else's. */
    public Uni<RecommendationResponse> get(long ownerId, long id) {
        return tx.read(() -> owned(ownerId, id, false).map(RecommendationMapper::recommendation));
    }

    /**
     * Moves the owner's recommendation to {@code request.status()} when the lifecycle allows it (the row is locked,
     * so two concurrent requests apply one after the other); anything else is a 409 {@code ILLEGAL_TRANSITION} naming
     * the current and the requested state. A pending recommendation past its expiry can no longer be acted on (409
     * {@code RECOMMENDATION_EXPIRED}) even before the expiry job has marked it.
     */
    public Uni<RecommendationResponse> transition(long ownerId, long id, TransitionRequest request) {
        Instant now = Times.now(clock);
        RecommendationStatus next = request.status();
        return tx.write(() -> owned(ownerId, id, true).chain(r -> {
            RecommendationStatus current = r.status;
            if (!RecommendationStatus.requestable(next) || !current.canBecome(next)) {
                throw illegal("ILLEGAL_TRANSITION", current, next, why(current, next));
            }
            if (current == RecommendationStatus.PENDING && r.expiresAt != null && !r.expiresAt.isAfter(now)) {
                throw illegal("RECOMMENDATION_EXPIRED", current, next, "it expired at " + r.expiresAt);
            }
            r.status = next;
            switch (next) {
                case APPROVED, REJECTED, IGNORED -> {
                    r.reviewedAt = now;
                    r.reviewedBy = ownerId;
                }
                case FOLLOWED, IMPLEMENTED -> r.implementedAt = now;
                default -> throw new IllegalStateException("not requestable: " + next);
            }
            return recommendations.flush().map(ignored -> RecommendationMapper.recommendation(r));
        }));
    }

    /** Sets the owner's feedback and rating on a recommendation in any state (replacing earlier feedback). */
    public Uni<RecommendationResponse> feedback(long ownerId, long id, FeedbackRequest request) {
        return tx.write(() -> owned(ownerId, id, true).chain(r -> {
            r.userFeedback = request.feedback() == null || request.feedback().isBlank() ? null : request.feedback();
            r.userRating = request.rating();
            return recommendations.flush().map(ignored -> RecommendationMapper.recommendation(r));
        }));
    }

    private static String why(RecommendationStatus current, RecommendationStatus next) {
        if (next == RecommendationStatus.EXPIRED) {
            return "only the expiry job expires recommendations";
        }
        if (next == RecommendationStatus.PENDING) {
            return "nothing returns to PENDING";
        }
        return switch (current) {
            case PENDING -> "a pending recommendation can become APPROVED, REJECTED or IGNORED";
            case APPROVED -> "an approved recommendation can become FOLLOWED or IMPLEMENTED";
            default -> current + " is final";
        };
    }

    private static ConflictException illegal(
            String code, RecommendationStatus current, RecommendationStatus next, String why) {
        return new ConflictException(
                code,
                "The recommendation is " + current + "; it cannot become " + next + ": " + why + ".",
                List.of(new Problem.Violation("status", "body", "cannot go from " + current + " to " + next)));
    }

    private Uni<AiRecommendation> owned(long ownerId, long id, boolean lock) {
        return (lock
                        ? recommendations.findByIdAndOwnerForUpdate(id, ownerId)
                        : recommendations.findByIdAndOwner(id, ownerId))
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException(
                        "RECOMMENDATION_NOT_FOUND", "You have no recommendation with id " + id + "."));
    }
}
