package io.wcsettle.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: its copies of the rules, the protocol facts, the published interface
 * extract, the sources and the public conformance cases are byte-equal to the shared originals
 * whenever those are checked out beside the repository (as the calendar copy is).
 */
class SharedCopiesTest {

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        return Files.exists(p.resolve("docs/domain")) ? p : p.getParent();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static void same(Path shared, Path copy) throws IOException {
        List<Path> a = files(shared);
        assertEquals(a, files(copy), copy + " holds other files than " + shared);
        for (Path f : a) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(f)), Files.readAllBytes(copy.resolve(f)),
                    copy.resolve(f) + " differs from " + shared.resolve(f));
        }
    }

    @Test
    @DisplayName("Stand-alone: docs/domain and conformance/public equal ../shared's domain texts and public cases")
    void copiesEqualShared() throws IOException {
        Path root = root();
        Path shared = root.resolveSibling("shared");
        assumeTrue(Files.isDirectory(shared.resolve("domain")), "../shared not beside the checkout: copy check skipped");
        for (String f : List.of("RULES.md", "PROTOCOL.md")) {
            assertArrayEquals(Files.readAllBytes(shared.resolve("domain").resolve(f)),
                    Files.readAllBytes(root.resolve("docs/domain").resolve(f)), "docs/domain/" + f);
        }
        same(shared.resolve("domain/sources"), root.resolve("docs/domain/sources"));
        same(shared.resolve("domain/interface"), root.resolve("docs/domain/interface"));
        Path cases = root.resolve("conformance/public");
        try (Stream<Path> s = Files.list(shared.resolve("conformance/cases"))) {
            List<Path> sharedCases = s.sorted().toList();
            for (Path c : sharedCases) {
                assertArrayEquals(Files.readAllBytes(c), Files.readAllBytes(cases.resolve(c.getFileName())),
                        "conformance/public/" + c.getFileName());
            }
            try (Stream<Path> mine = Files.list(cases)) {
                assertEquals(sharedCases.size() + 1, mine.count(), "the public cases and their README, nothing else");
            }
        }
        assertArrayEquals(Files.readAllBytes(shared.resolve("conformance/README.md")),
                Files.readAllBytes(cases.resolve("README.md")));
        assertTrue(Files.exists(root.resolve("docs/domain/RULES.md")));
    }
}
