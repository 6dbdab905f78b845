package org.coinpilot.common.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The application's {@code ObjectMapper} (request and response bodies, the Vert.x JSON codec behind jsonb
 * columns, the outbound clients): Quarkus's own, built on {@link InputJsonFactory} instead of the default
 * factory. It replaces Quarkus's default producer the way the Quarkus Jackson guide describes, and applies
 * every {@link ObjectMapperCustomizer} (Quarkus's, which carry the {@code quarkus.jackson.*} settings and
 * modules, and ours) in the same descending priority order.
 */
@Singleton
public class JsonMapperProducer {

    @Produces
    @Singleton
    ObjectMapper objectMapper(Instance<ObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = new ObjectMapper(new InputJsonFactory());
        List<ObjectMapperCustomizer> sorted = new ArrayList<>();
        customizers.forEach(sorted::add);
        Collections.sort(sorted);
        sorted.forEach(customizer -> customizer.customize(mapper));
        return mapper;
    }
}
