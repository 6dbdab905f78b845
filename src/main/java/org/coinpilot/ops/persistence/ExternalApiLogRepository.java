package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.ops.domain.ExternalApiLog;

/** Queries of {@code external_api_logs}. */
@ApplicationScoped
public class ExternalApiLogRepository implements PanacheRepositoryBase<ExternalApiLog, Long> {}
