package org.coinpilot.common.openapi;

import java.math.BigDecimal;
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
 * {@link Problem}, and adds the responses every operation can give (400 for bad input where it takes input,
 * 401/403 where it is secured, 500 and 503 everywhere), so the document never under-states the errors.
 *
 * <p>It also states what the wire types themselves guarantee, so that no schema is left without a limit that is
 * true: an integer without bounds gets its format's range (a JSON number outside it is refused as not fitting the
 * field, a 400 naming it), and a property that only refers to another schema ({@code allOf} of one {@code $ref})
 * loses the {@code type} SmallRye repeats beside it, so the referenced schema (an enum, {@code Instant}, a decimal)
 * with its limits is the one definition (docs/security.md, "Declared limits").
 */
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
        return operation;
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
                    operation.setSecurity(
                            List.of(OASFactory.createSecurityRequirement()
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
                && !schema.getType().contains(Schema.SchemaType.NULL)) {
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
     * to a non-nullable schema refuses null whatever stands beside it: a nullable property that refers to a scalar
     * schema (an instant, a decimal, an enum) gets that schema's keywords inline instead, so null is allowed and the
     * limits still hold.
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
                String ref = property.getRef() != null
                        ? property.getRef()
                        : property.getAllOf() != null && property.getAllOf().size() == 1
                                ? property.getAllOf().get(0).getRef()
                                : null;
                if (ref == null
                        || property.getType() == null
                        || !property.getType().contains(Schema.SchemaType.NULL)) {
                    continue;
                }
                Schema target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
                if (target == null
                        || target.getType() == null
                        || target.getType().contains(Schema.SchemaType.OBJECT)
                        || target.getType().contains(Schema.SchemaType.ARRAY)) {
                    continue;
                }
                property.setRef(null);
                property.setAllOf(null);
                List<Schema.SchemaType> types = new java.util.ArrayList<>(target.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
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
