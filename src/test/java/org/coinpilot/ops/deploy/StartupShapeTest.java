package org.coinpilot.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * What the application boots (issue 17, "Start fast"): only the reactive persistence unit, on the reactive-only default
 * datasource; Flyway on its own JDBC datasource {@code migrations}, which no persistence unit sees (with a JDBC pool on
 * the default datasource Quarkus boots a blocking Hibernate ORM unit beside the reactive one, ~17 % of a cold start).
 * In tests, as in dev and the demo, that Flyway still migrates at start.
 */
@QuarkusTest
class StartupShapeTest {

    @Inject
    @FlywayDataSource("migrations")
    Flyway flyway;

    @Test
    void shouldBootOnlyTheReactivePersistenceUnitWhenStarted() {
        ArcContainer arc = Arc.container();
        assertThat(arc.select(Mutiny.SessionFactory.class).isResolvable()).isTrue();
        assertThat(arc.select(org.hibernate.SessionFactory.class).isResolvable())
                .as("a blocking Hibernate ORM persistence unit")
                .isFalse();
        assertThat(arc.select(org.hibernate.Session.class).isResolvable())
                .as("a blocking Hibernate ORM session")
                .isFalse();
        assertThat(arc.select(AgroalDataSource.class).isResolvable())
                .as("a JDBC pool on the default datasource")
                .isFalse();
    }

    @Test
    void shouldMigrateTheDatabaseThroughTheMigrationsDatasourceWhenStartedOutsideProd() {
        assertThat(flyway.info().current()).as("the applied schema version").isNotNull();
        assertThat(flyway.info().pending()).as("pending migrations").isEmpty();
    }
}
