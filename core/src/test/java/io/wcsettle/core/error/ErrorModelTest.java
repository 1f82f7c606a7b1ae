package io.wcsettle.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorModelTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    @DisplayName("An exception keeps its code, field, message and retryability across serialisation")
    void serialisation_keepsTheCode() throws Exception {
        InvalidInputException e = new InvalidInputException(CoreErrorCode.INVALID_ADMDVS, "filing.targetCity", "bad");
        InvalidInputException back = roundTrip(e);
        assertSame(CoreErrorCode.INVALID_ADMDVS, back.errorCode());
        assertEquals("INVALID_ADMDVS", back.code());
        assertEquals("filing.targetCity", back.field());
        assertEquals(e.getMessage(), back.getMessage());
        assertFalse(back.retryable());

        IoFailureException io = roundTrip(new IoFailureException("/data/cat.csv", new NoSuchFileException("/data/cat.csv")));
        assertSame(CoreErrorCode.IO_FAILURE, io.errorCode());
        assertEquals("/data/cat.csv", io.field());
        assertTrue(io.retryable());
        assertInstanceOf(NoSuchFileException.class, io.getCause());
    }

    @Test
    @DisplayName("Codes are stable strings; only IO_FAILURE is retryable in core")
    void codes_stableAndRetryable() {
        for (CoreErrorCode c : CoreErrorCode.values()) {
            assertEquals(c.name(), c.code());
            assertEquals(c == CoreErrorCode.IO_FAILURE, c.retryable(), c.name());
        }
    }

    /** How another layer adds its codes (his-adapter's storage codes, for one). */
    enum StorageCode implements ErrorCode {
        STORAGE_UNAVAILABLE;

        @Override
        public String code() {
            return name();
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    @Test
    @DisplayName("Another layer's enum of codes plugs into the same root, retryable() included")
    void otherLayers_extendTheModel() throws Exception {
        WcsettleException e = roundTrip(new WcsettleException(StorageCode.STORAGE_UNAVAILABLE, null, "db down"));
        assertSame(StorageCode.STORAGE_UNAVAILABLE, e.errorCode());
        assertTrue(e.retryable());
        assertEquals("STORAGE_UNAVAILABLE: db down", e.getMessage());
    }

    @Test
    @DisplayName("Inputs: a missing value or element is INVALID_INPUT naming the field")
    void inputs_missingIsTyped() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.required(null, "stay"));
        assertEquals(CoreErrorCode.INVALID_INPUT, e.errorCode());
        assertEquals("stay", e.field());
        e = assertThrows(InvalidInputException.class, () -> Inputs.requiredElements(Arrays.asList("a", null), "lines"));
        assertEquals("lines[1]", e.field());
        assertEquals(List.of("a"), Inputs.requiredElements(List.of("a"), "lines"));
    }
}
