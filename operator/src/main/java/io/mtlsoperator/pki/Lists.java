package io.mtlsoperator.pki;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** List helpers for the request records, which accept null lists from optional spec fields. */
final class Lists {

    private Lists() {
    }

    /** Returns an immutable copy, empty for null; a null element is rejected with the field name. */
    static List<String> copyOf(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new PkiException(field + "[" + i + "] is null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * Normalises each value, keeps the first of duplicates, and prefixes an error with the field
     * name and index, as in {@code dnsNames[2]: "a..b" is not a valid DNS name: ...}.
     */
    static List<String> normalize(List<String> values, String field, UnaryOperator<String> normalizer) {
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                result.add(normalizer.apply(values.get(i)));
            } catch (PkiException e) {
                throw new PkiException(field + "[" + i + "]: " + e.getMessage());
            }
        }
        return List.copyOf(new ArrayList<>(result));
    }
}
