package io.finagent.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documentation is whole in a clone: every relative link of every Markdown file points at a file of the repository. */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkStaysInTheRepositoryAndFindsItsFile() throws IOException {
        Path root = Repo.root();
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).filter(f -> !ignored(root.relativize(f))).toList()) {
                Matcher link = LINK.matcher(Files.readString(file));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                        continue; // a web address or a heading of the same page
                    }
                    Path resolved = file.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                    if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                        broken.add(root.relativize(file) + ": " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** Build output, local state and tools' own folders are not the documentation. */
    private static boolean ignored(Path relative) {
        String first = relative.getName(0).toString();
        return first.startsWith(".") || relative.toString().contains("/target/") || relative.toString().contains("node_modules");
    }
}
