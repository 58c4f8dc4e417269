package org.joinedup.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Request bodies are read strictly:
 * <ul>
 *   <li>a JSON object that repeats a key is refused (400 {@code duplicate-key}, naming the key) rather
 *   than one of its values being silently chosen;</li>
 *   <li>every string must be text (400 {@code text}, naming the field): no NUL or other control
 *   character but line breaks and tabs, and no unpaired UTF-16 surrogate, which JSON's {@code \ud800}
 *   escape can carry but no text holds and PostgreSQL cannot store.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("joinedup-text").addDeserializer(String.class, new TextOnly()));
    }

    /** A string that is not text. */
    public static final class NotText extends JsonMappingException {
        NotText(JsonParser parser) {
            super(parser, "not text");
        }
    }

    /** True when every character is printable text, line breaks and tabs allowed, surrogates paired. */
    public static boolean isText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static final class TextOnly extends StdScalarDeserializer<String> {
        TextOnly() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !isText(value)) {
                throw new NotText(p);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }
}
