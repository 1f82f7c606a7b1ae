package io.wcsettle.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Docs that compile: every {@code ```java} block of README.md and docs/**&#47;*.md is compiled with
 * {@link javax.tools.JavaCompiler} against this module's test class path (examples depends on every
 * module). A block with a top-level class, record, interface or enum is a compilation unit as it
 * stands; any other block has its {@code import} lines hoisted and the rest wrapped in
 * {@code void run() throws Exception { ... }} of a class of its own. A failure names the Markdown
 * file and line. Every {@code ```xml} block must be well-formed; one whose root is {@code <project>}
 * must be a complete pom, and one with the coordinates of a sample pom under docs/ must be that file.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "(?m)^(?:(?:public|final|abstract|sealed|non-sealed|static)\\s+)*(class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^(?:(?:final|abstract|sealed|non-sealed)\\s+)*public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
                    + "(?:class|record|interface|enum)\\s+(\\w+)");

    @TempDir
    Path out;

    /** One fenced block: its language, the file and the line of its first content line, its text. */
    record Block(String language, Path file, int firstLine, List<String> lines) {
        String where() {
            return ROOT.relativize(file) + ":" + firstLine;
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).filter(p -> !p.toString().contains(File.separator + "target"
                    + File.separator)).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> blocks(String language) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path file : markdownFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher open = FENCE.matcher(lines.get(i));
                if (!open.matches() || open.group(2).isEmpty()) {
                    continue;
                }
                String indent = open.group(1);
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).trim().equals("```")) {
                    end++;
                }
                if (open.group(2).equals(language)) {
                    List<String> body = new ArrayList<>();
                    for (String l : lines.subList(start, end)) {
                        body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
                    }
                    blocks.add(new Block(language, file, start + 1, body));
                }
                i = end;
            }
        }
        return blocks;
    }

    @TestFactory
    @DisplayName("every ```java block of README.md and docs/ compiles against the SDK")
    Stream<DynamicTest> javaBlocksCompile() throws IOException {
        List<Block> blocks = blocks("java");
        assertFalse(blocks.isEmpty(), "found no ```java block: is " + ROOT + " the repository?");
        String classPath = classPath();
        return blocks.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> compile(b, classPath)));
    }

    private void compile(Block b, String classPath) throws IOException {
        String source;
        String className;
        int offset; // Markdown line = compiler line + offset
        String text = b.text();
        if (TOP_LEVEL_TYPE.matcher(text).find()) {
            Matcher pub = PUBLIC_TYPE.matcher(text);
            className = pub.find() ? pub.group(1) : "Snippet";
            source = text;
            offset = b.firstLine() - 1;
        } else {
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int importLines = 0;
            for (String l : b.lines()) {
                if (l.startsWith("import ")) {
                    imports.append(l).append('\n');
                    body.append('\n'); // keeps the line numbers of the rest
                    importLines++;
                } else {
                    body.append(l).append('\n');
                }
            }
            className = "Snippet";
            // line 1: the imports on one line each; then the class header line; then the body
            source = imports + "class Snippet {\nvoid run() throws Exception {\n" + body + "}\n}\n";
            offset = b.firstLine() - 1 - importLines - 2;
        }
        Path dir = Files.createDirectories(out.resolve("s" + Math.abs(b.where().hashCode())));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics, List.of("--release", "17", "-proc:none", "-classpath",
                    classPath, "-d", dir.toString(), "-encoding", "UTF-8"), null, List.of(unit)).call();
            if (!ok) {
                StringBuilder why = new StringBuilder("the ```java block at " + b.where() + " does not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        long line = d.getLineNumber() + offset;
                        why.append("\n  ").append(ROOT.relativize(b.file())).append(':').append(line).append(": ")
                                .append(String.join("; ", d.getMessage(Locale.ROOT).lines().map(String::strip).toList()));
                    }
                }
                fail(why.toString());
            }
        }
    }

    /** The test class path as a compiler option (surefire may hand it over in a manifest-only jar). */
    static String classPath() throws IOException {
        String cp = System.getProperty("java.class.path");
        String[] entries = cp.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest m = jar.getManifest();
                String manifestCp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                if (manifestCp != null) {
                    List<String> paths = new ArrayList<>();
                    for (String u : manifestCp.trim().split("\\s+")) {
                        paths.add(Path.of(URI.create(u.startsWith("file:") ? u : "file:" + u)).toString());
                    }
                    return String.join(File.pathSeparator, paths);
                }
            }
        }
        return cp;
    }

    @Test
    @DisplayName("every ```xml block is well-formed; a pom is complete; one with a sample's coordinates is that sample, verbatim")
    void xmlBlocks() throws Exception {
        List<Block> blocks = blocks("xml");
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().equals("pom.xml")).filter(p -> !p.toString().contains("target"))
                    .forEach(samples::add);
        }
        assertFalse(samples.isEmpty(), "docs/consumer-pom/pom.xml is missing");
        int poms = 0;
        for (Block b : blocks) {
            String text = b.text().strip();
            Document doc;
            try {
                doc = parse(text.startsWith("<?xml") ? text : "<fragment>" + text + "</fragment>");
            } catch (Exception e) {
                throw new AssertionError("the ```xml block at " + b.where() + " is not well-formed XML: " + e.getMessage(), e);
            }
            Element root = doc.getDocumentElement();
            if (root.getTagName().equals("fragment")) {
                List<Element> children = elements(root);
                if (children.size() == 1 && children.get(0).getTagName().equals("project")) {
                    root = children.get(0);
                } else {
                    assertFalse(children.stream().anyMatch(e -> e.getTagName().equals("project")),
                            b.where() + ": a <project> beside other elements");
                    continue; // a fragment of a pom
                }
            }
            if (!root.getTagName().equals("project")) {
                continue;
            }
            poms++;
            for (String required : List.of("modelVersion", "artifactId")) {
                assertTrue(child(root, required) != null, b.where() + ": a pom without <" + required + ">");
            }
            assertTrue(child(root, "groupId") != null || child(root, "parent") != null, b.where() + ": no <groupId>");
            assertTrue(child(root, "version") != null || child(root, "parent") != null, b.where() + ": no <version>");
            for (Path sample : samples) {
                Element s = parse(Files.readString(sample)).getDocumentElement();
                if (coordinates(s).equals(coordinates(root))) {
                    assertEquals(normalised(Files.readString(sample)), normalised(b.text()),
                            "the ```xml block at " + b.where() + " has the coordinates of " + ROOT.relativize(sample)
                                    + " but differs from it: copy the file into the block");
                }
            }
        }
        assertTrue(poms >= 1, "no complete pom.xml in README.md or docs/ (the consumer sample belongs in one)");
    }

    @Test
    @DisplayName("the BOM's third-party versions are the ones the root pom builds and tests with")
    void bomPinsTheTestedVersions() throws Exception {
        Element bom = parse(Files.readString(ROOT.resolve("bom/pom.xml"))).getDocumentElement();
        Element parent = parse(Files.readString(ROOT.resolve("pom.xml"))).getDocumentElement();
        Element bomProps = child(bom, "properties");
        Element rootProps = child(parent, "properties");
        List<Element> pins = elements(bomProps);
        assertTrue(pins.size() >= 5, "the BOM pins Bouncy Castle, Jackson, SLF4J, H2 and PostgreSQL");
        for (Element p : pins) {
            Element same = child(rootProps, p.getTagName());
            assertTrue(same != null, "the root pom has no property " + p.getTagName());
            assertEquals(same.getTextContent().trim(), p.getTextContent().trim(), p.getTagName());
        }
        String text = Files.readString(ROOT.resolve("bom/pom.xml"));
        for (String artifact : List.of("bcprov-jdk18on", "bcpkix-jdk18on", "bcutil-jdk18on", "jackson-bom", "slf4j-api",
                "<artifactId>h2</artifactId>", "<artifactId>postgresql</artifactId>")) {
            assertTrue(text.contains(artifact), "the BOM does not manage " + artifact);
        }
    }

    private static String coordinates(Element project) {
        Element g = child(project, "groupId");
        Element a = child(project, "artifactId");
        return (g == null ? "" : g.getTextContent().trim()) + ":" + (a == null ? "" : a.getTextContent().trim());
    }

    private static String normalised(String xml) {
        return xml.strip().lines().map(String::stripTrailing).reduce((x, y) -> x + "\n" + y).orElse("");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Element e) {
        List<Element> r = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                r.add(c);
            }
        }
        return r;
    }

    private static Element child(Element e, String name) {
        return elements(e).stream().filter(c -> c.getTagName().equals(name)).findFirst().orElse(null);
    }
}
