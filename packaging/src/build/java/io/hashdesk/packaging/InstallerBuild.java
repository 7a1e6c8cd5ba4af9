package io.hashdesk.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds Hashdesk's runtime (jlink), app image and installers (jpackage) through the JDK's {@link ToolProvider}s,
 * with the options kept in argument files under {@code src/common} and {@code src/<os>}.
 *
 * <p>Run by the {@code installer} profile of {@code packaging/pom.xml} as a single-file program from the packaging
 * folder, so it needs no compile step of its own and every relative path (also inside the argument files) is
 * relative to that folder:
 * <pre>java src/build/java/io/hashdesk/packaging/InstallerBuild.java --pom-version=0.1.0-SNAPSHOT
 *     --main-jar=hashdesk-app-0.1.0-SNAPSHOT.jar --javafx-modules=target/javafx-modules
 *     --app-input=target/app-input --dest=target/installer [--types=deb,rpm]</pre>
 */
public final class InstallerBuild {

    /** What differs between the systems jpackage builds on; each builds installers only for itself. */
    enum TargetOs {
        LINUX("linux", "lib", List.of("deb", "rpm")),
        WINDOWS("windows", "bin/javafx", List.of("msi")),
        MACOS("macos", "lib", List.of("dmg"));

        final String folder;
        /** Where JavaFX looks for its native libraries in a linked runtime before unpacking them to ~/.openjfx. */
        final String javafxNativeDir;
        final List<String> installerTypes;

        TargetOs(String folder, String javafxNativeDir, List<String> installerTypes) {
            this.folder = folder;
            this.javafxNativeDir = javafxNativeDir;
            this.installerTypes = installerTypes;
        }

