package io.hashdesk.core.domain.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the catalog model behind a model string as firmware reports it, e.g. {@code "Antminer S19j Pro (Vnish
 * 1.2.0-rc3)"}. Matching works on whole words, ignoring case, parenthesised notes, a leading vendor word and trailing
 * control-board tags; among the names that fit, the longest wins. Anything else left over means a different model
 * ("S19j Pro+", "S19 XP Hydro") and gives no match: wrong limits are worse than none.
 */
final class FirmwareNameMatcher {

    /** "(Vnish 1.2.6)", "(88)", or an unclosed "(Vnish" at the end of a truncated string. */
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^)]*(\\)|$)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record Candidate(List<String> words, MinerModel model) {
    }

    private final Set<String> ignoredPrefixes;
    private final Set<String> ignoredSuffixes;
    private final List<Candidate> longestFirst;

    FirmwareNameMatcher(List<String> ignoredPrefixes, List<String> ignoredSuffixes, List<MinerModel> models) {
        this.ignoredPrefixes = lowerCase(ignoredPrefixes);
        this.ignoredSuffixes = lowerCase(ignoredSuffixes);
        List<Candidate> candidates = new ArrayList<>();
        for (MinerModel model : models) {
            for (String firmwareName : model.firmwareNames()) {
                candidates.add(new Candidate(words(firmwareName), model));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.words().size()).reversed()
                .thenComparing(c -> String.join(" ", c.words()).length(), Comparator.reverseOrder()));
        this.longestFirst = List.copyOf(candidates);
    }

    /** The model whose firmware name fits {@code minerType}, preferring the longest name. */
    Optional<MinerModel> match(String minerType) {
        if (minerType == null || minerType.isBlank()) {
            return Optional.empty();
        }
        List<String> reported = words(minerType);
        for (Candidate candidate : longestFirst) {
            if (fits(candidate.words(), reported)) {
                return Optional.of(candidate.model());
            }
        }
        return Optional.empty();
    }

    /** The comparable form of a name: "Antminer S19j  Pro (Vnish 1.2.6) AML" → "s19j pro". */
    String key(String name) {
        return String.join(" ", words(name));
    }

    private boolean fits(List<String> name, List<String> reported) {
        if (name.isEmpty() || reported.size() < name.size() || !reported.subList(0, name.size()).equals(name)) {
            return false;
        }
        return ignoredSuffixes.containsAll(reported.subList(name.size(), reported.size()));
    }

    private List<String> words(String text) {
        String cleaned = PARENTHESISED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        List<String> words = new ArrayList<>(cleaned.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(cleaned)));
        while (!words.isEmpty() && ignoredPrefixes.contains(words.getFirst())) {
            words.removeFirst();
        }
        while (!words.isEmpty() && ignoredSuffixes.contains(words.getLast())) {
            words.removeLast();
        }
        return List.copyOf(words);
    }

    private static Set<String> lowerCase(List<String> words) {
        return Set.copyOf(words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).toList());
    }
}
