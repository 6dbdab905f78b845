package org.coinpilot.common.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@link ContractValidationFilter} in front of RestAssured before every {@code @QuarkusTest} method (a test
 * profile restarts the application, with classes loaded anew), so every response a test receives is validated
 * against the served OpenAPI document. Registered in
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}.
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback {

    private static final ContractValidationFilter FILTER = new ContractValidationFilter();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            // RestAssured may outlive an application restart: drop the filter of an earlier application
            List<Filter> filters = new ArrayList<>(RestAssured.filters());
            filters.removeIf(f -> f.getClass().getName().equals(ContractValidationFilter.class.getName()));
            filters.add(FILTER);
            RestAssured.replaceFiltersWith(filters);
        }
    }
}
