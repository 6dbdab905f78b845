package org.coinpilot.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.internal.models.media.SchemaSupport;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.validation.InputParameterFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every documented error response of every operation an {@code application/problem+json}
 * {@link Problem}, and adds the responses every operation can give (400 for bad input where it takes input, 413
 * without a body where it takes a body, 401/403 where it is secured, 500 and 503 everywhere), so the document never under-states the errors.
 *
 * <p>It also states what the wire types themselves guarantee, so that no schema is left without a limit that is
 * true: an integer without bounds gets its format's range (a JSON number outside it is refused as not fitting the
 * field, a 400 naming it), and a property that only refers to another schema ({@code allOf} of one {@code $ref})
 * loses the {@code type} SmallRye repeats beside it, so the referenced schema (an enum, {@code Instant}, a decimal)
 * with its limits is the one definition (docs/security.md, "Declared limits").
 *
 * <p>It runs once, at build time, on the document the annotation scan produced: the build stores the filtered document
 * (also in {@code quarkus.smallrye-openapi.store-schema-directory}) and the runtime serves it as stored, without
 * filtering it again at every start (docs/benchmarks.md, "Start fast").
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String ADMIN_PATHS = "/api/v1/admin/";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput =
                (operation.getParameters() != null && !operation.getParameters().isEmpty())
                        || operation.getRequestBody() != null;
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (takesInput) {
            addIfAbsent(responses, "400", "Invalid input: the violations name the offending fields");
        }
        if (secured) {
            addIfAbsent(responses, "401", "Missing, expired or invalid access token");
            addIfAbsent(responses, "403", "The caller's role may not use this operation");
        }
        addIfAbsent(responses, "500", "Unexpected error (no internals are disclosed; quote the traceId)");
        addIfAbsent(responses, "503", "A dependency is unavailable or timed out");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            if (status.startsWith("4") || status.startsWith("5")) {
                entry.getValue().setContent(problemContent());
            }
        }
        if (operation.getRequestBody() != null) {
            // quarkus.http.limits.max-body-size: the HTTP layer refuses the body before it is read, with no body of
            // its own (so no problem document)
            addIfAbsent(responses, "413", "The request body is larger than 2 MiB (an empty answer)");
        }
        declareRateLimitFields(responses);
        return operation;
    }

    /** The fields of draft-ietf-httpapi-ratelimit-headers that a rate-limited operation sends. */
    static final List<String> RATE_LIMIT_FIELDS = List.of("RateLimit-Policy", "RateLimit");

    /**
     * A rate-limited operation (one whose 429 answer declares {@code RateLimit-Policy}) sends the rate-limit fields on
     * every answer, not only on the refusal: they are declared, as the 429 declares them, on each 2xx and 4xx answer,
     * including the ones this filter added.
     */
    private static void declareRateLimitFields(APIResponses responses) {
        APIResponse refusal = responses.getAPIResponse("429");
        if (refusal == null
                || refusal.getHeaders() == null
                || !refusal.getHeaders().keySet().containsAll(RATE_LIMIT_FIELDS)) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            if (!status.startsWith("2") && !status.startsWith("4")) {
                continue;
            }
            for (String field : RATE_LIMIT_FIELDS) {
                if (entry.getValue().getHeaders() == null
                        || !entry.getValue().getHeaders().containsKey(field)) {
                    entry.getValue().addHeader(field, refusal.getHeaders().get(field));
                }
            }
        }
    }

    /**
     * The operations under {@code /api/v1/admin/} need an admin's token: their security requirement names {@link
     * ApiDefinition#BEARER_ADMIN} instead of {@link ApiDefinition#BEARER}.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        inlineNullableScalarRefs(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(ADMIN_PATHS)) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                            // a bearer token that is an admin's: both, so it differs from the users' one
                            .addScheme(ApiDefinition.BEARER)
                            .addScheme(ApiDefinition.BEARER_ADMIN)));
                }
            });
        });
    }

    /**
     * A path or query parameter without a limit of its own gets the one every parameter has ({@link
     * InputParameterFilter}): at most {@value InputParameterFilter#MAX_LENGTH} characters, a repeated one at most
     * {@value InputParameterFilter#MAX_VALUES} values.
     */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || (parameter.getIn() != Parameter.In.PATH && parameter.getIn() != Parameter.In.QUERY)) {
            return parameter;
        }
        if (isType(schema, Schema.SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(InputParameterFilter.MAX_VALUES);
            }
            if (schema.getItems() != null) {
                limitLength(schema.getItems());
            }
        } else {
            limitLength(schema);
        }
        return parameter;
    }

    private static void limitLength(Schema schema) {
        if (isType(schema, Schema.SchemaType.STRING)
                && schema.getRef() == null
                && schema.getEnumeration() == null
                && schema.getMaxLength() == null) {
            schema.setMaxLength(InputParameterFilter.MAX_LENGTH);
        }
    }

    private static boolean isType(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    @Override
    public Schema filterSchema(Schema schema) {
        // SmallRye keeps a property that names another schema as a $ref with the type beside it (written as
        // allOf of the $ref in OpenAPI 3.0)
        boolean onlyRefers = schema.getRef() != null
                || (schema.getAllOf() != null
                        && schema.getAllOf().size() == 1
                        && schema.getAllOf().get(0).getRef() != null);
        if (onlyRefers
                && schema.getType() != null
                // a nullable one keeps its type: OpenAPI 3.0 reads nullable only beside a type
                && !isNullable(schema)) {
            schema.setType(null);
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        return schema;
    }

    /**
     * OpenAPI 3.0 reads {@code nullable} only beside a {@code type}, and a {@code $ref} (written as {@code allOf})
     * to a non-nullable schema refuses null whatever stands beside it: a nullable property that refers to another
     * schema (an instant, a decimal, an enum, an object) gets that schema's keywords inline instead, so null is
     * allowed and the limits still hold.
     */
    private static void inlineNullableScalarRefs(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        for (Schema component : components.values()) {
            if (component.getProperties() == null) {
                continue;
            }
            for (Schema property : component.getProperties().values()) {
                String ref = referredSchema(property);
                if (ref == null || !(isNullable(property) || allowsNull(property))) {
                    continue;
                }
                Schema target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
                if (target == null
                        || target.getType() == null
                        || target.getType().contains(Schema.SchemaType.ARRAY)) {
                    continue;
                }
                property.setRef(null);
                property.setAllOf(null);
                property.setAnyOf(null);
                property.setType(new java.util.ArrayList<>(target.getType()));
                SchemaSupport.setNullable(property, Boolean.TRUE);
                if (target.getType().contains(Schema.SchemaType.OBJECT)) {
                    // the same property schemas (shared, so what this filter does to them holds in both places)
                    property.setProperties(target.getProperties());
                    property.setRequired(target.getRequired());
                    property.setAdditionalPropertiesSchema(target.getAdditionalPropertiesSchema());
                    property.setAdditionalPropertiesBoolean(target.getAdditionalPropertiesBoolean());
                    continue;
                }
                if (property.getFormat() == null) {
                    property.setFormat(target.getFormat());
                }
                if (property.getMaxLength() == null) {
                    property.setMaxLength(target.getMaxLength());
                }
                if (property.getPattern() == null) {
                    property.setPattern(target.getPattern());
                }
                if (property.getEnumeration() == null && target.getEnumeration() != null) {
                    List<Object> values = new java.util.ArrayList<>(target.getEnumeration());
                    values.add(null);
                    property.setEnumeration(values);
                }
            }
        }
    }

    /**
     * The schema a property refers to: its {@code $ref}, an {@code allOf} of one {@code $ref}, or, as SmallRye models
     * a nullable reference, an {@code anyOf} of a {@code $ref} and the null type (written for OpenAPI 3.0 as {@code
     * allOf} of the {@code $ref} beside {@code nullable: true}, which still refuses null); null if none.
     */
    private static String referredSchema(Schema property) {
        if (property.getRef() != null) {
            return property.getRef();
        }
        for (List<Schema> composition : Arrays.asList(property.getAllOf(), property.getAnyOf())) {
            if (composition == null) {
                continue;
            }
            List<Schema> refs =
                    composition.stream().filter(s -> s.getRef() != null).toList();
            boolean othersAreNull = composition.stream()
                    .filter(s -> s.getRef() == null)
                    .allMatch(s -> List.of(Schema.SchemaType.NULL).equals(s.getType()));
            if (refs.size() == 1 && othersAreNull) {
                return refs.get(0).getRef();
            }
        }
        return null;
    }

    /**
     * Whether a composition names the null type beside the schema: how SmallRye models a nullable reference to an
     * object schema while it builds the document (the filter runs then), before it writes it for OpenAPI 3.0 as
     * {@code allOf} of the reference beside {@code nullable: true}.
     */
    private static boolean allowsNull(Schema property) {
        for (List<Schema> composition : Arrays.asList(property.getAnyOf(), property.getOneOf())) {
            if (composition == null) {
                continue;
            }
            for (Schema alternative : composition) {
                if (List.of(Schema.SchemaType.NULL).equals(alternative.getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code @Schema(nullable = true)} was given: SmallRye keeps it as a private extension, and adds {@code null}
     * to the types only when the schema had a type when the annotation was read (a property that refers to another
     * schema gets its type later).
     */
    private static boolean isNullable(Schema schema) {
        return (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL))
                || Boolean.TRUE.equals(SchemaSupport.getNullable(schema));
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