        static TargetOs current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            return name.startsWith("mac") ? MACOS : LINUX;
        }
    }

    /** A step that failed, with a sentence saying which and why; the tools' own messages are printed above it. */
    static final class BuildFailure extends RuntimeException {
        BuildFailure(String message) {
            super(message);
        }
    }

    record Options(String pomVersion, String mainJar, Path javafxModules, Path appInput, Path dest,
                   List<String> types) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (!arg.startsWith("--") || equals < 0) {
                    throw new BuildFailure("Expected arguments of the form --name=value, got '" + arg + "'");
                }
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
            String types = values.getOrDefault("types", "").strip();
            return new Options(required(values, "pom-version"), required(values, "main-jar"),
                    Path.of(required(values, "javafx-modules")), Path.of(required(values, "app-input")),
                    Path.of(required(values, "dest")),
                    types.isEmpty() ? List.of() : Arrays.stream(types.split(",")).map(String::strip).toList());
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new BuildFailure("Missing argument --" + name);
            }
            return value;
        }
    }

    private final Options options;
    private final TargetOs os;
    private final String appVersion;

    InstallerBuild(Options options, TargetOs os) {
        this.options = options;
        this.os = os;
        this.appVersion = numericVersion(options.pomVersion());
    }

    public static void main(String[] args) {
        try {
            new InstallerBuild(Options.parse(args), TargetOs.current()).build();
        } catch (BuildFailure e) {
            System.err.println("Installer build failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** jpackage takes one to three numbers; Maven's qualifier (-SNAPSHOT, -rc1) is dropped. */
    static String numericVersion(String pomVersion) {
        String numbers = pomVersion.split("-", 2)[0];
        if (!numbers.matches("\\d+(\\.\\d+){0,2}")) {
            throw new BuildFailure("jpackage needs a version of one to three numbers such as 1.2.3; the POM version '"
                    + pomVersion + "' does not start with one");
        }
        return numbers;
    }

    void build() {
        List<String> installerTypes = installerTypes();
        Path dest = options.dest();
        deleteTree(dest);
        Path runtime = dest.resolve("runtime");
        jlink(runtime);
        Path appImage = appImage(runtime, dest);
        System.out.printf("App image: %s (%.1f MiB)%n", appImage, mebibytes(treeSize(appImage)));
        for (String type : installerTypes) {
            Path installer = installer(type, runtime, dest);
            System.out.printf("Installer: %s (%.1f MiB)%n", installer, mebibytes(treeSize(installer)));
        }
    }

    private void jlink(Path runtime) {
        List<String> args = new ArrayList<>(argumentFile("common/jlink.args"));
        args.addAll(List.of("--module-path", options.javafxModules().toString(), "--output", runtime.toString()));
        run("jlink", args);
        copyJavafxNatives(runtime.resolve(os.javafxNativeDir));
    }

    /**
     * JavaFX's jars carry their native libraries as resources, which it would unpack into ~/.openjfx/cache on
     * every machine; placed where a linked runtime keeps them, they load straight from the install folder.
     */
    private void copyJavafxNatives(Path nativeDir) {
        try (Stream<Path> jars = Files.list(options.javafxModules())) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : zip.stream().filter(InstallerBuild::isTopLevelNativeLibrary).toList()) {
                        Files.createDirectories(nativeDir);
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, nativeDir.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new BuildFailure("Could not copy JavaFX's native libraries from " + options.javafxModules()
                    + " into " + nativeDir + ": " + e.getMessage());
        }
    }

    private static boolean isTopLevelNativeLibrary(ZipEntry entry) {
        String name = entry.getName();
        return !entry.isDirectory() && !name.contains("/")
                && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"));
    }

    private Path appImage(Path runtime, Path dest) {
        return jpackage("app-image", runtime, dest.resolve("app-image"), List.of());
    }

    /**
     * Packages from the same inputs as the app image rather than from the app image itself: given an app image,
     * jpackage on Linux replaces its icon with Java's default one.
     */
    private Path installer(String type, Path runtime, Path dest) {
        return jpackage(type, runtime, dest.resolve(type), argumentFile(os.folder + "/" + type + ".args"));
    }

    private Path jpackage(String type, Path runtime, Path typeDest, List<String> typeArgs) {
        List<String> args = new ArrayList<>(argumentFile("common/app.args"));
        args.addAll(argumentFile("common/launcher.args"));
        args.addAll(argumentFile(os.folder + "/app-image.args"));
        args.addAll(typeArgs);
        args.addAll(List.of("--type", type, "--app-version", appVersion, "--input", options.appInput().toString(),
                "--main-jar", options.mainJar(), "--runtime-image", runtime.toString(), "--dest", typeDest.toString()));
        run("jpackage", args);
        try (Stream<Path> made = Files.list(typeDest)) {
            return made.findFirst().orElseThrow(() -> new BuildFailure("jpackage made no " + type + " in " + typeDest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The options in {@code src/<name>}: whitespace-separated, a value with spaces in double quotes, lines that
     * start with {@code #} are comments. Read here because jlink's ToolProvider, unlike its command, does not
     * expand {@code @file} arguments.
     */
    static List<String> argumentFile(String name) {
        Path file = Path.of("src", name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new BuildFailure("Cannot read the argument file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("#")) {
                args.addAll(splitLine(line, file, i + 1));
            }
        }
        return args;
    }

    private static List<String> splitLine(String line, Path file, int lineNumber) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new BuildFailure(file + " line " + lineNumber + ": a double quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The types asked for, or every type this OS builds; .rpm only where rpmbuild is installed. */
    private List<String> installerTypes() {
        if (!options.types().isEmpty()) {
            for (String type : options.types()) {
                if (!type.equals("app-image") && !os.installerTypes.contains(type)) {
                    throw new BuildFailure("Cannot build '" + type + "' on " + os.folder + "; this system builds "
                            + os.installerTypes + " or app-image only");
                }
            }
            return options.types().stream().filter(type -> !type.equals("app-image")).toList();
        }
        List<String> types = new ArrayList<>(os.installerTypes);
        if (types.contains("rpm") && !onPath("rpmbuild")) {
            types.remove("rpm");
            System.out.println("Skipping .rpm: rpmbuild is not installed (Debian/Ubuntu: apt-get install rpm)");
        }
        return types;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, command)));
    }

    private static void run(String toolName, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(toolName).orElseThrow(() -> new BuildFailure(toolName
                + " is not part of the JDK at " + System.getProperty("java.home") + "; build with a full JDK 25"));
        System.out.println("> " + toolName + " " + args.stream()
                .map(arg -> arg.contains(" ") ? '"' + arg + '"' : arg).collect(Collectors.joining(" ")));
        long start = System.nanoTime();
        int exitCode = tool.run(System.out, System.err, args.toArray(String[]::new));
        if (exitCode != 0) {
            throw new BuildFailure(toolName + " exited with code " + exitCode + " (its messages are above)");
        }
        System.out.printf("  %s took %.1f s%n", toolName, (System.nanoTime() - start) / 1e9);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new BuildFailure("Could not delete the previous build in " + root + ": " + e.getMessage());
        }
    }

    private static long treeSize(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
