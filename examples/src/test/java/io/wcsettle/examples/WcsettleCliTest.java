package io.wcsettle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WcsettleCliTest {

    @Test
    @DisplayName("CLI: bad arguments exit non-zero")
    void badArguments_exitNonZero() {
        assertNotEquals(0, WcsettleCli.execute());
        assertNotEquals(0, WcsettleCli.execute("no-such-command"));
        assertNotEquals(0, WcsettleCli.execute("conformance"));
        assertNotEquals(0, WcsettleCli.execute("conformance", "/definitely/not/a/dir"));
        assertNotEquals(0, WcsettleCli.execute("simulate", "--port", "99999"));
        assertNotEquals(0, WcsettleCli.execute("simulate", "--port", "eighty"));
    }

    @Test
    @DisplayName("CLI: --help exits 0")
    void help_exitsZero() {
        assertEquals(0, WcsettleCli.execute("--help"));
        assertEquals(0, WcsettleCli.execute("conformance", "--help"));
        assertEquals(0, WcsettleCli.execute("simulate", "--help"));
    }
}
