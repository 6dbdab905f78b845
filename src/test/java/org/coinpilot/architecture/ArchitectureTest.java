package org.coinpilot.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** CONVENTIONS §1 and §11, enforced on the production classes. */
class ArchitectureTest {

    static final String BASE = "org.coinpilot";
    static final List<String> FEATURES = List.of(
            "identity",
            "market",
            "indicators",
            "macro",
            "sector",
            "watchlist",
            "portfolio",
            "signal",
            "prediction",
            "recommendation",
            "alert",
            "notification",
            "ops");
    static final Set<String> LAYERS = Set.of("api", "service", "domain", "persistence", "job", "client", "config");
    static final Set<String> COMMON_PARTS = Set.of(
            "problem",
            "paging",
            "time",
            "money",
            "security",
            "validation",
            "persistence",
            "openapi",
            "job",
            "nativeimage");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void shouldUseOnlyTheKnownTopLevelAndLayerPackagesWhenPlacingClasses() {
        classes()
                .should(new ArchCondition<>("live in a known feature layer or common part") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String[] parts = item.getPackageName().split("\\.");
                        boolean ok = parts.length >= 3
                                && (parts[2].equals("common")
                                        ? parts.length >= 4 && COMMON_PARTS.contains(parts[3])
                                        : FEATURES.contains(parts[2])
                                                && (parts.length == 3 || LAYERS.contains(parts[3])));
                        events.add(
                                new SimpleConditionEvent(item, ok, item.getName() + " is in " + item.getPackageName()));
                    }
                })
                .check(CLASSES);
    }

    @Test
    void shouldNotLetApiAccessPersistenceWhenLayering() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..persistence..")
                .check(CLASSES);
    }

    @Test
    void shouldKeepPersistenceAndDomainBelowServicesWhenLayering() {
        noClasses()
                .that()
                .resideInAnyPackage("..persistence..", "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..api..", "..service..", "..job..")
                .check(CLASSES);
    }

    @Test
    void shouldNotReachIntoAnotherFeaturesPersistenceOrApiWhenCrossingFeatures() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(other -> !other.equals(feature))
                    .flatMap(other -> java.util.stream.Stream.of(
                            BASE + "." + other + ".persistence..", BASE + "." + other + ".api.."))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void shouldNotImportFeaturesWhenInCommon() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void shouldDeclareSecurityWhenAResourceIsPublished() {
        classes()
                .that()
                .areAnnotatedWith(Path.class)
                .and()
                .areNotInterfaces() // REST clients (@RegisterRestClient interfaces) publish nothing
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(io.quarkus.security.Authenticated.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void shouldKeepResourcesThinWhenHandlingRequests() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .beAnnotatedWith(io.quarkus.hibernate.reactive.panache.common.WithTransaction.class)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.quarkus.hibernate.reactive.panache.Panache")
                .check(CLASSES);
    }

    // ------------------------------------------------------------------ data access (docs/architecture.md)

    @Test
    void shouldOpenUnitsOfWorkOnlyThroughTransactionsWhenReachingTheDatabase() {
        noMethods()
                .should()
                .beAnnotatedWith(io.quarkus.hibernate.reactive.panache.common.WithTransaction.class)
                .orShould()
                .beAnnotatedWith(io.quarkus.hibernate.reactive.panache.common.WithSession.class)
                .orShould()
                .beAnnotatedWith(io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand.class)
                .check(CLASSES);
        noClasses()
                .should()
                .beAnnotatedWith(io.quarkus.hibernate.reactive.panache.common.WithTransaction.class)
                .orShould()
                .beAnnotatedWith(io.quarkus.hibernate.reactive.panache.common.WithSession.class)
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".common.persistence") // Transactions; DatabaseOutage's probe
                .should()
                .callMethodWhere(target(name("withTransaction"))
                        .or(target(name("withSession")))
                        .and(target(owner(assignableTo(io.quarkus.hibernate.reactive.panache.Panache.class)))))
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(io.vertx.mutiny.sqlclient.Pool.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(io.vertx.sqlclient.Pool.class)
                .orShould()
                .callMethodWhere(target(name("begin"))
                        .and(target(owner(assignableTo(io.vertx.mutiny.sqlclient.SqlConnection.class)))))
                .because("services open every session, transaction and connection through Transactions;"
                        + " SQL repositories take the connection as a parameter")
                .check(CLASSES);
    }

    @Test
    void shouldKeepQueriesInRepositoriesWhenWritingServices() {
        noClasses()
                .that()
                .resideInAnyPackage("..service..", "..api..", "..job..", "..client..")
                .and()
                .resideOutsideOfPackage(BASE + ".common..") // the job framework's own advisory-lock statements
                .should()
                .callMethodWhere(target(owner(assignableTo(io.vertx.mutiny.sqlclient.SqlClient.class)))
                        .and(target(name("query")).or(target(name("preparedQuery")))))
                .orShould()
                .callMethodWhere(target(owner(assignableTo(org.hibernate.reactive.mutiny.Mutiny.Session.class)))
                        .and(target(nameMatching("create.*Query"))))
                .orShould()
                .callMethodWhere(target(
                                owner(assignableTo(io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase.class)))
                        .and(target(nameMatching("find|list|stream|count|update|delete|exists")))
                        .and(target(com.tngtech.archunit.base.DescribedPredicate.describe(
                                "takes a query string first",
                                (com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget t) ->
                                        !t.getRawParameterTypes().isEmpty()
                                                && t.getRawParameterTypes()
                                                        .get(0)
                                                        .isEquivalentTo(String.class)))))
                .because("SQL and HQL live in repositories (docs/architecture.md, \"Data access\")")
                .check(CLASSES);
    }

    @Test
    void shouldPlaceEntitiesInDomainWithAnExplicitTableWhenMapping() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("..domain..")
                .andShould()
                .beAnnotatedWith(Table.class)
                .check(CLASSES);
    }

    @Test
    void shouldListEveryOwnedTableInItsFeaturePackageInfoWhenMappingEntities() throws IOException {
        Set<String> unlisted = new TreeSet<>();
        for (JavaClass entity : CLASSES) {
            if (!entity.isAnnotatedWith(Entity.class)) {
                continue;
            }
            String table = entity.getAnnotationOfType(Table.class).name();
            String feature = entity.getPackageName().split("\\.")[2];
            String source = readPackageInfoJavadoc(feature);
            if (!java.util.regex.Pattern.compile("Owns tables:[^.]*\\b" + table + "\\b")
                    .matcher(source)
                    .find()) {
                unlisted.add(feature + ":" + table);
            }
        }
        assertThat(unlisted)
                .as("tables not listed in their feature's package-info")
                .isEmpty();
    }

    /** The feature's package-info source, read from the source tree (Javadoc is not in the class file). */
    private static String readPackageInfoJavadoc(String feature) throws IOException {
        java.nio.file.Path path =
                java.nio.file.Path.of("src/main/java", BASE.replace('.', '/'), feature, "package-info.java");
        if (!java.nio.file.Files.exists(path)) {
            return "";
        }
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldOwnEachTableOnceWhenMappingEntities() {
        List<String> tables = CLASSES.stream()
                .filter(c -> c.isAnnotatedWith(Entity.class))
                .map(c -> c.getAnnotationOfType(Table.class).name())
                .sorted()
                .toList();
        assertThat(tables).doesNotHaveDuplicates().hasSize(31);
        assertThat(tables.stream().collect(Collectors.toSet())).hasSize(31);
    }
}
