package org.coinpilot.common.persistence;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The pool behind a proxy that can be cut; short probe and pool-wait intervals, so the test does not wait long. */
public class DatabaseOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "coinpilot.database.probe-interval", "100ms",
                "coinpilot.database.pool-wait-timeout", "1s",
                "coinpilot.database.retry-after", "7s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DatabaseOutageResource.class));
    }
}
