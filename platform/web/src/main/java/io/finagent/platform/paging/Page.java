package io.finagent.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint: items, the page asked for, and the total to page through. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
