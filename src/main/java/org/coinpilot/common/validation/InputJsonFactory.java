package org.coinpilot.common.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.problem.JsonInputException;

/**
 * The JSON factory of the application's {@code ObjectMapper} (see {@link JsonMapperProducer}): every parser it
 * creates refuses, whatever type the JSON is bound to (records, maps, untyped {@code Object}, {@code JsonNode}):
 *
 * <ul>
 *   <li>the character U+0000 in a string value or an object key: PostgreSQL cannot store it in {@code text}
 *       (SQLSTATE 22021) nor in {@code jsonb} (22P05);
 *   <li>a key given twice in one object ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}): databind would
 *       otherwise keep the last value, or fail with a definition error for records.
 * </ul>
 *
 * Both raise a {@link JsonInputException} naming the field by its path in the document. The check is made on
 * the token stream, so it also covers jsonb read back through this mapper (which never holds either).
 */
public class InputJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    static final String NUL_VALUE = "must not contain the character U+0000";
    static final String NUL_KEY = "must not have a key containing the character U+0000";
    static final String DUPLICATE = "must not be given more than once";

    public InputJsonFactory() {
        super(new JsonFactoryBuilder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
    }

    protected InputJsonFactory(InputJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new InputJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new CheckingParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(input, context));
    }

    @Override
    public JsonParser createNonBlockingByteArrayParser() throws IOException {
        return new CheckingParser(super.createNonBlockingByteArrayParser());
    }

    @Override
    public JsonParser createNonBlockingByteBufferParser() throws IOException {
        return new CheckingParser(super.createNonBlockingByteBufferParser());
    }

    /**
     * The path of the current value as the API names fields: {@code legs[1].price}; {@code request} for the
     * document itself.
     */
    public static String field(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(c);
        }
        StringBuilder field = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            JsonStreamContext c = chain.get(i);
            if (c.inArray()) {
                field.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(c.getCurrentName());
            }
        }
        return field.length() == 0 ? "request" : field.toString();
    }

    /**
     * Checks every token it moves to. The other {@code next*} methods of {@link JsonParser} go through
     * {@link #nextToken()}; {@code nextValue} is overridden because the delegate would bypass it.
     */
    static final class CheckingParser extends JsonParserDelegate {

        CheckingParser(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token;
            try {
                token = delegate.nextToken();
            } catch (JsonParseException e) {
                throw duplicateOr(e);
            }
            if (token == JsonToken.VALUE_STRING) {
                if (containsNul(delegate.getTextCharacters(), delegate.getTextOffset(), delegate.getTextLength())) {
                    throw new JsonInputException(field(delegate.getParsingContext()), NUL_VALUE);
                }
            } else if (token == JsonToken.FIELD_NAME && delegate.currentName().indexOf('\0') >= 0) {
                // name the object holding the key: the key itself is what cannot be shown
                throw new JsonInputException(field(delegate.getParsingContext().getParent()), NUL_KEY);
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            try {
                delegate.skipChildren();
            } catch (JsonParseException e) {
                throw duplicateOr(e);
            }
            return this;
        }

        /** The duplicate-key error of {@code STRICT_DUPLICATE_DETECTION}, named by its path; other errors as they are. */
        private IOException duplicateOr(JsonParseException e) {
            JsonStreamContext context = delegate.getParsingContext();
            String name = context == null ? null : context.getCurrentName();
            if (name != null && ("Duplicate field '" + name + "'").equals(e.getOriginalMessage())) {
                return new JsonInputException(field(context), DUPLICATE);
            }
            return e;
        }

        private static boolean containsNul(char[] text, int offset, int length) {
            for (int i = offset, end = offset + length; i < end; i++) {
                if (text[i] == '\0') {
                    return true;
                }
            }
            return false;
        }
    }
}
