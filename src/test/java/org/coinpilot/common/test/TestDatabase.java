package org.coinpilot.common.test;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link EmbeddedPostgresResource} (and {@link PackagedRuntimeResource}) for every {@code @QuarkusTest} and
 * {@code @QuarkusIntegrationTest} of the module (a {@link QuarkusTestResource} on any class applies to all tests
 * unless restricted).
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PackagedRuntimeResource.class)
public final class TestDatabase {
    private TestDatabase() {}
}
