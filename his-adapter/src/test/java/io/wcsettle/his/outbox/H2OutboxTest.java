package io.wcsettle.his.outbox;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on the zero-configuration default: an embedded H2 file database. */
class H2OutboxTest extends OutboxContract {

    @TempDir
    Path dir;

    @Override
    Outbox open() {
        return Outbox.h2File(dir.resolve("outbox"), INSTITUTION, clock, DEADLINES);
    }
}
