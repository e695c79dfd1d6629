package org.hrnode.node.fileimport;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The regular files under a directory, recursively and in a stable (sorted) order, so that the progress total is
 * known before the first file is imported. Symbolic links are followed, because media and shares are often linked
 * in; a link back into a directory already being walked is a loop, skipped and reported rather than walked forever.
 * Unreadable entries are reported and skipped too.
 *
 * @param files the regular files found
 * @param totalBytes their size when walked, for progress
 * @param problems what was skipped and why, one line each
 */
public record SourceFiles(List<Path> files, long totalBytes, List<String> problems) {

    public SourceFiles {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /**
     * Walks {@code dir}.
     *
     * @throws IOException if {@code dir} itself is not a readable directory
     */
    public static SourceFiles under(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long[] totalBytes = new long[1];
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            files.add(file);
                            totalBytes[0] += attributes.size();
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(e instanceof FileSystemLoopException
                                ? file + ": symbolic link loop, not followed"
                                : file + ": cannot be read (" + e.getMessage() + ")");
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        return new SourceFiles(files, totalBytes[0], problems);
    }
}
