package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.time.Times;
import org.coinpilot.prediction.api.ModelQuery;
import org.coinpilot.prediction.api.ModelResponse;
import org.coinpilot.prediction.api.RegisterModelRequest;
import org.coinpilot.prediction.api.UpdateModelRequest;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.persistence.AiModelRepository;

/**
 * The model registry (docs/predictions.md "Model registry"): versions are registered once (name + version unique),
 * their training results and state updated, and one version per name activated at a time. Activation locks every
 * version of the name, so two activations never leave two active versions (a partial unique index backs this in
 * the database). Every change is audited.
 */
@ApplicationScoped
public class ModelRegistryService {

    static final String ENTITY = "ai_model";

    private final AiModelRepository models;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ModelRegistryService(AiModelRepository models, AuditTrail audit, Transactions tx, Clock clock) {
        this.models = models;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Registers a new version; 409 MODEL_VERSION_EXISTS when the name already has this version. */
    public Uni<ModelResponse> register(RegisterModelRequest request) {
        Instant now = Times.now(clock);
        ModelStatus status = request.status() == null ? ModelStatus.INACTIVE : request.status();
        if (status != ModelStatus.INACTIVE && status != ModelStatus.TRAINING) {
            throw new BadRequestProblemException(
                    "status", "body", "must be INACTIVE or TRAINING; a version becomes ACTIVE by activation");
        }
        Map<String, Object> range = range(request.trainingDataRange());
        notFuture("lastTrained", request.lastTrained(), now);
        return tx.write(() -> models.findByNameAndVersion(request.name(), request.version())
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom()
                                .failure(new ConflictException(
                                        "MODEL_VERSION_EXISTS",
                                        "Model " + request.name() + " already has version " + request.version()
                                                + " (id " + existing.id + "); register a new version label."));
                    }
                    AiModel model = new AiModel();
                    model.name = request.name();
                    model.version = request.version();
                    model.architecture = request.architecture();
                    model.modelType = request.modelType();
                    model.status = status;
                    model.isActive = false;
                    model.configuration = request.configuration();
                    model.trainingFeatures = request.trainingFeatures();
                    model.trainingDataRange = range;
                    model.trainingDataTimeframe = request.trainingDataTimeframe();
                    model.targetVariable = request.targetVariable();
                    model.inputSchema = request.inputSchema();
                    model.trainingNotes = request.trainingNotes();
                    model.performanceMetrics = request.performanceMetrics();
                    model.lastTrained = request.lastTrained();
                    return models.persist(model)
                            .call(models::flush)
                            .call(saved -> audit.created(
                                    ENTITY, saved.id, Map.of("name", saved.name, "version", saved.version)))
                            .map(ModelRegistryService::toResponse);
                }));
    }

    /** One page of the registry. */
    public Uni<PageResponse<ModelResponse>> list(ModelQuery query, PageQuery page) {
        AiModelRepository.Filter filter =
                new AiModelRepository.Filter(query.name, query.modelType, query.status, query.active);
        return tx.read(() -> models.page(filter, page.page, page.size).chain(rows -> {
            List<ModelResponse> items =
                    rows.stream().map(ModelRegistryService::toResponse).toList();
            return page.includeTotal
                    ? models.count(filter).map(total -> PageResponse.of(items, page, total))
                    : Uni.createFrom().item(PageResponse.of(items, page, null));
        }));
    }

    /**
     * An active model version as ops' health snapshot reads it.
     *
     * @param lastTrained when it was last trained (null: never)
     * @param lastPrediction when it last made a prediction (null: never)
     */
    public record ActiveModel(
            long id, String name, String version, String modelType, Instant lastTrained, Instant lastPrediction) {}

    /** Most active versions {@link #activeModels} reads (one per model name). */
    static final int MAX_ACTIVE = 500;

    /** The active versions (one per model name, at most {@value #MAX_ACTIVE}), by name: for health snapshots. */
    public Uni<List<ActiveModel>> activeModels() {
        AiModelRepository.Filter filter = new AiModelRepository.Filter(null, null, null, true);
        return tx.read(() -> models.page(filter, 0, MAX_ACTIVE)
                .map(rows -> rows.stream()
                        .map(m -> new ActiveModel(
                                m.id,
                                m.name,
                                m.version,
                                m.modelType == null ? null : m.modelType.name(),
                                m.lastTrained,
                                m.lastPrediction))
                        .toList()));
    }

    /** The active version and the number of versions of each of these names (for the training job). */
    public record NamesState(Map<String, ModelResponse> active, Map<String, Long> versions) {}

    /** The registry's state for these names, in one session. */
    public Uni<NamesState> state(List<String> names) {
        return tx.read(() -> models.listActiveByNames(names)
                .chain(active -> models.countVersions(names).map(counts -> {
                    Map<String, ModelResponse> byName = new LinkedHashMap<>();
                    active.forEach(model -> byName.put(model.name, toResponse(model)));
                    Map<String, Long> versions = new LinkedHashMap<>();
                    counts.forEach(row -> versions.put((String) row[0], ((Number) row[1]).longValue()));
                    return new NamesState(byName, versions);
                })));
    }

    /** The version {@code id}; 404 when there is none. */
    public Uni<ModelResponse> get(long id) {
        return tx.read(() -> existing(id).map(ModelRegistryService::toResponse));
    }

    /**
     * Records training results or a state change. Leaving ACTIVE (to INACTIVE, TRAINING or ERROR) deactivates the
     * version: its name then has no active version until another is activated.
     */
    public Uni<ModelResponse> update(long id, UpdateModelRequest request) {
        Instant now = Times.now(clock);
        if (request.status() == ModelStatus.ACTIVE) {
            throw new BadRequestProblemException(
                    "status", "body", "must be INACTIVE, TRAINING or ERROR; activate a version with POST .../activate");
        }
        Map<String, Object> range = range(request.trainingDataRange());
        notFuture("lastTrained", request.lastTrained(), now);
        return tx.write(() -> lockedExisting(id).chain(model -> {
            List<String> changed = new ArrayList<>();
            if (request.status() != null && request.status() != model.status) {
                model.status = request.status();
                model.isActive = false;
                changed.add("status");
            }
            if (request.performanceMetrics() != null) {
                model.performanceMetrics = request.performanceMetrics();
                changed.add("performanceMetrics");
            }
            if (request.healthStatus() != null) {
                model.healthStatus = request.healthStatus();
                changed.add("healthStatus");
            }
            if (range != null) {
                model.trainingDataRange = range;
                changed.add("trainingDataRange");
            }
            if (request.trainingNotes() != null) {
                model.trainingNotes = request.trainingNotes();
                changed.add("trainingNotes");
            }
            if (request.lastTrained() != null) {
                model.lastTrained = request.lastTrained();
                changed.add("lastTrained");
            }
            return models.flush()
                    .call(() -> audit.updated(ENTITY, model.id, Map.of("changed", changed)))
                    .map(ignored -> toResponse(model));
        }));
    }

    /**
     * Makes {@code id} the active version of its name and the previous active version INACTIVE, in one transaction
     * with every version of the name locked. Activating the active version changes nothing. 409 MODEL_NOT_READY for a
     * version in TRAINING or ERROR.
     */
    public Uni<ModelResponse> activate(long id) {
        return tx.write(() -> models.findName(id)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .chain(models::lockVersions)
                .chain(versions -> {
                    AiModel target = versions.stream()
                            .filter(v -> v.id == id)
                            .findFirst()
                            .orElseThrow(() -> notFound(id));
                    if (target.isActive) {
                        return Uni.createFrom().item(toResponse(target));
                    }
                    if (target.status == ModelStatus.TRAINING || target.status == ModelStatus.ERROR) {
                        return Uni.createFrom()
                                .failure(new ConflictException(
                                        "MODEL_NOT_READY",
                                        "Version " + target.version + " is " + target.status
                                                + "; only a trained, healthy version can be activated."));
                    }
                    List<Long> previous = new ArrayList<>();
                    for (AiModel version : versions) {
                        if (version.isActive) {
                            version.isActive = false;
                            version.status = ModelStatus.INACTIVE;
                            previous.add(version.id);
                        }
                    }
                    // the old version is switched off first: the partial unique index allows one active per name
                    return models.flush().chain(() -> {
                        target.isActive = true;
                        target.status = ModelStatus.ACTIVE;
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("name", target.name);
                        details.put("version", target.version);
                        details.put("replaced", previous);
                        return models.flush()
                                .call(() -> audit.record(ENTITY + "_activated", ENTITY, target.id, "activate", details))
                                .map(ignored -> toResponse(target));
                    });
                }));
    }

    /** Switches the version off (INACTIVE); its name then has no active version. */
    public Uni<ModelResponse> deactivate(long id) {
        return tx.write(() -> lockedExisting(id).chain(model -> {
            if (!model.isActive) {
                return Uni.createFrom().item(toResponse(model));
            }
            model.isActive = false;
            model.status = ModelStatus.INACTIVE;
            return models.flush()
                    .call(() -> audit.record(
                            ENTITY + "_deactivated",
                            ENTITY,
                            model.id,
                            "deactivate",
                            Map.of("name", model.name, "version", model.version)))
                    .map(ignored -> toResponse(model));
        }));
    }

    private Uni<AiModel> existing(long id) {
        return models.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    /** Locked: a change made while an activation of the name runs waits for it and starts from its result. */
    private Uni<AiModel> lockedExisting(long id) {
        return models.findByIdForUpdate(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("MODEL_NOT_FOUND", "No model version has id " + id + ".");
    }

    private static Map<String, Object> range(RegisterModelRequest.TrainingRange range) {
        if (range == null) {
            return null;
        }
        if (!range.from().isBefore(range.to())) {
            throw new BadRequestProblemException(
                    "trainingDataRange.to", "body", "must be after trainingDataRange.from");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("from", range.from().toString());
        stored.put("to", range.to().toString());
        return stored;
    }

    private static void notFuture(String field, Instant value, Instant now) {
        if (value != null && value.isAfter(now)) {
            throw new BadRequestProblemException(field, "body", "must not be in the future");
        }
    }

    static ModelResponse toResponse(AiModel model) {
        return new ModelResponse(
                model.id,
                model.name,
                model.version,
                model.architecture,
                model.modelType,
                model.status,
                model.isActive,
                model.configuration,
                model.trainingFeatures,
                model.trainingDataRange,
                model.trainingDataTimeframe,
                model.targetVariable,
                model.inputSchema,
                model.trainingNotes,
                model.performanceMetrics,
                model.healthStatus,
                model.lastTrained,
                model.lastPrediction,
                model.createdAt,
                model.updatedAt);
    }
}
