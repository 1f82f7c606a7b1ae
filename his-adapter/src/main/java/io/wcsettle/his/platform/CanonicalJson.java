package io.wcsettle.his.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The canonical JSON that is signed (PROTOCOL.md "Security"): object keys sorted by their
 * UTF-16 code units at every level, array order kept, no whitespace, numbers as written
 * (exact decimals, never through {@code double}), UTF-8.
 */
public final class CanonicalJson {

    /** The mapper used for all envelopes: exact decimals, no floating point. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    /**
     * How envelopes are read: as {@link #MAPPER}, and a key twice in one object is refused instead of
     * the last one silently winning (a signed message must mean one thing to every reader).
     */
    static final ObjectReader STRICT_READER = MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private CanonicalJson() {
    }

    /** The longest plain form a number may take (Jackson reads no longer number literal either). */
    static final int MAX_PLAIN_DIGITS = 1000;

    /**
     * The canonical UTF-8 bytes of {@code node} ({@code null} is the JSON literal {@code null}).
     *
     * @throws PlatformException {@code MALFORMED_REQUEST} for a number whose plain form would take
     *                           more than 1,000 digits ({@code 1e-999999999} would take a gigabyte)
     */
    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory JSON write failed", e);
        }
        return out.toByteArray();
    }

    /** The Jackson mapper wcsettle uses for envelopes (exact decimals). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            g.writeNull();
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            g.writeStartObject();
            for (String name : names) {
                g.writeFieldName(name);
                write(g, node.get(name));
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode e : node) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (node.isBigDecimal()) {
            java.math.BigDecimal d = node.decimalValue();
            if ((long) d.precision() + Math.abs((long) d.scale()) > MAX_PLAIN_DIGITS) {
                throw new PlatformException(PlatformErrorCode.MALFORMED_REQUEST, null,
                        "a number of more than " + MAX_PLAIN_DIGITS + " digits in plain form");
            }
            g.writeNumber(d.toPlainString());
        } else {
            g.writeTree(node);
        }
    }
}
