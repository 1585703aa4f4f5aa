package io.finagent.cache.domain;

import java.util.regex.Pattern;

/** A Redis-style glob ({@code *}, {@code ?}, {@code [abc]}, {@code \} escapes) as a Java and a PostgreSQL regular expression. */
public final class Glob {

    private Glob() {
    }

    public static Pattern toPattern(String glob) {
        return Pattern.compile(toRegex(glob), Pattern.DOTALL);
    }

    /** Anchored; every character that is not glob syntax is quoted. */
    public static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("^");
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    regex.append(']');
                } else {
                    regex.append(Character.isLetterOrDigit(c) || c == '-' ? String.valueOf(c) : "\\" + c);
                }
                continue;
            }
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    inClass = true;
                    regex.append('[');
                }
                case '\\' -> regex.append(i + 1 < glob.length() ? quote(glob.charAt(++i)) : quote('\\'));
                default -> regex.append(quote(c));
            }
        }
        if (inClass) {
            throw new IllegalArgumentException("unclosed [ in the pattern");
        }
        return regex.append('$').toString();
    }

    private static String quote(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }
}
