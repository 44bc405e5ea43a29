package io.slipway.core.audit.evidence;

import io.slipway.core.audit.export.DetachedSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** SHA256SUMS in {@code sha256sum -c} format ("HASH  relative/path"), over every file of a folder. */
final class Sums {
    private Sums() {
    }

    /** Writes {@code sums} over every regular file under {@code dir} (sorted, '/' separators); returns the count. */
    static int write(Path dir, Path sums) throws IOException {
        List<String> files = relativeFiles(dir);
        StringBuilder b = new StringBuilder();
        for (String f : files) {
            b.append(DetachedSignature.sha256(dir.resolve(f))).append("  ").append(f).append('\n');
        }
        Files.writeString(sums, b.toString(), StandardCharsets.UTF_8);
        return files.size();
    }

    /** Parses a SHA256SUMS file: relative path → hash, in file order; null on a malformed line (its number). */
    static Map<String, String> read(List<String> lines, int[] badLine) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.length() < 67 || !l.substring(0, 64).matches("[0-9a-f]{64}") || !l.startsWith("  ", 64)) {
                badLine[0] = i + 1;
                return null;
            }
            out.put(l.substring(66), l.substring(0, 64));
        }
        return out;
    }

    static List<String> relativeFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .forEach(out::add);
        }
        return out;
    }

    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a hidden staging folder left behind is harmless; the next run uses a new one
        }
    }
}
