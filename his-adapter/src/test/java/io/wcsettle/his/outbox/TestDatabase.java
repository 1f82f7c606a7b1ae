package io.wcsettle.his.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;
import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.testdb.PostgresServer;

/** The databases the outbox tests run on, each giving a fresh database and a way to crash its clients. */
enum TestDatabase {

    /** An H2 file database (without the zero-configuration default's payload protection). */
    H2 {
        @Override
        DataSource fresh(Path dir) {
            return new UrlDataSource("jdbc:h2:file:" + dir.resolve("outbox-" + System.nanoTime()).toAbsolutePath()
                    + ";FILE_LOCK=FS;WRITE_DELAY=0");
        }

        @Override
        void crash(DataSource ds) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException e) {
                // expected: the connection dies with the database
            }
        }
    },
    /** A database on the embedded PostgreSQL server. */
    POSTGRESQL {
        @Override
        DataSource fresh(Path dir) {
            return PostgresServer.freshDatabase();
        }

        @Override
        void crash(DataSource ds) {
            PostgresServer.killConnections(ds);
        }
    },
    /** A database on the private MariaDB server. */
    MARIADB {
        @Override
        DataSource fresh(Path dir) {
            return MariaDbServer.server().freshDatabase();
        }

        @Override
        void crash(DataSource ds) {
            MariaDbServer.server().killConnections(ds);
        }
    };

    /** A new, empty database ({@code dir} holds H2's files). */
    abstract DataSource fresh(Path dir);

    /** Every connection of this process to {@code ds}'s database goes away, uncommitted work lost. */
    abstract void crash(DataSource ds);
}
