package org.policykb.build;

import org.policykb.model.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Names the code that turns a source into a document, so that what one PolicyKB build cached is never taken for what
 * another would produce. It is a digest of the bytes the reader's classes are loaded from (the jar, or every class
 * and resource file of a classes folder: the gazetteer included), of the Java version (section ids depend on its
 * Unicode tables) and of the names of the libraries on the class path (a Maven jar's name carries its version).
 * Digesting contents, not dates, keeps a recompiled but identical classes folder the same code.
 */
final class CodeIdentity {
    private CodeIdentity() {
    }

    /** The identity of the code this process runs, digested once (a jar takes milliseconds, not per build). */
    static String current() {
        return OfThisProcess.IDENTITY;
    }

    /** Holds the digest, made on first use: a constant of the process, not mutable state. */
    private static final class OfThisProcess {
        static final String IDENTITY = of(KnowledgeBaseReader.class);
    }

    static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            // Code that cannot be digested gets an identity no other process shares: its cache is never reused.
            return "unknown-" + UUID.randomUUID();
        }
        try {
            return of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The code source is not a file: " + source.getLocation(), e);
        }
    }

    /** The identity of the code at {@code location}, a jar or a classes folder. */
    static String of(Path location) {
        MessageDigest digest = Sha256.digest();
        update(digest, "java " + Runtime.version());
        for (String library : libraries(location)) {
            update(digest, library);
        }
        if (Files.isDirectory(location)) {
            digestFolder(digest, location);
        } else {
            digestFile(digest, location);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The file names of the jars on the class path other than the code's own, sorted (wildcards expand unordered). */
    private static List<String> libraries(Path own) {
        return Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(Path::of)
                .filter(jar -> !jar.toAbsolutePath().normalize().equals(own.toAbsolutePath().normalize()))
                .map(jar -> jar.getFileName().toString())
                .sorted()
                .toList();
    }

    private static void digestFolder(MessageDigest digest, Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, root.relativize(file).toString().replace('\\', '/'));
                digestFile(digest, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes folder " + root, e);
        }
    }

    /** The file's length, then its bytes: the length keeps one file's end from passing for the next one's name. */
    private static void digestFile(MessageDigest digest, Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            update(digest, Long.toString(Files.size(file)));
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the code at " + file, e);
        }
    }

    /** A name or path, terminated so that two different lists of names never digest alike. */
    private static void update(MessageDigest digest, String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
